import { describe, expect, it } from 'vitest';
import type { LayoutInput } from '../../src/model/layoutSchema.ts';
import { loadLayoutText, loadPlantFile, loadScenarioText } from '../../src/model/load.ts';
import { formatProblem, type Loaded, type Problem } from '../../src/model/problem.ts';
import { layoutFixture, resolverFor, scenarioFixture } from './plantFixtures.ts';

const LAYOUT_FILE = 'layouts/small-plant.json';
const SCENARIO_FILE = 'scenarios/small-week.json';
const validLayoutText = JSON.stringify(layoutFixture(), null, 2);

// Loosely typed views of the fixtures, so a row can break them in ways the types forbid.
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Row {
  name: string;
  /** Which file the row breaks; 'text' rows give the raw text of a plant file. */
  target: 'layout' | 'scenario' | 'text';
  mutate?: (doc: Json) => void;
  text?: string;
  path: string;
  message: string;
  /** The file the problem is reported in, when not the one loaded. */
  file?: string;
}

function problemsOf(result: Loaded<unknown>): Problem[] {
  return result.ok ? [] : result.problems;
}

async function load(row: Row): Promise<{ result: Loaded<unknown>; file: string }> {
  if (row.target === 'text') return { result: await loadPlantFile(row.text ?? '', 'plant.json', resolverFor(validLayoutText)), file: 'plant.json' };
  if (row.target === 'layout') {
    const layout = layoutFixture() as Json;
    row.mutate?.(layout);
    return { result: loadLayoutText(JSON.stringify(layout, null, 2), LAYOUT_FILE), file: LAYOUT_FILE };
  }
  const scenario = scenarioFixture() as Json;
  row.mutate?.(scenario);
  return { result: await loadScenarioText(JSON.stringify(scenario, null, 2), SCENARIO_FILE, resolverFor(validLayoutText)), file: SCENARIO_FILE };
}

const machines = (l: Json, cell: number): Json[] => l.site.areas[0].lines[0].cells[cell].equipment;
const op = (s: Json, j: number): Json => s.routings[0].operations[j];

