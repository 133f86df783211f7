import { describe, expect, it } from 'vitest';
import { formatProblem, type Problem } from '../../src/model/problem.ts';
import { loadLessonFile } from '../../src/training/lessonSource.ts';
import { loadAnswersText } from '../../src/training/loadLesson.ts';
import { smallLayout } from '../fixtures/smallPlant.ts';
import { lessonFixture, memoryFiles, recordingLessonFixture } from './lessonFixture.ts';

// Loosely typed views of the fixtures, so a row can break them in ways the types forbid.
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const FILE = 'lessons/small-lesson.json';

interface Row {
  name: string;
  /** Which fixture the row breaks (the scenario lesson by default). */
  base?: 'scenario' | 'recording';
  mutate?: (lesson: Json) => void;
  text?: string;
  /** Files beside the fixtures. */
  files?: Record<string, string>;
  path: string;
  message: string;
}

async function problemsOf(row: Row): Promise<Problem[]> {
  let text = row.text;
  if (text === undefined) {
    const lesson = (row.base === 'recording' ? recordingLessonFixture() : lessonFixture()) as Json;
    row.mutate?.(lesson);
    text = JSON.stringify(lesson, null, 2);
  }
  const loaded = await loadLessonFile(text, FILE, memoryFiles(row.files));
  return loaded.ok ? [] : loaded.problems;
}

const layoutWithout = (id: string): string => {
  const layout = structuredClone(smallLayout) as Json;
  for (const area of layout.site.areas) for (const line of area.lines) for (const cell of line.cells) cell.equipment = cell.equipment.filter((e: Json) => e.id !== id);
  layout.paths.nodes = layout.paths.nodes.filter((n: Json) => n.equipment !== id);
  layout.paths.edges = layout.paths.edges.filter((e: Json) => e.from !== `n-${id}` && e.to !== `n-${id}`);
  return JSON.stringify(layout);
};

const decision = (l: Json, id: string): Json => l.decisions.find((d: Json) => d.id === id);
const event = (l: Json, id: string): Json => l.events.find((e: Json) => e.id === id);

