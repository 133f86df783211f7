import * as d3 from 'd3';
import type { MachineState } from '../../model/machineState.ts';
import type { ExperimentResultFile } from '../../experiment/runExperiment.ts';
import { STATE_COLOURS } from '../../twin/statePalette.ts';

type Result = ExperimentResultFile;
const W = 560;
const SERIES = d3.schemeTableau10;

function Axis({ scale, y, label, ticks = 5, format }: { scale: d3.ScaleLinear<number, number>; y: number; label: string; ticks?: number; format?: (n: number) => string }) {
  const f = format ?? scale.tickFormat(ticks);
  return (
    <g transform={`translate(0,${y})`} className="chart-axis">
      <line x1={scale.range()[0]} x2={scale.range()[1]} stroke="#888" />
      {scale.ticks(ticks).map((t) => (
        <g key={t} transform={`translate(${scale(t)},0)`}><line y2={4} stroke="#888" /><text y={15} textAnchor="middle">{f(t)}</text></g>
      ))}
      <text x={scale.range()[1]} y={30} textAnchor="end" className="chart-label">{label}</text>
    </g>
  );
}

/** Lead-time distributions, one box per system: whiskers p5–p95, box p25–p75, line at the median. */
export function LeadTimeBoxes({ result }: { result: Result }) {
  const row = 26;
  const h = result.systems.length * row + 40;
  const max = d3.max(result.systems, (s) => s.leadTime.p95 ?? 0) ?? 1;
  const x = d3.scaleLinear().domain([0, (max / 60) * 1.05]).range([150, W - 10]).nice();
  const hours = (m: number | null) => x((m ?? 0) / 60);
  return (
    <svg width={W} height={h} role="img" aria-label="Lead-time distribution per system" data-testid="chart-lead-time">
      {result.systems.map((s, i) => {
        const y = i * row + 14;
        const l = s.leadTime;
        return (
          <g key={s.id}>
            <text x={145} y={y + 4} textAnchor="end" className="chart-name">{s.id}</text>
            <line x1={hours(l.p5)} x2={hours(l.p95)} y1={y} y2={y} stroke="#555" />
            <rect x={hours(l.p25)} width={Math.max(1, hours(l.p75) - hours(l.p25))} y={y - 8} height={16} fill={SERIES[i % 10]} fillOpacity={0.6} stroke="#333" />
            <line x1={hours(l.p50)} x2={hours(l.p50)} y1={y - 8} y2={y + 8} stroke="#000" strokeWidth={2} />
          </g>
        );
      })}
      <Axis scale={x} y={result.systems.length * row + 4} label="lead time (h): p5 · p25 · median · p75 · p95" />
    </svg>
  );
}

/** Utilisation by state per machine of one system: stacked shares of the measured window. */
export function StateBars({ result, system }: { result: Result; system: number }) {
  const s = result.systems[system]!;
  const used = s.equipment.filter((e) => e.oee !== null);
  const row = 16;
  const h = used.length * row + 74;
  const x = d3.scaleLinear().domain([0, 1]).range([90, W - 10]);
  const states = result.states as readonly MachineState[];
  return (
    <svg width={W} height={h} role="img" aria-label={`Time in state per machine, ${s.id}`} data-testid="chart-states">
      {used.map((e, i) => {
        let at = 0;
        const bottleneck = s.bottleneck?.id === e.id;
        return (
          <g key={e.id} transform={`translate(0,${i * row})`}>
            <text x={85} y={11} textAnchor="end" className="chart-name" fontWeight={bottleneck ? 700 : 400}>{bottleneck ? `▶ ${e.id}` : e.id}</text>
            {e.stateShares.map((share, k) => {
              const from = at;
              at += share;
              return share > 0 ? <rect key={k} x={x(from)} width={x(at) - x(from)} y={2} height={row - 4} fill={STATE_COLOURS[states[k]!]}><title>{`${states[k]} ${(share * 100).toFixed(1)} %`}</title></rect> : null;
            })}
          </g>
        );
      })}
      <Axis scale={x} y={used.length * row + 4} label="share of the measured window" format={d3.format('.0%')} />
      <g transform={`translate(90,${used.length * row + 38})`}>
        {states.filter((st) => st !== 'unknown').map((st, k) => (
          <g key={st} transform={`translate(${(k % 5) * 90},${Math.floor(k / 5) * 14})`}><rect width={10} height={10} fill={STATE_COLOURS[st]} /><text x={13} y={9} className="chart-legend">{st}</text></g>
        ))}
      </g>
    </svg>
  );
}

