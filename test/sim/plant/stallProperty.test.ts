import { describe, expect, it } from 'vitest';
import { simulatePlant } from '../../../src/sim/plant/simulatePlant.ts';
import { loadFeaturePlant } from '../../fixtures/featurePlant.ts';

// Property: a run never stops silently. On random plants (jam-prone buffers half the time, every
// disturbance on), under each dispatching rule, either every order is finished by the horizon
// (three weeks for a few days of work) or the run reports a stall: when it began, the lots left
// and the equipment holding them.
describe('stalls on random plants', () => {
  it('are reported whenever a run leaves orders unfinished', async () => {
    let stalls = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const plant = await loadFeaturePlant(seed, { tight: seed % 2 === 0 });
      for (const dispatching of ['FIFO', 'EDD', 'SPT'] as const) {
        const run = simulatePlant(plant, { dispatching, replication: seed % 3 });
        const open = run.orders.filter((o) => o.completedAt === null).length;
        if (run.stall === null) {
          expect({ seed, dispatching, open }).toEqual({ seed, dispatching, open: 0 });
          continue;
        }
        stalls++;
        expect(run.stall.lots).toBeGreaterThan(0);
        expect(run.stall.equipment.length).toBeGreaterThan(0);
        expect(run.stall.since).toBeLessThan(plant.scenario!.experiment.horizon);
        expect(open).toBeGreaterThan(0);
      }
    }
    // The jam-prone plants do deadlock under plain rules: the property is not vacuous.
    expect(stalls).toBeGreaterThan(3);
  });
});
