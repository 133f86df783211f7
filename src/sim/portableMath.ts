/**
 * `log` and `exp` computed with IEEE 754 basic operations only, so a sample path is bit-identical
 * in every JavaScript engine. ECMAScript leaves Math.log / Math.exp "implementation-approximated":
 * V8 and SpiderMonkey port fdlibm, JavaScriptCore calls the system libm, and a last-bit
 * difference in one service time changes every event after it. +, −, ×, ÷ and √ are correctly
 * rounded everywhere, so these ports give the same bits in Node, Chrome, Firefox and Safari.
 *
 * Algorithms and coefficients are fdlibm's e_log.c and e_exp.c:
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 * Developed at SunSoft, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this software is freely granted, provided
 * that this notice is preserved.
 */

const f64 = new Float64Array(1);
const i32 = new Int32Array(f64.buffer);
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HI = littleEndian ? 1 : 0;
const LO = littleEndian ? 0 : 1;

// Exact powers of two 2^(e − 1100) for e in [0, 2200): scaling by them moves exponents without
// rewriting bits through the typed-array view, which stalls store-to-load forwarding.
const POW2_BIAS = 1100;
const POW2 = new Float64Array(2200);
POW2[POW2_BIAS] = 1;
for (let e = 1; e < POW2_BIAS; e++) {
  POW2[POW2_BIAS + e] = POW2[POW2_BIAS + e - 1]! * 2;
  POW2[POW2_BIAS - e] = POW2[POW2_BIAS - e + 1]! / 2;
}

const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const TWO54 = 1.80143985094819840000e16;
const LG1 = 6.666666666666735130e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/** Natural logarithm, within 1 ulp, identical in every engine. */
export function log(x: number): number {
  f64[0] = x;
  let hx = i32[HI]!;
  const lx = i32[LO]!;
  let k = 0;
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | lx) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k = -54; // subnormal: scale up
    x *= TWO54;
    f64[0] = x;
    hx = i32[HI]!;
  }
  if (hx >= 0x7ff00000) return x + x;
  const mantissaHigh = hx & 0x000fffff;
  // Exponent that brings x into [sqrt(2)/2, sqrt(2)): its own, plus one when the mantissa is large.
  const e = (hx >> 20) - 1023 + (((mantissaHigh + 0x95f64) & 0x100000) >> 20);
  k += e;
  const f = x * POW2[POW2_BIAS - e]! - 1.0; // exact scaling
  if ((0x000fffff & (2 + mantissaHigh)) < 3) {
    // |f| < 2^-20
    if (f === 0) return k === 0 ? 0 : k * LN2_HI + k * LN2_LO;
    const r = f * f * (0.5 - (1 / 3) * f);
    return k === 0 ? f - r : k * LN2_HI - ((r - k * LN2_LO) - f);
  }
  const s = f / (2.0 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;
  if (((mantissaHigh - 0x6147a) | (0x6b851 - mantissaHigh)) > 0) {
    const hfsq = 0.5 * f * f;
    if (k === 0) return f - (hfsq - s * (hfsq + r));
    return k * LN2_HI - ((hfsq - (s * (hfsq + r) + k * LN2_LO)) - f);
  }
  if (k === 0) return f - s * (f - r);
  return k * LN2_HI - ((s * (f - r) - k * LN2_LO) - f);
}

const O_THRESHOLD = 7.09782712893383973096e2;
const U_THRESHOLD = -7.45133219101941108420e2;
const INV_LN2 = 1.44269504088896338700e0;
const TWO_M1000 = 9.33263618503218878990e-302;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6;
const P5 = 4.13813679705723846039e-8;

/** e^x, within 1 ulp, identical in every engine. */
export function exp(x: number): number {
  f64[0] = x;
  let hx = i32[HI]!;
  const negative = hx < 0;
  hx &= 0x7fffffff;
  if (hx >= 0x40862e42) {
    // |x| >= 709.78...
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | i32[LO]!) !== 0) return x + x; // NaN
      return negative ? 0 : x;
    }
    if (x > O_THRESHOLD) return Infinity;
    if (x < U_THRESHOLD) return 0;
  }
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (hx > 0x3fd62e42) {
    // |x| > ln(2)/2: reduce to r = x − k·ln2 with |r| <= ln(2)/2
    if (hx < 0x3ff0a2b2) {
      hi = negative ? x + LN2_HI : x - LN2_HI;
      lo = negative ? -LN2_LO : LN2_LO;
      k = negative ? -1 : 1;
    } else {
      k = (INV_LN2 * x + (negative ? -0.5 : 0.5)) | 0;
      hi = x - k * LN2_HI; // exact: k·LN2_HI has trailing zero bits
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    return 1 + x; // |x| < 2^-28
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2.0) - x);
  const y = 1 - ((lo - (x * c) / (2.0 - c)) - hi);
  // fdlibm adds k to y's exponent bits; multiplying by 2^k is the same and exact while the result
  // is normal. Below that, scale in two steps as fdlibm does so rounding happens once.
  if (k === 1024) return y * 2 * POW2[POW2_BIAS + 1023]!;
  if (k >= -1021) return y * POW2[POW2_BIAS + k]!;
  return y * POW2[POW2_BIAS + k + 1000]! * TWO_M1000;
}
