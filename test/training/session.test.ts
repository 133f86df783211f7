import { beforeAll, describe, expect, it } from 'vitest';
import type { Plant } from '../../src/model/load.ts';
import { formatProblem } from '../../src/model/problem.ts';
import type { LessonAnswers } from '../../src/training/answersSchema.ts';
import { LessonPlant } from '../../src/training/lessonPlant.ts';
import { runLesson } from '../../src/training/lessonRun.ts';
import { Lesson } from '../../src/training/lessonSchema.ts';
import { loadLessonFile, playLesson, type LessonSource } from '../../src/training/lessonSource.ts';
import type { PlantChoice } from '../../src/training/plantChoice.ts';
import { scoreAnswers } from '../../src/training/scoreAnswers.ts';
import { lessonFixture, memoryFiles, recordingLessonFixture } from './lessonFixture.ts';

async function load(input: unknown): Promise<{ lesson: Lesson; source: LessonSource }> {
  const loaded = await loadLessonFile(JSON.stringify(input), 'lesson.json', memoryFiles());
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  return loaded.value;
}

const minute = (h: number, m = 0): number => h * 60 + m;

describe('a scenario lesson run', () => {
  let lesson: Lesson;
  let plant: Plant;
  beforeAll(async () => {
    const loaded = await load(lessonFixture());
    lesson = loaded.lesson;
    plant = (loaded.source as Extract<LessonSource, { kind: 'scenario' }>).plant;
  });

  it('injects a breakdown: the machine is down from its time for its duration', () => {
    const lp = new LessonPlant(lesson, plant);
    const down = (at: number) => {
      const { run } = runLesson(lp, { choices: new Map(), until: at, replication: 0 });
      return run.machines[run.plant.equipmentIndex.get('mill-1')!]!.down;
    };
    expect([down(minute(8, 59)), down(minute(9, 1)), down(minute(9, 59)), down(minute(10, 1))]).toEqual([0, 1, 1, 0]);
  });

  it('holds material: no lot of the product starts the operation while it is short', () => {
    const lp = new LessonPlant(lesson, plant);
    const { result } = runLesson(lp, { choices: new Map(), until: lp.end, replication: 0, trace: true });
    const t = result.trace!;
    const mill = t.operations.indexOf('mill');
    const p2Orders = new Set(['o2'].map((id) => t.orders.indexOf(id)));
    const loadsInHold: number[] = [];
    const loadsOfP2: number[] = [];
    for (let i = 0; i < t.loadTime.length; i++) {
      if (t.loadOperation[i] !== mill || !p2Orders.has(t.lotOrder[t.loadLot[i]!]!)) continue;
      loadsOfP2.push(t.loadTime[i]!);
      if (t.loadTime[i]! >= minute(7) && t.loadTime[i]! < minute(8)) loadsInHold.push(t.loadTime[i]!);
    }
    expect(loadsOfP2.length).toBeGreaterThan(0);
    expect(loadsInHold).toEqual([]);
  });

  it('is a pure function of the choices and the replication, identical up to each decision whatever is chosen there', () => {
    const lp = new LessonPlant(lesson, plant);
    const a = runLesson(lp, { choices: new Map(), until: lp.end, replication: 1, trace: true });
    const b = runLesson(lp, { choices: new Map(), until: lp.end, replication: 1, trace: true });
    expect(b.result.orders).toEqual(a.result.orders);
    const rerouted = new Map<string, PlantChoice>([['reroute', { kind: 'reroute', to: 'mill-2' }]]);
    const c = runLesson(lp, { choices: rerouted, until: lp.end, replication: 1, trace: true });
    const at = minute(9, 5);
    const before = (r: typeof a) => Array.from(r.result.trace!.stateTime).filter((x) => x <= at).length;
    expect(before(c)).toBe(before(a));
    expect(Array.from(c.result.trace!.stateCode).slice(0, before(a))).toEqual(Array.from(a.result.trace!.stateCode).slice(0, before(a)));
    expect(c.result.equipment.map((e) => e.unitsProcessed)).not.toEqual(a.result.equipment.map((e) => e.unitsProcessed));
  });

  it('a refused rush order is not made and counts as refused; an accepted one is released at its time', () => {
    const lp = new LessonPlant(lesson, plant);
    const accepted = runLesson(lp, { choices: new Map([['take', { kind: 'rush-order', accept: true }]]), until: lp.end, replication: 0 });
    const refused = runLesson(lp, { choices: new Map([['take', { kind: 'rush-order', accept: false }]]), until: lp.end, replication: 0 });
    const rush = accepted.result.orders.find((o) => o.id === 'r1');
    expect(rush?.released).toBe(20);
    expect(refused.result.orders.some((o) => o.id === 'r1')).toBe(false);
    expect([accepted.refused, refused.refused]).toEqual([[], ['rush']]);
  });
});

