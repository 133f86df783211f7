import { loadPlantFile, type LayoutResolver, type Plant } from '../model/load.ts';
import type { Loaded, Problem } from '../model/problem.ts';

/** A file the user opened (or a bundled sample), already read as text. */
export interface TextFile { name: string; text: string }

/** Bundled sample files by repository path, e.g. "layouts/kitchen-hardware.json" → its text. */
export type SampleFiles = ReadonlyMap<string, string>;

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Resolves `ref` relative to the folder of `fromFile`, as the CLI does on disk. */
export function relativePath(fromFile: string, ref: string): string {
  const parts = fromFile.split('/').slice(0, -1);
  for (const part of ref.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

/**
 * A browser has no folders: a scenario's layout reference is looked up first among the files
 * opened together with it (by file name), then among the bundled samples (by path, then by name).
 */
export function layoutResolver(opened: readonly TextFile[], samples: SampleFiles): LayoutResolver {
  return async (ref, fromFile) => {
    const name = baseName(ref);
    const together = opened.find((f) => f.name !== fromFile && baseName(f.name) === name);
    if (together) return { text: together.text, file: together.name };
    const exact = samples.get(relativePath(fromFile, ref));
    if (exact !== undefined) return { text: exact, file: relativePath(fromFile, ref) };
    for (const [path, text] of samples) if (baseName(path) === name) return { text, file: path };
    return undefined;
  };
}

function declaresScenario(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === 'plant-twin/scenario';
  } catch {
    return false;
  }
}

/**
 * Loads the plant that a set of files opened together describes: the first scenario among them
 * (with its layout), or else the first file. Files that play no part become warnings, so nothing
 * the user opened is silently ignored.
 */
export async function openPlant(files: readonly TextFile[], samples: SampleFiles): Promise<Loaded<Plant>> {
  const main = files.find((f) => declaresScenario(f.text)) ?? files[0];
  if (!main) return { ok: false, problems: [{ file: '', path: '', expected: 'a layout or scenario file', found: 'no file' }] };
  const used = new Set([main.name]);
  const resolve = layoutResolver(files, samples);
  const result = await loadPlantFile(main.text, main.name, async (ref, from) => {
    const found = await resolve(ref, from);
    if (found) used.add(found.file);
    return found;
  });
  if (!result.ok) return result;
  const unused: Problem[] = files.filter((f) => !used.has(f.name)).map((f) => ({
    file: f.name,
    path: '',
    expected: `a layout that ${main.name} references`,
    found: 'a file it does not reference, so it was not opened',
    hint: 'open one layout, or one scenario together with its layout',
  }));
  return { ...result, warnings: [...result.warnings, ...unused] };
}
