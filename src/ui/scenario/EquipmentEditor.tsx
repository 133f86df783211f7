import { useMemo } from 'react';
import type { Layout } from '../../model/layoutSchema.ts';
import type { Problem } from '../../model/problem.ts';
import type { ScenarioInput } from '../../model/scenarioSchema.ts';
import {
  duplicateEquipment, extendToCopy, failureOf, setBuffers, setFailureMean, setSpeedFactor, speedFactor, type PlantDocs,
} from '../../scenario/equipmentEdits.ts';
import { CheckedNumber } from './CheckedNumber.tsx';

const MIN_SPEED = 0.1;
const MAX_SPEED = 10;

export interface EquipmentEditorProps {
  draft: ScenarioInput;
  layout: Layout;
  reference: ScenarioInput;
  problems: readonly Problem[];
  layoutFile: string;
  edit(change: (d: ScenarioInput) => ScenarioInput): void;
  editPlant(change: (docs: PlantDocs) => PlantDocs, reference?: (r: ScenarioInput) => ScenarioInput): void;
  /** A copy was made: its id (to select it once the draft is applied). */
  onDuplicated(id: string): void;
}

/** Each piece of layout equipment with the JSON path the loader's problems name it by. */
function placed(layout: Layout): { id: string; name: string; type: string; inputBuffer?: number; outputBuffer?: number; path: string }[] {
  return layout.site.areas.flatMap((a, i) => a.lines.flatMap((l, j) => l.cells.flatMap((c, k) => c.equipment.map((e, m) => ({
    id: e.id, name: e.name, type: e.type, inputBuffer: e.inputBuffer, outputBuffer: e.outputBuffer,
    path: `site.areas[${i}].lines[${j}].cells[${k}].equipment[${m}]`,
  })))));
}

const positiveMinutes = (v: number | undefined) => (v === undefined ? 'a mean in minutes' : v > 0 ? undefined : 'more than 0 minutes');

/**
 * Equipment parameters of the scenario and its layout: speed (relative to the scenario as editing
 * began), input and output buffers, failures (MTBF / MTTR, per machine), and a second machine of
 * the same kind beside one. Every value goes into the draft, which the loader checks as a file:
 * its messages appear at the field they are about.
 */
export function EquipmentEditor({ draft, layout, reference, problems, layoutFile, edit, editPlant, onDuplicated }: EquipmentEditorProps) {
  const used = useMemo(() => new Set(draft.routings.flatMap((r) => r.operations.flatMap((op) => op.equipment.map((e) => e.equipment)))), [draft.routings]);
  const rows = placed(layout).filter((e) => used.has(e.id));
  const problemAt = (path: string) => {
    const p = problems.find((q) => q.file === layoutFile && q.path === path);
    return p && `expected ${p.expected}, found ${p.found}${p.hint ? ` — ${p.hint}` : ''}`;
  };
  const duplicate = (id: string) => {
    let copy = '';
    editPlant((docs) => {
      const made = duplicateEquipment(docs, id);
      if (!made.ok) return docs;
      copy = made.id;
      return made.docs;
    }, (r) => (copy ? extendToCopy(r, id, copy) : r));
    if (copy) onDuplicated(copy);
  };
  return (
    <div data-testid="equipment-editor">
      <p className="experiment-note">
        Speed is relative to the scenario as editing began (1.25 = every processing time on the machine ÷ 1.25).
        Buffers are places for parts in front of and behind the machine; empty is unlimited. A failure model shared by
        several machines is split when one of them is edited. Duplicate puts a second machine of the same kind beside it,
        with its own access point and aisle, eligible wherever the first is.
      </p>
      <table className="experiment-table equipment-table">
        <thead>
          <tr><th>Equipment</th><th>Speed ×</th><th>Input buffer</th><th>Output buffer</th><th>MTBF min</th><th>MTTR min</th><th /></tr>
        </thead>
        <tbody>
          {rows.map((e) => {
            const speed = speedFactor(draft, reference, e.id);
            const failure = failureOf(draft, e.id);
            return (
              <tr key={e.id} data-equipment={e.id}>
                <td>{e.id}<div className="system-name">{e.name}</div></td>
                <td>
                  {speed === undefined ? '–' : (
                    <CheckedNumber label={`Speed factor of ${e.id}`} value={speed} width={56} testId={`speed-${e.id}`}
                      check={(v) => (v === undefined ? 'a factor' : v < MIN_SPEED || v > MAX_SPEED ? `from ${MIN_SPEED} to ${MAX_SPEED}` : undefined)}
                      onCommit={(v) => edit((d) => setSpeedFactor(d, reference, e.id, v!))} />
                  )}
                </td>
                {(['inputBuffer', 'outputBuffer'] as const).map((key) => (
                  <td key={key}>
                    <CheckedNumber label={`${key === 'inputBuffer' ? 'Input' : 'Output'} buffer of ${e.id}`} value={e[key]} placeholder="∞" width={48}
                      testId={`${key}-${e.id}`} check={() => undefined} problem={problemAt(`${e.path}.${key}`)}
                      onCommit={(v) => editPlant((docs) => setBuffers(docs, e.id, key === 'inputBuffer' ? v : e.inputBuffer, key === 'outputBuffer' ? v : e.outputBuffer))} />
                  </td>
                ))}
                {failure ? (['timeBetweenFailures', 'timeToRepair'] as const).map((key) => (
                  <td key={key} title={failure.sharedWith.length ? `Shared with ${failure.sharedWith.join(', ')}: editing gives ${e.id} a model of its own` : undefined}>
                    <CheckedNumber label={`${key === 'timeBetweenFailures' ? 'MTBF' : 'MTTR'} of ${e.id}`} value={key === 'timeBetweenFailures' ? failure.mtbf : failure.mttr}
                      width={56} check={positiveMinutes} testId={`${key}-${e.id}`}
                      onCommit={(v) => edit((d) => setFailureMean(d, e.id, key, v!))} />
                  </td>
                )) : <><td>–</td><td>–</td></>}
                <td><button type="button" onClick={() => duplicate(e.id)} aria-label={`Duplicate ${e.id}`} data-testid={`duplicate-${e.id}`}>Duplicate</button></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
