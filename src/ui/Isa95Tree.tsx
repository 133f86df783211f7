import { createContext, useContext, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Equipment, Layout } from '../model/layoutSchema.ts';
import { twinStore, useTwin, viewStore } from '../state/twinStore.ts';
import { equipmentBox } from '../twin/cameraFit.ts';
import { STATE_COLOURS, STATE_LABELS, STATE_LETTERS } from '../twin/statePalette.ts';
import { useMachineStates, type MachineRow } from './useMachineStates.ts';
import './machineStates.css';

/**
 * Roving tabindex: the tree is one Tab stop; arrows move within it. `active` is the key of the one
 * button that takes Tab focus (`node:<id>`, `equipment:<id>`, `focus:<id>`).
 */
interface TreeFocus { active: string; setActive(key: string): void; states: ReadonlyMap<string, MachineRow> }
const TreeContext = createContext<TreeFocus>({ active: '', setActive: () => {}, states: new Map() });

const roving = (key: string, f: TreeFocus) => ({ tabIndex: key === f.active ? 0 : -1, onFocus: () => f.setActive(key), 'data-roving': key });

/** Up/Down (and Home/End) move between the tree's rows; Right to a row's focus button, Left back. */
function moveFocus(event: KeyboardEvent<HTMLElement>): void {
  const target = event.target as HTMLElement;
  const key = target.dataset.roving;
  if (!key) return;
  const all = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-roving]')];
  const rows = all.filter((b) => !b.dataset.roving!.startsWith('focus:'));
  const at = rows.indexOf(key.startsWith('focus:') ? all.find((b) => b.dataset.roving === `equipment:${key.slice(6)}`)! : target);
  let next: HTMLElement | undefined;
  switch (event.key) {
    case 'ArrowDown': next = rows[Math.min(rows.length - 1, at + 1)]; break;
    case 'ArrowUp': next = rows[Math.max(0, at - 1)]; break;
    case 'Home': next = rows[0]; break;
    case 'End': next = rows[rows.length - 1]; break;
    case 'ArrowRight': next = key.startsWith('equipment:') ? all.find((b) => b.dataset.roving === `focus:${key.slice(10)}`) : undefined; break;
    case 'ArrowLeft': next = key.startsWith('focus:') ? rows[at] : undefined; break;
    default: return;
  }
  event.preventDefault();
  next?.focus();
}

const select = (id: string) => twinStore.getState().select(id);

function focus(items: readonly Equipment[]) {
  const box = equipmentBox(items);
  if (box) viewStore.getState().focusOn(box);
}

/** The plant's ISA-95 hierarchy: site → area → line → work cell → equipment. A level's name focuses the camera on it. */
export function Isa95Tree() {
  const layout = useTwin((s) => s.plant?.layout);
  const selected = useTwin((s) => s.selected);
  const rows = useMachineStates();
  const [active, setActive] = useState('');
  const states = useMemo(() => new Map(rows?.map((r) => [r.id, r])), [rows]);
  // The Tab stop follows the selection; before any, it is the site.
  const current = active || (selected !== undefined ? `equipment:${selected}` : layout ? `node:${layout.site.id}` : '');
  const context = useMemo(() => ({ active: current, setActive, states }), [current, states]);
  useEffect(() => { if (selected !== undefined) setActive(`equipment:${selected}`); }, [selected]);
  if (!layout) return <nav className="tree" aria-label="Equipment hierarchy"><p className="empty">No plant open.</p></nav>;
  return (
    <nav className="tree" aria-label="Equipment hierarchy" onKeyDown={moveFocus} aria-describedby="tree-keys">
      <p id="tree-keys" className="visually-hidden">Arrow keys move between rows; Enter selects; Right arrow reaches a machine's focus button.</p>
      <TreeContext.Provider value={context}>
        <SiteTree layout={layout} selected={selected} />
      </TreeContext.Provider>
    </nav>
  );
}

