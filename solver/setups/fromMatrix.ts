import type { z } from 'zod';
import type { SetupMatrix } from '../../src/model/scenarioSchema.ts';
import type { ChangeoverInput } from './changeover.ts';

/** A job as the scenario names it: by the value of the matrix's attribute (family, colour…). */
export interface KeyedJob {
  key: string;
  duration: number;
  due?: number | null;
}

export type KeyedInput =
  | { ok: true; input: ChangeoverInput }
  | { ok: false; unknownKeys: string[] };

/**
 * Turns a scenario setup matrix and the jobs queued on its equipment into the sequencer's
 * input: keys become matrix rows, the equipment's current key (from a snapshot) is the start
 * state, and `initial` is the first setup when it starts empty. Keys missing from the matrix
 * are returned, not guessed, since a zero setup would silently favour them.
 */
export function changeoverInputFromMatrix(
  matrix: z.infer<typeof SetupMatrix>,
  jobs: KeyedJob[],
  options: { currentKey?: string | null; start?: number; tardinessWeight?: number } = {},
): KeyedInput {
  const index = new Map(matrix.keys.map((k, i) => [k, i]));
  const wanted = [...jobs.map((j) => j.key), ...(options.currentKey ? [options.currentKey] : [])];
  const unknownKeys = [...new Set(wanted.filter((k) => !index.has(k)))];
  if (unknownKeys.length > 0) return { ok: false, unknownKeys };
  const input: ChangeoverInput = {
    jobs: jobs.map((j) => ({ key: index.get(j.key)!, duration: j.duration, due: j.due ?? null })),
    setup: matrix.times,
    initialKey: options.currentKey ? index.get(options.currentKey)! : null,
    initialSetup: matrix.initial,
    start: options.start ?? 0,
    ...(options.tardinessWeight === undefined ? {} : { tardinessWeight: options.tardinessWeight }),
  };
  return { ok: true, input };
}
