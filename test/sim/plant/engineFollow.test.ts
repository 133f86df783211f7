import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Plant } from '../../../src/model/load.ts';
import { Schedule } from '../../../src/model/scheduleSchema.ts';
import { NO_DISTURBANCES } from '../../../src/sim/plant/plantRun.ts';
import { simulatePlant } from '../../../src/sim/plant/simulatePlant.ts';
import { plantOutputs } from '../../../solver/plant/plantOutputs.ts';
import { plantProblem } from '../../../solver/plant/plantProblem.ts';
import { solvePlant } from '../../../solver/plant/solvePlant.ts';
import { loadSamplePlant } from './samplePlants.ts';

// Issue 9's acceptance: the engine's schedule of a plant, followed by the simulator with every
// random disturbance off, is carried out start for start (start, end and changeover of every
// entry within a second: date-times in a schedule file carry whole seconds). The schedules come
// from an iteration budget and a seed, never a time limit, so every run tests the same plan.
// Random plants: test/solver/plant/followedByTheSimulator.test.ts (engine's).

/** Long enough for every order of a sample week to finish however late the plan puts it. */
const HORIZON = 60 * 1440;

function scheduleAndFollow(plant: Plant, seed: number, iterations: number) {
  const pp = plantProblem(plant);
  const r = solvePlant(pp, { maxIterations: iterations, seed });
  const { schedule: file } = plantOutputs(pp, r, { id: 'engine-plan', createdAt: '2026-11-30T00:00:00Z' });
  // Through the file format, as `plant-twin schedule --out` then `simulate --schedule` would.
  const schedule = Schedule.parse(JSON.parse(JSON.stringify(file)));
  const followed = simulatePlant(plant, { dispatching: 'schedule', schedule, disturbances: NO_DISTURBANCES, horizon: HORIZON });
  return { pp, r, schedule, followed };
}

/** The sample plants: every scenario file at the top of scenarios/ (training lessons aside). */
const SAMPLES = readdirSync(new URL('../../../scenarios', import.meta.url))
  .filter((f) => f.endsWith('-week.json'))
  .map((f) => f.slice(0, -'-week.json'.length));

describe('the engine’s schedules, followed without randomness', () => {
  it('covers every sample plant', () => {
    expect(SAMPLES.length).toBeGreaterThanOrEqual(4);
  });

  it.each(SAMPLES)('%s: every entry starts, ends and changes over as planned', async (name) => {
    const { schedule, followed } = scheduleAndFollow(await loadSamplePlant(name), 1, 20);
    const report = followed.follow!;
    expect(followed.stall).toBeNull();
    expect(report.mismatches).toEqual([]);
    expect(report.entries).toBe(schedule.operations.filter((o) => !o.frozen).length);
    expect(report.matched).toBe(report.entries);
  });
});
