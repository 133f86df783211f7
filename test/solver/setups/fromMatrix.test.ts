import { describe, expect, it } from 'vitest';
import { sequenceChangeovers } from '../../../solver/setups/atsp.ts';
import { changeoverInputFromMatrix } from '../../../solver/setups/fromMatrix.ts';

const paint = {
  id: 'paint-line',
  equipment: ['P1'],
  attribute: 'colour',
  keys: ['white', 'grey', 'black'],
  times: [[0, 10, 15], [30, 0, 10], [60, 40, 0]],
  initial: 20,
};

describe('changeover input from a scenario setup matrix', () => {
  it('starts from the colour the line is set up for and sequences light to dark', () => {
    const jobs = ['black', 'white', 'grey', 'white'].map((key) => ({ key, duration: 30 }));
    const r = changeoverInputFromMatrix(paint, jobs, { currentKey: 'white' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const seq = sequenceChangeovers(r.input);
    expect(seq.order.map((i) => jobs[i]!.key)).toEqual(['white', 'white', 'grey', 'black']);
    expect(seq.totalSetup).toBe(20);
    expect(seq.end).toBe(140);
  });

  it('charges the matrix initial setup when the line starts empty', () => {
    const r = changeoverInputFromMatrix(paint, [{ key: 'grey', duration: 5 }]);
    expect(r.ok && sequenceChangeovers(r.input).totalSetup).toBe(20);
  });

  it('returns keys the matrix does not know instead of treating them as free', () => {
    const r = changeoverInputFromMatrix(paint, [{ key: 'red', duration: 5 }, { key: 'grey', duration: 5 }], { currentKey: 'blue' });
    expect(r).toEqual({ ok: false, unknownKeys: ['red', 'blue'] });
  });
});
