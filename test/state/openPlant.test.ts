import { describe, expect, it } from 'vitest';
import { relativePath } from '../../src/state/openPlant.ts';
import { sampleCatalogue, startupSample } from '../../src/state/sampleCatalogue.ts';

describe('relativePath', () => {
  it('resolves a reference against the folder of the referring file', () => {
    expect(relativePath('scenarios/week.json', '../layouts/plant.json')).toBe('layouts/plant.json');
    expect(relativePath('scenarios/week.json', './plant.json')).toBe('scenarios/plant.json');
    expect(relativePath('week.json', 'plant.json')).toBe('plant.json');
  });
});

describe('sample catalogue', () => {
  const files = new Map([
    ['layouts/b.json', '{"name":"B layout"}'],
    ['scenarios/z.json', '{"name":"Z week"}'],
    ['layouts/a.json', 'not json'],
  ]);

  it('lists scenarios before layouts, named as the files name themselves', () => {
    expect(sampleCatalogue(files)).toEqual([
      { path: 'scenarios/z.json', name: 'Z week', kind: 'scenario' },
      { path: 'layouts/a.json', name: 'layouts/a.json', kind: 'layout' },
      { path: 'layouts/b.json', name: 'B layout', kind: 'layout' },
    ]);
  });

  it('starts with kitchen-hardware when bundled, else with the first sample', () => {
    expect(startupSample(files)).toBe('scenarios/z.json');
    expect(startupSample(new Map([...files, ['scenarios/kitchen-hardware-week.json', '{}']]))).toBe('scenarios/kitchen-hardware-week.json');
    expect(startupSample(new Map())).toBeUndefined();
  });
});