const rows: Row[] = [
  // JSON syntax
  { name: 'a trailing comma', target: 'text', text: '{\n  "format": "plant-twin/layout",\n}', path: 'line 3 column 1', message: 'remove the comma before' },
  { name: 'a missing comma', target: 'text', text: '{\n  "format": "plant-twin/layout"\n  "version": 1\n}', path: 'line 3 column 3', message: 'a comma is missing' },
  { name: 'a property name without quotes', target: 'text', text: '{ format: 1 }', path: 'line 1 column 3', message: 'put property names in double quotes' },
  { name: 'a file cut short', target: 'text', text: '{ "format": "plant-twin/layout", "site": {', path: 'line 1 column 43', message: 'found the end of the file' },
  { name: 'an empty file', target: 'text', text: '  \n', path: '', message: 'found an empty file' },
  { name: 'a list instead of an object', target: 'text', text: '[1, 2]', path: '', message: 'found a list of 2 items' },
  { name: 'an unsupported format', target: 'text', text: '{ "format": "plant-twin/layuot" }', path: 'format', message: "did you mean 'plant-twin/layout'?" },
  { name: 'a schedule opened as a plant', target: 'text', text: '{ "format": "plant-twin/schedule" }', path: 'format', message: 'this is a schedule, not a plant' },
  // layout schema
  { name: 'a newer version', target: 'layout', mutate: (l) => { l.version = 2; }, path: 'version', message: 'expected 1, found 2' },
  { name: 'a word for a number', target: 'layout', mutate: (l) => { l.floor.width = 'forty'; }, path: 'floor.width', message: 'expected a number, found "forty"' },
  { name: 'a number in quotes', target: 'layout', mutate: (l) => { l.paths.nodes[0].position.x = '5'; }, path: 'paths.nodes[0].position.x', message: 'write the number without quotes' },
  { name: 'a misspelt key', target: 'layout', mutate: (l) => { const f = machines(l, 0)[0]!.footprint; f.widht = f.width; delete f.width; }, path: 'site.areas[0].lines[0].cells[0].equipment[0].footprint.widht', message: 'found the key "widht" — did you mean \'width\'? Rename "widht" to "width"' },
  { name: 'a missing required field', target: 'layout', mutate: (l) => { delete machines(l, 0)[0]!.footprint.width; }, path: 'site.areas[0].lines[0].cells[0].equipment[0].footprint.width', message: 'found nothing — add "width"' },
  { name: 'an unknown equipment type', target: 'layout', mutate: (l) => { machines(l, 0)[0]!.type = 'lasercutter'; }, path: 'site.areas[0].lines[0].cells[0].equipment[0].type', message: "did you mean 'laser-cutter'?" },
  { name: 'an id with a space', target: 'layout', mutate: (l) => { l.site.areas[0].id = 'area 1'; }, path: 'site.areas[0].id', message: 'ids cannot contain spaces; try "area-1"' },
  { name: 'a zero footprint', target: 'layout', mutate: (l) => { machines(l, 1)[1]!.footprint.depth = 0; }, path: 'site.areas[0].lines[0].cells[1].equipment[1].footprint.depth', message: 'expected a number > 0, found 0' },
  { name: 'an empty work cell', target: 'layout', mutate: (l) => { l.site.areas[0].lines[0].cells[1].equipment = []; l.paths.nodes.splice(2, 2); l.paths.edges.splice(1, 2); }, path: 'site.areas[0].lines[0].cells[1].equipment', message: 'expected a list with at least 1 item, found an empty list' },
  // layout cross-references
  { name: 'a duplicate equipment id', target: 'layout', mutate: (l) => { machines(l, 1).push({ ...machines(l, 0)[1], position: { x: 36, y: 15 } }); }, path: 'site.areas[0].lines[0].cells[1].equipment[2].id', message: 'already used at site.areas[0].lines[0].cells[0].equipment[1].id' },
  { name: 'a duplicate path node id', target: 'layout', mutate: (l) => { l.paths.nodes.push({ id: 'n-pack', position: { x: 36, y: 8 } }); }, path: 'paths.nodes[4].id', message: 'expected a path node id not used before' },
  { name: 'overlapping footprints', target: 'layout', mutate: (l) => { machines(l, 0)[1]!.position.x = 8; }, path: 'site.areas[0].lines[0].cells[0].equipment[1].position', message: "overlaps 'laser-1'" },
  { name: 'a rotated footprint reaching into another', target: 'layout', mutate: (l) => { Object.assign(machines(l, 0)[1]!, { position: { x: 9, y: 5 }, rotation: 45 }); }, path: 'site.areas[0].lines[0].cells[0].equipment[1].position', message: "overlaps 'laser-1' (site.areas[0].lines[0].cells[0].equipment[0]) by 0.12 m" },
  { name: 'equipment off the floor', target: 'layout', mutate: (l) => { machines(l, 1)[1]!.position.x = 100; }, path: 'site.areas[0].lines[0].cells[1].equipment[1].position', message: 'expected a position on the floor (x 0–40 m, y 0–20 m)' },
  { name: 'an edge to an unknown node', target: 'layout', mutate: (l) => { l.paths.edges.push({ from: 'n-pack', to: 'n-dock' }); }, path: 'paths.edges[3].to', message: 'expected the id of a node in paths.nodes, found "n-dock"' },
  { name: 'a node for unknown equipment', target: 'layout', mutate: (l) => { l.paths.nodes.push({ id: 'n-extra', position: { x: 36, y: 8 }, equipment: 'pak-1' }); l.paths.edges.push({ from: 'n-pack', to: 'n-extra' }); }, path: 'paths.nodes[4].equipment', message: "did you mean 'pack-1'?" },
  { name: 'equipment without a path node', target: 'layout', mutate: (l) => { l.paths.nodes.splice(3, 1); l.paths.edges.splice(2, 1); }, path: 'site.areas[0].lines[0].cells[1].equipment[1]', message: 'expected a node in paths.nodes with "equipment": "pack-1", found none' },
  { name: 'equipment on an isolated node', target: 'layout', mutate: (l) => { l.paths.edges.splice(2, 1); }, path: 'paths.nodes[3]', message: 'add an edge between "n-pack" and the nearest linked node "n-paint" (10 m away)' },
  { name: 'equipment reachable only one way', target: 'layout', mutate: (l) => { l.paths.edges[2].bidirectional = false; }, path: 'paths.nodes[3]', message: 'no route back from it' },
  // scenario schema
  { name: 'a date-time without offset', target: 'scenario', mutate: (s) => { s.start = '2026-11-30T00:00:00'; }, path: 'start', message: 'add "Z" (UTC) or an offset' },
  { name: 'a zero quantity', target: 'scenario', mutate: (s) => { s.orders[0].quantity = 0; }, path: 'orders[0].quantity', message: 'expected a whole number ≥ 1, found 0' },
  { name: 'an unknown distribution type', target: 'scenario', mutate: (s) => { op(s, 0).equipment[0].time.type = 'triangle'; }, path: 'routings[0].operations[0].equipment[0].time.type', message: "did you mean 'triangular'?" },
  { name: 'an unknown start state kind', target: 'scenario', mutate: (s) => { s.startState = { kind: 'snap' }; }, path: 'startState.kind', message: 'expected one of "empty", "snapshot", found "snap"' },
  { name: 'an attribute written beside the attributes', target: 'scenario', mutate: (s) => { s.products[0].colour = 'white'; }, path: 'products[0].colour', message: 'found an unknown key "colour"' },
  { name: 'a negative processing time', target: 'scenario', mutate: (s) => { op(s, 3).equipment[0].time.mean = -1; }, path: 'routings[0].operations[3].equipment[0].time.mean', message: 'expected a number > 0, found -1' },
  // scenario cross-references
  { name: 'a product with an unknown routing', target: 'scenario', mutate: (s) => { s.products[0].routing = 'r-braket'; }, path: 'products[0].routing', message: "did you mean 'r-bracket'?" },
  { name: 'an order for an unknown product', target: 'scenario', mutate: (s) => { s.orders[0].product = 'bracket-red'; }, path: 'orders[0].product', message: "known product ids: 'bracket-white', 'bracket-navy'" },
  { name: 'a duplicate order id', target: 'scenario', mutate: (s) => { s.orders[1].id = 'o-1'; }, path: 'orders[1].id', message: 'already used at orders[0].id' },
  { name: 'an order due before its release', target: 'scenario', mutate: (s) => { s.orders[0].due = '2026-11-29T06:00:00Z'; }, path: 'orders[0].due', message: 'a due date-time at or after the release' },
  { name: 'unknown equipment in a routing', target: 'scenario', mutate: (s) => { op(s, 0).equipment[0].equipment = 'lazer-1'; }, path: 'routings[0].operations[0].equipment[0].equipment', message: "expected the id of equipment in the layout, found \"lazer-1\" — did you mean 'laser-1'?" },
  { name: 'unknown equipment unlike any id', target: 'scenario', mutate: (s) => { op(s, 0).equipment[0].equipment = 'trumpf-3030'; }, path: 'routings[0].operations[0].equipment[0].equipment', message: 'equipment offering "laser-cut": \'laser-1\'' },
  { name: 'a capability the equipment does not offer', target: 'scenario', mutate: (s) => { op(s, 1).capability = 'bned'; }, path: 'routings[0].operations[1].equipment[0].equipment', message: "did you mean the capability 'bend'?" },
  { name: 'a constant zero processing time', target: 'scenario', mutate: (s) => { op(s, 2).equipment[0].time = { type: 'constant', value: 0 }; }, path: 'routings[0].operations[2].equipment[0].time', message: 'expected a processing time with a mean > 0, found a constant 0' },
  { name: 'a triangular mode outside its range', target: 'scenario', mutate: (s) => { op(s, 0).equipment[0].time.mode = 9; }, path: 'routings[0].operations[0].equipment[0].time.mode', message: 'a mode between min and max (3–6)' },
  { name: 'empirical weights that do not match the values', target: 'scenario', mutate: (s) => { op(s, 3).equipment[0].time = { type: 'empirical', values: [1, 2], weights: [1] }; }, path: 'routings[0].operations[3].equipment[0].time.weights', message: 'one weight per value (2)' },
  { name: 'rework to a later operation', target: 'scenario', mutate: (s) => { op(s, 2).rework.operation = 'pack'; }, path: 'routings[0].operations[2].rework.operation', message: "earlier operations: 'cut', 'bend'" },
  { name: 'a setup matrix missing a colour', target: 'scenario', mutate: (s) => { s.setupMatrices[0].keys = ['white']; s.setupMatrices[0].times = [[0]]; }, path: 'setupMatrices[0].keys', message: "add a row and a column for 'navy' to setupMatrices[0]" },
  { name: 'a setup matrix with too few rows', target: 'scenario', mutate: (s) => { s.setupMatrices[0].times = [[0, 30]]; }, path: 'setupMatrices[0].times', message: 'expected 2 rows, one per key (white, navy), found 1 row' },
  { name: 'a setup matrix with a short row', target: 'scenario', mutate: (s) => { s.setupMatrices[0].times[1] = [45]; }, path: 'setupMatrices[0].times[1]', message: 'expected 2 times, one per key, found 1' },
  { name: 'a product missing the setup attribute', target: 'scenario', mutate: (s) => { s.products[1].attributes = {}; }, path: 'products[1].attributes.colour', message: 'a value for "colour" (setupMatrices[0] uses it on \'paint-1\')' },
  { name: 'batch equipment that is not in the layout', target: 'scenario', mutate: (s) => { s.batchEquipment = [{ equipment: 'oven-1', capacity: 20 }]; }, path: 'batchEquipment[0].equipment', message: 'expected the id of equipment in the layout, found "oven-1"' },
  { name: 'a calendar with no working time', target: 'scenario', mutate: (s) => { for (const shift of s.calendars[0].shifts) shift.days = ['sat', 'sun']; s.experiment.horizon = 5 * 1440; }, path: 'calendars[0]', message: 'found no working minutes from 2026-11-30 to 2026-12-05' },
  { name: 'a break crossing midnight inside a night shift', target: 'scenario', mutate: (s) => { s.calendars[0].shifts.push({ name: 'night', days: ['mon'], start: '22:00', end: '06:00', breaks: [{ start: '02:00', end: '01:30' }] }); }, path: 'calendars[0].shifts[2].breaks[0]', message: 'expected a break within its shift 22:00–06:00, found 02:00–01:30' },
  { name: 'an uninterruptible operation longer than every working window', target: 'scenario', mutate: (s) => { Object.assign(op(s, 0), { uninterruptible: true }); op(s, 0).equipment[0].time = { type: 'constant', value: 100 }; }, path: 'routings[0].operations[0].uninterruptible', message: "runs longer than every window for the largest order (10 units): 'laser-1 1000 min in 450 min window'" },
  { name: 'an uninterruptible run longer than every window its crew shares with the equipment', target: 'scenario', mutate: (s) => { Object.assign(op(s, 1), { uninterruptible: true, runSkill: 'bender' }); op(s, 1).equipment[0].time = { type: 'constant', value: 20 }; s.calendars.push({ id: 'short', shifts: [{ name: 'x', days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '06:00', end: '08:00' }] }); s.operators.push({ id: 'benders', count: 1, skills: ['bender'], calendar: 'short' }); }, path: 'routings[0].operations[1].runSkill', message: "no window where equipment and crew both work holds the run: 'press-1 200 min in 120 min window'; the crews' longest shifts: 'benders 120 min'" },
  { name: 'an uninterruptible operation cut by maintenance everywhere', target: 'scenario', mutate: (s) => { Object.assign(op(s, 1), { uninterruptible: true }); op(s, 1).equipment[0].time = { type: 'constant', value: 40 }; s.calendars[0].shifts = [{ name: 'day', days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '06:00', end: '14:00' }]; s.maintenance[0] = { equipment: 'press-1', start: '2026-11-30T09:00:00Z', duration: 30, repeatEvery: 1440 }; }, path: 'routings[0].operations[1].uninterruptible', message: "'press-1 400 min in 270 min window'" },
  { name: 'late material for an unknown product', target: 'scenario', mutate: (s) => { s.releaseDelays = [{ products: ['bracket-nave'], delay: { type: 'exponential', mean: 60 } }]; }, path: 'releaseDelays[0].products[0]', message: "did you mean 'bracket-navy'?" },
  { name: 'a break outside its shift', target: 'scenario', mutate: (s) => { s.calendars[0].shifts[0].breaks[0] = { start: '15:00', end: '15:30' }; }, path: 'calendars[0].shifts[0].breaks[0]', message: 'expected a break within its shift 06:00–14:00, found 15:00–15:30' },
  { name: 'an unknown default calendar', target: 'scenario', mutate: (s) => { s.equipmentCalendars.default = 'two-shifts'; }, path: 'equipmentCalendars.default', message: "did you mean 'two-shift'?" },
  { name: 'a calendar override for unknown equipment', target: 'scenario', mutate: (s) => { s.equipmentCalendars.overrides = { 'lazer-1': 'two-shift' }; }, path: 'equipmentCalendars.overrides["lazer-1"]', message: "did you mean 'laser-1'?" },
  { name: 'a failure model for unknown equipment', target: 'scenario', mutate: (s) => { s.failures[0].equipment = ['laser-2']; }, path: 'failures[0].equipment[0]', message: 'found "laser-2"' },
  { name: 'a skill no operator pool has', target: 'scenario', mutate: (s) => { op(s, 2).setupSkill = 'paintr'; }, path: 'routings[0].operations[2].setupSkill', message: "expected a skill that some operator pool has, found \"paintr\" — did you mean 'painter'?" },
  { name: 'an unknown default fleet', target: 'scenario', mutate: (s) => { s.transport.default = 'forklift'; }, path: 'transport.default', message: "known fleet ids: 'agv'" },
  { name: 'a snapshot naming unknown equipment', target: 'scenario', mutate: (s) => { s.startState = { kind: 'snapshot', time: '2026-11-30T00:00:00Z', equipment: [{ id: 'press-2', state: 'idle' }] }; }, path: 'startState.equipment[0].id', message: "did you mean 'press-1'?" },
  { name: 'a snapshot without its time', target: 'scenario', mutate: (s) => { s.startState = { kind: 'snapshot', equipment: [] }; }, path: 'startState.time', message: 'expected an ISO 8601 date-time with an offset, e.g. 2026-11-30T06:00:00Z, found nothing' },
  { name: 'work in progress waiting at the wrong machine', target: 'scenario', mutate: (s) => { s.startState = { kind: 'snapshot', time: '2026-11-30T00:00:00Z', equipment: [], wip: [{ order: 'o-1', operation: 'bend', quantity: 10, at: 'laser-1' }] }; }, path: 'startState.wip[0].at', message: "expected equipment eligible for operation 'bend' ('press-1')" },
  { name: 'a warm-up as long as the horizon', target: 'scenario', mutate: (s) => { s.experiment.warmup = s.experiment.horizon; }, path: 'experiment.warmup', message: 'a warm-up shorter than the horizon (10080 min)' },
  { name: 'a layout reference that does not resolve', target: 'scenario', mutate: (s) => { s.layout = 'MISSING'; }, path: 'layout', message: 'found "MISSING", but there is no file scenarios/MISSING' },
];

