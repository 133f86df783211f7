import { describe, expect, it } from 'vitest';
import { loadDispatchListText } from '../../src/model/loadDispatchList.ts';
import { loadScheduleText } from '../../src/model/loadSchedule.ts';

const schedule = {
  format: 'plant-twin/schedule', version: 1, id: 'sch-2', supersedes: 'sch-1', scenario: 'small-week',
  createdAt: '2026-11-29T18:00:00Z', objective: 'weightedTardiness',
  kpis: { makespan: 600, totalSetup: 30, weightedTardiness: 0, lateOrders: 0 },
  operations: [
    { order: 'o-1', operation: 'cut', equipment: 'laser-1', start: '2026-11-30T06:00:00Z', end: '2026-11-30T06:40:00Z' },
    { order: 'o-1', operation: 'coat', equipment: 'paint-1', start: '2026-11-30T07:00:00Z', end: '2026-11-30T08:00:00Z',
      setup: { from: 'navy', to: 'white', minutes: 45, start: '2026-11-30T06:15:00Z' } },
  ],
};

const dispatch = {
  format: 'plant-twin/dispatch', version: 1, id: 'dl-2', supersedes: null, schedule: 'sch-2', createdAt: '2026-11-29T18:05:00Z',
  equipment: [{ equipment: 'laser-1', jobs: [
    { sequence: 1, order: 'o-1', product: 'bracket-white', operation: 'cut', quantity: 10, plannedStart: '2026-11-30T06:00:00Z', plannedEnd: '2026-11-30T06:40:00Z' },
    { sequence: 2, order: 'o-2', product: 'bracket-navy', operation: 'cut', quantity: 5, plannedStart: '2026-11-30T06:40:00Z', plannedEnd: '2026-11-30T07:00:00Z' },
  ] }],
};

describe('schedule and dispatch-list loading', () => {
  it('loads a valid schedule and fills defaults', () => {
    const r = loadScheduleText(JSON.stringify(schedule), 'sch.json');
    expect(r.ok && r.value.operations[0]?.frozen).toBe(false);
  });

  it('reports an operation ending before it starts and a changeover running into its operation', () => {
    const s = structuredClone(schedule);
    s.operations[0]!.end = '2026-11-30T05:00:00Z';
    s.operations[1]!.setup!.start = '2026-11-30T06:30:00Z';
    (s.operations[0] as { begin?: string }).begin = '2026-11-30T06:01:00Z';
    const r = loadScheduleText(JSON.stringify(s), 'sch.json');
    expect(r.ok ? [] : r.problems.map((p) => p.path)).toEqual(['operations[0].end', 'operations[0].begin', 'operations[1].setup.start']);
  });

  it('translates schema problems of a schedule', () => {
    const r = loadScheduleText(JSON.stringify({ ...schedule, kpis: { ...schedule.kpis, lateOrders: 1.5 } }), 'sch.json');
    expect(r.ok ? [] : r.problems).toEqual([{ file: 'sch.json', path: 'kpis.lateOrders', expected: 'a whole number', found: '1.5' }]);
  });

  it('loads a valid dispatch list, and reports a repeated sequence number and a job ending before it starts', () => {
    expect(loadDispatchListText(JSON.stringify(dispatch), 'dl.json').ok).toBe(true);
    const d = structuredClone(dispatch);
    d.equipment[0]!.jobs[1]!.sequence = 1;
    d.equipment[0]!.jobs[1]!.plannedEnd = '2026-11-30T06:00:00Z';
    const r = loadDispatchListText(JSON.stringify(d), 'dl.json');
    expect(r.ok ? [] : r.problems.map((p) => p.path)).toEqual(['equipment[0].jobs[1].sequence', 'equipment[0].jobs[1].plannedEnd']);
  });
});
