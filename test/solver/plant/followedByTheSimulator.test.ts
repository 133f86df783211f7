import { describe, expect, it } from 'vitest';
import type { Plant } from '../../../src/model/load.ts';
import { Schedule } from '../../../src/model/scheduleSchema.ts';
import { NO_DISTURBANCES } from '../../../src/sim/plant/plantRun.ts';
import { simulatePlant } from '../../../src/sim/plant/simulatePlant.ts';
import { checkPlantTimetable } from '../../../solver/plant/plantChecker.ts';
import { PlantDeadlockError } from '../../../solver/plant/deadlock.ts';
import { plantOutputs } from '../../../solver/plant/plantOutputs.ts';
import { plantProblem } from '../../../solver/plant/plantProblem.ts';
import { solvePlant } from '../../../solver/plant/solvePlant.ts';
import { loadFeaturePlant } from '../../fixtures/featurePlant.ts';

/** Solves the plant; its schedule passes the checker and the simulator, randomness off, follows it start for start without a stall. */
function expectFollowed(plant: Plant, seed: number): void {
  const pp = plantProblem(plant);
  const r = solvePlant(pp, { maxIterations: 30, seed });
  expect(checkPlantTimetable(pp, r.timetable)).toEqual([]);
  const schedule = Schedule.parse(JSON.parse(JSON.stringify(plantOutputs(pp, r).schedule)));
  const followed = simulatePlant(plant, { dispatching: 'schedule', schedule, disturbances: NO_DISTURBANCES, horizon: 200_000 });
  expect(followed.stall).toBeNull();
  const report = followed.follow!;
  expect({ seed, matched: report.matched, mismatches: report.mismatches }).toEqual({ seed, matched: schedule.operations.length, mismatches: [] });
}

// Property: on random plants with every feature (calendars, maintenance, operators, batches with
// maxWait and split lots, transport, finite buffers, changeovers, uninterruptible runs), the
// engine's schedule passes the checker, and the simulator following it with randomness off
// repeats it start for start (the file's whole seconds aside) and never stalls.
describe('the simulator follows the engine’s schedules', () => {
  it.each(Array.from({ length: 40 }, (_, i) => i + 1))('random plant %i', async (seed) => {
    expectFollowed(await loadFeaturePlant(seed), seed);
  });

  // Jam-prone plants (buffers of 1–10 units, lots up to 40, re-entrant routings): where every
  // dispatching rule runs into a buffer deadlock the engine says so; otherwise as above.
  it('jam-prone plants: a followed schedule or a clear refusal', async () => {
    let solved = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const plant = await loadFeaturePlant(seed, { tight: true });
      try {
        expectFollowed(plant, seed);
        solved++;
      } catch (e) {
        expect(e).toBeInstanceOf(PlantDeadlockError);
        expect(String(e)).toMatch(/deadlock in the finite buffers under every dispatching rule .*: .* holds .* Raise these capacities \(.*(inputBuffer|outputBuffer)/);
      }
    }
    expect(solved).toBeGreaterThanOrEqual(12);
  });
});
