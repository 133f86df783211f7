import type { SetupSpec } from './compiledPlant.ts';

/** Key index meaning "not set up for anything yet" (an empty start): the matrix's initial setup applies. */
export const NO_KEY = -1;

/**
 * Changeover minutes before `product` on equipment whose current keys (one per matrix that lists
 * it) are `current`. times[i][i] applies as given, so a matrix with a non-zero diagonal charges a
 * setup between every two jobs (program load, probing), as the sample plants intend. When several
 * matrices list the same equipment (say colour and fixture), their times add up: changeovers
 * done one after the other.
 */
export function setupTime(setups: readonly SetupSpec[], current: Int32Array, product: number): number {
  let total = 0;
  for (let m = 0; m < setups.length; m++) {
    const spec = setups[m]!;
    const to = spec.keyOf[product]!;
    if (to < 0) continue;
    const from = current[m]!;
    total += from === NO_KEY ? spec.initial : spec.times[from * spec.n + to]!;
  }
  return total;
}

/** Sets the keys to those of `product` (after its changeover). */
export function applySetup(setups: readonly SetupSpec[], current: Int32Array, product: number): void {
  for (let m = 0; m < setups.length; m++) {
    const to = setups[m]!.keyOf[product]!;
    if (to >= 0) current[m] = to;
  }
}

/** Keys from a snapshot's `setupKey`: each matrix that has that key is set to it. */
export function keysFromSnapshot(setups: readonly SetupSpec[], setupKey: string | undefined): Int32Array {
  const keys = new Int32Array(setups.length).fill(NO_KEY);
  if (setupKey === undefined) return keys;
  setups.forEach((spec, m) => {
    keys[m] = spec.keys.indexOf(setupKey);
  });
  return keys;
}
