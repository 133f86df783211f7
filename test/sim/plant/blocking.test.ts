import { describe, expect, it } from 'vitest';
import { simulatePlant } from '../../../src/sim/plant/simulatePlant.ts';
import { completions, makePlant, oneProduct, operation, order } from './plantBuilder.ts';

describe('a two-machine line with a buffer of one', () => {
  // M1 (1 min) feeds M2 (5 min). M2 holds one waiting unit, M1's output place one finished unit.
  //   t=1 lot1 → M2 (runs 1–6)   t=2 lot2 waits in M2's buffer   t=3 lot3 waits in M1's output
  //   t=4 lot4 finished, nowhere to go: M1 blocked until M2 starts lot2 at 6 and room ripples back
  //   t=7 lot5 finished: blocked again until M2 starts lot3 at 11.
  const plant = makePlant({
    machines: [{ id: 'M1', outputBuffer: 1 }, { id: 'M2', inputBuffer: 1 }],
    scenario: {
      ...oneProduct([operation('first', { M1: 1 }), operation('second', { M2: 5 })]),
      orders: [1, 2, 3, 4, 5].map((k) => order(`o${k}`, 'P', 1, 0, 100)),
      experiment: { horizon: 100 },
    },
  });
  const result = simulatePlant(plant, { trace: true });
  const [m1, m2] = result.equipment;

  it('blocks the first machine after service while the buffer downstream is full', () => {
    expect(m1!.states.blocked).toBeCloseTo(6, 9); // [4, 6] and [7, 11]
    expect(m1!.states.processing).toBeCloseTo(5, 9);
    expect(m1!.states.starved).toBeCloseTo(89, 9);
  });

  it('keeps the slow machine busy from the first lot on', () => {
    expect(completions(result)).toEqual({ o1: 6, o2: 11, o3: 16, o4: 21, o5: 26 });
    expect(m2!.states.processing).toBeCloseTo(25, 9);
    expect(m2!.states.blocked).toBe(0);
  });

  it('records the blocked periods in the trace', () => {
    const t = result.trace!;
    const blocked = [...t.stateTime].filter((_, i) => t.stateEquipment[i] === 0 && t.states[t.stateCode[i]!] === 'blocked');
    expect(blocked).toEqual([4, 7]);
  });
});
