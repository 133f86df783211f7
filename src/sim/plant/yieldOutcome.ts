import type { RandomStream } from '../random.ts';
import type { OperationSpec } from './compiledPlant.ts';

/**
 * Good, rework and scrap units of a finished lot: each unit is good with probability `yield`;
 * each bad unit goes to rework with probability `rework.fraction`, else it is scrap. The draws
 * come from the equipment's own stream (`yield/<equipment>`); an operation with yield 1 draws
 * nothing, so adding a yield elsewhere does not shift this equipment's numbers.
 */
export function yieldOutcome(stream: RandomStream, quantity: number, op: OperationSpec): { good: number; rework: number; scrap: number } {
  const good = op.yield >= 1 ? quantity : bernoulliCount(stream, quantity, op.yield);
  const rework = op.reworkTo >= 0 && good < quantity ? bernoulliCount(stream, quantity - good, op.reworkFraction) : 0;
  return { good, rework, scrap: quantity - good - rework };
}

/** How many of `n` independent trials with probability p succeed. */
function bernoulliCount(stream: RandomStream, n: number, p: number): number {
  if (p <= 0) return 0;
  let count = 0;
  for (let i = 0; i < n; i++) if (stream.next() < p) count++;
  return count;
}
