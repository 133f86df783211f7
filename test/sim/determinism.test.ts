import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../src/sim/random.ts';
import { simulateNetwork, type NetworkSpec, type NetworkOutputs } from './queueingNetwork.ts';

const spec: NetworkSpec = {
  arrival: { type: 'exponential', mean: 1 },
  stations: [
    { servers: 2, service: { type: 'lognormal', mean: 1.5, sd: 0.5 } },
    { servers: 1, service: { type: 'gamma', shape: 0.7, scale: 1 } },
    { servers: 1, service: { type: 'triangular', min: 0.2, mode: 0.5, max: 1.2 } },
  ],
  routing: [[0, 0.6, 0.3], [0.1, 0, 0.5], [0, 0, 0]],
  warmup: 100,
  horizon: 5_000,
};

/** FNV-1a over the bits of every (time, station, kind) the model passes through. */
function tracedRun(seed: number): { hash: bigint; events: number; outputs: NetworkOutputs } {
  let hash = 0xcbf29ce484222325n;
  let events = 0;
  const bits = new BigUint64Array(1);
  const time = new Float64Array(bits.buffer);
  const mix = (x: bigint): void => {
    hash = ((hash ^ x) * 0x100000001b3n) & 0xffffffffffffffffn;
  };
  const outputs = simulateNetwork(spec, new RandomStreams(seed), (t, station, kind) => {
    time[0] = t;
    mix(bits[0]!);
    mix(BigInt(station * 2 + (kind === 'arrive' ? 0 : 1)));
    events++;
  });
  return { hash, events, outputs };
}

describe('determinism', () => {
  it('the same seed gives the identical event sequence and bit-identical results', () => {
    const a = tracedRun(7);
    const b = tracedRun(7);
    expect(a.events).toBeGreaterThan(10_000);
    expect(b.hash).toBe(a.hash);
    expect(b.events).toBe(a.events);
    expect(Object.is(b.outputs.meanTimeInSystem, a.outputs.meanTimeInSystem)).toBe(true);
    expect(b.outputs).toStrictEqual(a.outputs);
  });

  it('a different seed gives a different event sequence', () => {
    const a = tracedRun(7);
    const c = tracedRun(8);
    expect(c.hash).not.toBe(a.hash);
    expect(c.outputs.meanTimeInSystem).not.toBe(a.outputs.meanTimeInSystem);
  });
});
