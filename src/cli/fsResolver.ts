import { constants, type Stats } from 'node:fs';
import { open, realpath, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { LayoutResolver } from '../model/load.ts';
import type { Problem } from '../model/problem.ts';
import { decodeText, invalidTextProblem, positionAfter, type TextEncodingName } from '../model/textDecoding.ts';

/**
 * The largest JSON document read (layout, scenario, schedule, dispatch list): a string that size
 * and its parse fit comfortably in memory; a 100,000-order scenario is about 20 MB. Recordings
 * are streamed and have no size limit.
 */
export const MAX_JSON_BYTES = 256 * 1024 * 1024;

const REASONS: Record<string, { found: string; hint: string }> = {
  ENOENT: { found: 'no such file', hint: 'check the path and the working directory' },
  ENOTDIR: { found: 'no such file (a part of the path is not a folder)', hint: 'check the path and the working directory' },
  EISDIR: { found: 'a directory', hint: 'name the files inside it, e.g. layouts/*.json' },
  EACCES: { found: 'a file without read permission', hint: 'check the file permissions' },
  EPERM: { found: 'a file without read permission', hint: 'check the file permissions' },
  ELOOP: { found: 'a loop of symbolic links', hint: 'check the path' },
};

function failure(file: string, error: unknown): Problem {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const reason = REASONS[code] ?? { found: `a file that cannot be read (${code || String(error)})`, hint: '' };
  const problem: Problem = { file, path: '', expected: 'a readable file', found: reason.found };
  if (reason.hint) problem.hint = reason.hint;
  return problem;
}

function whatItIs(stats: Stats): string {
  if (stats.isDirectory()) return REASONS.EISDIR!.found;
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'something other than a regular file';
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

/**
 * Opens a file for reading only if it is a regular file. It is opened non-blocking, so a named
 * pipe with no writer cannot hang the command, and checked on the open handle, so a device like
 * /dev/urandom is refused before a byte is read.
 */
export async function openRegularFile(file: string): Promise<{ handle: FileHandle; size: number } | { problem: Problem }> {
  let handle: FileHandle;
  try {
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { problem: failure(file, error) };
  }
  try {
    const stats = await handle.stat();
    if (stats.isFile()) return { handle, size: stats.size };
    await handle.close();
    return { problem: { file, path: '', expected: 'a regular file', found: whatItIs(stats) } };
  } catch (error) {
    await handle.close().catch(() => undefined);
    return { problem: failure(file, error) };
  }
}

export interface TextReadOptions {
  encoding?: TextEncodingName;
  /** Larger files are refused unread (default MAX_JSON_BYTES). */
  maxBytes?: number;
}

/**
 * Reads a text file (UTF-8 unless Latin-1 is asked for); failures become a Problem naming the
 * file, never an exception: not a regular file, too large, or not valid in the encoding (with
 * the line and column of the first bad byte; never read with replacement characters).
 */
export async function readTextFile(file: string, options: TextReadOptions = {}): Promise<{ text: string } | { problem: Problem }> {
  const opened = await openRegularFile(file);
  if ('problem' in opened) return opened;
  const { handle, size } = opened;
  const limit = options.maxBytes ?? MAX_JSON_BYTES;
  try {
    if (size > limit) {
      return { problem: { file, path: '', expected: `a file of at most ${megabytes(limit)}`, found: `${megabytes(size)}`, hint: 'is this the file you meant?' } };
    }
    const bytes = await handle.readFile();
    if (bytes.length > limit) return { problem: { file, path: '', expected: `a file of at most ${megabytes(limit)}`, found: 'a file that grew while it was read' } };
    const decoded = decodeText(bytes, options.encoding);
    if ('text' in decoded) return decoded;
    const at = positionAfter(decoded.before);
    return { problem: { file, path: `line ${at.line} column ${at.column}`, ...invalidTextProblem(decoded.invalid) } };
  } catch (error) {
    return { problem: failure(file, error) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** A regular file as a byte stream (recordings, read chunk by chunk whatever their size). */
export async function openByteStream(file: string): Promise<{ stream: Readable; size: number } | { problem: Problem }> {
  const opened = await openRegularFile(file);
  if ('problem' in opened) return opened;
  return { stream: opened.handle.createReadStream({ highWaterMark: 1 << 20 }), size: opened.size };
}

export interface LayoutResolverOptions {
  /** Folders a layout may also come from (`--layout-root`). */
  roots?: readonly string[];
  /** Follow references out of the referring file's folder tree (lessons naming ../shared datasets); regular files only still. */
  anywhere?: boolean;
  encoding?: TextEncodingName;
}

function inside(file: string, root: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

/**
 * The folders a scenario's layout may come from: the folder above the scenario's own (so
 * `scenarios/` and `layouts/` side by side work), or only the scenario's folder when the one
 * above is the file system's root; and any roots given explicitly. Symbolic links are followed
 * before comparing, so a link cannot lead out.
 */
async function allowedRoots(scenarioFile: string, extra: readonly string[]): Promise<string[]> {
  const own = await realpath(path.dirname(path.resolve(scenarioFile)));
  const above = path.dirname(own);
  const roots = [above === path.parse(above).root ? own : above];
  for (const root of extra) roots.push(await realpath(path.resolve(root)).catch(() => path.resolve(root)));
  return roots;
}

/**
 * Where a reference from one file to another leads, if it may be followed: resolved relative to
 * the referring file and inside its folder tree or an allowed root (see allowedRoots), checked
 * before anything else, so whether a file exists outside them is not told either. Throws with the
 * reason when the reference leads out.
 */
export async function referencedFile(ref: string, fromFile: string, roots: readonly string[] | 'anywhere' = []): Promise<{ file: string; exists: boolean }> {
  const file = path.isAbsolute(ref) ? ref : path.join(path.dirname(fromFile), ref);
  if (roots === 'anywhere') return { file, exists: true };
  let real = path.resolve(file);
  let exists = true;
  try {
    real = await realpath(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(failure(file, error).found, { cause: error });
    exists = false;
  }
  const allowed = await allowedRoots(fromFile, roots);
  if (!allowed.some((root) => inside(real, root))) {
    throw new Error(`outside the folders it may come from (${allowed.join(', ')}); allow another folder with --layout-root`);
  }
  return { file, exists };
}

/**
 * Resolves a scenario's layout reference relative to the scenario file, as the format specifies,
 * and reads it only when it is a `.json` regular file inside the scenario's folder tree (see
 * referencedFile): a scenario from elsewhere cannot make the command read /etc/passwd or a device.
 * A missing file is `undefined` (the loader words that case); other failures carry their reason.
 */
export function fsLayoutResolverWith(options: LayoutResolverOptions = {}): LayoutResolver {
  const read = fsReferenceReader(options);
  return async (ref, fromFile) => {
    if (path.extname(ref).toLowerCase() !== '.json') throw new Error('a layout is a .json file');
    return read(ref, fromFile);
  };
}

/** Reads a text file one file refers to, inside the referring file's folder tree (see referencedFile). */
export function fsReferenceReader(options: LayoutResolverOptions = {}): LayoutResolver {
  return async (ref, fromFile) => {
    const { file, exists } = await referencedFile(ref, fromFile, options.anywhere ? 'anywhere' : options.roots);
    if (!exists) return undefined;
    const read = await readTextFile(file, options.encoding ? { encoding: options.encoding } : {});
    if ('text' in read) return { text: read.text, file };
    if (read.problem.found === REASONS.ENOENT!.found) return undefined;
    throw new Error(read.problem.path ? `${read.problem.path}: ${read.problem.found}` : read.problem.found);
  };
}

export const fsLayoutResolver: LayoutResolver = fsLayoutResolverWith();
