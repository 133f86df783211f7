import { describe, expect, it } from 'vitest';
import { columnsOf, isoToMs } from '../../src/live/stateColumns.ts';
import { NO_REASON, stateKpis } from '../../src/live/stateTimeline.ts';
import type { StateEvent } from '../../src/model/stateEventSchema.ts';

const MIN = 60_000;
const at = (minutes: number): number => minutes * MIN;

describe('time in state', () => {
  it('a state holds until the next state event, clipped to the window; before the first event it is unknown', () => {
    const events: StateEvent[] = [
      { ts: at(10), equipment: 'm1', state: 'idle' },
      { ts: at(20), equipment: 'm1', state: 'processing' },
      { ts: at(50), equipment: 'm1', good: 7 },
      { ts: at(70), equipment: 'm1', state: 'down', reason: 'jam' },
    ];
    const r = stateKpis(columnsOf(events), { t0: at(0), t1: at(100) });
    const t = r.equipment[0]!.timeInState;
    expect(t.unknown).toBe(at(10));
    expect(t.idle).toBe(at(10));
    expect(t.processing).toBe(at(50));
    expect(t.down).toBe(at(30));
    expect(Object.values(t).reduce((a, b) => a + b, 0)).toBe(at(100));
  });

  it('out-of-order events are taken in timestamp order', () => {
    const ordered: StateEvent[] = [
      { ts: at(0), equipment: 'm1', state: 'idle' },
      { ts: at(5), equipment: 'm1', state: 'processing' },
      { ts: at(9), equipment: 'm1', state: 'blocked' },
    ];
    const shuffled = [ordered[2]!, ordered[0]!, ordered[1]!];
    const a = stateKpis(columnsOf(ordered), { t0: 0, t1: at(10) });
    const b = stateKpis(columnsOf(shuffled), { t0: 0, t1: at(10) });
    expect(b.equipment[0]!.timeInState).toEqual(a.equipment[0]!.timeInState);
    expect(a.equipment[0]!.timeInState.processing).toBe(at(4));
  });

  it('a state that began before the window counts only inside it', () => {
    const events: StateEvent[] = [
      { ts: at(0), equipment: 'm1', state: 'down', reason: 'jam' },
      { ts: at(30), equipment: 'm1', state: 'processing' },
    ];
    const r = stateKpis(columnsOf(events), { t0: at(20), t1: at(40) });
    expect(r.equipment[0]!.timeInState.down).toBe(at(10));
    expect(r.equipment[0]!.breakdowns).toBe(0);
    expect(r.pareto).toEqual([{ state: 'down', reason: 'jam', ms: at(10), occurrences: 0 }]);
  });
});

describe('downtime Pareto', () => {
  it('ranks downtime by reason over all equipment, largest first, counting occurrences', () => {
    const events: StateEvent[] = [
      { ts: at(0), equipment: 'a', state: 'down', reason: 'jam' },
      { ts: at(5), equipment: 'a', state: 'processing' },
      { ts: at(10), equipment: 'a', state: 'down', reason: 'tool change' },
      { ts: at(30), equipment: 'a', state: 'processing' },
      { ts: at(0), equipment: 'b', state: 'down', reason: 'jam' },
      { ts: at(8), equipment: 'b', state: 'down' },
      { ts: at(9), equipment: 'b', state: 'processing' },
    ];
    const r = stateKpis(columnsOf(events), { t0: 0, t1: at(60) });
    expect(r.pareto).toEqual([
      { state: 'down', reason: 'tool change', ms: at(20), occurrences: 1 },
      { state: 'down', reason: 'jam', ms: at(13), occurrences: 2 },
      { state: 'down', reason: NO_REASON, ms: at(1), occurrences: 1 },
    ]);
    expect(r.equipment.map((e) => e.breakdowns)).toEqual([2, 1]);
  });

  it('can rank other loss states too', () => {
    const events: StateEvent[] = [
      { ts: at(0), equipment: 'a', state: 'setup', reason: 'die change' },
      { ts: at(15), equipment: 'a', state: 'starved' },
      { ts: at(20), equipment: 'a', state: 'processing' },
    ];
    const r = stateKpis(columnsOf(events), { t0: 0, t1: at(30), paretoStates: ['setup', 'starved'] });
    expect(r.pareto.map((p) => [p.state, p.reason, p.ms])).toEqual([['setup', 'die change', at(15)], ['starved', NO_REASON, at(5)]]);
  });
});

