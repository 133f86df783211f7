import { closest } from './closest.ts';
import { checkDistribution } from './distributionChecks.ts';
import type { Findings } from './findings.ts';
import type { LayoutIndex } from './layoutIndex.ts';
import { listSome, renderFound } from './render.ts';
import type { Scenario } from './scenarioSchema.ts';

type Operation = Scenario['routings'][number]['operations'][number];

function checkEligible(op: Operation, opPath: string, layout: LayoutIndex | undefined, f: Findings): void {
  f.unique(op.equipment, (e) => e.equipment, (k) => `${opPath}.equipment[${k}].equipment`, 'an equipment id in this operation');
  op.equipment.forEach((eligible, k) => {
    const path = `${opPath}.equipment[${k}]`;
    checkDistribution(eligible.time, `${path}.time`, f, 'a processing time');
    if (!layout) return;
    const equipment = layout.equipmentById.get(eligible.equipment);
    if (!equipment) {
      const ids = [...layout.equipmentById.keys()];
      const guess = closest(eligible.equipment, ids);
      const able = op.capability ? ids.filter((id) => layout.equipmentById.get(id)?.item.capabilities.includes(op.capability ?? '')) : [];
      const hint = guess !== undefined ? `did you mean '${guess}'?`
        : able.length ? `equipment offering "${op.capability}": ${listSome(able)}` : `known equipment ids: ${listSome(ids)}`;
      f.error(`${path}.equipment`, 'the id of equipment in the layout', renderFound(eligible.equipment), hint);
      return;
    }
    if (!op.capability || equipment.item.capabilities.includes(op.capability)) return;
    const offers = equipment.item.capabilities;
    const guess = closest(op.capability, offers);
    const fix = `add "${op.capability}" to ${equipment.path}.capabilities in the layout, or remove '${eligible.equipment}' from this operation`;
    f.error(`${path}.equipment`, `equipment offering the capability "${op.capability}"`,
      `"${eligible.equipment}", which offers ${offers.length ? listSome(offers) : 'no capabilities'}`,
      guess !== undefined ? `did you mean the capability '${guess}'? Otherwise ${fix}` : fix);
  });
}

/** Rework goes back along the routing, so it must name an operation before the one that fails. */
function checkRework(ops: readonly Operation[], j: number, opPath: string, f: Findings): void {
  const rework = ops[j]?.rework;
  if (!rework) return;
  const earlier = ops.slice(0, j).map((o) => o.id);
  if (earlier.includes(rework.operation)) return;
  const hint = earlier.length === 0
    ? 'the first operation has no earlier operation to send rework to; remove "rework" or move it to a later operation'
    : `${closest(rework.operation, earlier) !== undefined ? `did you mean '${closest(rework.operation, earlier)}'? ` : ''}earlier operations: ${listSome(earlier)}`;
  f.error(`${opPath}.rework.operation`, 'the id of an earlier operation of the same routing', JSON.stringify(rework.operation), hint);
}

/** Operations, eligible equipment, capabilities, processing times and rework of every routing. */
export function checkRoutings(s: Scenario, layout: LayoutIndex | undefined, f: Findings): void {
  s.routings.forEach((routing, r) => {
    f.unique(routing.operations, (o) => o.id, (j) => `routings[${r}].operations[${j}].id`, 'an operation id in this routing');
    routing.operations.forEach((op, j) => {
      const opPath = `routings[${r}].operations[${j}]`;
      checkEligible(op, opPath, layout, f);
      checkRework(routing.operations, j, opPath, f);
    });
  });
  const used = new Set(s.products.map((p) => p.routing));
  s.routings.forEach((routing, r) => {
    if (!used.has(routing.id)) {
      f.warn(`routings[${r}]`, 'a routing that some product uses', `'${routing.id}', used by no product`, 'remove it, or set it as the "routing" of a product');
    }
  });
}
