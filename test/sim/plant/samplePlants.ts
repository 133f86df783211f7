import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenarioText, type LayoutResolver, type Plant } from '../../../src/model/load.ts';
import { formatProblem } from '../../../src/model/problem.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export const SAMPLE_PLANTS = ['kitchen-hardware', 'electronics-smt', 'aerospace-machining', 'medical-devices'] as const;

const resolver: LayoutResolver = async (ref, from) => {
  const file = path.join(path.dirname(from), ref);
  try {
    return { text: readFileSync(path.join(ROOT, file), 'utf8'), file };
  } catch {
    return undefined;
  }
};

/** Loads scenarios/<name>-week.json with its layout, as the CLI would. */
export async function loadSamplePlant(name: string): Promise<Plant> {
  const file = `scenarios/${name}-week.json`;
  const loaded = await loadScenarioText(readFileSync(path.join(ROOT, file), 'utf8'), file, resolver);
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  return loaded.value;
}
