import { describe, expect, it } from 'vitest';
import { simulatePlant } from '../../../src/sim/plant/simulatePlant.ts';
import { makePlant, oneProduct, operation, order } from './plantBuilder.ts';

describe('KPIs by hand', () => {
  // M1 runs 60 min (10 × 6), M2 30 min (10 × 3) from 60 to 90, both always on shift, horizon 120.
  const plant = makePlant({
    machines: [{ id: 'M1' }, { id: 'M2' }],
    scenario: {
      ...oneProduct([operation('a', { M1: 6 }), operation('b', { M2: 3 }, { yield: 1 })]),
      orders: [order('o', 'P', 10, 0, 1000)],
      energy: [{ equipment: ['M1'], kW: { processing: 10, setup: 5, idle: 2, down: 1, off: 0.5 } }],
      experiment: { horizon: 120 },
    },
  });
  const result = simulatePlant(plant, { wipSampleEvery: 30 });

  it('energy is kW × hours in the matching states', () => {
    expect(result.equipment[0]!.energyKWh).toMatchObject({ processing: 10, idle: 2, setup: 0, down: 0, off: 0, total: 12 });
    expect(result.equipment[1]!.energyKWh.total).toBe(0); // no profile
    expect(result.energy.total).toBe(12);
  });

  it('line OEE sums its equipment’s times: (60 + 30) / (120 + 120)', () => {
    expect(result.equipment[0]!.oee!.availability).toBeCloseTo(0.5, 12);
    expect(result.equipment[1]!.oee!.availability).toBeCloseTo(0.25, 12);
    expect(result.lines[0]!.oee!.availability).toBeCloseTo(90 / 240, 12);
    expect(result.lines[0]!.oee!.oee).toBeCloseTo(90 / 240, 12);
  });

  it('samples WIP at fixed intervals from the window start', () => {
    expect(result.wip.times).toEqual([0, 30, 60, 90, 120]);
    expect(result.wip.lots).toEqual([1, 1, 1, 0, 0]);
    expect(result.wip.units).toEqual([10, 10, 10, 0, 0]);
    expect(result.wip.lotsMean).toBeCloseTo(90 / 120, 12);
  });

  it('names the machine with the longest active period as the bottleneck', () => {
    expect(result.bottleneck.equipment).toBe('M1');
    expect(result.equipment[0]!.bottleneck.sole).toBeCloseTo(60 / 120, 12);
    expect(result.equipment[1]!.bottleneck.sole).toBeCloseTo(30 / 120, 12);
  });

  it('leaves the warm-up out of every figure', () => {
    const warm = simulatePlant(plant, { warmup: 30 });
    expect(warm.window).toEqual({ start: 30, end: 120 });
    expect(warm.equipment[0]!.states.processing).toBeCloseTo(30, 12);
    expect(warm.equipment[0]!.oee!.availability).toBeCloseTo(30 / 90, 12);
    expect(warm.equipment[0]!.oee!.performance).toBeCloseTo(1, 12);
    expect(warm.wip.lotsMean).toBeCloseTo(60 / 90, 12);
    expect(warm.flow.lotMinutes).toBeCloseTo(60, 12);
  });
});

describe('more failure, transport and snapshot cases', () => {
  it('counts calendar time towards a calendar-basis failure, breaks included', () => {
    const result = simulatePlant(makePlant({
      machines: [{ id: 'M' }],
      scenario: {
        ...oneProduct([operation('op', { M: 100 })]),
        calendars: [{ id: 'day', shifts: [{ name: 'day', days: ['mon'], start: '00:00', end: '02:00', breaks: [{ start: '00:30', end: '01:00' }] }] }],
        equipmentCalendars: { default: 'day' },
        failures: [{ equipment: ['M'], basis: 'calendar', timeBetweenFailures: { type: 'constant', value: 40 }, timeToRepair: { type: 'constant', value: 10 } }],
        orders: [order('o', 'P', 1, 0, 1000)],
        experiment: { horizon: 200 },
      },
    }));
    // The clock runs through the break and after the shift: failures at 40, 90, 140 and 190, 10 min
    // down each. Work 0–30, 60–90, 100–120 = 80 min, so the 100-min job is not done by the shift end.
    const m = result.equipment[0]!;
    expect(m.states.processing).toBeCloseTo(80, 9);
    expect(m.states.down).toBeCloseTo(40, 9);
    expect(result.orders[0]!.completedAt).toBeNull();
  });

  it('a vehicle with room for two takes both waiting lots on one trip', () => {
    const result = simulatePlant(makePlant({
      machines: [{ id: 'M1', x: 0 }, { id: 'M2', x: 60 }],
      scenario: {
        ...oneProduct([operation('a', { M1: 1 }), operation('b', { M2: 1 })]),
        transport: { fleets: [{ id: 'agv', kind: 'agv', count: 1, speed: 1, handlingTime: 5, capacity: 2 }], default: 'agv' },
        orders: [order('o1', 'P', 1, 0, 100), order('o2', 'P', 1, 0, 100), order('o3', 'P', 1, 0, 100)],
        experiment: { horizon: 100 },
      },
    }), { trace: true });
    // o1 leaves at 1 (1 min travel + 5 handling: 1–7); o2 (done at 2) and o3 (done at 3) wait. The AGV,
    // free at M2 at 7, goes for o2 (arrives 8) and takes o3 along: both travel 8–14.
    const t = result.trace!;
    const trips = [...t.moveStart].map((s, i) => [s, t.moveEnd[i]!, t.moveFrom[i]!]).filter(([, , from]) => from === 0);
    expect(trips.map(([s, e]) => [s, e])).toEqual([[1, 7], [8, 14], [8, 14]]);
  });

  it('a snapshot’s blocked lot leaves for its next operation', () => {
    const result = simulatePlant(makePlant({
      machines: [{ id: 'M1' }, { id: 'M2' }],
      scenario: {
        ...oneProduct([operation('a', { M1: 1 }), operation('b', { M2: 2 })]),
        orders: [order('o', 'P', 3, -10, 100)],
        startState: { kind: 'snapshot', time: '2026-11-30T00:00:00Z', equipment: [{ id: 'M1', state: 'blocked', order: 'o', operation: 'a' }] },
        experiment: { horizon: 100 },
      },
    }));
    expect(result.orders[0]).toMatchObject({ released: 3, good: 3, completedAt: 6 });
  });

  it('a snapshot’s lot finished at the last operation completes its order at the start', () => {
    const result = simulatePlant(makePlant({
      machines: [{ id: 'M1' }, { id: 'M2' }],
      scenario: {
        ...oneProduct([operation('a', { M1: 1 }), operation('b', { M2: 2 })]),
        orders: [order('o', 'P', 3, -10, 100)],
        startState: { kind: 'snapshot', time: '2026-11-30T00:00:00Z', equipment: [{ id: 'M2', state: 'blocked', order: 'o', operation: 'b' }] },
        experiment: { horizon: 100 },
      },
    }));
    expect(result.orders[0]).toMatchObject({ released: 3, good: 3, completedAt: 0 });
  });
});
