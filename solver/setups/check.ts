import type { SdstInstance, Sequences } from './instance.ts';

export interface SdstCheck {
  ok: boolean;
  /** Recomputed from the raw instance; meaningful only when ok. */
  makespan: number;
  machineTimes: number[];
  errors: string[];
}

/**
 * Judges any R | S_ijk | Cmax answer from the raw instance alone (it shares no code with the
 * methods, so a bug in their fast evaluation cannot hide here): one sequence per machine,
 * every job exactly once, makespan = max over machines of processing + setups between
 * consecutive jobs, no setup before the first job.
 */
export function checkSdst(inst: SdstInstance, sequences: Sequences, claimedMakespan?: number): SdstCheck {
  const errors: string[] = [];
  if (sequences.length !== inst.machines) errors.push(`expected ${inst.machines} machine sequences, found ${sequences.length}`);
  const count = new Array<number>(inst.jobs).fill(0);
  const machineTimes = inst.processing.map((pk, k) => {
    const seq = sequences[k] ?? [];
    let t = 0;
    for (let q = 0; q < seq.length; q++) {
      const j = seq[q]!;
      if (!Number.isInteger(j) || j < 0 || j >= inst.jobs) {
        errors.push(`machine ${k} position ${q}: no job ${j}`);
        continue;
      }
      count[j]! += 1;
      t += pk[j]!;
      const prev = seq[q - 1];
      if (q > 0 && prev !== undefined && prev >= 0 && prev < inst.jobs) t += inst.setup[k]![prev]![j]!;
    }
    return t;
  });
  count.forEach((c, j) => {
    if (c !== 1) errors.push(`job ${j} scheduled ${c} times`);
  });
  const makespan = Math.max(0, ...machineTimes);
  if (claimedMakespan !== undefined && errors.length === 0 && Math.abs(claimedMakespan - makespan) > 1e-9) {
    errors.push(`claimed makespan ${claimedMakespan}, recomputed ${makespan}`);
  }
  return { ok: errors.length === 0, makespan, machineTimes, errors };
}
