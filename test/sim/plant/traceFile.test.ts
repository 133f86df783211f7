import { describe, expect, it } from 'vitest';
import { simulatePlant } from '../../../src/sim/plant/simulatePlant.ts';
import { traceHash } from '../../../src/sim/plant/trace.ts';
import { decodeTrace, encodeTrace } from '../../../src/sim/plant/traceFile.ts';
import { makePlant, oneProduct, operation, order } from './plantBuilder.ts';

describe('the binary trace file', () => {
  const plant = makePlant({
    machines: [{ id: 'M1' }, { id: 'M2', inputBuffer: 3 }],
    scenario: {
      ...oneProduct([operation('a', { M1: { type: 'exponential', mean: 1 } }), operation('b', { M2: 1.5 })]),
      orders: Array.from({ length: 20 }, (_, k) => order(`o${k}`, 'P', 1 + (k % 3), 3 * k, 200)),
      experiment: { horizon: 300 },
    },
  });
  const result = simulatePlant(plant, { trace: true });
  const trace = result.trace!;
  const bytes = encodeTrace(trace, { scenario: 'test', seed: result.seed, replication: 0, horizon: 300 });

  it('starts with the magic, the version and an aligned JSON header', () => {
    expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe('PTTR');
    const view = new DataView(bytes.buffer);
    expect(view.getUint32(4, true)).toBe(2);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + view.getUint32(8, true))));
    expect(header).toMatchObject({ format: 'plant-twin/trace', equipment: ['M1', 'M2'], operations: ['a', 'b'], counts: { states: trace.stateTime.length } });
    expect(bytes.length % 8).toBe(0);
  });

  it('reads back to the same arrays (same hash)', () => {
    const back = decodeTrace(bytes);
    expect(traceHash(back.trace)).toBe(traceHash(trace));
    expect([...back.trace.moveEnd]).toEqual([...trace.moveEnd]);
    expect(back.header.counts.moves).toBe(trace.moveStart.length);
    expect(back.trace.operations).toEqual(['a', 'b']);
    expect([...back.trace.loadOperation]).toEqual([...trace.loadOperation]);
    // Every lot is loaded once on M1 for operation a and once on M2 for b.
    expect(new Set(Array.from(back.trace.loadOperation, (o, i) => `${back.trace.equipment[back.trace.loadEquipment[i]!]}:${back.trace.operations[o]}`)))
      .toEqual(new Set(['M1:a', 'M2:b']));
  });

  it('refuses a version 1 file, which has no load operations, saying so', () => {
    const old = bytes.slice();
    new DataView(old.buffer).setUint32(4, 1, true);
    expect(() => decodeTrace(old)).toThrow(/version 1; this reader knows only version 2/);
  });

  it('refuses a file that is not a trace', () => {
    expect(() => decodeTrace(new TextEncoder().encode('{"format":"plant-twin/schedule"}'))).toThrow(/PTTR/);
  });

  it('names every lot’s order and quantity, and every move’s lot', () => {
    expect(trace.lotOrder.length).toBe(result.flow.lotsEntered);
    expect([...trace.moveLot].every((lot) => lot < trace.lotOrder.length)).toBe(true);
    expect(trace.lotQuantity[0]).toBe(1);
  });

  it('names the operation each load is for, across routings that share a machine and an operation id', () => {
    // P: cut on M1, then drill on M2. Q: weld on M2, then cut on M1 ("cut" is one table entry).
    const two = makePlant({
      machines: [{ id: 'M1' }, { id: 'M2' }],
      scenario: {
        products: [{ id: 'P', name: 'P', family: 'F', routing: 'RP' }, { id: 'Q', name: 'Q', family: 'F', routing: 'RQ' }],
        routings: [
          { id: 'RP', operations: [operation('cut', { M1: 2 }), operation('drill', { M2: 3 })] },
          { id: 'RQ', operations: [operation('weld', { M2: 4 }), operation('cut', { M1: 1 })] },
        ],
        orders: [order('p1', 'P', 1, 0, 100), order('q1', 'Q', 1, 0, 100)],
        experiment: { horizon: 100 },
      },
    });
    const t = simulatePlant(two, { trace: true }).trace!;
    expect(t.operations).toEqual(['cut', 'drill', 'weld']);
    const loads = Array.from(t.loadTime, (time, i) =>
      `${time} ${t.orders[t.lotOrder[t.loadLot[i]!]!]} ${t.equipment[t.loadEquipment[i]!]} ${t.operations[t.loadOperation[i]!]}`);
    // p1 cuts 0–2 then drills 2–5 on M2 once q1's weld (0–4) is done; q1 cuts at 4 on a free M1.
    expect(loads.sort()).toEqual(['0 p1 M1 cut', '0 q1 M2 weld', '4 p1 M2 drill', '4 q1 M1 cut'].sort());
  });
});
