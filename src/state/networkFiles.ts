import type { FileResolver } from '../experiment/loadExperiment.ts';
import type { Problem } from '../model/problem.ts';
import { baseName, relativePath, type TextFile } from './openPlant.ts';

const NETWORK_FORMAT = /"format"\s*:\s*"plant-twin\/network"/;

/**
 * A user's network and the files chosen or dropped with it (a folder, or several files). Names are
 * paths within what was chosen ("plants/net.json" from a folder, "net.json" from a file list).
 * References resolve relative to the referring file among these files only — a user's network is
 * never completed from the bundled samples, which could silently stand in for a missing file of the
 * same name. When the files came without their folders (a flat list), a reference falls back to the
 * one chosen file of that name; two of the same name are not guessed between.
 */
export function networkFromFiles(files: readonly TextFile[]): { network: TextFile; resolve: FileResolver; used: ReadonlySet<string>; ambiguous: Problem[] } | { problems: Problem[] } {
  const networks = files.filter((f) => f.name.toLowerCase().endsWith('.json') && NETWORK_FORMAT.test(f.text));
  if (networks.length !== 1) {
    return { problems: [{
      file: networks.length ? networks.map((f) => f.name).join(', ') : files.map((f) => f.name).join(', ') || '(no file)',
      path: '', expected: 'exactly one network file ("format": "plant-twin/network") among the chosen files',
      found: networks.length ? `${networks.length} network files` : 'none',
      hint: 'choose the network file together with its scenario, layout and recording files, or the folder holding them',
    }] };
  }
  const byPath = new Map(files.map((f) => [f.name, f]));
  const used = new Set<string>([networks[0]!.name]);
  const ambiguous: Problem[] = [];
  const resolve: FileResolver = async (ref, from) => {
    const path = relativePath(from, ref);
    let found = byPath.get(path);
    if (!found) {
      const same = files.filter((f) => baseName(f.name) === baseName(ref));
      if (same.length > 1) {
        ambiguous.push({ file: from, path: ref, expected: 'one chosen file of that name', found: `${same.length}: ${same.map((f) => f.name).join(', ')}`, hint: 'a reference names its file by its path relative to the referring file: fix the path, or choose only one of them' });
        return undefined;
      }
      found = same[0];
    }
    if (!found) return undefined;
    used.add(found.name);
    return { text: found.text, file: found.name };
  };
  return { network: networks[0]!, resolve, used, ambiguous };
}
