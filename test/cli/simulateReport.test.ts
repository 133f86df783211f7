import { describe, expect, it } from 'vitest';
import { progressBar, withHalfWidth } from '../../src/cli/simulateReport.ts';
import { meanInterval } from '../../src/sim/confidence.ts';

describe('simulate report formatting', () => {
  it('writes a mean with its half-width, scaled and rounded', () => {
    expect(withHalfWidth(meanInterval([0.5, 0.7]), 1, 100)).toBe('60.0 ± 127.1');
    expect(withHalfWidth(meanInterval([3]), 2)).toBe('3.00'); // one replication: no spread to report
    expect(withHalfWidth(null, 1)).toBe('–');
    expect(withHalfWidth(meanInterval([NaN, NaN]), 1)).toBe('–');
  });

  it('draws a progress bar of fixed width', () => {
    expect(progressBar(0, 10)).toBe('[          ]   0 %');
    expect(progressBar(0.45, 10)).toBe('[#####     ]  45 %');
    expect(progressBar(1.2, 10)).toBe('[##########] 100 %');
  });
});