describe('playing a lesson', () => {
  it('pauses at steps and decisions in time order, judges each decision and repeats its score for the same answers', async () => {
    const { lesson, source } = await load(lessonFixture());
    const answers: LessonAnswers = {
      format: 'plant-twin/lesson-answers', version: 1, lesson: lesson.id, trainee: 'T', alarms: [],
      answers: [], // filled below from the options offered
    };
    const play = playLesson(lesson, source);
    const kinds: string[] = [];
    for (;;) {
      const v = play.view();
      kinds.push(v.kind === 'decision' ? v.decision!.id : v.kind);
      if (v.kind === 'end') break;
      if (v.kind === 'step') { play.next(); continue; }
      const d = v.decision!;
      const choice = d.kind === 'estimate' ? 40 : d.kind === 'sequence' ? ['black', 'white'] : d.options[d.options.length - 1]!.id;
      const answer = { decision: d.id, choice, hints: 0, seconds: 5 };
      answers.answers.push(answer);
      const r = play.answer(answer);
      if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
      if (d.moot) expect(r.feedback.points).toBeNull();
      else expect(r.feedback.points!.earned).toBeLessThanOrEqual(d.points);
      if (r.feedback.outcomes) {
        const best = Math.min(...r.feedback.outcomes.map((o) => o.cost));
        expect(r.feedback.outcomes.find((o) => o.option === r.feedback.best)!.cost).toBe(best);
      }
    }
    expect(kinds).toEqual(['step', 'next', 'reroute', 'take', 'rule', 'campaign', 'bn', 'oee', 'end']);
    const first = play.report('T', []);
    const again = scoreAnswers(lesson, playLesson(lesson, source), answers, 'answers.json');
    expect(again.ok && again.report.totals).toEqual(first.totals);
    expect(again.ok && again.report.decisions.map((d) => d.points)).toEqual(first.decisions.map((d) => d.points));
  });

  it('refuses an answer to the wrong decision or an option not offered, naming the choices', async () => {
    const { lesson, source } = await load(lessonFixture());
    const play = playLesson(lesson, source);
    play.next();
    expect(play.view().decision?.options.map((o) => o.id)).toEqual(['o3', 'o2']);
    const wrong = play.answer({ decision: 'rule', choice: 'EDD', hints: 0, seconds: 0 }, { file: 'a.json', path: 'answers[0]' });
    expect(wrong.ok ? [] : wrong.problems.map(formatProblem)).toEqual(['a.json: answers[0].decision: expected an answer to decision "next" (the next one), found "rule"']);
    const bad = play.answer({ decision: 'next', choice: 'o9', hints: 0, seconds: 0 }, { file: 'a.json', path: 'answers[0]' });
    expect(bad.ok ? '' : formatProblem(bad.problems[0]!)).toMatch(/^a\.json: answers\[0\]\.choice: expected one of the options: .*found "o9"/);
  });

  it('reports answers for decisions the lesson lacks, and decisions without answers, before playing', async () => {
    const { lesson, source } = await load(lessonFixture());
    const answers: LessonAnswers = {
      format: 'plant-twin/lesson-answers', version: 1, lesson: 'other', trainee: 'T', alarms: [],
      answers: [{ decision: 'nxet', choice: 'o1', hints: 0, seconds: 0 }],
    };
    const r = scoreAnswers(lesson, playLesson(lesson, source), answers, 'a.json');
    const lines = r.ok ? [] : r.problems.map(formatProblem);
    expect(lines[0]).toContain('a.json: lesson: expected the id of the lesson scored ("small-lesson"), found "other"');
    expect(lines[1]).toContain("a.json: answers[0].decision: expected the id of a decision of the lesson, found \"nxet\" — did you mean 'next'?");
    expect(lines[2]).toContain('a.json: answers: expected an answer to every decision of the lesson, found none for "next", "reroute"');
  });
});

describe('a recording lesson', () => {
  it('judges the marked stop and the minutes lost against the recording, and scores the stale-data alarm by response time', async () => {
    const { lesson, source } = await load(recordingLessonFixture());
    const answers: LessonAnswers = {
      format: 'plant-twin/lesson-answers', version: 1, lesson: lesson.id, trainee: 'T',
      answers: [
        { decision: 'stop', choice: { from: '2026-11-30T06:30:00Z', to: '2026-11-30T06:45:00Z' }, hints: 0, seconds: 0 },
        { decision: 'lost', choice: 25, hints: 0, seconds: 0 },
      ],
      alarms: [{ alarm: 'nodata/saw/1', action: 'acknowledge', at: '2026-11-30T06:42:30Z' }],
    };
    const r = scoreAnswers(lesson, playLesson(lesson, source), answers, 'a.json');
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
    const [stop, lost] = r.report.decisions;
    expect(stop!.tool!.answer).toBe('2026-11-30T06:30:00.000Z to 2026-11-30T06:50:00.000Z');
    expect(stop!.points!.quality).toBeCloseTo(15 / 20);
    expect(lost!.tool!.value).toBe(30);
    expect(lost!.points!.quality).toBeCloseTo(0.5);
    expect(r.report.alarms).toEqual([expect.objectContaining({ alarm: 'nodata/saw/1', response: 7.5, earned: 5 })]);
  });
});
