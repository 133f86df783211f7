import type { DispatchList } from '../../src/model/scheduleSchema.ts';

/** The dispatch list of docs/FORMATS.md, a second machine with two jobs and one with none. */
export function smallList(): DispatchList {
  return {
    format: 'plant-twin/dispatch', version: 1,
    id: 'dl-0002', supersedes: 'dl-0001', schedule: 'sch-0002',
    createdAt: '2026-11-29T17:05:00Z',
    equipment: [
      { equipment: 'mill-1', jobs: [
        { sequence: 1, order: 'o2', product: 'p2', operation: 'mill', quantity: 50,
          plannedStart: '2026-11-30T08:15:00Z', plannedEnd: '2026-11-30T13:15:00Z',
          changeover: { from: null, to: 'B', minutes: 15 } },
      ] },
      { equipment: 'lathe-1', jobs: [
        { sequence: 2, order: 'o3', product: 'p1', operation: 'turn', quantity: 20,
          plannedStart: '2026-11-30T09:30:00+01:00', plannedEnd: '2026-11-30T10:00:00+01:00',
          changeover: { from: 'A', to: 'C', minutes: 7.5 } },
        { sequence: 1, order: 'o1', product: 'p1', operation: 'turn', quantity: 10,
          plannedStart: '2026-11-30T07:00:00+01:00', plannedEnd: '2026-11-30T08:00:00+01:00' },
      ] },
      { equipment: 'saw-1', jobs: [] },
    ],
  };
}

/** `n` independent lists (each supersedes nothing) for delivery tests, one job each on two machines. */
export function manyLists(n: number, prefix = 'v'): DispatchList[] {
  return Array.from({ length: n }, (_, i) => ({
    format: 'plant-twin/dispatch' as const, version: 1 as const,
    id: `${prefix}-${String(i + 1).padStart(4, '0')}`, supersedes: null, schedule: `sch-${i + 1}`,
    createdAt: '2026-11-29T17:05:00Z',
    equipment: ['mill-1', 'lathe-1'].map((equipment, k) => ({
      equipment,
      jobs: [{ sequence: 1, order: `o${i}-${k}`, product: 'p1', operation: 'op10', quantity: 1 + k,
        plannedStart: '2026-11-30T08:00:00Z', plannedEnd: '2026-11-30T09:00:00Z' }],
    })),
  }));
}
