import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadExperimentText } from '../../src/experiment/loadExperiment.ts';
import { formatProblem } from '../../src/model/problem.ts';
import { duplicateEquipment, type PlantDocs } from '../../src/scenario/equipmentEdits.ts';
import { comparisonExperiment, entryFiles, idFromName, newEntry, unusedId } from '../../src/scenario/library.ts';
import { layoutResolver } from '../../src/state/openPlant.ts';
import { createScenarioLibrary, memoryLibrary } from '../../src/state/scenarioLibrary.ts';
import { createTwinStore } from '../../src/state/store.ts';
import { runCli } from '../cli/runCli.ts';

const root = new URL('../../', import.meta.url);
const samples = new Map(['scenarios/kitchen-hardware-week.json', 'layouts/kitchen-hardware.json'].map((f) => [f, readFileSync(new URL(f, root), 'utf8')]));
const dir = mkdtempSync(path.join(tmpdir(), 'library-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function session() {
  const twin = createTwinStore(samples);
  await twin.getState().openSample('scenarios/kitchen-hardware-week.json');
  const storage = memoryLibrary();
  const library = createScenarioLibrary(twin, storage, () => new Date('2026-12-03T10:00:00Z'));
  await library.getState().load();
  return { twin, storage, library };
}

describe('library ids and files', () => {
  it('makes ids from names that the file formats accept, unique in the library', () => {
    expect(idFromName('Booths 15 % faster — Saturday!')).toBe('booths-15-faster-saturday');
    expect(idFromName('Équipe été')).toBe('equipe-ete');
    expect(idFromName('???')).toBe('scenario');
    expect(unusedId('a', new Set(['a', 'a-2']))).toBe('a-3');
  });

  it('exports an entry as a scenario and its layout that plant-twin validate accepts, with a duplicated machine', async () => {
    const { twin } = await session();
    const plant = twin.getState().plant!;
    const made = duplicateEquipment({ scenario: structuredClone(plant.scenario!), layout: structuredClone(plant.layout) } as PlantDocs, 'BOOTH-01');
    if (!made.ok) throw new Error(made.reason);
    const entry = newEntry(made.docs, 'Third booth', 'scenarios/kitchen-hardware-week.json', new Set(), new Date());
    const files = entryFiles(entry);
    expect([files.scenario.name, files.layout.name]).toEqual(['third-booth.json', 'third-booth.layout.json']);
    writeFileSync(path.join(dir, files.scenario.name), files.scenario.text);
    writeFileSync(path.join(dir, files.layout.name), files.layout.text);
    const run = await runCli(['validate', files.scenario.name], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(files.scenario.text)).toMatchObject({ id: 'third-booth', name: 'Third booth', layout: 'third-booth.layout.json' });
  }, 60_000);
});

describe('the library store', () => {
  it('keeps, clones, renames and deletes entries, and they survive a reload', async () => {
    const { twin, storage, library } = await session();
    const kept = await library.getState().keepOnScreen('Week as planned');
    expect(kept?.id).toBe('week-as-planned');
    const copy = await library.getState().clone('week-as-planned');
    expect(copy).toMatchObject({ id: 'week-as-planned-copy', name: 'Week as planned (copy)', from: 'week-as-planned' });
    const renamed = await library.getState().rename('week-as-planned-copy', 'Saturday shift');
    expect(renamed?.id).toBe('saturday-shift');
    expect(library.getState().entries.map((e) => e.id)).toEqual(['saturday-shift', 'week-as-planned']);
    expect(library.getState().entries[0]!.scenario).toMatchObject({ id: 'saturday-shift', name: 'Saturday shift' });
    await library.getState().remove('week-as-planned');

    const again = createScenarioLibrary(twin, storage);
    await again.getState().load();
    expect(again.getState().entries.map((e) => [e.id, e.name])).toEqual([['saturday-shift', 'Saturday shift']]);
  });

  it('refuses an empty name and leaves the entry as it was', async () => {
    const { library } = await session();
    await library.getState().keepOnScreen('A');
    expect(await library.getState().rename('a', '   ')).toBeUndefined();
    expect(library.getState().error).toBe('A scenario needs a name.');
    expect(library.getState().entries.map((e) => e.id)).toEqual(['a']);
  });

  it('opens an entry on screen and keeps what is applied to it', async () => {
    const { twin, library } = await session();
    await library.getState().keepOnScreen('Mine');
    await library.getState().open('mine');
    const plant = twin.getState().plant!;
    expect(plant.scenarioFile).toBe('library/mine.json');
    const scenario = { ...plant.scenario!, orders: plant.scenario!.orders.slice(0, 10) };
    twin.setState({ plant: { ...plant, scenario } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(library.getState().entries[0]!.scenario.orders).toHaveLength(10);
  });

  it('compares entries in an experiment the loader accepts, one system per entry', async () => {
    const { library } = await session();
    await library.getState().keepOnScreen('Plan A');
    await library.getState().keepOnScreen('Plan B');
    const entries = library.getState().entries;
    const experiment = comparisonExperiment(entries, 3);
    const files = entries.flatMap((e) => library.getState().files(e.id));
    const loaded = await loadExperimentText(experiment.text, experiment.name, layoutResolver(files, new Map()));
    if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
    expect(loaded.value.systems.map((s) => s.id)).toEqual(['plan-a', 'plan-b']);
    expect(loaded.value.replications).toBe(3);
  });
});
