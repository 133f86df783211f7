/**
 * Seeded random streams, one per purpose and per equipment.
 *
 * Each stream is a xoshiro128** generator (Blackman & Vigna, 2018: period 2^128 − 1, passes
 * BigCrush, 32-bit integer arithmetic only, so it is exact and fast in every JavaScript engine).
 * A stream's starting state is derived from (seed, replication, name) by hashing, not by counting
 * streams in creation order, so adding a machine to a scenario does not shift the numbers any
 * other machine draws: scenarios run with the same seed share common random numbers, and a
 * replication's streams are the same whether it runs alone, in a worker pool, or in sequence.
 *
 * Derivation: FNV-1a (64-bit) of the key text, then two SplitMix64 outputs fill the 128-bit state
 * — SplitMix64 is the seeding its authors recommend for xoshiro. Distinct keys give unrelated
 * states; two streams overlapping within 2^64 draws has negligible probability.
 */

const MASK64 = (1n << 64n) - 1n;
const TWO_POW_MINUS_53 = 1 / 9007199254740992;

const TWO_POW_32 = 4294967296;

/**
 * FNV-1a 64 of the UTF-16 code units, on two 32-bit halves in doubles (every product stays below
 * 2^53, so it is exact): the same hash as BigInt arithmetic, without allocating a BigInt per
 * character, which was a tenth of a replication's set-up (a hundred streams each).
 * The prime is 2^40 + 435, so hash × prime mod 2^64 = lo·435 + 2^32·(hi·435 + lo·256 + carry).
 */
function fnv1a64(text: string): bigint {
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < text.length; i++) {
    lo = (lo ^ text.charCodeAt(i)) >>> 0;
    const low = lo * 435;
    const carry = Math.floor(low / TWO_POW_32);
    hi = (hi * 435 + lo * 256 + carry) % TWO_POW_32;
    lo = low % TWO_POW_32;
  }
  return (BigInt(hi) << 32n) | BigInt(lo);
}

function splitMix64(state: bigint): { state: bigint; output: bigint } {
  const next = (state + 0x9e3779b97f4a7c15n) & MASK64;
  let z = next;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return { state: next, output: z ^ (z >> 31n) };
}

/** The four 32-bit state words of the stream named `name` in (seed, replication). */
export function streamState(seed: number, replication: number, name: string): Int32Array {
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`seed must be a non-negative integer, got ${seed}`);
  if (!Number.isSafeInteger(replication) || replication < 0) {
    throw new RangeError(`replication must be a non-negative integer, got ${replication}`);
  }
  // The name comes last, so "1/23/x" can only mean seed 1, replication 23.
  const first = splitMix64(fnv1a64(`${seed}/${replication}/${name}`));
  const second = splitMix64(first.state);
  const words = new Int32Array(4);
  words[0] = Number(BigInt.asIntN(32, first.output));
  words[1] = Number(BigInt.asIntN(32, first.output >> 32n));
  words[2] = Number(BigInt.asIntN(32, second.output));
  words[3] = Number(BigInt.asIntN(32, second.output >> 32n));
  // The all-zero state is xoshiro's one fixed point; SplitMix64 makes it practically impossible.
  if ((words[0]! | words[1]! | words[2]! | words[3]!) === 0) words[0] = 1;
  return words;
}

/** One reproducible sequence of random numbers. */
export class RandomStream {
  private readonly s: Int32Array;

  /** `state`: four 32-bit words, not all zero (see `streamState`). */
  constructor(state: Int32Array) {
    if (state.length !== 4 || (state[0]! | state[1]! | state[2]! | state[3]!) === 0) {
      throw new RangeError('RandomStream: state must be four words, not all zero');
    }
    this.s = Int32Array.from(state);
  }

  /** Next 32-bit output as an unsigned integer. */
  nextUint32(): number {
    const s = this.s;
    const s0 = s[0]!;
    const s1 = s[1]!;
    const s2 = s[2]! ^ s0;
    const s3 = s[3]! ^ s1;
    // Rotations written out (rotl(x, 7) of s1 × 5, rotl(s3, 11)) and products by 5 and 9 as
    // (x × k) | 0, exact below 2^53 and so equal to Math.imul: helper calls spent V8's inlining
    // budget, which every sampler in a handler draws on.
    const m = (s1 * 5) | 0;
    const result = (((m << 7) | (m >>> 25)) * 9) | 0;
    s[0] = s0 ^ s3;
    s[1] = s1 ^ s2;
    s[2] = s2 ^ (s1 << 9);
    s[3] = (s3 << 11) | (s3 >>> 21);
    return result >>> 0;
  }

  /** Uniform on [0, 1) with 53 random bits, so 1 − u is never 0 and every double step is reachable. */
  next(): number {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * 67108864 + low) * TWO_POW_MINUS_53;
  }
}

/**
 * The streams of one replication of one experiment. Ask for a stream by what it drives:
 * `streams.stream('arrivals')`, `streams.stream('processing:M3')`, `streams.stream('failures:M3')`.
 * The same name returns the same stream object, so two parts of a model never replay one
 * sequence by accident.
 */
export class RandomStreams {
  private readonly byName = new Map<string, RandomStream>();

  constructor(readonly seed: number, readonly replication = 0) {
    streamState(seed, replication, ''); // validates seed and replication now, not at first use
  }

  stream(name: string): RandomStream {
    let stream = this.byName.get(name);
    if (!stream) {
      stream = new RandomStream(streamState(this.seed, this.replication, name));
      this.byName.set(name, stream);
    }
    return stream;
  }
}
