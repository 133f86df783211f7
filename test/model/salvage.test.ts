import { describe, expect, it } from 'vitest';
import { loadLayoutText, loadScenarioText } from '../../src/model/load.ts';
import type { Loaded, Problem } from '../../src/model/problem.ts';
import { parsePath } from '../../src/model/salvage.ts';
import { layoutFixture, resolverFor, scenarioFixture } from './plantFixtures.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const SCENARIO_FILE = 'scenarios/small-week.json';
const layoutText = JSON.stringify(layoutFixture());

function paths(result: Loaded<unknown>): string[] {
  return (result.ok ? [] : result.problems).map((p: Problem) => p.path).sort();
}

function withOrders(s: Json): Json {
  s.orders = [0, 1, 2, 3].map((i) => ({ id: `o-${i}`, product: 'bracket-white', quantity: 5, release: '2026-11-30T06:00:00Z', due: '2026-12-01T14:00:00Z' }));
  return s;
}

describe('schema and reference problems in one pass', () => {
  it('reports reference problems beside schema problems, at the file’s own indices', async () => {
    const s = withOrders(scenarioFixture() as Json);
    s.orders[1].quantity = -3; // schema: dropped while checking references
    s.orders[3].product = 'bracket-pink'; // reference: now index 2 of what is left, reported as 3
    s.routings[0].operations[1].equipment[0].equipment = 'press-9';
    const result = await loadScenarioText(JSON.stringify(s), SCENARIO_FILE, resolverFor(layoutText));
    expect(paths(result)).toEqual(['orders[1].quantity', 'orders[3].product', 'routings[0].operations[1].equipment[0].equipment']);
  });

  it('does not blame references to an element it set aside for its schema problem', async () => {
    const s = scenarioFixture() as Json;
    s.products[1].family = 42; // product bracket-navy is set aside …
    const result = await loadScenarioText(JSON.stringify(s), SCENARIO_FILE, resolverFor(layoutText));
    // … so order o-2 for bracket-navy is not reported as an unknown product.
    expect(paths(result)).toEqual(['products[1].family']);
  });

  it('deletes unknown keys rather than dropping their element', async () => {
    const s = scenarioFixture() as Json;
    s.orders[0].colour = 'red';
    s.orders[1].product = 'bracket-pink';
    const result = await loadScenarioText(JSON.stringify(s), SCENARIO_FILE, resolverFor(layoutText));
    expect(paths(result)).toEqual(['orders[0].colour', 'orders[1].product']);
  });

  it('reports only schema problems when the broken part is not inside a list', async () => {
    const s = scenarioFixture() as Json;
    delete s.experiment.horizon;
    s.orders[1].product = 'bracket-pink';
    const result = await loadScenarioText(JSON.stringify(s), SCENARIO_FILE, resolverFor(layoutText));
    expect(paths(result)).toEqual(['experiment.horizon']);
  });

  it('does the same for layouts: a bad equipment type and two overlapping machines', () => {
    const l = layoutFixture() as Json;
    l.site.areas[0].lines[0].cells[1].equipment[1].type = 'laser';
    l.site.areas[0].lines[0].cells[0].equipment[1].position.x = 6;
    const result = loadLayoutText(JSON.stringify(l), 'layouts/small-plant.json');
    // pack-1 was set aside, so its path node naming unknown equipment is not an error of its own.
    expect(paths(result)).toEqual(['site.areas[0].lines[0].cells[0].equipment[1].position', 'site.areas[0].lines[0].cells[1].equipment[1].type']);
  });

  it('leaves the path graph alone: a broken node gives its schema problem only', () => {
    const l = layoutFixture() as Json;
    l.paths.nodes[0].position.x = '5';
    l.site.areas[0].lines[0].cells[0].equipment[1].position.x = 6;
    expect(paths(loadLayoutText(JSON.stringify(l), 'layouts/small-plant.json'))).toEqual(['paths.nodes[0].position.x']);
  });

  it('parses the JSON paths it prints', () => {
    expect(parsePath('orders[12].product')).toEqual(['orders', 12, 'product']);
    expect(parsePath('equipmentCalendars.overrides["A B"]')).toEqual(['equipmentCalendars', 'overrides', 'A B']);
    expect(parsePath('')).toEqual([]);
  });
});