const rows: Row[] = [
  // JSON and format
  { name: 'a trailing comma', text: '{\n  "format": "plant-twin/lesson",\n}', path: 'line 3 column 1', message: 'remove the comma before' },
  { name: 'an answers file opened as a lesson', text: '{ "format": "plant-twin/lesson-answers" }', path: 'format', message: 'this is a lesson answers file, not a lesson' },
  { name: 'a list instead of a lesson', text: '[]', path: '', message: 'found an empty list' },
  // schema
  { name: 'a newer version', mutate: (l) => { l.version = 2; }, path: 'version', message: 'expected 1, found 2' },
  { name: 'no decisions', mutate: (l) => { l.decisions = []; }, path: 'decisions', message: 'found an empty list' },
  { name: 'an unknown event kind', mutate: (l) => { event(l, 'jam').kind = 'fire'; }, path: 'events[0].kind', message: 'found "fire"' },
  { name: 'a misspelt decision key', mutate: (l) => { const d = decision(l, 'next'); d.equipmnet = d.equipment; delete d.equipment; }, path: 'decisions[0].equipmnet', message: "did you mean 'equipment'?" },
  { name: 'a time without an offset', mutate: (l) => { l.steps[0].at = '2026-11-30T06:30'; }, path: 'steps[0].at', message: 'an ISO 8601 date-time with an offset' },
  { name: 'a negative breakdown', mutate: (l) => { event(l, 'jam').duration = -5; }, path: 'events[0].duration', message: 'found -5' },
  { name: 'an unknown dispatching rule', mutate: (l) => { decision(l, 'rule').options = ['FIFO', 'LIFO']; }, path: 'decisions[3].options[1]', message: 'found "LIFO"' },
  { name: 'an unknown alarm priority', mutate: (l) => { l.alarms[0].priority = 'urgent'; }, path: 'alarms[0].priority', message: 'found "urgent"' },
  { name: 'a weight of zero', mutate: (l) => { l.scoring.kpis[0].weight = 0; }, path: 'scoring.kpis[0].weight', message: 'found 0' },
  // the lesson's own references and times
  { name: 'two decisions with one id', mutate: (l) => { decision(l, 'rule').id = 'next'; }, path: 'decisions[3].id', message: 'already used at decisions[0].id' },
  { name: 'a rush decision naming another event', mutate: (l) => { decision(l, 'take').event = 'jam'; }, path: 'decisions[2].event', message: 'found "jam"' },
  { name: 'a choice that ends before it starts', mutate: (l) => { decision(l, 'reroute').until = '2026-11-30T09:00:00Z'; }, path: 'decisions[1].until', message: 'a time after the decision' },
  { name: 'a rush order due before it arrives', mutate: (l) => { event(l, 'rush').order.due = '2026-11-30T09:00:00Z'; }, path: 'events[1].order.due', message: 'a due date after the order arrives' },
  { name: 'a reroute to the same machine', mutate: (l) => { decision(l, 'reroute').to = ['mill-1']; }, path: 'decisions[1].to', message: 'machines other than "from"' },
  { name: 'a hint dearer than the decision', mutate: (l) => { decision(l, 'take').hints[0].cost = 500; }, path: 'decisions[2].hints[0].cost', message: "at most the decision's points (100)" },
  { name: 'a scored alarm without a time to respond', mutate: (l) => { delete l.alarms[0].respondWithin; }, path: 'alarms[0].respondWithin', message: 'since the alarm is scored' },
  { name: 'a highlight of an unknown KPI', mutate: (l) => { l.steps[0].highlight[1].id = 'happiness'; }, path: 'steps[0].highlight[1].id', message: 'found "happiness"' },
  { name: 'a highlight of an unknown alarm', mutate: (l) => { l.steps[0].highlight.push({ kind: 'alarm', id: 'fire' }); }, path: 'steps[0].highlight[2].id', message: 'the id of an alarm rule of this lesson' },
  { name: 'a recording question on a scenario', mutate: (l) => { decision(l, 'oee').kpi = 'stopped-minutes'; }, path: 'decisions[6].kpi', message: 'on a scenario, an estimate of' },
  { name: 'a machine estimate without a machine', mutate: (l) => { delete decision(l, 'oee').equipment; }, path: 'decisions[6].equipment', message: 'the machine whose oee is estimated' },
  { name: 'a step after the lesson ends', mutate: (l) => { l.end = '2026-11-30T12:30:00Z'; l.steps[0].at = '2026-11-30T13:00:00Z'; }, path: 'steps[0].at', message: "a time at or before the lesson's end" },
  // against the scenario
  { name: 'a scenario that is not there', mutate: (l) => { l.source.scenario = 'nowhere.json'; }, path: 'source.scenario', message: 'there is no file' },
  { name: 'an unknown machine', mutate: (l) => { event(l, 'jam').equipment = 'mill-3'; }, path: 'events[0].equipment', message: "did you mean 'mill-1'?" },
  { name: 'an event after the horizon', mutate: (l) => { event(l, 'quiet').at = '2026-12-10T08:00:00Z'; }, path: 'events[4].at', message: 'a time within the scenario' },
  { name: 'a rush order of an unknown product', mutate: (l) => { event(l, 'rush').order.product = 'p9'; }, path: 'events[1].order.product', message: 'a product id of the scenario' },
  { name: 'a rush order with a taken id', mutate: (l) => { event(l, 'rush').order.id = 'o1'; }, path: 'events[1].order.id', message: 'an order id the scenario does not use' },
  { name: 'a shortage at an operation the routing lacks', mutate: (l) => { event(l, 'no-paint').operation = 'paint'; }, path: 'events[2].operation', message: 'an operation of the routing of p2 (cut, mill, bake)' },
  { name: 'more operators absent than the pool has', mutate: (l) => { event(l, 'sick').count = 3; }, path: 'events[3].count', message: "at most the pool's 2 operators" },
  { name: 'an unknown operator pool', mutate: (l) => { event(l, 'sick').pool = 'crow'; }, path: 'events[3].pool', message: "did you mean 'crew'?" },
  { name: 'next job on batch equipment', mutate: (l) => { decision(l, 'next').equipment = 'oven'; }, path: 'decisions[0].equipment', message: 'its batches are formed by the batching rule' },
  { name: 'a reroute to a machine that shares no operation', mutate: (l) => { decision(l, 'reroute').to = ['saw']; }, path: 'decisions[1].to[0]', message: 'a machine eligible for an operation that mill-1 runs' },
  { name: 'a campaign on an attribute without a matrix', mutate: (l) => { decision(l, 'campaign').attribute = 'size'; }, path: 'decisions[4].attribute', message: 'an attribute of a setup matrix of mill-1 (colour)' },
  { name: 'a campaign value the matrix lacks', mutate: (l) => { decision(l, 'campaign').candidates[0].sequence = ['white', 'red']; }, path: 'decisions[4].candidates[0].sequence[1]', message: 'a key of setup matrix mill-colour (white, black)' },
  { name: 'a highlighted Gantt row of no machine', mutate: (l) => { l.steps[0].highlight.push({ kind: 'gantt-row', id: 'lathe' }); }, path: 'steps[0].highlight[2].id', message: 'an equipment id of the layout' },
  // recording lessons
  { name: 'events in a recording lesson', base: 'recording', mutate: (l) => { l.events = [{ id: 'jam', kind: 'breakdown', at: '2026-11-30T07:00:00Z', equipment: 'saw', duration: 5 }]; }, path: 'events', message: 'no injected events in a lesson on a recording' },
  { name: 'a plant decision on a recording', base: 'recording', mutate: (l) => { l.decisions.push({ id: 'bn', kind: 'identify-bottleneck', at: '2026-11-30T07:00:00Z', prompt: '?' }); }, path: 'decisions[2].kind', message: 'on a recording, mark-stop or estimate' },
  { name: 'orders at risk on a recording', base: 'recording', mutate: (l) => { l.alarms.push({ id: 'risk', kind: 'order-at-risk', priority: 'low' }); }, path: 'alarms[1].kind', message: 'machine-down or stale-data on a recording' },
  { name: 'a recording that is not there', base: 'recording', mutate: (l) => { l.source.recording = 'lathe.csv'; }, path: 'source.recording', message: 'there is no file lessons/lathe.csv' },
  { name: 'a question outside the recording', base: 'recording', mutate: (l) => { l.decisions[0].at = '2026-11-30T09:00:00Z'; l.end = undefined; }, path: 'decisions[0].at', message: 'a time within the recording' },
  { name: 'a layout that is not there', base: 'recording', mutate: (l) => { l.source.layout = 'other-layout.json'; }, path: 'source.layout', message: 'there is no file lessons/other-layout.json' },
  { name: 'a recorded machine the layout lacks', base: 'recording', mutate: (l) => { l.source.layout = 'sawless.json'; }, files: { 'sawless.json': layoutWithout('saw') }, path: 'source.equipment', message: 'the id in sawless.json of the recorded equipment, found "saw"' },
];