describe('loading malformed plant files', () => {
  it('has a large enough table', () => {
    expect(rows.length).toBeGreaterThanOrEqual(25);
  });

  it.each(rows)('$name → one problem at "$path"', async (row) => {
    const { result, file } = await load(row);
    const problems = problemsOf(result);
    expect(problems.map(formatProblem)).toHaveLength(1);
    const [problem] = problems;
    expect(problem?.path).toBe(row.path);
    expect(problem?.file).toBe(row.file ?? file);
    expect(formatProblem(problem!)).toContain(row.message);
  });
});

describe('loading plant files with several problems', () => {
  it('reports one problem per injected error, each at its own path', async () => {
    const s = scenarioFixture() as Json;
    s.products[0].routing = 'r-braket';
    s.orders[1].product = 'bracket-blue';
    op(s, 0).equipment[0].equipment = 'lazer-1';
    op(s, 2).equipment[0].time = { type: 'constant', value: 0 };
    s.setupMatrices[0].keys = ['white'];
    s.setupMatrices[0].times = [[0]];
    s.equipmentCalendars.default = 'one-shift';
    s.experiment.warmup = 20_000;
    const result = await loadScenarioText(JSON.stringify(s), SCENARIO_FILE, resolverFor(validLayoutText));
    expect(problemsOf(result).map((p) => p.path).sort()).toEqual([
      'equipmentCalendars.default',
      'experiment.warmup',
      'orders[1].product',
      'products[0].routing',
      'routings[0].operations[0].equipment[0].equipment',
      'routings[0].operations[2].equipment[0].time',
      'setupMatrices[0].keys',
    ].sort());
    for (const p of problemsOf(result)) {
      expect(p.file).toBe(SCENARIO_FILE);
      expect(p.found).not.toBe('');
      expect(p.expected).not.toBe('');
    }
  });

  it('reports every schema problem of a file in one pass, each with its JSON path', async () => {
    const l = layoutFixture() as Json;
    l.floor.depth = -20;
    machines(l, 0)[0]!.type = 'laser';
    machines(l, 1)[0]!.rotation = '90';
    delete l.paths.nodes[2].position;
    l.paths.edges[0].kind = 'road';
    const result = loadLayoutText(JSON.stringify(l), LAYOUT_FILE);
    const problems = problemsOf(result);
    expect(problems.map((p) => p.path)).toEqual([
      'floor.depth',
      'site.areas[0].lines[0].cells[0].equipment[0].type',
      'site.areas[0].lines[0].cells[1].equipment[0].rotation',
      'paths.nodes[2].position',
      'paths.edges[0].kind',
    ]);
    for (const p of problems) {
      expect(p.file).toBe(LAYOUT_FILE);
      expect(p.expected).not.toMatch(/Invalid|received/);
    }
  });

  it('reports the problems of a scenario and of its invalid layout together, each under its own file', async () => {
    const l = layoutFixture() as Json;
    l.paths.edges[0].to = 'n-nowhere';
    const s = scenarioFixture() as Json;
    s.orders[0].product = 'nothing-like-it';
    const result = await loadScenarioText(JSON.stringify(s), SCENARIO_FILE, resolverFor(JSON.stringify(l)));
    const problems = problemsOf(result).map((p) => `${p.file} ${p.path}`);
    expect(problems).toContain(`${SCENARIO_FILE} orders[0].product`);
    expect(problems).toContain(`${LAYOUT_FILE} paths.edges[0].to`);
  });

  it('never returns a half-loaded plant: a single error means no value at all', async () => {
    const s = scenarioFixture() as Json;
    s.transport.default = 'tugger';
    const result = await loadScenarioText(JSON.stringify(s), SCENARIO_FILE, resolverFor(validLayoutText));
    expect(result.ok).toBe(false);
    expect('value' in result).toBe(false);
  });
});

