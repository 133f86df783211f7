import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyChanges, parsePath } from '../../src/experiment/changes.ts';
import { loadExperimentText, sweepSystems, type FileResolver } from '../../src/experiment/loadExperiment.ts';
import { formatProblem } from '../../src/model/problem.ts';

const root = path.resolve(import.meta.dirname, '../..');
/** Files as the CLI reads them, relative to the experiment in experiments/. */
const resolve: FileResolver = async (ref, from) => {
  const file = path.join(path.dirname(from), ref);
  try {
    return { text: readFileSync(path.join(root, file), 'utf8'), file };
  } catch {
    return undefined;
  }
};
const base = { format: 'plant-twin/experiment', version: 1, id: 'e', name: 'E', base: '../scenarios/kitchen-hardware-week.json' };
const two = [{ id: 'a' }, { id: 'b', changes: [{ set: 'scenario.operators[id=paint-crew].count', value: 4 }] }];

describe('experiment files', () => {
  it('loads the samples: every system a checked plant, the changes applied', async () => {
    const text = readFileSync(path.join(root, 'experiments/kitchen-hardware-compare.json'), 'utf8');
    const loaded = await loadExperimentText(text, 'experiments/kitchen-hardware-compare.json', resolve);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const [asPlanned, booths, saturday] = loaded.value.systems;
    expect(saturday!.plant.scenario!.calendars[0]!.shifts[0]!.days).toContain('sat');
    expect(asPlanned!.plant.scenario!.calendars[0]!.shifts[0]!.days).not.toContain('sat');
    const boothTime = (s: typeof asPlanned) => s!.plant.scenario!.routings[0]!.operations.find((o) => o.id === 'op50')!.equipment.find((e) => e.equipment === 'BOOTH-01')!.time;
    expect(boothTime(booths)).toEqual({ type: 'lognormal', mean: 0.9 * 0.85, sd: 0.09 * 0.85 });
    expect(boothTime(asPlanned)).toEqual({ type: 'lognormal', mean: 0.9, sd: 0.09 });
    expect(loaded.value.seed).toBe(4911);
    expect(loaded.value.replications).toBe(20);
  });

  it('expands a sweep into every combination, first factor slowest', () => {
    const systems = sweepSystems([
      { name: 'crew', set: 'scenario.x', levels: [2, 3] },
      { name: 'shifts', levels: [{ label: 'two', changes: [] }, { label: 'three', changes: [{ set: 'scenario.y', value: 1 }] }] },
    ]);
    expect(systems.map((s) => s.name)).toEqual(['crew = 2, shifts = two', 'crew = 2, shifts = three', 'crew = 3, shifts = two', 'crew = 3, shifts = three']);
    expect(systems[3]!.changes).toEqual([{ set: 'scenario.x', value: 3 }, { set: 'scenario.y', value: 1 }]);
  });

  // One bad file per row: the message each must give (file, path, expected, found).
  const table: [string, unknown, RegExp][] = [
    ['not JSON', '{', /line 1 column 2/],
    ['another format', { ...base, format: 'plant-twin/scenario' }, /format: expected "plant-twin\/experiment", found "plant-twin\/scenario"/],
    ['neither alternatives nor sweep', base, /e\.json: expected either "alternatives".*found neither/],
    ['both', { ...base, alternatives: two, sweep: { factors: [{ name: 'f', set: 'scenario.seed', levels: [1, 2] }] } }, /found both/],
    ['one alternative', { ...base, alternatives: [{ id: 'a' }] }, /alternatives: expected at least 2 alternatives/],
    ['nine alternatives', { ...base, alternatives: Array.from({ length: 9 }, (_, i) => ({ id: `a${i}` })) }, /alternatives: expected .*8/],
    ['repeated id', { ...base, alternatives: [{ id: 'a' }, { id: 'a' }] }, /alternatives\[1\]\.id: expected an alternative id not used before/],
    ['unknown key', { ...base, alternatives: two, replicatons: 5 }, /replicatons/],
    ['missing base file', { ...base, base: 'nowhere.json', alternatives: two }, /base: expected the path of a scenario file.*no file experiments\/nowhere\.json/],
    ['path outside both documents', { ...base, alternatives: [{ id: 'a' }, { id: 'b', changes: [{ set: 'plant.x', value: 1 }] }] }, /changes\[0\]\.set: expected a path starting with "scenario" or "layout"/],
    ['no such element', { ...base, alternatives: [{ id: 'a' }, { id: 'b', changes: [{ set: 'scenario.operators[id=paint-krew].count', value: 4 }] }] },
      /alternatives\[1\]\.changes\[0\]: expected an element with id = "paint-krew" in scenario\.operators, found none — did you mean "paint-crew"\?/],
    ['index out of range', { ...base, alternatives: [{ id: 'a' }, { id: 'b', changes: [{ set: 'scenario.operators[40].count', value: 4 }] }] }, /expected an index below 7 at scenario\.operators, found 40/],
    ['scaling text', { ...base, alternatives: [{ id: 'a' }, { id: 'b', changes: [{ scale: 'scenario.name', by: 2 }] }] }, /expected a number or a duration distribution at scenario\.name/],
    ['a change the scenario refuses', { ...base, alternatives: [{ id: 'a' }, { id: 'b', changes: [{ set: 'scenario.operators[id=paint-crew].count', value: 2.5 }] }] },
      /alternatives\[1\] \(system "b"\), after its changes, scenarios\/kitchen-hardware-week\.json: operators\[4\]\.count: expected a whole number/],
    ['a layout change the layout refuses', { ...base, alternatives: [{ id: 'a' }, { id: 'b', changes: [{ set: 'layout.equipment[id=BOOTH-01].inputBuffer', value: 0 }] }] },
      /system "b"\), after its changes, layouts\/kitchen-hardware\.json: .*inputBuffer: expected/],
    ['numeric factor without set or scale', { ...base, sweep: { factors: [{ name: 'f', levels: [1, 2] }] } }, /sweep\.factors\[0\]: expected exactly one of "set"/],
    ['too many combinations', { ...base, sweep: { factors: [1, 2, 3].map((i) => ({ name: `f${i}`, set: 'scenario.experiment.seed', levels: Array.from({ length: 6 }, (_, j) => j + 1) })) } },
      /sweep\.factors: expected at most 200 combinations of levels, found 216/],
    ['constraint with both bounds', { ...base, alternatives: two, selection: { kpi: 'onTimeRate', goal: 'maximise', indifferenceZone: 0.01, constraint: { kpi: 'wipLots', atLeast: 1, atMost: 2, tolerance: 1 } } },
      /selection\.constraint: expected exactly one of "atLeast" and "atMost", found both/],
    ['unknown KPI', { ...base, alternatives: two, selection: { kpi: 'profit', goal: 'maximise', indifferenceZone: 1 } }, /selection\.kpi: expected one of/],
  ];
  it.each(table)('refuses %s with a message naming the place', async (_, experiment, message) => {
    const text = typeof experiment === 'string' ? experiment : JSON.stringify(experiment);
    const loaded = await loadExperimentText(text, 'experiments/e.json', resolve);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    const lines = loaded.problems.map(formatProblem);
    expect(lines.join('\n')).toMatch(message);
    expect(lines.every((l) => l.startsWith('experiments/e.json'))).toBe(true);
  });
});

