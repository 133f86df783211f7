import { describe, expect, it } from 'vitest';
import { Schedule } from '../../../src/model/scheduleSchema.ts';
import { asRunSchedule } from '../../../src/sim/plant/asRun.ts';
import { compilePlant } from '../../../src/sim/plant/compiledPlant.ts';
import { NO_DISTURBANCES } from '../../../src/sim/plant/plantRun.ts';
import { simulatePlant } from '../../../src/sim/plant/simulatePlant.ts';
import { loadFeaturePlant } from '../../fixtures/featurePlant.ts';

const CREATED = '2026-11-30T00:00:00Z';

/** A deterministic EDD run of the plant and the schedule it carried out. */
async function asRun(seed: number, tight: boolean) {
  const plant = await loadFeaturePlant(seed, { tight });
  const run = simulatePlant(plant, { dispatching: 'EDD', disturbances: NO_DISTURBANCES, recordJobs: true });
  const schedule = Schedule.parse(asRunSchedule(compilePlant(plant), run.jobs!, { id: `as-run-${seed}`, createdAt: CREATED }));
  return { plant, run, schedule };
}

/**
 * Pieces of one order cut alike (same operation, quantity and planned start) on different
 * equipment cannot be told apart by a schedule: which piece takes which entry is a free choice.
 */
function hasTwinPieces(schedule: Schedule): boolean {
  const seen = new Set<string>();
  for (const op of schedule.operations) {
    const key = `${op.order}/${op.operation}/${op.quantity}/${op.start}`;
    if (seen.has(key)) return true;
    seen.add(key);
  }
  return false;
}

describe('following a schedule on random plants', () => {
  it('repeats a deterministic run start for start when it follows that run’s own schedule', async () => {
    let checked = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const { plant, run, schedule } = await asRun(seed, seed % 3 === 0);
      if (run.stall || hasTwinPieces(schedule)) continue;
      checked++;
      const followed = simulatePlant(plant, { dispatching: 'schedule', schedule, disturbances: NO_DISTURBANCES });
      const report = followed.follow!;
      expect({ seed, matched: report.matched, mismatches: report.mismatches }).toEqual({ seed, matched: report.entries, mismatches: [] });
      expect(report.entries).toBe(schedule.operations.length);
      for (const [k, o] of followed.orders.entries()) {
        const before = run.orders[k]!;
        expect(o.good).toBe(before.good);
        // Date-times in the schedule file carry whole seconds.
        if (before.completedAt !== null) expect(Math.abs(o.completedAt! - before.completedAt)).toBeLessThan(1 / 60);
      }
    }
    expect(checked).toBeGreaterThan(45);
  });

  it('never stalls, with every disturbance on, even where finite buffers deadlock dispatching rules', async () => {
    let eddStalls = 0;
    let overfilled = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const { plant, schedule } = await asRun(seed, true);
      for (const replication of [0, 1]) {
        const followed = simulatePlant(plant, { dispatching: 'schedule', schedule, replication });
        expect({ seed, replication, stall: followed.stall }).toEqual({ seed, replication, stall: null });
        const d = followed.follow!.deviations;
        overfilled += d.overfilled;
        // Every entry is accounted for: started, skipped, or planned after the end of the run.
        expect(followed.follow!.started + d.skipped + d.notStarted).toBeLessThanOrEqual(followed.follow!.entries);
        if (simulatePlant(plant, { dispatching: 'EDD', replication }).stall) eddStalls++;
      }
    }
    // The plants do jam: EDD stalls on some of them, and the follower had to break rings.
    expect(eddStalls).toBeGreaterThan(3);
    expect(overfilled).toBeGreaterThan(10);
  });
});
