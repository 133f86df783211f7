import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTwinStore } from '../../src/state/store.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const layoutText = fixture('two-cell-layout.json');
const scenarioText = fixture('two-cell-week.json');
const samples = new Map([
  ['layouts/two-cell-layout.json', layoutText],
  ['scenarios/two-cell-week.json', scenarioText],
]);
const renamed = (text: string, name: string) => JSON.stringify({ ...JSON.parse(text), name });

describe('twin store', () => {
  it('opens a bundled scenario together with the layout its relative path names', async () => {
    const store = createTwinStore(samples);
    await store.getState().openSample('scenarios/two-cell-week.json');
    const { plant, failure } = store.getState();
    expect(failure).toBeUndefined();
    expect(plant?.scenario?.name).toBe('Two-cell week');
    expect(plant?.layoutFile).toBe('layouts/two-cell-layout.json');
    expect(plant?.layout.id).toBe('two-cell');
  });

  it('resolves a scenario’s layout among the files opened with it before the bundled ones', async () => {
    const store = createTwinStore(samples);
    await store.getState().openFiles([
      { name: 'two-cell-layout.json', text: renamed(layoutText, 'Edited copy') },
      { name: 'my-week.json', text: scenarioText },
    ]);
    const { plant } = store.getState();
    expect(plant?.layout.name).toBe('Edited copy');
    expect(plant?.layoutFile).toBe('two-cell-layout.json');
    expect(plant?.scenarioFile).toBe('my-week.json');
  });

  it('falls back to the bundled layout of the same file name for a scenario opened alone', async () => {
    const store = createTwinStore(samples);
    await store.getState().openFiles([{ name: 'my-week.json', text: scenarioText }]);
    expect(store.getState().plant?.layoutFile).toBe('layouts/two-cell-layout.json');
  });

  it('reports a layout reference it cannot resolve as a problem of the scenario file', async () => {
    const store = createTwinStore(new Map());
    await store.getState().openFiles([{ name: 'my-week.json', text: scenarioText }]);
    const { plant, failure } = store.getState();
    expect(plant).toBeUndefined();
    expect(failure?.files).toEqual(['my-week.json']);
    expect(failure?.problems.some((p) => p.file === 'my-week.json' && p.path.startsWith('layout'))).toBe(true);
  });

  it('keeps the plant on screen when a broken file fails, and names the failed file', async () => {
    const store = createTwinStore(samples);
    await store.getState().openSample('scenarios/two-cell-week.json');
    store.getState().select('saw');
    const broken = JSON.parse(layoutText);
    broken.floor.width = -1;
    await store.getState().openFiles([{ name: 'broken.json', text: JSON.stringify(broken) }]);
    const { plant, failure, selected } = store.getState();
    expect(plant?.scenario?.id).toBe('two-cell-week');
    expect(selected).toBe('saw');
    expect(failure?.files).toEqual(['broken.json']);
    expect(failure?.problems.some((p) => p.file === 'broken.json' && p.path.includes('floor'))).toBe(true);
  });

  it('clears the failure and the selection once a good file opens', async () => {
    const store = createTwinStore(samples);
    await store.getState().openFiles([{ name: 'bad.json', text: '{ not json' }]);
    expect(store.getState().failure?.problems.length).toBeGreaterThan(0);
    store.getState().select('saw');
    await store.getState().openFiles([{ name: 'plant.json', text: layoutText }]);
    expect(store.getState().failure).toBeUndefined();
    expect(store.getState().selected).toBeUndefined();
    expect(store.getState().plant?.scenario).toBeUndefined();
  });

  it('warns about files opened together that nothing references', async () => {
    const store = createTwinStore(samples);
    await store.getState().openFiles([
      { name: 'notes.json', text: '{}' },
      { name: 'my-week.json', text: scenarioText },
    ]);
    const { plant, warnings } = store.getState();
    expect(plant?.scenarioFile).toBe('my-week.json');
    expect(warnings.filter((w) => w.file === 'notes.json')).toHaveLength(1);
  });

  it('reports an unknown sample instead of throwing', async () => {
    const store = createTwinStore(samples);
    await store.getState().openSample('scenarios/missing.json');
    expect(store.getState().failure?.files).toEqual(['scenarios/missing.json']);
  });
});
