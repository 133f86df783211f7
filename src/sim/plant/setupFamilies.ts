import type { CompiledPlant } from './compiledPlant.ts';
import { setupTime } from './setups.ts';

/** Changeovers on one piece of equipment between setup families, as the simulator charges them. */
export interface FamilyChangeovers {
  /** Number of families (plant.setupFamilies.count). */
  count: number;
  /** minutes[from * count + to]: changeover from a lot of family `from` to one of family `to`. */
  minutes: Float64Array;
  /** initial[to]: the first changeover, from the equipment's start state (empty, or a snapshot's setup key). */
  initial: Float64Array;
}

const cache = new WeakMap<CompiledPlant, (FamilyChangeovers | undefined)[]>();

/**
 * The changeover matrix of equipment `e` over the plant's setup families, exact minutes (no
 * rounding): what `setupTime` gives in the simulator for two consecutive lots of those
 * families. Every product that can run on `e` has a key in each of its matrices (the validator
 * makes sure), so a family's keys fully decide its changeovers; a pair involving a family that
 * never runs on `e` is still filled in (a missing key charges nothing for that matrix) but
 * cannot occur.
 */
export function familyChangeovers(plant: CompiledPlant, e: number): FamilyChangeovers {
  let list = cache.get(plant);
  if (!list) cache.set(plant, (list = []));
  const cached = list[e];
  if (cached) return cached;
  const spec = plant.equipment[e]!;
  const { of, count } = plant.setupFamilies;
  // One product stands for its family: changeovers depend on keys only.
  const representative = new Int32Array(count).fill(-1);
  of.forEach((family, product) => {
    if (representative[family] === -1) representative[family] = product;
  });
  const keys = new Int32Array(spec.setups.length);
  const minutes = new Float64Array(count * count);
  for (let a = 0; a < count; a++) {
    keys.fill(-1);
    for (let m = 0; m < spec.setups.length; m++) keys[m] = spec.setups[m]!.keyOf[representative[a]!]!;
    for (let b = 0; b < count; b++) minutes[a * count + b] = setupTime(spec.setups, keys, representative[b]!);
  }
  const initial = Float64Array.from({ length: count }, (_, b) => setupTime(spec.setups, spec.startKeys, representative[b]!));
  const result = { count, minutes, initial };
  list[e] = result;
  return result;
}
