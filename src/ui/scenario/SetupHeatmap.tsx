import * as d3 from 'd3';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Problem } from '../../model/problem.ts';
import type { ScenarioInput } from '../../model/scenarioSchema.ts';
import { CheckedNumber } from './CheckedNumber.tsx';

type Matrix = NonNullable<ScenarioInput['setupMatrices']>[number];

/** Minutes a changeover may take: what the format allows (finite, not negative). */
export function checkMinutes(value: number | undefined): string | undefined {
  if (value === undefined) return 'minutes (0 for no changeover)';
  return Number.isFinite(value) && value >= 0 ? undefined : 'minutes ≥ 0';
}

/**
 * Light for no changeover, dark for the longest: one hue whose lightness falls with the minutes,
 * so the order reads the same with any colour vision and in greyscale.
 */
function colourScale(max: number) {
  return d3.scaleSequential(d3.interpolateBlues).domain([0, Math.max(1, max)]);
}

const textOn = (fill: string) => (d3.lab(fill).l < 58 ? '#fff' : '#111');

function Legend({ max }: { max: number }) {
  const colour = colourScale(max);
  const width = 220;
  const x = d3.scaleLinear().domain([0, Math.max(1, max)]).range([0, width]);
  const id = 'setup-legend-gradient';
  return (
    <svg width={width + 40} height={38} role="img" aria-label={`Colour scale: 0 to ${max} minutes`} className="setup-legend">
      <defs>
        <linearGradient id={id}>
          {d3.range(0, 1.0001, 0.1).map((t) => <stop key={t} offset={`${t * 100}%`} stopColor={colour(t * Math.max(1, max))} />)}
        </linearGradient>
      </defs>
      <rect x={10} y={4} width={width} height={12} fill={`url(#${id})`} stroke="#888" />
      {x.ticks(5).map((t) => (
        <g key={t} transform={`translate(${10 + x(t)},16)`} className="chart-axis">
          <line y2={4} stroke="#888" /><text y={15} textAnchor="middle">{t}</text>
        </g>
      ))}
    </svg>
  );
}

/**
 * One changeover matrix as a heatmap: rows are what the machine is set up for (from), columns
 * what comes next (to). A grid for the keyboard: arrows (Home/End, Ctrl+Home/End) move, Enter or
 * F2 or a digit edits, Enter saves, Escape cancels. A value the format refuses is not saved and
 * the cell says why; the loader's own problems about a cell show on it as well.
 */
