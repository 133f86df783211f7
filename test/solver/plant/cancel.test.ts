import { describe, expect, it } from 'vitest';
import { checkPlantTimetable } from '../../../solver/plant/plantChecker.ts';
import { plantProblem } from '../../../solver/plant/plantProblem.ts';
import { PlantSolver, SolveCancelledError, solvePlant } from '../../../solver/plant/solvePlant.ts';
import { loadFeaturePlant } from '../../fixtures/featurePlant.ts';

// A worker takes a cancel message only between the solver's steps; these tests drive the steps
// by hand, each with its time already up, so every flow run pauses at its first slice boundary.
describe('cancel', () => {
  it('a construction pauses between slices, and a cancel drops the one under way once a first has finished', async () => {
    const pp = plantProblem(await loadFeaturePlant(3, { orders: 60, batches: true, buffers: false }));
    const signal = { aborted: false };
    const s = new PlantSolver(pp, { signal, maxIterations: 10_000, seed: 1 });
    let steps = 0;
    let stepsToFirst = 0;
    let stepsAfterCancel = 0;
    for (;;) {
      const over = s.step(performance.now() - 1);
      if (signal.aborted) stepsAfterCancel++;
      else steps++;
      if (over) break;
      if (!signal.aborted && s.constructionsDone === 1) { stepsToFirst = steps; signal.aborted = true; }
    }
    // The first construction took several slices (it was interruptible), and the next step after
    // the cancel ended the solve: no second construction, no search.
    expect(stepsToFirst).toBeGreaterThan(2);
    expect(stepsAfterCancel).toBe(1);
    const r = s.result();
    expect(r.construction).toHaveLength(1);
    expect(r.iterations).toBe(0);
    expect(checkPlantTimetable(pp, r.timetable)).toEqual([]);
    // The result is the first construction's plan: the same as an uninterrupted solve that stops there.
    const stop = { aborted: false };
    const whole = solvePlant(pp, { seed: 1, signal: stop, onProgress: () => { stop.aborted = true; } });
    expect(Array.from(r.timetable.start)).toEqual(Array.from(whole.timetable.start));
  });

  it('sliced constructions give the very schedule of unsliced ones', async () => {
    const pp = plantProblem(await loadFeaturePlant(8, { orders: 40 }));
    const sliced = new PlantSolver(pp, { maxIterations: 50, seed: 2 });
    let slices = 0;
    // Steps with their time up while constructing (each flow run pauses at once), then whole.
    while (!sliced.step(sliced.pastConstructions ? Infinity : performance.now() - 1)) slices++;
    const whole = solvePlant(pp, { maxIterations: 50, seed: 2 });
    expect(slices).toBeGreaterThan(8);
    expect(sliced.result().value).toEqual(whole.value);
    expect(Array.from(sliced.result().timetable.start)).toEqual(Array.from(whole.timetable.start));
  });

  it('a cancel before the first schedule is made says so (there is nothing to return)', async () => {
    const pp = plantProblem(await loadFeaturePlant(3, { orders: 60 }));
    const signal = { aborted: false };
    const s = new PlantSolver(pp, { signal, timeLimitMs: 60_000 });
    expect(s.step(performance.now() - 1)).toBe(false);
    signal.aborted = true;
    expect(() => { while (!s.step(performance.now() - 1)); }).toThrow(SolveCancelledError);
  });
});