describe('changes', () => {
  const docs = { scenario: { a: [{ id: 'x', t: { type: 'normal', mean: 10, sd: 2 } }, { id: 'y', n: 3 }] }, layout: {} };

  it('sets and scales through selectors without touching the original', () => {
    const changed = applyChanges(docs, [{ scale: 'scenario.a[id=x].t', by: 0.5 }, { set: 'scenario.a[*].flag', value: true }, { scale: 'scenario.a[1].n', by: 2 }]);
    expect(changed).toEqual({ ok: true, docs: { scenario: { a: [{ id: 'x', t: { type: 'normal', mean: 5, sd: 1 }, flag: true }, { id: 'y', n: 6, flag: true }] }, layout: {} } });
    expect(docs.scenario.a[0]!.t!.mean).toBe(10);
  });

  it('reads paths and refuses malformed ones', () => {
    expect(parsePath('scenario.a[id=x].b[*][2]')).toEqual({ root: 'scenario', segments: [{ key: 'a' }, { match: 'id', value: 'x' }, { key: 'b' }, { every: true }, { index: 2 }] });
    expect(parsePath('scenario.a[x')).toMatchObject({ expected: expect.stringMatching(/keys/) });
    expect(parsePath('scenario')).toMatchObject({ hint: expect.stringMatching(/name a field/) });
  });
});
