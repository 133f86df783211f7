import { describe, expect, it } from 'vitest';
import { compareValues } from '../../../solver/objective.ts';
import { checkPlantTimetable } from '../../../solver/plant/plantChecker.ts';
import { plantProblem } from '../../../solver/plant/plantProblem.ts';
import { solvePlant } from '../../../solver/plant/solvePlant.ts';
import { loadFeaturePlant } from '../../fixtures/featurePlant.ts';

// Property: on random plants (calendars, maintenance, operators, batches, transport, buffers,
// changeovers), every schedule the engine returns — and its EDD baseline — passes the independent
// checker, is no worse than EDD or any construction it made without violations (the search
// returns the best plan it saw), and no bound exceeds its value.
describe('random plants', () => {
  it.each(Array.from({ length: 24 }, (_, i) => i + 1))('seed %i: the schedule passes the plant checker', async (seed) => {
    const pp = plantProblem(await loadFeaturePlant(seed));
    const r = solvePlant(pp, { maxIterations: 40, seed });
    expect(checkPlantTimetable(pp, r.timetable)).toEqual([]);
    expect(checkPlantTimetable(pp, r.edd.timetable)).toEqual([]);
    expect(compareValues(r.value, r.edd.value)).toBeLessThanOrEqual(0);
    expect(r.maxWaitExceeded).toEqual([]);
    for (const c of r.construction) if (!/deadlock|violation/.test(c.rule)) expect(compareValues(r.value, c.value)).toBeLessThanOrEqual(0);
    r.lowerBound.forEach((b, i) => expect(b).toBeLessThanOrEqual((r.value[i] as number) + 1e-6));
  });
});
