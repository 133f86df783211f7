import { describe, expect, it } from 'vitest';
import { Schedule } from '../../../src/model/scheduleSchema.ts';
import { asRunSchedule } from '../../../src/sim/plant/asRun.ts';
import { compilePlant } from '../../../src/sim/plant/compiledPlant.ts';
import { NO_DISTURBANCES } from '../../../src/sim/plant/plantRun.ts';
import { simulatePlant } from '../../../src/sim/plant/simulatePlant.ts';
import type { Plant } from '../../../src/model/load.ts';
import { makePlant, operation, order } from './plantBuilder.ts';

/** A deterministic EDD run, its as-run record, and that record followed deterministically. */
function repeat(plant: Plant) {
  const run = simulatePlant(plant, { dispatching: 'EDD', disturbances: NO_DISTURBANCES, recordJobs: true });
  const schedule = Schedule.parse(JSON.parse(JSON.stringify(asRunSchedule(compilePlant(plant), run.jobs!, { id: 'as-run', createdAt: '2026-11-30T00:00:00Z' }))));
  const followed = simulatePlant(plant, { dispatching: 'schedule', schedule, disturbances: NO_DISTURBANCES });
  return { schedule, follow: followed.follow! };
}

describe('an as-run record followed without randomness repeats the run', () => {
  it('frees input room when a job took its lots, though it then waited for its run operator', () => {
    // One operator runs B and C. y holds it on C 0–10; x begins on B at 0.5 (its 5 units leave B's
    // 5-unit buffer) and waits for it until 10. So z gets room at B at 2, A's output stays free,
    // and v runs on A at 3. Held until its run's start (10), x would keep z out until 10 and
    // block A (w in its output, v unable to unload), so v would start on A at 10.
    const plant = makePlant({
      machines: [{ id: 'A', outputBuffer: 5 }, { id: 'B', inputBuffer: 5 }, { id: 'C' }],
      scenario: {
        products: [{ id: 'P1', name: 'P1', family: 'F', routing: 'R1' }, { id: 'P2', name: 'P2', family: 'F', routing: 'R2' }, { id: 'P3', name: 'P3', family: 'F', routing: 'R3' }],
        routings: [
          { id: 'R1', operations: [operation('b', { B: 1 }, { runSkill: 'run' })] },
          { id: 'R2', operations: [operation('c', { C: 2 }, { runSkill: 'run' })] },
          { id: 'R3', operations: [operation('a', { A: 0.2 }), operation('b', { B: 1 }, { runSkill: 'run' })] },
        ],
        operators: [{ id: 'crew', count: 1, skills: ['run'] }],
        orders: [order('y', 'P2', 5, 0, 999), order('x', 'P1', 5, 0.5, 999), order('z', 'P3', 5, 1, 999), order('w', 'P3', 5, 1, 999), order('v', 'P3', 5, 1, 999)],
        experiment: { horizon: 1000 },
      },
    });
    const { schedule, follow } = repeat(plant);
    const x = schedule.operations.find((o) => o.order === 'x')!;
    expect(x.begin).toBeDefined();
    expect(x.begin! < x.start).toBe(true);
    expect(follow).toMatchObject({ entries: 8, matched: 8, mismatches: [] });
  });

  it('writes a snapshot’s job under way at the start as frozen, so the follower does not wait for it', () => {
    const plant = makePlant({
      machines: [{ id: 'M' }],
      scenario: {
        products: [{ id: 'P', name: 'P', family: 'F', routing: 'R' }],
        routings: [{ id: 'R', operations: [operation('op', { M: 1 })] }],
        orders: [order('o1', 'P', 10, -100, 500), order('o2', 'P', 5, 0, 500)],
        startState: { kind: 'snapshot', time: '2026-11-30T00:00:00Z', equipment: [{ id: 'M', state: 'processing', order: 'o1', operation: 'op', remaining: 3 }] } as never,
        experiment: { horizon: 500 },
      },
    });
    const { schedule, follow } = repeat(plant);
    expect(schedule.operations.map((o) => [o.order, o.frozen])).toEqual([['o1', true], ['o2', false]]);
    expect(follow).toMatchObject({ entries: 1, matched: 1, mismatches: [] });
  });
});
