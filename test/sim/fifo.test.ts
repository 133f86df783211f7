import { describe, expect, it } from 'vitest';
import { Fifo } from '../../src/sim/fifo.ts';

describe('Fifo', () => {
  it('returns items in arrival order across wrap-around and growth', () => {
    const fifo = new Fifo<number>(4);
    const out: number[] = [];
    let next = 0;
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < (round % 7) + 1; i++) fifo.push(next++);
      for (let i = 0; i < (round % 5) + 1 && fifo.length > 0; i++) out.push(fifo.shift()!);
    }
    while (fifo.length > 0) out.push(fifo.shift()!);
    expect(out).toEqual(Array.from({ length: next }, (_, i) => i));
  });

  it('peeks without removing, and is empty-safe', () => {
    const fifo = new Fifo<string>();
    expect(fifo.shift()).toBeUndefined();
    expect(fifo.peek()).toBeUndefined();
    fifo.push('a');
    fifo.push('b');
    expect(fifo.peek()).toBe('a');
    expect(fifo.length).toBe(2);
  });
});
