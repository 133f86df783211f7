import { open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { formatProblem } from '../model/problem.ts';
import type { Output } from './command.ts';
import { jsonPieces } from './jsonStream.ts';

/**
 * Writes an output file (JSON text or bytes); false, with the problem printed, when it cannot be
 * written. `what` names it in the message: "a file the trace can be written to".
 */
export async function writeOutputFile(file: string, data: string | Uint8Array, output: Output, what = 'a file that can be written'): Promise<boolean> {
  try {
    await writeFile(file, data);
    return true;
  } catch (error) {
    return cannotWrite(file, error, output, what);
  }
}

function cannotWrite(file: string, error: unknown, output: Output, what: string): false {
  const code = (error as NodeJS.ErrnoException).code ?? String(error);
  output.err(formatProblem({ file, path: '', expected: what, found: `an error (${code})`, hint: 'check that the directory exists and is writable' }));
  return false;
}

/**
 * Writes `value` as pretty JSON (2 spaces, a final line break) without building the whole text:
 * a plan of 100,000 orders is hundreds of megabytes of it. Written beside the file and renamed
 * over it at the end, so a failed or interrupted write leaves the old file, never half a new one.
 */
export async function writeJsonFile(file: string, value: unknown, output: Output, what = 'a file that can be written'): Promise<boolean> {
  // A device or pipe (/dev/stdout, a FIFO) is written as it is: there is nothing to rename over.
  const special = await stat(file).then((s) => !s.isFile(), () => false);
  const temporary = special ? file : `${file}.${process.pid}.partial`;
  try {
    const handle = await open(temporary, 'w');
    try {
      // writeFile (not write) on a handle writes a piece whole, on from where the last one ended.
      for (const piece of jsonPieces(value)) await handle.writeFile(piece);
      await handle.writeFile('\n');
    } finally {
      await handle.close();
    }
    if (!special) await rename(temporary, file);
    return true;
  } catch (error) {
    if (!special) await rm(temporary, { force: true });
    return cannotWrite(file, error, output, what);
  }
}
