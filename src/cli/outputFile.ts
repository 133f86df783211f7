import { writeFile } from 'node:fs/promises';
import { formatProblem } from '../model/problem.ts';
import type { Output } from './command.ts';

/**
 * Writes an output file (JSON text or bytes); false, with the problem printed, when it cannot be
 * written. `what` names it in the message: "a file the trace can be written to".
 */
export async function writeOutputFile(file: string, data: string | Uint8Array, output: Output, what = 'a file that can be written'): Promise<boolean> {
  try {
    await writeFile(file, data);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    output.err(formatProblem({ file, path: '', expected: what, found: `an error (${code})`, hint: 'check that the directory exists and is writable' }));
    return false;
  }
}
