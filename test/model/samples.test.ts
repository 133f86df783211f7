import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlantFile, type LayoutResolver } from '../../src/model/load.ts';
import { formatProblem } from '../../src/model/problem.ts';

const ROOT = path.resolve(__dirname, '../..');
const files = ['layouts', 'scenarios'].flatMap((dir) =>
  readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.json')).sort().map((f) => `${dir}/${f}`));

const resolver: LayoutResolver = async (ref, from) => {
  const file = path.join(path.dirname(from), ref);
  try {
    return { text: readFileSync(path.join(ROOT, file), 'utf8'), file };
  } catch {
    return undefined;
  }
};

describe('the sample plants', () => {
  it('include the four reference plants, each with a layout and a scenario', () => {
    for (const plant of ['kitchen-hardware', 'electronics-smt', 'aerospace-machining', 'medical-devices']) {
      expect(files).toContain(`layouts/${plant}.json`);
      expect(files.some((f) => f.startsWith(`scenarios/${plant}`))).toBe(true);
    }
  });

  it.each(files)('%s loads without errors', async (file) => {
    const result = await loadPlantFile(readFileSync(path.join(ROOT, file), 'utf8'), file, resolver);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
  });
});
