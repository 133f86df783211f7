import { isoAt } from '../../../src/model/calendar.ts';
import type { Distribution } from '../../../src/model/common.ts';
import { Layout, type LayoutInput } from '../../../src/model/layoutSchema.ts';
import type { Plant } from '../../../src/model/load.ts';
import { Scenario, type ScenarioInput } from '../../../src/model/scenarioSchema.ts';

/** Monday; minute 0 of every hand-made plant. */
export const START = '2026-11-30T00:00:00Z';

type EquipmentInput = LayoutInput['site']['areas'][number]['lines'][number]['cells'][number]['equipment'][number];
type OperationInput = ScenarioInput['routings'][number]['operations'][number];
type OrderInput = NonNullable<ScenarioInput['orders']>[number];

export interface MachineInput {
  id: string;
  inputBuffer?: number;
  outputBuffer?: number;
  /** Position along the aisle in metres; default 10 m apart in the order given. */
  x?: number;
  y?: number;
  /** ISA-95 line id; default "L" (all machines in one line). */
  line?: string;
}

/** A calendar that is always working: no shifts to think about in a test. */
export const ALWAYS: ScenarioInput['calendars'][number] = {
  id: 'always',
  shifts: [{ name: 'all day', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '00:00', end: '24:00' }],
};

export const constant = (value: number): Distribution => ({ type: 'constant', value });

/** An operation on the given equipment, each with its own time distribution (constant minutes when a number). */
export function operation(id: string, equipment: Record<string, number | Distribution>, more: Partial<OperationInput> = {}): OperationInput {
  return {
    id,
    equipment: Object.entries(equipment).map(([e, t]) => ({ equipment: e, time: typeof t === 'number' ? constant(t) : t })),
    ...more,
  };
}

/** An order released and due at minute offsets from START. */
export function order(id: string, product: string, quantity: number, release: number, due: number, priority?: number): OrderInput {
  return { id, product, quantity, release: isoAt(START, release), due: isoAt(START, due), ...(priority === undefined ? {} : { priority }) };
}

/**
 * A plant for a test: machines in a row along one aisle (one node each, chained by
 * bidirectional edges unless `edges` says otherwise), in line "L" unless they name another, and
 * a scenario on them.
 * The scenario defaults to the ALWAYS calendar and a 10 000-minute FIFO experiment.
 */
export function makePlant(input: {
  machines: MachineInput[];
  edges?: LayoutInput['paths']['edges'];
  scenario: Partial<ScenarioInput> & Pick<ScenarioInput, 'products' | 'routings'>;
}): Plant {
  const equipment: EquipmentInput[] = input.machines.map((m, i) => ({
    id: m.id, name: m.id, type: 'machining-center', position: { x: m.x ?? 5 + 10 * i, y: m.y ?? 5 },
    footprint: { width: 2, depth: 2 }, capabilities: [],
    ...(m.inputBuffer === undefined ? {} : { inputBuffer: m.inputBuffer }),
    ...(m.outputBuffer === undefined ? {} : { outputBuffer: m.outputBuffer }),
  }));
  const nodes = equipment.map((e) => ({ id: `n-${e.id}`, position: { x: e.position.x, y: e.position.y + 3 }, equipment: e.id }));
  const edges = input.edges ?? nodes.slice(1).map((n, i) => ({ from: nodes[i]!.id, to: n.id }));
  const lineIds = [...new Set(input.machines.map((m) => m.line ?? 'L'))];
  const lines = lineIds.map((id) => ({
    id, name: `Line ${id}`,
    cells: [{ id: `${id}-cell`, name: 'Cell', equipment: equipment.filter((_, i) => (input.machines[i]!.line ?? 'L') === id) }],
  }));
  const layout = Layout.parse({
    format: 'plant-twin/layout', version: 1, id: 'test', name: 'Test plant', floor: { width: 1000, depth: 100 },
    site: { id: 'S', name: 'Site', areas: [{ id: 'A', name: 'Area', lines }] },
    paths: { nodes, edges },
  } satisfies LayoutInput);
  const scenario = Scenario.parse({
    format: 'plant-twin/scenario', version: 1, id: 'test', name: 'Test scenario', layout: 'test.json', start: START,
    calendars: [ALWAYS], equipmentCalendars: { default: 'always' },
    experiment: { horizon: 10_000, dispatching: 'FIFO' },
    ...input.scenario,
  } satisfies ScenarioInput);
  return { layout, layoutFile: 'test.json', scenario, scenarioFile: 'test-scenario.json' };
}

/** One product `P` on one routing `R` with the given operations (for single-product tests). */
export function oneProduct(operations: OperationInput[], family = 'F'): Pick<ScenarioInput, 'products' | 'routings'> {
  return { products: [{ id: 'P', name: 'P', family, routing: 'R' }], routings: [{ id: 'R', operations }] };
}

/** Completion minute of each order (null while open). */
export function completions(result: { orders: { id: string; completedAt: number | null }[] }): Record<string, number | null> {
  return Object.fromEntries(result.orders.map((o) => [o.id, o.completedAt]));
}
