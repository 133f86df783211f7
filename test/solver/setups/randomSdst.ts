import type { SdstInstance } from '../../../solver/setups/instance.ts';
import { Random } from '../../../solver/random.ts';

/** A seeded R | S_ijk | Cmax instance in the style of Vallada & Ruiz: p in [1, 99], setups in [1, maxSetup]. */
export function randomSdst(seed: number, jobs: number, machines: number, maxSetup = 49): SdstInstance {
  const rng = new Random(seed);
  const processing = Array.from({ length: machines }, () => Array.from({ length: jobs }, () => 1 + rng.int(99)));
  const setup = Array.from({ length: machines }, () =>
    Array.from({ length: jobs }, (_, i) => Array.from({ length: jobs }, (_, j) => (i === j ? 0 : 1 + rng.int(maxSetup)))));
  return { name: `random-${seed}-${jobs}x${machines}`, jobs, machines, processing, setup };
}

export function permutations(items: readonly number[]): number[][] {
  if (items.length <= 1) return [items.slice()];
  return items.flatMap((x, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]));
}
