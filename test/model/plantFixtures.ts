import type { LayoutInput } from '../../src/model/layoutSchema.ts';
import type { LayoutResolver } from '../../src/model/load.ts';
import type { ScenarioInput } from '../../src/model/scenarioSchema.ts';

/** A small valid layout: four machines in a row along one aisle. Each call returns a fresh copy to mutate. */
export function layoutFixture(): LayoutInput {
  const machine = (id: string, type: LayoutInput['site']['areas'][number]['lines'][number]['cells'][number]['equipment'][number]['type'], x: number, width: number, capabilities: string[]) => ({
    id, name: id, type, position: { x, y: 5 }, footprint: { width, depth: 3 }, rotation: 0, capabilities,
  });
  return {
    format: 'plant-twin/layout',
    version: 1,
    id: 'small-plant',
    name: 'Small plant',
    floor: { width: 40, depth: 20 },
    site: {
      id: 'site-1', name: 'Site',
      areas: [{
        id: 'area-1', name: 'Fabrication',
        lines: [{
          id: 'line-1', name: 'Brackets',
          cells: [
            { id: 'cell-cut', name: 'Cutting', equipment: [machine('laser-1', 'laser-cutter', 5, 4, ['laser-cut']), machine('press-1', 'press-brake', 12, 3, ['bend'])] },
            { id: 'cell-finish', name: 'Finishing', equipment: [machine('paint-1', 'paint-line', 20, 6, ['powder-coat']), machine('pack-1', 'packing-station', 30, 2, ['pack'])] },
          ],
        }],
      }],
    },
    paths: {
      nodes: [
        { id: 'n-laser', position: { x: 5, y: 8 }, equipment: 'laser-1' },
        { id: 'n-press', position: { x: 12, y: 8 }, equipment: 'press-1' },
        { id: 'n-paint', position: { x: 20, y: 8 }, equipment: 'paint-1' },
        { id: 'n-pack', position: { x: 30, y: 8 }, equipment: 'pack-1' },
      ],
      edges: [
        { from: 'n-laser', to: 'n-press', kind: 'aisle', bidirectional: true },
        { from: 'n-press', to: 'n-paint', kind: 'aisle', bidirectional: true },
        { from: 'n-paint', to: 'n-pack', kind: 'aisle', bidirectional: true },
      ],
    },
  };
}

/** A small valid scenario on layoutFixture(): two colours of one bracket, one routing, a paint changeover matrix. */
export function scenarioFixture(): ScenarioInput {
  const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'] as ('mon' | 'tue' | 'wed' | 'thu' | 'fri')[];
  return {
    format: 'plant-twin/scenario',
    version: 1,
    id: 'small-week',
    name: 'Small plant, one week',
    layout: '../layouts/small-plant.json',
    start: '2026-11-30T00:00:00Z',
    products: [
      { id: 'bracket-white', name: 'Bracket, white', family: 'brackets', attributes: { colour: 'white' }, routing: 'r-bracket' },
      { id: 'bracket-navy', name: 'Bracket, navy', family: 'brackets', attributes: { colour: 'navy' }, routing: 'r-bracket' },
    ],
    routings: [{
      id: 'r-bracket',
      operations: [
        { id: 'cut', capability: 'laser-cut', equipment: [{ equipment: 'laser-1', time: { type: 'triangular', min: 3, mode: 4, max: 6 } }] },
        { id: 'bend', capability: 'bend', equipment: [{ equipment: 'press-1', time: { type: 'normal', mean: 2, sd: 0.5 } }] },
        { id: 'coat', capability: 'powder-coat', setupSkill: 'painter', equipment: [{ equipment: 'paint-1', time: { type: 'constant', value: 5 } }], yield: 0.95, rework: { fraction: 1, operation: 'bend' } },
        { id: 'pack', capability: 'pack', equipment: [{ equipment: 'pack-1', time: { type: 'exponential', mean: 1 } }] },
      ],
    }],
    setupMatrices: [{ id: 'sm-paint', equipment: ['paint-1'], attribute: 'colour', keys: ['white', 'navy'], times: [[0, 30], [45, 0]] }],
    batchEquipment: [],
    orders: [
      { id: 'o-1', product: 'bracket-white', quantity: 10, release: '2026-11-30T06:00:00Z', due: '2026-12-01T14:00:00Z' },
      { id: 'o-2', product: 'bracket-navy', quantity: 5, release: '2026-11-30T06:00:00Z', due: '2026-12-02T14:00:00Z', priority: 8 },
    ],
    calendars: [{
      id: 'two-shift',
      shifts: [
        { name: 'early', days: weekdays, start: '06:00', end: '14:00', breaks: [{ start: '10:00', end: '10:30' }] },
        { name: 'late', days: weekdays, start: '14:00', end: '22:00', breaks: [{ start: '18:00', end: '18:30' }] },
      ],
      holidays: [],
    }],
    equipmentCalendars: { default: 'two-shift', overrides: {} },
    failures: [{ equipment: ['laser-1'], timeBetweenFailures: { type: 'exponential', mean: 600 }, timeToRepair: { type: 'lognormal', mean: 30, sd: 10 } }],
    maintenance: [{ equipment: 'press-1', start: '2026-12-02T06:00:00Z', duration: 60 }],
    operators: [{ id: 'painters', count: 2, skills: ['painter'] }],
    transport: { fleets: [{ id: 'agv', kind: 'agv', count: 2, speed: 1 }], default: 'agv' },
    energy: [{ equipment: ['laser-1'], kW: { processing: 20, setup: 5, idle: 2, down: 0.5, off: 0 } }],
    startState: { kind: 'empty' },
    experiment: { horizon: 7 * 1440, warmup: 480, replications: 5, seed: 7 },
  };
}

/** Resolves the fixture scenario's reference to the given layout text; any other reference finds nothing. */
export function resolverFor(layoutText: string, file = 'layouts/small-plant.json'): LayoutResolver {
  return async (ref) => (ref === '../layouts/small-plant.json' ? { text: layoutText, file } : undefined);
}
