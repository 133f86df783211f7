import { describe, expect, it } from 'vitest';
import { RandomStream, RandomStreams, streamState } from '../../src/sim/random.ts';

/** xoshiro128** written straight from the reference C code with BigInt, as an independent check. */
function referenceXoshiro(seed: [number, number, number, number], count: number): number[] {
  const m = 0xffffffffn;
  const s = seed.map((x) => BigInt(x >>> 0));
  const rotl = (x: bigint, k: bigint): bigint => ((x << k) | (x >> (32n - k))) & m;
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    out.push(Number((rotl((s[1]! * 5n) & m, 7n) * 9n) & m));
    const t = (s[1]! << 9n) & m;
    s[2]! ^= s[0]!;
    s[3]! ^= s[1]!;
    s[1]! ^= s[2]!;
    s[0]! ^= s[3]!;
    s[2]! ^= t;
    s[3] = rotl(s[3]!, 11n);
  }
  return out;
}

function draws(stream: RandomStream, n: number): number[] {
  return Array.from({ length: n }, () => stream.next());
}

describe('RandomStream (xoshiro128**)', () => {
  it('matches the reference algorithm, starting from the hand-checkable state 1, 2, 3, 4', () => {
    const stream = new RandomStream(Int32Array.from([1, 2, 3, 4]));
    const ours = Array.from({ length: 1000 }, () => stream.nextUint32());
    expect(ours.slice(0, 2)).toEqual([11520, 0]); // rotl(2·5, 7)·9 = 11520
    expect(ours).toEqual(referenceXoshiro([1, 2, 3, 4], 1000));
  });

  it('matches the reference from a derived state with high bits set', () => {
    const state = streamState(2026, 3, 'processing:M7');
    const stream = new RandomStream(state);
    const ours = Array.from({ length: 500 }, () => stream.nextUint32());
    expect(ours).toEqual(referenceXoshiro([state[0]!, state[1]!, state[2]!, state[3]!], 500));
  });

  it('draws uniforms in [0, 1) with mean 1/2 and variance 1/12', () => {
    const n = 200_000;
    const xs = draws(new RandomStreams(1).stream('u'), n);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((a, b) => a + b, 0) / n;
    const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1);
    // standard errors: sqrt(1/12/n) ≈ 6.5e-4 for the mean; ≈ 1.9e-4 for the variance
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(4 * Math.sqrt(1 / 180 / n));
  });

  it('fills 64 equal bins evenly (chi-square well below the 0.1 % critical value)', () => {
    const stream = new RandomStreams(5).stream('bins');
    const bins = new Array<number>(64).fill(0);
    const n = 128_000;
    for (let i = 0; i < n; i++) bins[Math.floor(stream.next() * 64)]!++;
    const expected = n / 64;
    const chi2 = bins.reduce((a, o) => a + (o - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(103.4); // χ²(63) at 0.999
  });

  it('refuses the all-zero state, the one xoshiro never leaves', () => {
    expect(() => new RandomStream(new Int32Array(4))).toThrow(RangeError);
  });
});

describe('RandomStreams', () => {
  it('gives the same sequence for the same seed, replication and name', () => {
    const a = draws(new RandomStreams(42, 1).stream('arrivals'), 10);
    const b = draws(new RandomStreams(42, 1).stream('arrivals'), 10);
    expect(a).toEqual(b);
  });

  it('gives different sequences for a different seed, replication or name', () => {
    const base = draws(new RandomStreams(42, 1).stream('arrivals'), 5);
    expect(draws(new RandomStreams(43, 1).stream('arrivals'), 5)).not.toEqual(base);
    expect(draws(new RandomStreams(42, 2).stream('arrivals'), 5)).not.toEqual(base);
    expect(draws(new RandomStreams(42, 1).stream('arrivals2'), 5)).not.toEqual(base);
  });

  it('does not shift a stream when other streams are added or used first (common random numbers)', () => {
    const alone = draws(new RandomStreams(9).stream('processing:M2'), 20);
    const busy = new RandomStreams(9);
    draws(busy.stream('processing:M1'), 100);
    draws(busy.stream('processing:M0'), 3);
    expect(draws(busy.stream('processing:M2'), 20)).toEqual(alone);
  });

  it('returns one shared stream per name, so no two users replay the same numbers', () => {
    const streams = new RandomStreams(3);
    expect(streams.stream('x')).toBe(streams.stream('x'));
  });

  it('gives uncorrelated neighbouring streams', () => {
    const streams = new RandomStreams(1);
    const n = 50_000;
    const a = draws(streams.stream('failures:M1'), n);
    const b = draws(streams.stream('failures:M2'), n);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += (a[i]! - 0.5) * (b[i]! - 0.5);
    const correlation = sum / n / (1 / 12);
    expect(Math.abs(correlation)).toBeLessThan(4 / Math.sqrt(n));
  });

  it('rejects seeds and replications that are not non-negative integers', () => {
    expect(() => new RandomStreams(-1)).toThrow(RangeError);
    expect(() => new RandomStreams(1.5)).toThrow(RangeError);
    expect(() => new RandomStreams(1, -2)).toThrow(RangeError);
  });
});

describe('stream derivation', () => {
  /** FNV-1a 64 and SplitMix64 in BigInt, transcribed from their reference descriptions. */
  function referenceState(key: string): number[] {
    const mask = (1n << 64n) - 1n;
    let hash = 0xcbf29ce484222325n;
    for (let i = 0; i < key.length; i++) hash = ((hash ^ BigInt(key.charCodeAt(i))) * 0x100000001b3n) & mask;
    const mix = (state: bigint) => {
      const next = (state + 0x9e3779b97f4a7c15n) & mask;
      let z = next;
      z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & mask;
      z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & mask;
      return { next, out: z ^ (z >> 31n) };
    };
    const a = mix(hash);
    const b = mix(a.next);
    return [a.out, a.out >> 32n, b.out, b.out >> 32n].map((w) => Number(BigInt.asIntN(32, w)));
  }

  it('hashes (seed, replication, name) as the BigInt reference does, for any characters', () => {
    const pick = new RandomStreams(11).stream('keys');
    for (let k = 0; k < 300; k++) {
      const length = 1 + Math.floor(pick.next() * 30);
      // Code units over the whole 16-bit range, so high bits of every word are exercised.
      const name = String.fromCharCode(...Array.from({ length }, () => Math.floor(pick.next() * 65536)));
      const seed = Math.floor(pick.next() * 1e9);
      const replication = Math.floor(pick.next() * 1e4);
      expect([...streamState(seed, replication, name)]).toEqual(referenceState(`${seed}/${replication}/${name}`));
    }
  });
});