describe('loading valid plant files', () => {
  it('loads the fixtures with no problems and no warnings, with defaults filled in', async () => {
    const result = await loadScenarioText(JSON.stringify(scenarioFixture()), SCENARIO_FILE, resolverFor(validLayoutText));
    expect(problemsOf(result)).toEqual([]);
    if (!result.ok) return;
    expect(result.warnings).toEqual([]);
    expect(result.value.layoutFile).toBe(LAYOUT_FILE);
    expect(result.value.scenarioFile).toBe(SCENARIO_FILE);
    expect(result.value.scenario?.orders[0]?.priority).toBe(5);
    expect(result.value.layout.paths.edges[0]?.kind).toBe('aisle');
  });

  it('detects a layout by its format and loads it alone', async () => {
    const result = await loadPlantFile(validLayoutText, LAYOUT_FILE, resolverFor(validLayoutText));
    expect(result.ok && result.value.scenario).toBe(undefined);
    expect(result.ok && result.value.layout.id).toBe('small-plant');
  });

  it('reads a byte order mark as nothing', () => {
    expect(loadLayoutText(`\uFEFF${validLayoutText}`, LAYOUT_FILE).ok).toBe(true);
  });

  it('lets footprints touch and rotated footprints fit beside each other', () => {
    const l = layoutFixture() as LayoutInput & Json;
    // laser-1 spans x 3–7; press-1 (3 × 3) centred at 8.5 spans 7–10: edges touch.
    machines(l, 0)[1]!.position.x = 8.5;
    // paint-1 is 6 × 3; turned a quarter it is 3 wide and 6 deep, centred at 20 it spans x 18.5–21.5.
    machines(l, 1)[0]!.rotation = 90;
    machines(l, 1)[0]!.position.y = 4;
    const result = loadLayoutText(JSON.stringify(l), LAYOUT_FILE);
    expect(problemsOf(result)).toEqual([]);
  });

  it('warns about, but loads, equipment that overhangs the floor, nodes under other equipment and unused routings', async () => {
    const l = layoutFixture() as Json;
    machines(l, 0)[0]!.position.y = 1;
    l.paths.nodes.push({ id: 'n-under', position: { x: 20, y: 5 } });
    l.paths.edges.push({ from: 'n-paint', to: 'n-under' });
    const s = scenarioFixture() as Json;
    s.routings.push({ id: 'r-spare', operations: [{ id: 'pack', equipment: [{ equipment: 'pack-1', time: { type: 'constant', value: 1 } }] }] });
    const result = await loadScenarioText(JSON.stringify(s), SCENARIO_FILE, resolverFor(JSON.stringify(l)));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings.map((w) => `${w.file} ${w.path}`).sort()).toEqual([
      `${LAYOUT_FILE} paths.nodes[4].position`,
      `${LAYOUT_FILE} site.areas[0].lines[0].cells[0].equipment[0].position`,
      `${SCENARIO_FILE} routings[1]`,
    ]);
    expect(formatProblem(result.warnings.find((w) => w.path === 'paths.nodes[4].position')!)).toContain("inside 'paint-1'");
  });

  it('warns about, but loads, a calendar without working time that nothing uses (one in use is an error)', async () => {
    const s = scenarioFixture() as Json;
    s.calendars.push({ id: 'weekend', shifts: [{ name: 'sat', days: ['sat'], start: '06:00', end: '14:00' }] });
    s.experiment.horizon = 5 * 1440;
    const result = await loadScenarioText(JSON.stringify(s), SCENARIO_FILE, resolverFor(validLayoutText));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings.map(formatProblem)).toEqual([
      `${SCENARIO_FILE}: calendars[1]: expected a calendar with working time within the experiment horizon, found no working minutes from 2026-11-30 to 2026-12-05 (the calendar is not used) — its shifts run on sat; check the days, the breaks and the holidays, or lengthen experiment.horizon`,
    ]);
  });

  it('warns when an uninterruptible operation fits on some of its equipment only', async () => {
    const s = scenarioFixture() as Json;
    Object.assign(op(s, 1), { uninterruptible: true });
    op(s, 1).equipment = [{ equipment: 'press-1', time: { type: 'constant', value: 30 } }, { equipment: 'laser-1', time: { type: 'constant', value: 50 } }];
    op(s, 1).capability = undefined;
    const result = await loadScenarioText(JSON.stringify(s), SCENARIO_FILE, resolverFor(validLayoutText));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings.map((w) => `${w.path}: ${w.found}`)).toEqual([
      "routings[0].operations[1].uninterruptible: too long for the largest order (10 units) on 'laser-1' ('press-1 300 min in 450 min window', 'laser-1 500 min in 450 min window')",
    ]);
  });

  it('warns when an uninterruptible run fits a crew’s shifts on some of its equipment only', async () => {
    const s = scenarioFixture() as Json;
    Object.assign(op(s, 1), { uninterruptible: true, runSkill: 'bender' });
    op(s, 1).equipment = [{ equipment: 'press-1', time: { type: 'constant', value: 20 } }, { equipment: 'laser-1', time: { type: 'constant', value: 20 } }];
    op(s, 1).capability = undefined;
    s.calendars.push({ id: 'nights', shifts: [{ name: 'n', days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '22:00', end: '06:00' }] });
    s.equipmentCalendars.overrides = { 'laser-1': 'nights' };
    s.operators.push({ id: 'benders', count: 1, skills: ['bender'], calendar: 'two-shift' });
    const result = await loadScenarioText(JSON.stringify(s), SCENARIO_FILE, resolverFor(validLayoutText));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings.map((w) => `${w.path}: ${w.found}`)).toEqual([
      "routings[0].operations[1].runSkill: too short on 'laser-1' ('press-1 200 min in 450 min window', 'laser-1 200 min in 0 min window'; the crews' longest shifts: 'benders 450 min')",
    ]);
  });
});
