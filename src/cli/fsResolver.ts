import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { LayoutResolver } from '../model/load.ts';
import type { Problem } from '../model/problem.ts';

const REASONS: Record<string, { found: string; hint: string }> = {
  ENOENT: { found: 'no such file', hint: 'check the path and the working directory' },
  EISDIR: { found: 'a directory', hint: 'name the files inside it, e.g. layouts/*.json' },
  EACCES: { found: 'a file without read permission', hint: 'check the file permissions' },
  EPERM: { found: 'a file without read permission', hint: 'check the file permissions' },
};

/** Reads a UTF-8 text file; failures become a Problem naming the file, never an exception. */
export async function readTextFile(file: string): Promise<{ text: string } | { problem: Problem }> {
  try {
    return { text: await readFile(file, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const reason = REASONS[code] ?? { found: `a file that cannot be read (${code || String(error)})`, hint: '' };
    const problem: Problem = { file, path: '', expected: 'a readable file', found: reason.found };
    if (reason.hint) problem.hint = reason.hint;
    return { problem };
  }
}

/**
 * Resolves a scenario's layout reference relative to the scenario file, as the format specifies.
 * A missing file is `undefined` (the loader words that case); other failures carry their reason.
 */
export const fsLayoutResolver: LayoutResolver = async (ref, fromFile) => {
  const file = path.isAbsolute(ref) ? ref : path.join(path.dirname(fromFile), ref);
  const read = await readTextFile(file);
  if ('text' in read) return { text: read.text, file };
  if (read.problem.found === REASONS.ENOENT!.found) return undefined;
  throw new Error(read.problem.found);
};