describe('OEE', () => {
  it('availability over planned busy time, performance from the ideal cycle, quality from counts', () => {
    // 8 h shift window with 1 h off-shift: planned busy 7 h; processing 5 h; 1 h down; 1 h setup.
    const events: StateEvent[] = [
      { ts: at(0), equipment: 'm', state: 'setup', good: 100, scrap: 4 },
      { ts: at(60), equipment: 'm', state: 'processing' },
      { ts: at(240), equipment: 'm', state: 'down', reason: 'spindle' },
      { ts: at(300), equipment: 'm', state: 'processing' },
      { ts: at(420), equipment: 'm', state: 'off-shift', good: 370, scrap: 34 },
    ];
    const r = stateKpis(columnsOf(events), { t0: 0, t1: at(480), idealCycleMs: MIN });
    const m = r.equipment[0]!;
    expect(m.plannedBusyMs).toBe(at(420));
    expect(m.operatingMs).toBe(at(300));
    expect(m.good).toBe(270);
    expect(m.scrap).toBe(30);
    expect(m.availability).toBeCloseTo(300 / 420, 12);
    expect(m.performance).toBeCloseTo(300 / 300, 12);
    expect(m.quality).toBeCloseTo(0.9, 12);
    expect(m.oee).toBeCloseTo((300 / 420) * 0.9, 12);
    expect(r.oee).toBeCloseTo(m.oee!, 12);
  });

  it('a counter that goes down was reset: counting restarts from zero', () => {
    const events: StateEvent[] = [
      { ts: at(0), equipment: 'm', state: 'processing', good: 40 },
      { ts: at(10), equipment: 'm', good: 45 },
      { ts: at(20), equipment: 'm', good: 3 },
      { ts: at(30), equipment: 'm', good: 5 },
    ];
    expect(stateKpis(columnsOf(events), { t0: 0, t1: at(40) }).equipment[0]!.good).toBe(5 + 3 + 2);
  });

  it('without an ideal cycle there is no performance and so no OEE, but availability and quality stand', () => {
    const events: StateEvent[] = [
      { ts: at(0), equipment: 'm', state: 'processing', good: 0, scrap: 0 },
      { ts: at(30), equipment: 'm', state: 'idle', good: 9, scrap: 1 },
    ];
    const r = stateKpis(columnsOf(events), { t0: 0, t1: at(60) });
    expect(r.availability).toBeCloseTo(0.5, 12);
    expect(r.quality).toBeCloseTo(0.9, 12);
    expect(r.performance).toBeUndefined();
    expect(r.oee).toBeUndefined();
  });
});

describe('ISO times', () => {
  it('reads seven fraction digits and offsets to the millisecond', () => {
    expect(isoToMs('2022-08-08T13:51:36.7711738Z')).toBe(Date.UTC(2022, 7, 8, 13, 51, 36, 771));
    expect(isoToMs('2026-11-30T07:00:00+01:00')).toBe(Date.UTC(2026, 10, 30, 6));
    expect(isoToMs('2026-11-30T07:00:00.5-02:30')).toBe(Date.UTC(2026, 10, 30, 9, 30, 0, 500));
    expect(isoToMs('yesterday')).toBeNaN();
  });
});

describe('counts across a gap in the data', () => {
  it('are not attributed: after an unknown stretch the next count is a new baseline', () => {
    const events: StateEvent[] = [
      { ts: at(0), equipment: 'm', state: 'processing', good: 0 },
      { ts: at(10), equipment: 'm', good: 1 },
      { ts: at(11), equipment: 'm', state: 'unknown' },
      { ts: at(40), equipment: 'm', state: 'processing', good: 2 },
      { ts: at(50), equipment: 'm', good: 3 },
    ];
    expect(stateKpis(columnsOf(events), { t0: 0, t1: at(60) }).equipment[0]!.good).toBe(2);
  });
});
