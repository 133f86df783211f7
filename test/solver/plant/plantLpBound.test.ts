import { describe, expect, it } from 'vitest';
import { ruleContext } from '../../../solver/construct.ts';
import { parseObjective, type Objective } from '../../../solver/objective.ts';
import { Decoder } from '../../../solver/plant/decode.ts';
import { dispatch } from '../../../solver/plant/dispatch.ts';
import { checkPlantTimetable } from '../../../solver/plant/plantChecker.ts';
import { plantLpBound } from '../../../solver/plant/plantLpBound.ts';
import { LP_CONSTRUCTION, solvePlant } from '../../../solver/plant/solvePlant.ts';
import { EDD } from '../../../solver/rules.ts';
import { scenarioProblem, type PlantProblem } from '../../../solver/scenarioProblem.ts';
import { randomScenario } from './plantFixture.ts';

function eddMakespan(pp: PlantProblem): { d: Decoder; makespan: number } {
  const d = new Decoder(pp);
  dispatch(d, ruleContext(pp.problem, d.c), EDD);
  return { d, makespan: Math.max(...d.end) };
}

describe('shift-bucket LP bound on plant problems', () => {
  it('never exceeds the makespan of EDD or of any schedule solvePlant returns, on random small plants', () => {
    const sources = new Set<string>();
    for (let seed = 1; seed <= 16; seed++) {
      const pp = scenarioProblem(randomScenario(seed));
      const { d, makespan } = eddMakespan(pp);
      const lp = plantLpBound(d, makespan);
      expect(lp.makespan, `seed ${seed}`).not.toBeNull();
      for (const objective of ['lex:makespan', 'lex:lateOrders,totalSetup,weightedTardiness']) {
        const r = solvePlant(pp, { maxIterations: 200, seed, objective: parseObjective(objective) as Objective });
        expect(lp.makespan as number, `seed ${seed} ${objective}`).toBeLessThanOrEqual(r.kpis.makespan + 1e-9);
        expect(lp.makespan as number, `seed ${seed} EDD`).toBeLessThanOrEqual(r.edd.kpis.makespan + 1e-9);
        expect(r.bounds.makespan).toBeGreaterThanOrEqual(lp.makespan as number);
        expect(r.bounds.makespan).toBeLessThanOrEqual(r.kpis.makespan + 1e-9);
        sources.add(r.bounds.makespanSource);
      }
    }
    // Nights and weekends are capacity the LP sees and the job-shop bounds do not.
    expect(sources.has('LP shifts')).toBe(true);
  });

  it('gives solvePlant a deterministic, feasible construction on the LP machines in EDD order', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const pp = scenarioProblem(randomScenario(seed));
      const r = solvePlant(pp, { maxIterations: 0 });
      const listed = r.construction.find((c) => c.rule === LP_CONSTRUCTION);
      expect(listed, `seed ${seed}`).toBeDefined();

      const { d, makespan } = eddMakespan(pp);
      const lp = plantLpBound(d, makespan);
      const again = plantLpBound(d, makespan);
      expect(Array.from(again.machineOf)).toEqual(Array.from(lp.machineOf));
      const sol = dispatch(d, ruleContext(pp.problem, d.c), EDD, lp.machineOf);
      const timetable = d.timetable();
      expect(checkPlantTimetable(pp, timetable), `seed ${seed}`).toEqual([]);
      for (const v of sol.list) expect(timetable.machine[v]).toBe(lp.machineOf[v]);
      expect(solvePlant(pp, { maxIterations: 0 }).construction).toEqual(r.construction);
    }
  });
});
