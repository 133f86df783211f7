import { useEffect, useRef, type ReactNode } from 'react';
import type { Equipment, Layout } from '../model/layoutSchema.ts';
import { twinStore, useTwin } from '../app/twinStore.ts';

const select = (id: string) => twinStore.getState().select(id);

/** The plant's ISA-95 hierarchy: site → area → line → work cell → equipment. */
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

function Level({ kind, name, children }: { kind: string; name: string; children: ReactNode }) {
  return (
    <li className={`tree-level tree-${kind.toLowerCase()}`}>
      <div className="tree-label"><span className="tree-kind">{kind}</span> {name}</div>
      <ul>{children}</ul>
    </li>
  );
}

function SiteTree({ layout, selected }: { layout: Layout; selected: string | undefined }) {
  const { site } = layout;
  return (
    <ul className="tree-root">
      <Level kind="Site" name={site.name}>
        {site.areas.map((area) => (
          <Level key={area.id} kind="Area" name={area.name}>
            {area.lines.map((line) => (
              <Level key={line.id} kind="Line" name={line.name}>
                {line.cells.map((cell) => (
                  <Level key={cell.id} kind="Cell" name={cell.name}>
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
    <li>
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
    </li>
  );
}