describe('broken lessons', () => {
  it.each(rows)('$name → $path', async (row) => {
    const problems = await problemsOf(row);
    const matching = problems.filter((p) => p.path === row.path);
    expect(matching, problems.map(formatProblem).join('\n')).not.toEqual([]);
    expect(matching.map(formatProblem).join('\n')).toContain(row.message);
    for (const p of problems) expect(p.file === FILE || p.file.endsWith('.json') || p.file.endsWith('.csv')).toBe(true);
  });

  it('the fixtures themselves load without problems', async () => {
    for (const lesson of [lessonFixture(), recordingLessonFixture()]) {
      const loaded = await loadLessonFile(JSON.stringify(lesson), FILE, memoryFiles());
      expect(loaded.ok ? [] : loaded.problems.map(formatProblem)).toEqual([]);
    }
  });

  it('a lesson with several problems lists them all in one pass', async () => {
    const lesson = lessonFixture() as Json;
    event(lesson, 'quiet').duration = 'long';
    decision(lesson, 'rule').id = 'next';
    const loaded = await loadLessonFile(JSON.stringify(lesson), FILE, memoryFiles());
    expect(loaded.ok ? [] : loaded.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['events[4].duration', 'decisions[3].id']));
  });
});

describe('broken answers', () => {
  const answers = (change: (a: Json) => void): string => {
    const a: Json = { format: 'plant-twin/lesson-answers', version: 1, lesson: 'small-lesson', trainee: 'T', answers: [{ decision: 'next', choice: 'o1' }] };
    change(a);
    return JSON.stringify(a);
  };
  it.each([
    { name: 'a decision answered twice', change: (a: Json) => { a.answers.push({ decision: 'next', choice: 'o2' }); }, path: 'answers[1].decision', message: 'already used at answers[0].decision' },
    { name: 'negative seconds', change: (a: Json) => { a.answers[0].seconds = -1; }, path: 'answers[0].seconds', message: 'found -1' },
    { name: 'a choice of the wrong type', change: (a: Json) => { a.answers[0].choice = true; }, path: 'answers[0].choice', message: 'found true' },
    { name: 'an unknown alarm action', change: (a: Json) => { a.alarms = [{ alarm: 'down/mill-1/1', action: 'silence', at: '2026-11-30T09:00:00Z' }]; }, path: 'alarms[0].action', message: 'found "silence"' },
  ])('$name → $path', ({ change, path, message }) => {
    const loaded = loadAnswersText(answers(change), 'answers.json');
    const problems = loaded.ok ? [] : loaded.problems;
    expect(problems.filter((p) => p.path === path).map(formatProblem).join('\n')).toContain(message);
  });
});
