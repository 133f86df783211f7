import { distributionMean, type Distribution } from './common.ts';
import type { Findings } from './findings.ts';

/**
 * Checks what the distribution schema cannot: parameters that contradict each other. With
 * `positiveMean` (processing times, times between failures) a zero mean is an error too — a
 * machine that works in no time, or fails continuously, would make the simulation meaningless
 * or never advance its clock.
 */
export function checkDistribution(d: Distribution, path: string, f: Findings, positiveMean?: string): void {
  switch (d.type) {
    case 'triangular':
      if (d.min > d.max) {
        f.error(`${path}.min`, `a minimum ≤ the maximum (${d.max})`, String(d.min), 'swap min and max');
        return;
      }
      if (d.mode < d.min || d.mode > d.max) {
        f.error(`${path}.mode`, `a mode between min and max (${d.min}–${d.max})`, String(d.mode));
        return;
      }
      break;
    case 'uniform':
      if (d.min > d.max) {
        f.error(`${path}.min`, `a minimum ≤ the maximum (${d.max})`, String(d.min), 'swap min and max');
        return;
      }
      break;
    case 'empirical':
      if (d.weights && d.weights.length !== d.values.length) {
        f.error(`${path}.weights`, `one weight per value (${d.values.length})`, `${d.weights.length} weights`);
        return;
      }
      if (d.weights && d.weights.every((w) => w === 0)) {
        f.error(`${path}.weights`, 'weights with a positive sum', 'all weights 0', 'leave out "weights" for equal weights');
        return;
      }
      break;
    default:
      break;
  }
  if (positiveMean !== undefined && !(distributionMean(d) > 0)) {
    const found = d.type === 'constant' ? `a constant ${d.value}` : `a ${d.type} distribution with mean ${distributionMean(d)}`;
    f.error(path, `${positiveMean} with a mean > 0`, found);
  }
}
