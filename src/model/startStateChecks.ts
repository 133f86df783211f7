import type { Findings } from './findings.ts';
import type { LayoutIndex } from './layoutIndex.ts';
import { listSome } from './render.ts';
import type { Scenario } from './scenarioSchema.ts';

type Operation = Scenario['routings'][number]['operations'][number];

/** Operations of an order's routing by id, or undefined when the order, product or routing is unknown. */
function operationsOfOrder(s: Scenario, orderId: string): Map<string, Operation> | undefined {
  const order = s.orders.find((o) => o.id === orderId);
  const product = order && s.products.find((p) => p.id === order.product);
  const routing = product && s.routings.find((r) => r.id === product.routing);
  return routing && new Map(routing.operations.map((op) => [op.id, op]));
}

function checkOperation(f: Findings, path: string, s: Scenario, order: string | undefined, operation: string): Operation | undefined {
  const ops = order === undefined
    ? new Map(s.routings.flatMap((r) => r.operations.map((op): [string, Operation] => [op.id, op])))
    : operationsOfOrder(s, order);
  if (!ops) return undefined;
  const expected = order === undefined ? 'the id of an operation in some routing' : `the id of an operation in the routing of order '${order}'`;
  return f.reference(path, operation, ops, expected, 'operation') ? ops.get(operation) : undefined;
}

/** A snapshot start state must name equipment, orders and operations the scenario and layout define. */
export function checkStartState(s: Scenario, layout: LayoutIndex | undefined, f: Findings): void {
  const start = s.startState;
  if (start.kind !== 'snapshot') return;
  const orders = new Set(s.orders.map((o) => o.id));
  const orderExpected = 'the id of an order in orders[]';
  f.unique(start.equipment, (e) => e.id, (k) => `startState.equipment[${k}].id`, 'an equipment id');
  start.equipment.forEach((e, k) => {
    const path = `startState.equipment[${k}]`;
    if (layout) f.reference(`${path}.id`, e.id, layout.equipmentById, 'the id of equipment in the layout', 'equipment');
    const orderKnown = e.order === undefined || f.reference(`${path}.order`, e.order, orders, orderExpected, 'order');
    if (e.operation !== undefined && orderKnown) checkOperation(f, `${path}.operation`, s, e.order, e.operation);
  });
  start.wip.forEach((lot, k) => {
    const path = `startState.wip[${k}]`;
    const atKnown = !layout || f.reference(`${path}.at`, lot.at, layout.equipmentById, 'the id of equipment in the layout', 'equipment');
    if (!f.reference(`${path}.order`, lot.order, orders, orderExpected, 'order')) return;
    const op = checkOperation(f, `${path}.operation`, s, lot.order, lot.operation);
    if (!op || !atKnown) return;
    const eligible = op.equipment.map((e) => e.equipment);
    if (!eligible.includes(lot.at)) {
      f.error(`${path}.at`, `equipment eligible for operation '${op.id}' (${listSome(eligible)})`, JSON.stringify(lot.at),
        'a lot waits in front of the equipment that will run its next operation');
    }
  });
}
