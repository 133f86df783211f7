import type { SetupSpec } from '../../src/sim/plant/compiledPlant.ts';
import type { SchedulingProblem } from '../problem.ts';
import type { PlantMachine, PlantProblem } from './plantProblem.ts';
import { WorkingTime } from './workingTime.ts';

/**
 * A scheduling problem without a plant around it (a job-shop, flexible or changeover benchmark)
 * as a plant that always works: machines with no calendar, maintenance, buffers, batches or
 * transport, no operators. Each setup family is a product keyed in one matrix per machine, so the
 * plant's changeover rule gives the problem's own matrix. The engine then solves it like any plant.
 */
export function jobShopPlant(p: SchedulingProblem): PlantProblem {
  const n = p.operations.length;
  const m = p.machineCount;
  const setups = p.setups;
  const F = setups?.familyCount ?? 1;
  const family = Int32Array.from({ length: n }, (_, v) => setups?.family[v] ?? 0);
  if (setups?.initial?.some((row) => row.some((x) => x !== (row[0] ?? 0)))) {
    throw new Error('jobShopPlant: a first changeover that depends on the family is not supported here');
  }
  const keys = Array.from({ length: F }, (_, f) => `F${f}`);
  const machines: PlantMachine[] = Array.from({ length: m }, (_, k) => {
    const row = setups?.matrix[k];
    const spec: SetupSpec[] = row === undefined ? [] : [{
      matrix: `M${k}`, keys, n: F, initial: setups?.initial?.[k]?.[0] ?? 0,
      keyOf: Int32Array.from({ length: F }, (_, f) => f),
      times: Float64Array.from(row),
    }];
    return {
      id: `M${k}`,
      availability: new WorkingTime(null, 0, `M${k}`),
      maintenanceWindows: () => [],
      calendarIntervals: (from, to) => (to > from ? [[from, to]] : []),
      batch: null,
      setups: spec,
      initialKeys: new Int32Array(spec.length).fill(-1),
      inputCapacity: Infinity,
      outputCapacity: Infinity,
      line: -1,
      layoutPath: '',
    };
  });
  return {
    problem: p,
    plant: {
      product: family,
      quantity: new Float64Array(n).fill(1),
      setupSkill: new Int32Array(n).fill(-1),
      runSkill: new Int32Array(n).fill(-1),
      uninterruptible: new Uint8Array(n),
      origin: new Int32Array(n).fill(-1),
      waiting: new Uint8Array(n),
      machines,
      pools: [],
      skills: [],
      skillPools: [],
      lag: new Float64Array(m * m),
      pickup: new Float64Array(m),
      vehicles: 0,
    },
    scenario: p.name,
    startIso: '1970-01-01T00:00:00Z',
    planStart: 0,
    equipment: machines.map((x) => x.id),
    orders: p.jobs.map((j) => ({ id: j.name, product: j.name, quantity: 1 })),
    operationIds: p.operations.map((op) => String(op.index)),
    familyLabels: machines.map(() => keys),
    fixed: new Array(n).fill(null),
    droppedLocks: [],
  };
}
