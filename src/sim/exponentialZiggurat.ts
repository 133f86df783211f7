import { exp, log } from './portableMath.ts';
import type { RandomStream } from './random.ts';

/**
 * Standard exponential variates by the ziggurat method (Marsaglia & Tsang, "The ziggurat method
 * for generating random variables", J. Stat. Software 5(8), 2000), 256 layers.
 *
 * Why not the inverse transform −ln(1 − u): exponential draws dominate queueing models, and the
 * ziggurat returns 99 % of them with one table look-up and a multiplication instead of a
 * logarithm — about three times faster here. It keeps what common random numbers need: a draw
 * is `mean × E` with E independent of the mean, so scenarios that differ only in a mean see
 * proportional, perfectly synchronised values.
 *
 * Unlike the paper's 32-bit version, the layer index (8 bits) and the position in the layer
 * (45 bits) come from separate bits, avoiding the index/value correlation Doornik (2005) found.
 * The tables are built with the portable log/exp, so draws are identical in every engine.
 */

const LAYERS = 256;
const R = 7.69711747013105; // right edge of the base layer
const V = 3.949659822581572e-3; // area of every layer

/** The paper's constants, exported so a test can check that the 256 layers close at the top. */
export const EXPONENTIAL_ZIGGURAT = { layers: LAYERS, baseEdge: R, layerArea: V } as const;
const SCALE = 35184372088832; // 2^45: resolution of the position within a layer

/** Right edge of each layer over 2^45 (index 0: the base strip, widened to hold the tail's area). */
const step = new Float64Array(LAYERS);
/** Position below which a draw lies under the curve for sure, in units of 2^-45 of the width. */
const fastLimit = new Float64Array(LAYERS);
/** f(x) = e^-x at each layer's right edge; the layer spans [height[i], height[i − 1]]. */
const height = new Float64Array(LAYERS);

{
  const baseWidth = V / exp(-R);
  step[0] = baseWidth / SCALE;
  step[LAYERS - 1] = R / SCALE;
  height[0] = 1;
  height[LAYERS - 1] = exp(-R);
  fastLimit[0] = (R / baseWidth) * SCALE;
  fastLimit[1] = 0; // the top layer is never entirely under the curve
  let x = R;
  for (let i = LAYERS - 2; i >= 1; i--) {
    const inner = -log(V / x + exp(-x));
    fastLimit[i + 1] = (inner / x) * SCALE;
    x = inner;
    step[i] = x / SCALE;
    height[i] = exp(-x);
  }
}

/** One Exp(1) variate. */
export function standardExponential(stream: RandomStream): number {
  const a = stream.nextUint32();
  const layer = a & 0xff;
  const position = (a >>> 8) * 2097152 + (stream.nextUint32() >>> 11); // 24 + 21 bits
  // About 99 % of draws end here. The rest take a separate function: a loop with returns
  // inside would make V8 box every result of this one. The unary plus tells V8 that function
  // returns a number: without it, where this one is inlined the two results merge as "any value"
  // and the fast result is boxed on every draw (one heap allocation per event in the bench models).
  if (position < fastLimit[layer]!) return position * step[layer]!;
  return +edgeOrTail(stream, layer, position * step[layer]!);
}

/** A draw that fell outside a layer's sure part: test it against the curve, or draw the tail. */
function edgeOrTail(stream: RandomStream, layer: number, x: number): number {
  for (;;) {
    // The exponential is memoryless: beyond R the tail is R plus a fresh Exp(1).
    if (layer === 0) return R - log(1 - stream.next());
    const y = height[layer]! + stream.next() * (height[layer - 1]! - height[layer]!);
    if (y < exp(-x)) return x;
    const a = stream.nextUint32();
    layer = a & 0xff;
    const position = (a >>> 8) * 2097152 + (stream.nextUint32() >>> 11);
    x = position * step[layer]!;
    if (position < fastLimit[layer]!) return x;
  }
}
