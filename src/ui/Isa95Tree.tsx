import { useEffect, useRef, type ReactNode } from 'react';
import type { Equipment, Layout } from '../model/layoutSchema.ts';
import { twinStore, useTwin, viewStore } from '../state/twinStore.ts';
import { equipmentBox } from '../twin/cameraFit.ts';

const select = (id: string) => twinStore.getState().select(id);

function focus(items: readonly Equipment[]) {
  const box = equipmentBox(items);
  if (box) viewStore.getState().focusOn(box);
}

/** The plant's ISA-95 hierarchy: site → area → line → work cell → equipment. A level's name focuses the camera on it. */
export function Isa95Tree() {
  const layout = useTwin((s) => s.plant?.layout);
  const selected = useTwin((s) => s.selected);
  if (!layout) return <nav className="tree" aria-label="Equipment hierarchy"><p className="empty">No plant open.</p></nav>;
  return (
    <nav className="tree" aria-label="Equipment hierarchy">
      <SiteTree layout={layout} selected={selected} />
    </nav>
  );
}

function Level({ kind, id, name, items, children }: { kind: string; id: string; name: string; items: () => Equipment[]; children: ReactNode }) {
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
  useEffect(() => {
    // A pick in the 3D view brings the row into sight.
    if (selected) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  return (
    <li className="tree-equipment-row">
      <button
        ref={ref}
        type="button"
        className="tree-equipment"
        aria-pressed={selected}
        data-testid="tree-equipment"
        data-equipment-id={equipment.id}
        onClick={() => select(equipment.id)}
      >
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
      >
        <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
          <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
          <path d="M7 0v3.5M7 10.5V14M0 7h3.5M10.5 7H14" stroke="currentColor" strokeWidth="1.4" />
        </svg>
      </button>
    </li>
  );
}