function Level({ kind, id, name, items, children }: { kind: string; id: string; name: string; items: () => Equipment[]; children: ReactNode }) {
  const f = useContext(TreeContext);
  return (
    <li className={`tree-level tree-${kind.toLowerCase()}`}>
      <div className="tree-label">
        <button
          type="button"
          className="tree-node"
          onClick={() => (kind === 'Site' ? viewStore.getState().fitPlant() : focus(items()))}
          title={`Focus the camera on ${name}`}
          data-testid="tree-node"
          data-node-id={id}
          {...roving(`node:${id}`, f)}
        >
          <span className="tree-kind">{kind}</span> {name}
        </button>
      </div>
      <ul>{children}</ul>
    </li>
  );
}

type Area = Layout['site']['areas'][number];
type Line = Area['lines'][number];

const lineEquipment = (line: Line) => line.cells.flatMap((c) => c.equipment);
const areaEquipment = (area: Area) => area.lines.flatMap(lineEquipment);

function SiteTree({ layout, selected }: { layout: Layout; selected: string | undefined }) {
  const { site } = layout;
  return (
    <ul className="tree-root">
      <Level kind="Site" id={site.id} name={site.name} items={() => site.areas.flatMap(areaEquipment)}>
        {site.areas.map((area) => (
          <Level key={area.id} kind="Area" id={area.id} name={area.name} items={() => areaEquipment(area)}>
            {area.lines.map((line) => (
              <Level key={line.id} kind="Line" id={line.id} name={line.name} items={() => lineEquipment(line)}>
                {line.cells.map((cell) => (
                  <Level key={cell.id} kind="Cell" id={cell.id} name={cell.name} items={() => cell.equipment}>
                    {cell.equipment.map((e) => <EquipmentRow key={e.id} equipment={e} selected={e.id === selected} />)}
                  </Level>
                ))}
              </Level>
            ))}
          </Level>
        ))}
      </Level>
    </ul>
  );
}

function EquipmentRow({ equipment, selected }: { equipment: Equipment; selected: boolean }) {
  const ref = useRef<HTMLButtonElement>(null);
  const f = useContext(TreeContext);
  const row = f.states.get(equipment.id);
  useEffect(() => {
    // A pick in the 3D view brings the row into sight.
    if (selected) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  return (
    <li className="tree-equipment-row">
      <button
        ref={ref}
        type="button"
        className={`tree-equipment${row ? ' has-state' : ''}`}
        aria-pressed={selected}
        data-testid="tree-equipment"
        data-equipment-id={equipment.id}
        onClick={() => select(equipment.id)}
        {...roving(`equipment:${equipment.id}`, f)}
      >
        {row && (
          <span className={`state-dot${row.stale ? ' stale' : ''}`} style={{ background: STATE_COLOURS[row.state] }} data-testid="tree-state" data-state={row.state}
            title={`${STATE_LABELS[row.state]}${row.stale ? ` (${row.freshness ?? 'stale'})` : ''}`}>
            <span className="visually-hidden">{STATE_LABELS[row.state]}{row.stale ? ', stale' : ''}: </span>
            <span aria-hidden="true">{STATE_LETTERS[row.state]}</span>
          </span>
        )}
        <span className="equipment-name">{equipment.name}</span>
        <span className="equipment-meta">{equipment.id} · {equipment.type}</span>
      </button>
      <button
        type="button"
        className="tree-focus"
        onClick={() => focus([equipment])}
        aria-label={`Focus the camera on ${equipment.name}`}
        title="Focus the camera on it"
        data-testid="focus-equipment"
        data-focus-id={equipment.id}
        {...roving(`focus:${equipment.id}`, f)}
      >
        <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
          <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
          <path d="M7 0v3.5M7 10.5V14M0 7h3.5M10.5 7H14" stroke="currentColor" strokeWidth="1.4" />
        </svg>
      </button>
    </li>
  );
}
