import { describe, expect, it } from 'vitest';
import { Schedule } from '../../../src/model/scheduleSchema.ts';
import { asRunSchedule } from '../../../src/sim/plant/asRun.ts';
import { compilePlant } from '../../../src/sim/plant/compiledPlant.ts';
import { NO_DISTURBANCES } from '../../../src/sim/plant/plantRun.ts';
import { simulatePlant } from '../../../src/sim/plant/simulatePlant.ts';
import { loadSamplePlant } from './samplePlants.ts';

// A sample plant's deterministic EDD run, written as a schedule file (as `simulate --as-run`
// does) and followed, repeats start for start: holds, batches with their changeovers, operator
// pools with breaks, uninterruptible cycles, maintenance and transport all agree.
// electronics-smt has lots of different sizes waiting for room in shared input buffers: the
// follower grants room in request order as EDD does (docs/SIMULATION.md, "Buffer full").
describe('sample plants follow their own as-run schedules', () => {
  it.each(['kitchen-hardware', 'aerospace-machining', 'electronics-smt', 'medical-devices'])('%s: every operation as planned', async (name) => {
    const plant = await loadSamplePlant(name);
    const horizon = 30 * 1440;
    const run = simulatePlant(plant, { dispatching: 'EDD', disturbances: NO_DISTURBANCES, recordJobs: true, horizon });
    const file = asRunSchedule(compilePlant(plant), run.jobs!, { id: `${name}-as-run`, createdAt: '2026-12-01T00:00:00Z' });
    const schedule = Schedule.parse(JSON.parse(JSON.stringify(file)));
    const followed = simulatePlant(plant, { dispatching: 'schedule', schedule, disturbances: NO_DISTURBANCES, horizon });
    expect(run.stall).toBeNull();
    expect(followed.follow!.mismatches).toEqual([]);
    expect(followed.follow!.matched).toBe(schedule.operations.length);
    // Date-times in a schedule file carry whole seconds (or milliseconds).
    followed.orders.forEach((o, k) => expect(Math.abs(o.completedAt! - run.orders[k]!.completedAt!)).toBeLessThan(1 / 60));
  });
});