/** WIP over time: each system's mean across replications with its 95 % band. */
export function WipBands({ result }: { result: Result }) {
  const h = 220;
  const longest = d3.max(result.systems, (s) => s.wip.mean.length) ?? 0;
  const first = result.systems[0]!.wip;
  const x = d3.scaleLinear().domain([0, ((longest - 1) * first.every) / 1440]).range([40, W - 10]);
  const top = d3.max(result.systems, (s) => d3.max(s.wip.upper, (v) => v ?? 0)) ?? 1;
  const y = d3.scaleLinear().domain([0, top * 1.05]).range([h - 40, 10]).nice();
  return (
    <svg width={W} height={h} role="img" aria-label="Work in process over time with 95 % bands" data-testid="chart-wip">
      {result.systems.map((s, i) => {
        const day = (k: number) => x((k * s.wip.every) / 1440);
        const band = d3.area<number>().x((k) => day(k)).y0((k) => y(s.wip.lower[k] ?? s.wip.mean[k] ?? 0)).y1((k) => y(s.wip.upper[k] ?? s.wip.mean[k] ?? 0));
        const line = d3.line<number>().x((k) => day(k)).y((k) => y(s.wip.mean[k] ?? 0));
        const ks = d3.range(s.wip.mean.length);
        return (
          <g key={s.id}>
            <path d={band(ks) ?? ''} fill={SERIES[i % 10]} fillOpacity={0.18} />
            <path d={line(ks) ?? ''} fill="none" stroke={SERIES[i % 10]} strokeWidth={1.5} />
          </g>
        );
      })}
      {y.ticks(4).map((t) => <text key={t} x={34} y={y(t) + 4} textAnchor="end" className="chart-tick">{t}</text>)}
      <Axis scale={x} y={h - 36} label="day of the run; WIP in lots" />
      <Legend result={result} y={h - 8} />
    </svg>
  );
}

/** Units finished per day, each system's mean with its 95 % interval. */
export function PerDayBars({ result }: { result: Result }) {
  const h = 220;
  const days = d3.max(result.systems, (s) => s.perDay.units.length) ?? 0;
  const x = d3.scaleBand<number>().domain(d3.range(days)).range([40, W - 10]).padding(0.2);
  const inner = d3.scaleBand<number>().domain(d3.range(result.systems.length)).range([0, x.bandwidth()]).padding(0.05);
  const top = d3.max(result.systems, (s) => d3.max(s.perDay.units, (i) => i.upper ?? i.mean ?? 0)) ?? 1;
  const y = d3.scaleLinear().domain([0, top * 1.05]).range([h - 40, 10]).nice();
  return (
    <svg width={W} height={h} role="img" aria-label="Units finished per day with 95 % intervals" data-testid="chart-per-day">
      {result.systems.map((s, i) => s.perDay.units.map((u, d) => (
        <g key={`${s.id}-${d}`}>
          <rect x={(x(d) ?? 0) + (inner(i) ?? 0)} width={inner.bandwidth()} y={y(u.mean ?? 0)} height={Math.max(0, y(0) - y(u.mean ?? 0))} fill={SERIES[i % 10]} />
          {u.lower !== null && u.upper !== null && (
            <line x1={(x(d) ?? 0) + (inner(i) ?? 0) + inner.bandwidth() / 2} x2={(x(d) ?? 0) + (inner(i) ?? 0) + inner.bandwidth() / 2} y1={y(u.lower)} y2={y(u.upper)} stroke="#222" />
          )}
        </g>
      )))}
      {y.ticks(4).map((t) => <text key={t} x={34} y={y(t) + 4} textAnchor="end" className="chart-tick">{t}</text>)}
      {d3.range(days).map((d) => <text key={d} x={(x(d) ?? 0) + x.bandwidth() / 2} y={h - 26} textAnchor="middle" className="chart-tick">day {d + 1}</text>)}
      <Legend result={result} y={h - 8} />
    </svg>
  );
}

