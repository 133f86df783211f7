/**
 * How far a schedule's value is above its lower bound, in percent of the bound
 * (0 means proven optimal). A bound of 0 gives 0 for a value of 0, else Infinity.
 */
export function gapPercent(value: number, lowerBound: number): number {
  if (lowerBound <= 0) return value <= 0 ? 0 : Infinity;
  return ((value - lowerBound) / lowerBound) * 100;
}
