import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNetworkText } from '../../src/experiment/loadNetwork.ts';
import { formatProblem } from '../../src/model/problem.ts';
import { networkFromFiles } from '../../src/state/networkFiles.ts';
import type { TextFile } from '../../src/state/openPlant.ts';

const root = path.resolve(import.meta.dirname, '../..');
const scenario = readFileSync(path.join(root, 'scenarios/kitchen-hardware-week.json'), 'utf8');
const layout = readFileSync(path.join(root, 'layouts/kitchen-hardware.json'), 'utf8');
const CSV = 'time,equipment,field,value\n2026-11-30T06:00:00Z,LASER-01,state,processing\n2026-11-30T07:00:00Z,LASER-01,state,down\n2026-11-30T07:30:00Z,LASER-01,state,processing\n';
const net = (recording = 'recordings/laser.csv') => JSON.stringify({
  format: 'plant-twin/network', version: 1, id: 'mine', name: 'Mine',
  sites: [{ id: 'leeds', name: 'Leeds', timeZone: 'Europe/London', scenario: '../scenarios/kitchen-hardware-week.json', recording }],
});

async function open(files: TextFile[]) {
  const found = networkFromFiles(files);
  if ('problems' in found) return { problems: found.problems.map(formatProblem), used: [] as string[] };
  const loaded = await loadNetworkText(found.network.text, found.network.name, found.resolve);
  return { loaded, problems: [...(loaded.ok ? [] : loaded.problems), ...found.ambiguous].map(formatProblem), used: [...found.used].sort() };
}

describe('a user\'s network among the files chosen with it', () => {
  const folder: TextFile[] = [
    { name: 'acme/networks/mine.json', text: net() },
    { name: 'acme/networks/recordings/laser.csv', text: CSV },
    { name: 'acme/scenarios/kitchen-hardware-week.json', text: scenario },
    { name: 'acme/layouts/kitchen-hardware.json', text: layout },
    { name: 'acme/notes.txt', text: 'not part of it' },
  ];

  it('resolves every reference by its path within a chosen folder, and knows which files it read', async () => {
    const { loaded, problems, used } = await open(folder);
    expect(problems).toEqual([]);
    expect(loaded!.ok && loaded!.value.sites[0]!.recorded!.kpis.availability).toBeCloseTo(60 / 90, 12);
    expect(used).toEqual(['acme/layouts/kitchen-hardware.json', 'acme/networks/mine.json', 'acme/networks/recordings/laser.csv', 'acme/scenarios/kitchen-hardware-week.json']);
  });

  it('falls back to the one chosen file of a name when the files came without folders', async () => {
    const flat = folder.map((f) => ({ ...f, name: path.basename(f.name) }));
    const { problems, used } = await open(flat);
    expect(problems).toEqual([]);
    expect(used).toContain('laser.csv');
  });

  it('names the missing file at its key, and never stands in a bundled sample for it', async () => {
    const { problems } = await open(folder.filter((f) => !f.name.endsWith('.csv')));
    expect(problems).toEqual(['acme/networks/mine.json: sites[0].recording: expected the path of a machine-state recording (.csv, .jsonl, .shdr), relative to this file, found "recordings/laser.csv", but there is no such file']);
    const noScenario = await open(folder.filter((f) => !f.name.includes('scenarios/')));
    expect(noScenario.problems).toHaveLength(1);
    expect(noScenario.problems[0]).toMatch(/sites\[0\]\.scenario: .*"\.\.\/scenarios\/kitchen-hardware-week\.json", but there is no such file/);
  });

  it('does not guess between two chosen files of the name a reference falls back to', async () => {
    const { problems } = await open([
      { name: 'x/mine.json', text: net('laser.csv') }, { name: 'x/kitchen-hardware-week.json', text: scenario }, { name: 'x/kitchen-hardware.json', text: layout },
      { name: 'x/monday/laser.csv', text: CSV }, { name: 'x/tuesday/laser.csv', text: CSV },
    ]);
    expect(problems).toContain('x/mine.json: laser.csv: expected one chosen file of that name, found 2: x/monday/laser.csv, x/tuesday/laser.csv — a reference names its file by its path relative to the referring file: fix the path, or choose only one of them');
  });

  it('wants exactly one network file among them', () => {
    expect(networkFromFiles([{ name: 'a.json', text: scenario }])).toEqual({ problems: [expect.objectContaining({ found: 'none' })] });
    expect(networkFromFiles([{ name: 'a.json', text: net() }, { name: 'b.json', text: net() }])).toEqual({ problems: [expect.objectContaining({ file: 'a.json, b.json', found: '2 network files' })] });
  });
});
