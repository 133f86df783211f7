import { describe, expect, it } from 'vitest';
import { checkSdst } from '../../../solver/setups/check.ts';
import type { SdstInstance } from '../../../solver/setups/instance.ts';

const inst: SdstInstance = {
  name: 'hand',
  jobs: 3,
  machines: 2,
  processing: [[4, 5, 6], [9, 1, 2]],
  setup: [
    [[0, 2, 3], [7, 0, 1], [5, 8, 0]],
    [[0, 1, 1], [1, 0, 4], [3, 2, 0]],
  ],
};

describe('R|S_ijk|Cmax checker', () => {
  it('adds processing and the setups between neighbours, none before the first job', () => {
    // M0: 0 then 2 = 4 + 3 + 6 = 13; M1: 1 = 1.
    const c = checkSdst(inst, [[0, 2], [1]], 13);
    expect(c).toEqual({ ok: true, makespan: 13, machineTimes: [13, 1], errors: [] });
  });

  it('uses the row as predecessor: the reverse order costs the other setup', () => {
    expect(checkSdst(inst, [[2, 0], [1]]).machineTimes).toEqual([15, 1]);
  });

  it('rejects a job run twice, a job left out, a wrong machine count and a false makespan', () => {
    expect(checkSdst(inst, [[0, 0], [1]]).errors).toEqual(['job 0 scheduled 2 times', 'job 2 scheduled 0 times']);
    expect(checkSdst(inst, [[0, 1, 2]]).errors).toContain('expected 2 machine sequences, found 1');
    expect(checkSdst(inst, [[0, 7], [1, 2]]).errors).toContain('machine 0 position 1: no job 7');
    expect(checkSdst(inst, [[0, 2], [1]], 12).errors).toEqual(['claimed makespan 12, recomputed 13']);
  });
});
