import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLayoutText } from '../../src/model/load.ts';
import { namePathsIn, pathTokens, problemSubject } from '../../src/model/problemSubject.ts';

const text = readFileSync(new URL('../../layouts/kitchen-hardware.json', import.meta.url), 'utf8');
const layout = JSON.parse(text) as { site: { areas: { lines: { cells: { equipment: { id: string; name: string; position: { x: number; y: number } }[] }[] }[] }[] } };

describe('problems named by what they are about', () => {
  it('reads JSON paths', () => {
    expect(pathTokens('site.areas[1].lines[0]')).toEqual(['site', 'areas', 1, 'lines', 0]);
    expect(pathTokens('equipment["OKUMA.123456"]')).toEqual(['equipment', 'OKUMA.123456']);
    expect(pathTokens('line 42')).toBeUndefined();
    expect(pathTokens('')).toEqual([]);
  });

  it('an overlap found by the loader leads with both machines\' ids and names', () => {
    // Move the oven onto a welding cell, as a layout engineer might by mistake.
    const all = layout.site.areas.flatMap((a) => a.lines.flatMap((l) => l.cells.flatMap((c) => c.equipment)));
    const oven = all.find((e) => e.id === 'CURE-01')!;
    const weld = all.find((e) => e.id === 'WELD-01')!;
    oven.position = { ...weld.position };
    const loaded = loadLayoutText(JSON.stringify(layout), 'kitchen.json');
    if (loaded.ok) throw new Error('expected an overlap');
    const overlap = loaded.problems.find((p) => p.found.includes('overlaps'))!;
    const subject = problemSubject(layout, overlap.path)!;
    const named = [oven, weld].map((e) => `${e.id} (${e.name})`);
    expect(named).toContain(subject);
    const other = named.find((n) => n !== subject)!;
    expect(overlap.found).toMatch(/\(site\.areas\[\d\]/);
    expect(namePathsIn(layout, overlap.found)).toContain(`(${other})`);
    expect(namePathsIn(layout, overlap.found)).not.toContain('site.areas');
  });

  it('names scenario elements without a name by their kind', () => {
    const scenario = { orders: [{ id: 'KH-0001' }, { id: 'KH-0002', product: 'x' }], routings: [{ id: 'R1', operations: [{ id: 'op10' }] }] };
    expect(problemSubject(scenario, 'orders[1].product')).toBe('order KH-0002');
    expect(problemSubject(scenario, 'routings[0].operations[0].equipment[3]')).toBe('operation op10');
    expect(problemSubject(scenario, 'orders[7].product')).toBeUndefined();
    expect(problemSubject(scenario, 'line 3')).toBeUndefined();
  });
});
