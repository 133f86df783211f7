import { describe, expect, it } from 'vitest';
import { TabuMemory } from '../../solver/tabuMemory.ts';

describe('TabuMemory', () => {
  it.each([[10, 'one slot per pair'], [3000, 'hashed slots']])('with %i operations (%s) a pair is tabu until its iteration, in its direction only', (n) => {
    const m = new TabuMemory(n, 2);
    m.forbidPair(4, 7, 20);
    expect(m.isPairTabu(4, 7, 19)).toBe(true);
    expect(m.isPairTabu(4, 7, 20)).toBe(false);
    expect(m.isPairTabu(7, 4, 19)).toBe(false);
    expect(m.isPairTabu(5, 7, 19)).toBe(false);
    m.clear();
    expect(m.isPairTabu(4, 7, 0)).toBe(false);
  });

  it('forbids returning an operation to a machine until the given iteration', () => {
    const m = new TabuMemory(5, 3);
    m.forbidMachine(2, 1, 8);
    expect(m.isMachineTabu(2, 1, 7)).toBe(true);
    expect(m.isMachineTabu(2, 0, 7)).toBe(false);
    expect(m.isMachineTabu(2, 1, 8)).toBe(false);
  });
});
