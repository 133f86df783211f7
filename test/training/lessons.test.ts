import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fsLessonFiles } from '../../src/cli/fsLessonFiles.ts';
import { formatProblem } from '../../src/model/problem.ts';
import type { Answer, LessonAnswers } from '../../src/training/answersSchema.ts';
import { PLANT_DECISIONS, type Decision, type Lesson } from '../../src/training/lessonSchema.ts';
import { loadLessonFile, playLesson, type LessonSource } from '../../src/training/lessonSource.ts';
import { scoreAnswers } from '../../src/training/scoreAnswers.ts';
import type { DecisionFeedback, LessonReport, PauseView } from '../../src/training/sessionTypes.ts';

const DIR = 'scenarios/training';
const lessons = readdirSync(new URL(`../../${DIR}/`, import.meta.url)).filter((f) => f.endsWith('.json')).sort();

async function load(file: string): Promise<{ lesson: Lesson; source: LessonSource }> {
  const path = `${DIR}/${file}`;
  const loaded = await loadLessonFile(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'), path, fsLessonFiles);
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  return loaded.value;
}

/** The tool's own answer to a question, read from its feedback to a first try. */
function toolAnswer(d: Decision, f: DecisionFeedback): Answer['choice'] {
  if (d.kind === 'identify-bottleneck') return f.tool!.answer;
  if (d.kind === 'estimate') return f.tool!.value!;
  const [from, to] = f.tool!.answer.split(' to ');
  return { from: from!, to: to! };
}

function firstTry(view: PauseView): Answer['choice'] {
  const d = view.decision!;
  if (d.kind === 'estimate') return 0;
  if (d.kind === 'mark-stop') return { from: view.atIso, to: view.atIso.replace(/:\d\d(\.\d+)?Z$/, ':59Z') };
  return d.options[d.options.length - 1]?.id ?? 'none';
}

/** Plays a lesson with `choose` picking each answer; returns the answers given and the report. */
function playWith(lesson: Lesson, source: LessonSource, choose: (view: PauseView) => Answer['choice']): { answers: LessonAnswers; report: LessonReport } {
  const play = playLesson(lesson, source);
  const answers: LessonAnswers = { format: 'plant-twin/lesson-answers', version: 1, lesson: lesson.id, trainee: 'test', answers: [], alarms: [] };
  for (let v = play.view(); v.kind !== 'end'; v = play.view()) {
    if (v.kind === 'step') { play.next(); continue; }
    const answer: Answer = { decision: v.decision!.id, choice: choose(v), hints: 0, seconds: 1 };
    const r = play.answer(answer);
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
    answers.answers.push(answer);
  }
  return { answers, report: play.report('test', []) };
}

const decisionPoints = (r: LessonReport): number => r.decisions.reduce((s, d) => s + (d.points?.earned ?? 0), 0);

describe.each(lessons)('lesson %s', (file) => {
  it('offers something to decide at every decision, scores the tool\'s own answers highest, a worse one lower, and repeats its score', async () => {
    const { lesson, source } = await load(file);
    // A first try: the last option everywhere (or a wrong estimate), to learn the best answers.
    const first = playWith(lesson, source, firstTry);
    for (const d of first.report.decisions) expect(d.moot, `${d.decision}: ${d.moot}`).toBeUndefined();
    const best = new Map<string, Answer['choice']>();
    for (const d of first.report.decisions) {
      const decision = lesson.decisions.find((x) => x.id === d.decision)!;
      if (!PLANT_DECISIONS.includes(decision.kind)) best.set(d.decision, toolAnswer(decision, d));
    }
    for (const c of first.report.debrief?.best.choices ?? []) best.set(c.decision, c.option);
    expect(best.size).toBe(lesson.decisions.length);

    // The best run: every decision earns its full points (no hints taken, within the time limits).
    const top = playWith(lesson, source, (v) => best.get(v.decision!.id)!);
    for (const d of top.report.decisions) expect(d.points!.earned, d.decision).toBeCloseTo(d.points!.points, 6);
    expect(decisionPoints(top.report)).toBeGreaterThan(decisionPoints(first.report));

    // One worse answer where the first try found a costlier alternative (or a wrong estimate) scores lower.
    const d0 = top.report.decisions[0]!;
    const worse = d0.outcomes ? [...d0.outcomes].sort((a, b) => b.cost - a.cost)[0]!.option : first.answers.answers[0]!.choice;
    const lower = playWith(lesson, source, (v) => (v.decision!.id === d0.decision ? worse : best.get(v.decision!.id)!));
    expect(lower.report.decisions[0]!.points!.earned).toBeLessThan(d0.points!.earned);
    expect(lower.report.totals.earned).toBeLessThan(top.report.totals.earned);

    // The same answers, replayed headless as the CLI does, give the same score.
    const again = scoreAnswers(lesson, playLesson(lesson, source), top.answers, 'answers.json');
    if (!again.ok) throw new Error(again.problems.map(formatProblem).join('\n'));
    expect(again.report.totals).toEqual(top.report.totals);
    expect(again.report.decisions.map((d) => d.points)).toEqual(top.report.decisions.map((d) => d.points));
  }, 900_000);
});
