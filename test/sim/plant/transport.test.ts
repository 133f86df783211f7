import { describe, expect, it } from 'vitest';
import { simulatePlant } from '../../../src/sim/plant/simulatePlant.ts';
import { completions, makePlant, oneProduct, operation, order } from './plantBuilder.ts';

const fleet = { fleets: [{ id: 'cart', kind: 'manual' as const, count: 1, speed: 1, handlingTime: 2 }], default: 'cart' };

describe('transport', () => {
  it('takes path length / speed + handling time between machines', () => {
    const result = simulatePlant(makePlant({
      machines: [{ id: 'M1', x: 0 }, { id: 'M2', x: 60 }],
      scenario: {
        ...oneProduct([operation('a', { M1: 1 }), operation('b', { M2: 1 })]),
        transport: fleet,
        orders: [order('o', 'P', 5, 0, 100)],
        experiment: { horizon: 100 },
      },
    }), { trace: true });
    // M1 0–5; the cart starts at the first node (M1's): 60 m at 1 m/s = 1 min + 2 min handling → 5–8; M2 8–13
    expect(completions(result)).toEqual({ o: 13 });
    const t = result.trace!;
    const k = [...t.moveFrom].findIndex((from, i) => from === 0 && t.moveTo[i] === 1);
    expect([t.moveStart[k], t.moveEnd[k]]).toEqual([5, 8]);
  });

  it('reports the vehicle travel: one loaded trip of 60 m, no empty metres from where the cart stood', () => {
    const plant = makePlant({
      machines: [{ id: 'M1', x: 0 }, { id: 'M2', x: 60 }],
      scenario: {
        ...oneProduct([operation('a', { M1: 1 }), operation('b', { M2: 1 })]),
        transport: fleet,
        orders: [order('o', 'P', 5, 0, 100)],
        experiment: { horizon: 100 },
      },
    });
    expect(simulatePlant(plant).transport).toEqual({ trips: 1, loadedMetres: 60, emptyMetres: 0, metresPerDay: 60 * 1440 / 100 });
    // A warm-up past the trip leaves nothing in the window.
    expect(simulatePlant(plant, { warmup: 10 }).transport.trips).toBe(0);
  });

  it('follows one-way conveyor edges and the shortest path over the graph', () => {
    // M1 → M2 is a 60 m one-way conveyor; back from M2 to M1 the cart goes round by M3 (60 + 90 m).
    const result = simulatePlant(makePlant({
      machines: [{ id: 'M1', x: 0 }, { id: 'M2', x: 60 }, { id: 'M3', x: 30, y: 80 }],
      edges: [
        { from: 'n-M1', to: 'n-M2', kind: 'conveyor', bidirectional: false },
        { from: 'n-M2', to: 'n-M3', length: 60 },
        { from: 'n-M3', to: 'n-M1', length: 90 },
      ],
      scenario: {
        ...oneProduct([operation('a', { M2: 1 }), operation('b', { M1: 1 })]),
        transport: fleet,
        orders: [order('o', 'P', 1, 0, 1000)],
        experiment: { horizon: 1000 },
      },
    }), { trace: true });
    // Loaded trip M2 → M3 → M1: 150 m at 1 m/s plus 2 min handling (the conveyor does not lead back).
    const t = result.trace!;
    const k = [...t.moveFrom].findIndex((from, i) => from === 1 && t.moveTo[i] === 0);
    expect(t.moveEnd[k]! - t.moveStart[k]!).toBeCloseTo(150 / 60 + 2, 9);
  });

  it('moves take no time without a transport section', () => {
    const result = simulatePlant(makePlant({
      machines: [{ id: 'M1', x: 0 }, { id: 'M2', x: 600 }],
      scenario: {
        ...oneProduct([operation('a', { M1: 1 }), operation('b', { M2: 1 })]),
        orders: [order('o', 'P', 5, 0, 100)],
        experiment: { horizon: 100 },
      },
    }));
    expect(completions(result)).toEqual({ o: 10 });
  });

  it('a fleet of one makes the second lot wait for the vehicle', () => {
    const result = simulatePlant(makePlant({
      machines: [{ id: 'M1', x: 0 }, { id: 'M2', x: 60 }],
      scenario: {
        ...oneProduct([operation('a', { M1: 1 }), operation('b', { M2: 1 })]),
        transport: { fleets: [{ id: 'cart', kind: 'manual', count: 1, speed: 1, handlingTime: 8 }], default: 'cart' },
        orders: [order('o1', 'P', 1, 0, 100), order('o2', 'P', 1, 0, 100)],
        experiment: { horizon: 100 },
      },
    }));
    // o1: M1 0–1, trip 1–10, M2 10–11. o2: M1 1–2, waits for the cart: back empty 10–11, trip 11–20, M2 20–21.
    expect(completions(result)).toEqual({ o1: 11, o2: 21 });
  });

  it('moves along a chain of conveyors need no vehicle and take no time', () => {
    // M1 → M2 → M3 is a conveyor line; the cart (handling 10 min) serves only the aisle back to M1.
    const result = simulatePlant(makePlant({
      machines: [{ id: 'M1', x: 0 }, { id: 'M2', x: 10 }, { id: 'M3', x: 20 }],
      edges: [
        { from: 'n-M1', to: 'n-M2', kind: 'conveyor', bidirectional: false },
        { from: 'n-M2', to: 'n-M3', kind: 'conveyor', bidirectional: false },
        { from: 'n-M3', to: 'n-M1' },
      ],
      scenario: {
        ...oneProduct([operation('a', { M1: 1 }), operation('c', { M3: 1 }), operation('b', { M1: 1 })]),
        transport: { fleets: [{ id: 'cart', kind: 'manual', count: 1, speed: 1, handlingTime: 10 }], default: 'cart' },
        orders: [order('o', 'P', 1, 0, 100)],
        experiment: { horizon: 100 },
      },
    }));
    // M1 0–1, conveyor to M3 (no time), M3 1–2. The cart comes from M1 (20 m empty: 1/3 min), takes
    // the lot back (20 m + 10 min handling), and M1 runs the last operation: 2 + 1/3 + 1/3 + 10 + 1.
    expect(completions(result).o).toBeCloseTo(2 + 40 / 60 + 10 + 1, 9);
  });
});