function Legend({ result, y }: { result: Result; y: number }) {
  return (
    <g transform={`translate(40,${y})`}>
      {result.systems.slice(0, 10).map((s, i) => (
        <g key={s.id} transform={`translate(${i * 90},0)`}><rect y={-9} width={10} height={10} fill={SERIES[i % 10]} /><text x={13} className="chart-legend">{s.id}</text></g>
      ))}
    </g>
  );
}

/**
 * A sweep's response: the selection KPI (or units per day) against the first factor's levels, one
 * line per level of the second factor; the chosen configuration ringed.
 */
export function ResponsePlot({ result }: { result: Result }) {
  const names = Object.keys(result.systems[0]!.levels);
  if (names.length === 0) return null;
  const kpi = (result.selection?.kpi ?? 'unitsPerDay') as keyof Result['systems'][number]['kpis'];
  const [xName, groupName] = names;
  const levels = [...new Set(result.systems.map((s) => String(s.levels[xName!])))];
  const groups = groupName ? [...new Set(result.systems.map((s) => String(s.levels[groupName])))] : [''];
  const h = 240;
  const x = d3.scalePoint<string>().domain(levels).range([60, W - 20]).padding(0.3);
  const values = result.systems.flatMap((s) => [s.kpis[kpi].lower, s.kpis[kpi].upper, s.kpis[kpi].mean]).filter((v): v is number => v !== null);
  const y = d3.scaleLinear().domain(d3.extent(values) as [number, number]).range([h - 50, 10]).nice();
  return (
    <svg width={W} height={h} role="img" aria-label={`Response of ${kpi} to ${names.join(' and ')}`} data-testid="chart-response">
      {groups.map((g, gi) => {
        const members = result.systems.filter((s) => !groupName || String(s.levels[groupName]) === g);
        const line = d3.line<(typeof members)[number]>().x((s) => x(String(s.levels[xName!])) ?? 0).y((s) => y(s.kpis[kpi].mean ?? 0));
        return (
          <g key={g}>
            <path d={line(members) ?? ''} fill="none" stroke={SERIES[gi % 10]} strokeWidth={1.5} />
            {members.map((s) => (
              <g key={s.id}>
                {s.kpis[kpi].lower !== null && s.kpis[kpi].upper !== null && (
                  <line x1={x(String(s.levels[xName!]))} x2={x(String(s.levels[xName!]))} y1={y(s.kpis[kpi].lower!)} y2={y(s.kpis[kpi].upper!)} stroke={SERIES[gi % 10]} />
                )}
                <circle cx={x(String(s.levels[xName!]))} cy={y(s.kpis[kpi].mean ?? 0)} r={result.selection?.best === s.id ? 7 : 3}
                  fill={result.selection?.best === s.id ? 'none' : SERIES[gi % 10]} stroke={result.selection?.best === s.id ? '#000' : 'none'} strokeWidth={2} />
              </g>
            ))}
            {groupName && <text x={W - 20} y={14 + gi * 14} textAnchor="end" fill={SERIES[gi % 10]} className="chart-legend">{`${groupName} = ${g}`}</text>}
          </g>
        );
      })}
      {y.ticks(5).map((t) => <text key={t} x={54} y={y(t) + 4} textAnchor="end" className="chart-tick">{d3.format('~g')(t)}</text>)}
      {levels.map((l) => <text key={l} x={x(l)} y={h - 32} textAnchor="middle" className="chart-tick">{l}</text>)}
      <text x={W - 20} y={h - 14} textAnchor="end" className="chart-label">{`${xName} → ${kpi} (mean, 95 % interval; ringed: the best)`}</text>
    </svg>
  );
}
