import { setTimeout as sleep } from 'node:timers/promises';
import { loadDispatchListText, loadLayoutText } from '../model/load.ts';
import type { Layout } from '../model/layoutSchema.ts';
import { formatProblem } from '../model/problem.ts';
import type { DispatchList } from '../model/scheduleSchema.ts';
import type { Clock } from '../mes/publisher.ts';
import type { Output } from './command.ts';
import { readTextFile } from './fsResolver.ts';

/** Reads a dispatch list; prints every problem and returns null when it is not valid. */
export async function readDispatchList(file: string, output: Output, command: string): Promise<DispatchList | null> {
  const read = await readTextFile(file);
  if ('problem' in read) {
    output.err(`plant-twin ${command}: ${formatProblem(read.problem)}`);
    return null;
  }
  const loaded = loadDispatchListText(read.text, file);
  if (!loaded.ok) {
    for (const p of loaded.problems) output.err(formatProblem(p));
    return null;
  }
  return loaded.value;
}

export async function readLayout(file: string, output: Output, command: string): Promise<Layout | null> {
  const read = await readTextFile(file);
  if ('problem' in read) {
    output.err(`plant-twin ${command}: ${formatProblem(read.problem)}`);
    return null;
  }
  const loaded = loadLayoutText(read.text, file);
  if (!loaded.ok) {
    for (const p of loaded.problems) output.err(formatProblem(p));
    return null;
  }
  return loaded.value;
}

/** A secret from a file (first line, trimmed): kept out of argv, where `ps` would show it. */
export async function readSecret(file: string): Promise<string | { error: string }> {
  const read = await readTextFile(file);
  if ('problem' in read) return { error: formatProblem(read.problem) };
  const secret = read.text.split(/\r?\n/)[0]!.trim();
  return secret === '' ? { error: `${file}: the first line is empty` } : secret;
}

export const nodeClock: Clock = {
  now: () => Date.now(),
  sleep: async (ms, signal) => {
    try {
      await sleep(ms, undefined, { signal });
    } catch {
      // Woken early: the caller looks again.
    }
  },
};

/** Parses a number option within bounds; returns a usage message when it is not one. */
export function numberOption(value: unknown, name: string, fallback: number, min: number, max: number): number | string {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (typeof value !== 'string' || value.trim() === '' || !Number.isFinite(n) || n < min || n > max) return `--${name} must be a number from ${min} to ${max}, found "${String(value)}"`;
  return n;
}
