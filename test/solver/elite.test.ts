import { describe, expect, it } from 'vitest';
import { compile } from '../../solver/compile.ts';
import { ElitePool } from '../../solver/elite.ts';
import { newSnapshot, type Snapshot } from '../../solver/graph.ts';
import { Random } from '../../solver/random.ts';
import { randomJobShop } from './instances.ts';

// One machine with 40 operations (a member's neighbourhood: fewer than 4 at another position): a solution is a permutation of them.
const c = compile(randomJobShop(1, 40, 1));

function solution(order: number[], makespan: number): Snapshot {
  const s = newSnapshot(c);
  s.seq.set(order);
  s.seqStart.set([0, order.length]);
  s.makespan = makespan;
  s.value[0] = makespan;
  return s;
}

const identity = Array.from({ length: 40 }, (_, i) => i);
const reversed = [...identity].reverse();
const shifted = [...identity.slice(20), ...identity.slice(0, 20)];

describe('ElitePool', () => {
  it('a newcomer close to a member replaces it only when better', () => {
    const pool = new ElitePool(c, 4);
    pool.offer(solution(identity, 100));
    const swapped = [1, 0, ...identity.slice(2)];
    pool.offer(solution(swapped, 105));
    expect(pool.size).toBe(1);
    expect(pool.pick(new Random(1))?.makespan).toBe(100);
    pool.offer(solution(swapped, 90));
    expect(pool.size).toBe(1);
    expect(Array.from(pool.pick(new Random(1))?.seq ?? [])).toEqual(swapped);
  });

  it('different solutions fill the pool, then displace the worst when better than it', () => {
    const pool = new ElitePool(c, 2);
    pool.offer(solution(identity, 100));
    pool.offer(solution(reversed, 120));
    expect(pool.size).toBe(2);
    pool.offer(solution(shifted, 130));
    const rng = new Random(3);
    const kept = new Set(Array.from({ length: 20 }, () => pool.pick(rng)?.makespan));
    expect(kept).toEqual(new Set([100, 120]));
    pool.offer(solution(shifted, 110));
    const kept2 = new Set(Array.from({ length: 20 }, () => pool.pick(rng)?.makespan));
    expect(kept2).toEqual(new Set([100, 110]));
    const [a, b] = pool.pickTwo(rng);
    expect(a).not.toBe(b);
  });
});