function MatrixGrid({ matrix, index, problems, scenarioFile, onCell }: {
  matrix: Matrix; index: number; problems: readonly Problem[]; scenarioFile: string;
  onCell(row: number, col: number, minutes: number): void;
}) {
  const n = matrix.keys.length;
  const max = d3.max(matrix.times.flat()) ?? 0;
  const colour = colourScale(max);
  const [active, setActive] = useState({ r: 0, c: 0 });
  const [editing, setEditing] = useState<{ text: string; error?: string; selectAll?: boolean }>();
  const cells = useRef(new Map<string, HTMLTableCellElement | null>());
  const grid = useRef<HTMLTableElement>(null);
  const focusWithin = useRef(false);
  useEffect(() => {
    if (focusWithin.current && !editing) cells.current.get(`${active.r}/${active.c}`)?.focus();
  }, [active, editing]);
  const problemAt = (r: number, c: number) => problems.find((p) => p.file === scenarioFile && p.path === `setupMatrices[${index}].times[${r}][${c}]`);

  const commit = () => {
    if (!editing) return;
    const text = editing.text.trim().replace(',', '.');
    const value = text === '' ? undefined : Number(text);
    const why = checkMinutes(value);
    if (why) {
      setEditing({ ...editing, error: `Expected ${why}, found "${editing.text}"` });
      return;
    }
    onCell(active.r, active.c, value!);
    setEditing(undefined);
  };

  const onKey = (e: KeyboardEvent) => {
    if (editing) {
      if (e.key === 'Enter') { e.preventDefault(); commit(); }
      if (e.key === 'Escape') { e.preventDefault(); setEditing(undefined); }
      return;
    }
    const { r, c } = active;
    const move = (nr: number, nc: number) => { e.preventDefault(); setActive({ r: Math.max(0, Math.min(n - 1, nr)), c: Math.max(0, Math.min(n - 1, nc)) }); };
    switch (e.key) {
      case 'ArrowUp': return move(r - 1, c);
      case 'ArrowDown': return move(r + 1, c);
      case 'ArrowLeft': return move(r, c - 1);
      case 'ArrowRight': return move(r, c + 1);
      case 'Home': return e.ctrlKey ? move(0, 0) : move(r, 0);
      case 'End': return e.ctrlKey ? move(n - 1, n - 1) : move(r, n - 1);
      case 'Enter': case 'F2':
        e.preventDefault();
        setEditing({ text: String(matrix.times[r]?.[c] ?? ''), selectAll: true });
        return;
      default:
        if (/^[0-9.]$/.test(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey) {
          e.preventDefault();
          setEditing({ text: e.key });
        }
    }
  };

  return (
    <table
      ref={grid} role="grid" className="setup-grid" aria-label={`Changeover minutes of ${matrix.id}, from the row's ${matrix.attribute} to the column's`}
      aria-describedby={`setup-help-${index}`} data-testid={`setup-grid-${matrix.id}`} onKeyDown={onKey}
      onFocus={() => { focusWithin.current = true; }} onBlur={(e) => { if (!grid.current?.contains(e.relatedTarget as Node)) focusWithin.current = false; }}
    >
      <thead>
        <tr role="row">
          <th role="columnheader" scope="col" className="setup-corner">from ↓ to →</th>
          {matrix.keys.map((k) => <th key={k} role="columnheader" scope="col">{k}</th>)}
        </tr>
      </thead>
      <tbody>
        {matrix.keys.map((from, r) => (
          <tr key={from} role="row">
            <th role="rowheader" scope="row">{from}</th>
            {matrix.keys.map((to, c) => {
              const minutes = matrix.times[r]?.[c];
              const fill = minutes === undefined || !Number.isFinite(minutes) ? '#eee' : colour(minutes);
              const isActive = active.r === r && active.c === c;
              const problem = problemAt(r, c);
              return (
                <td
                  key={to} role="gridcell" tabIndex={isActive && !editing ? 0 : -1} ref={(el) => { cells.current.set(`${r}/${c}`, el); }}
                  aria-selected={isActive} aria-label={`${from} to ${to}: ${minutes ?? 'missing'} minutes${problem ? `; ${problem.expected} expected` : ''}`}
                  aria-invalid={problem ? true : undefined}
                  className={`setup-cell${isActive ? ' active' : ''}${problem ? ' invalid' : ''}`} style={{ background: fill, color: textOn(fill) }}
                  data-testid={`setup-cell-${r}-${c}`}
                  onClick={() => setActive({ r, c })}
                  onDoubleClick={() => { setActive({ r, c }); setEditing({ text: String(minutes ?? ''), selectAll: true }); }}
                >
                  {isActive && editing ? (
                    <span className="setup-edit">
                      <input
                        autoFocus value={editing.text} aria-label={`Minutes from ${from} to ${to}`} inputMode="decimal" data-testid="setup-cell-input"
                        aria-invalid={editing.error ? true : undefined} aria-describedby={editing.error ? `setup-error-${index}` : undefined}
                        onFocus={(e) => { if (editing.selectAll) e.target.select(); }}
                        onChange={(e) => setEditing({ text: e.target.value })} onBlur={() => setEditing(undefined)}
                      />
                      {editing.error && <span id={`setup-error-${index}`} role="alert" className="setup-error">{editing.error}</span>}
                    </span>
                  ) : minutes ?? '–'}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The scenario's changeover (setup) matrices: one chosen at a time as an editable heatmap, with
 * its colour scale, what it applies to, and its first changeover after a start from nothing.
 */
export function SetupHeatmap({ draft, problems, scenarioFile, edit }: {
  draft: ScenarioInput; problems: readonly Problem[]; scenarioFile: string;
  edit(change: (d: ScenarioInput) => ScenarioInput): void;
}) {
  const matrices = useMemo(() => draft.setupMatrices ?? [], [draft.setupMatrices]);
  const [chosen, setChosen] = useState(matrices[0]?.id ?? '');
  const index = Math.max(0, matrices.findIndex((m) => m.id === chosen));
  const matrix = matrices[index];
  if (!matrix) return <p data-testid="setup-editor">This scenario has no changeover matrices.</p>;
  const update = (change: (m: Matrix) => Matrix) => edit((d) => ({ ...d, setupMatrices: d.setupMatrices!.map((m, i) => (i === index ? change(m) : m)) }));
  const max = d3.max(matrix.times.flat()) ?? 0;
  return (
    <div data-testid="setup-editor">
      <div className="live-actions">
        <label>Matrix{' '}
          <select value={matrix.id} onChange={(e) => setChosen(e.target.value)} aria-label="Changeover matrix" data-testid="setup-matrix">
            {matrices.map((m) => <option key={m.id} value={m.id}>{m.id}</option>)}
          </select>
        </label>
        <span className="experiment-note">on {matrix.equipment.join(', ')}, by {matrix.attribute ?? 'family'}</span>
      </div>
      <p id={`setup-help-${index}`} className="experiment-note">
        Minutes to change over from the row's {matrix.attribute ?? 'family'} to the column's. Arrow keys move, Enter or a digit edits, Enter saves, Escape cancels.
      </p>
      <MatrixGrid
        matrix={matrix} index={index} problems={problems} scenarioFile={scenarioFile}
        onCell={(r, c, minutes) => update((m) => ({ ...m, times: m.times.map((row, i) => (i === r ? row.map((x, j) => (j === c ? minutes : x)) : row)) }))}
      />
      <div className="live-actions">
        <Legend max={max} />
        <label>First changeover (minutes, from a start with nothing set up){' '}
          <CheckedNumber label={`First changeover of ${matrix.id}`} value={matrix.initial} placeholder="0" width={56} check={(v) => (v === undefined ? undefined : checkMinutes(v))}
            problem={problems.find((p) => p.file === scenarioFile && p.path === `setupMatrices[${index}].initial`)?.expected}
            onCommit={(v) => update((m) => { const { initial: _, ...rest } = m; return v === undefined ? rest : { ...rest, initial: v }; })} />
        </label>
      </div>
    </div>
  );
}
