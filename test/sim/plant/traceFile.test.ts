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
    expect(view.getUint32(4, true)).toBe(1);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + view.getUint32(8, true))));
    expect(header).toMatchObject({ format: 'plant-twin/trace', equipment: ['M1', 'M2'], counts: { states: trace.stateTime.length } });
    expect(bytes.length % 8).toBe(0);
  });

  it('reads back to the same arrays (same hash)', () => {
    const back = decodeTrace(bytes);
    expect(traceHash(back.trace)).toBe(traceHash(trace));
    expect([...back.trace.moveEnd]).toEqual([...trace.moveEnd]);
    expect(back.header.counts.moves).toBe(trace.moveStart.length);
  });

  it('refuses a file that is not a trace', () => {
    expect(() => decodeTrace(new TextEncoder().encode('{"format":"plant-twin/schedule"}'))).toThrow(/PTTR/);
  });

  it('names every lot’s order and quantity, and every move’s lot', () => {
    expect(trace.lotOrder.length).toBe(result.flow.lotsEntered);
    expect([...trace.moveLot].every((lot) => lot < trace.lotOrder.length)).toBe(true);
    expect(trace.lotQuantity[0]).toBe(1);
  });
});
