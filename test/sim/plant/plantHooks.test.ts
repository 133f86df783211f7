import { beforeAll, describe, expect, it } from 'vitest';
import type { Plant } from '../../../src/model/load.ts';
import { collectResults } from '../../../src/sim/plant/collectResults.ts';
import { compilePlant } from '../../../src/sim/plant/compiledPlant.ts';
import { DEFAULT_ATCS } from '../../../src/sim/plant/dispatching.ts';
import type { PlantHooks } from '../../../src/sim/plant/plantHooks.ts';
import { ALL_DISTURBANCES, PlantRun } from '../../../src/sim/plant/plantRun.ts';
import { simulatePlant } from '../../../src/sim/plant/simulatePlant.ts';
import { completions, makePlant, oneProduct, operation, order } from './plantBuilder.ts';
import { loadSamplePlant } from './samplePlants.ts';

function runWith(plant: Plant, hooks: PlantHooks | undefined, until?: number, before?: (run: PlantRun) => void) {
  const compiled = compilePlant(plant);
  const e = compiled.scenario.experiment;
  const run = new PlantRun(compiled, {
    seed: e.seed, replication: 0, horizon: e.horizon, warmup: e.warmup, rule: e.dispatching === 'schedule' ? 'FIFO' : e.dispatching,
    schedule: undefined, trace: false, atcs: DEFAULT_ATCS, wipSampleEvery: 60, disturbances: { ...ALL_DISTURBANCES }, ...(hooks ? { hooks } : {}),
  });
  before?.(run);
  run.sim.run(until ?? e.horizon);
  return collectResults(run, until ?? e.horizon, { cancelled: false, dispatching: e.dispatching, warmup: e.warmup });
}

describe('plant hooks', () => {
  let kitchen: Plant;
  beforeAll(async () => { kitchen = await loadSamplePlant('kitchen-hardware'); });

  it('leave a run unchanged when they choose as the run would', () => {
    const plain = simulatePlant(kitchen);
    const calls = { job: 0, equipment: 0 };
    const hooked = runWith(kitchen, {
      equipmentFor: () => { calls.equipment++; return undefined; },
      chooseJob: (queue, _spec, _keys, usual) => { calls.job++; return usual(queue); },
    });
    expect(calls.job).toBeGreaterThan(1000);
    expect(calls.equipment).toBeGreaterThan(1000);
    expect(hooked.orders).toEqual(plain.orders);
    expect(hooked.equipment.map((e) => e.states)).toEqual(plain.equipment.map((e) => e.states));
  });

  it('let a caller pick the job: the last lot in the queue turns FIFO into last come, first served', () => {
    const plant = makePlant({
      machines: [{ id: 'M' }],
      scenario: {
        ...oneProduct([operation('op', { M: 1 })]),
        orders: [order('o0', 'P', 10, 0, 1000), order('a', 'P', 2, 1, 900), order('b', 'P', 2, 2, 900), order('c', 'P', 2, 3, 900)],
        experiment: { horizon: 1000 },
      },
    });
    const done = completions(runWith(plant, { chooseJob: (queue) => ({ lots: [queue.length - 1], wakeAt: Infinity, ordered: false }) }));
    expect(['a', 'b', 'c'].sort((x, y) => done[x]! - done[y]!)).toEqual(['c', 'b', 'a']);
  });

  it('let a caller apply another rule through the usual choice', () => {
    const plant = makePlant({
      machines: [{ id: 'M' }],
      scenario: {
        ...oneProduct([operation('op', { M: 1 })]),
        orders: [order('o0', 'P', 10, 0, 1000), order('late', 'P', 2, 1, 900), order('early', 'P', 2, 2, 100)],
        experiment: { horizon: 1000 },
      },
    });
    const fifo = completions(runWith(plant, undefined));
    const edd = completions(runWith(plant, { chooseJob: (queue, _s, _k, usual) => usual(queue, 'EDD') }));
    expect(fifo.late!).toBeLessThan(fifo.early!);
    expect(edd.early!).toBeLessThan(edd.late!);
  });

  it('let a caller send a lot to another eligible machine', () => {
    const plant = makePlant({
      machines: [{ id: 'fast' }, { id: 'slow' }],
      scenario: { ...oneProduct([operation('op', { fast: 1, slow: 3 })]), orders: [order('o', 'P', 10, 0, 1000)], experiment: { horizon: 1000 } },
    });
    const usual = runWith(plant, undefined);
    const sent = runWith(plant, { equipmentFor: () => 1 });
    expect(usual.equipment.map((e) => e.unitsProcessed)).toEqual([10, 0]);
    expect(sent.equipment.map((e) => e.unitsProcessed)).toEqual([0, 10]);
    expect(completions(sent).o).toBe(30);
  });

  it('an operator absent holds work until the pool has someone free again', () => {
    const plant = makePlant({
      machines: [{ id: 'M' }],
      scenario: {
        ...oneProduct([operation('op', { M: 1 }, { runSkill: 'run' })]),
        operators: [{ id: 'crew', count: 1, skills: ['run'] }],
        orders: [order('o', 'P', 10, 0, 1000)],
        experiment: { horizon: 1000 },
      },
    });
    const absent = runWith(plant, undefined, undefined, (run) => {
      const pool = run.operators.pools[0]!;
      run.operators.adjust(pool, -1);
      run.sim.scheduleAt(100, () => run.operators.adjust(pool, 1));
    });
    expect(completions(absent).o).toBe(110);
  });
});
