import { describe, expect, it } from 'vitest';
import { Schedule } from '../../../src/model/scheduleSchema.ts';
import { Findings } from '../../../src/model/findings.ts';
import { checkUninterruptible } from '../../../src/model/uninterruptibleChecks.ts';
import { NO_DISTURBANCES } from '../../../src/sim/plant/plantRun.ts';
import { simulatePlant } from '../../../src/sim/plant/simulatePlant.ts';
import { checkPlantTimetable } from '../../../solver/plant/plantChecker.ts';
import { plantOutputs } from '../../../solver/plant/plantOutputs.ts';
import { plantProblem } from '../../../solver/plant/plantProblem.ts';
import { solvePlant } from '../../../solver/plant/solvePlant.ts';
import { ALWAYS, makePlant, oneProduct, operation, order } from '../../sim/plant/plantBuilder.ts';

/**
 * A 10-hour cure that may run in two ovens: HOT works around the clock, DAY only day shifts,
 * so the cure fits none of DAY's windows (alone, or shared with the crew the run needs). The validator warns that DAY is never chosen,
 * the simulator never sends a lot there: the engine must not plan it there either (it refused
 * the plant: "DAY needs working time more than 20 years past the plan start").
 */
function twoOvens(crew: boolean) {
  const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
  return makePlant({
    machines: [{ id: 'PREP' }, { id: 'HOT' }, { id: 'DAY' }],
    scenario: {
      ...oneProduct([operation('prep', { PREP: 1 }), operation('cure', { HOT: 600, DAY: 600 }, { uninterruptible: true, ...(crew ? { runSkill: 'cure' } : {}) })]),
      batchEquipment: [{ equipment: 'HOT', capacity: 50 }, { equipment: 'DAY', capacity: 50 }],
      calendars: [
        ALWAYS,
        // Without a crew DAY's 8-hour shifts are too short; with one, its 14-hour days are long
        // enough but share no minute with the crew's nights.
        crew
          ? { id: 'days', shifts: [{ name: 'day', days: [...weekdays], start: '06:00', end: '20:00' }] }
          : { id: 'days', shifts: [{ name: 'day', days: [...weekdays], start: '08:00', end: '16:00' }] },
        { id: 'nights', shifts: [{ name: 'night', days: [...weekdays], start: '20:00', end: '08:00' }] },
      ],
      equipmentCalendars: { default: 'always', overrides: { DAY: 'days' } },
      ...(crew ? { operators: [{ id: 'curers', count: 1, skills: ['cure'], calendar: 'nights' }] } : {}),
      orders: [order('A', 'P', 20, 0, 2000), order('B', 'P', 30, 0, 2000), order('C', 'P', 40, 60, 3000)],
    },
  });
}

describe('an uninterruptible run that fits no window of one eligible machine', () => {
  it.each([['no crew', false], ['a run crew on nights only', true]] as const)('is planned only where it fits (%s), as the validator says and the simulator does', (_, crew) => {
    const plant = twoOvens(crew);
    const findings = new Findings('test-scenario.json');
    checkUninterruptible(plant.scenario!, findings);
    expect(findings.errors).toEqual([]);
    expect(JSON.stringify(findings.warnings)).toMatch(crew ? /too short on 'DAY'.*never chosen/ : /too long for .* on 'DAY'.*never chosen/);
    const pp = plantProblem(plant);
    const r = solvePlant(pp, { maxIterations: 30, seed: 1 });
    expect(checkPlantTimetable(pp, r.timetable)).toEqual([]);
    const schedule = Schedule.parse(JSON.parse(JSON.stringify(plantOutputs(pp, r).schedule)));
    const cures = schedule.operations.filter((o) => o.operation === 'cure');
    expect(cures.length).toBeGreaterThan(0);
    expect(new Set(cures.map((o) => o.equipment))).toEqual(new Set(['HOT']));
    const followed = simulatePlant(plant, { dispatching: 'schedule', schedule, disturbances: NO_DISTURBANCES });
    expect(followed.stall).toBeNull();
    expect(followed.follow!.mismatches).toEqual([]);
    expect(followed.follow!.matched).toBe(schedule.operations.length);
  });
});
