import { formatProblem, type Problem } from '../model/problem.ts';
import { round } from '../training/feedback.ts';
import { KPI_LABELS, type LessonKpis } from '../training/lessonKpis.ts';
import { playLesson } from '../training/lessonSource.ts';
import { scoreAnswers } from '../training/scoreAnswers.ts';
import type { LessonReport } from '../training/sessionTypes.ts';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, type Command, type Output } from './command.ts';
import { loadInputFile } from './inputFile.ts';

function kpiText(k: LessonKpis): string {
  return (['on-time-orders', 'late-orders', 'setup-hours', 'wip-lots', 'good-units'] as const).map((key) => `${KPI_LABELS[key]} ${round(k[key])}`).join(', ');
}

/** The report as the trainee's printout: each decision with its points and what it did, the alarms, the total. */
export function reportText(r: LessonReport): string[] {
  const lines = [`Lesson ${r.lesson}: ${r.title}`, `Trainee: ${r.trainee}`, ''];
  r.decisions.forEach((d, i) => {
    const p = d.points;
    const score = p ? `${round(p.earned)} / ${p.points} points (quality ${round(p.quality * 100)} %${p.hintCost ? `, hints −${round(p.hintCost)}` : ''}${p.timePenalty ? `, time −${round(p.timePenalty)}` : ''})` : 'not scored';
    lines.push(`${i + 1}. ${d.decision} (${d.kind}): ${d.answer} — ${score}`);
    for (const line of d.lines) lines.push(`   ${line}`);
  });
  if (r.alarms.length > 0) {
    const earned = r.alarms.reduce((s, a) => s + a.earned, 0);
    const possible = r.alarms.reduce((s, a) => s + a.points, 0);
    const answered = r.alarms.filter((a) => a.response !== null).length;
    lines.push('', `Alarms: ${r.alarms.length} scored, ${answered} answered, ${round(earned)} / ${possible} points`);
    for (const a of r.alarms) lines.push(`   ${a.alarm} (${a.priority}): ${a.response === null ? 'not acknowledged' : `answered after ${round(a.response)} min`} — ${round(a.earned)} / ${a.points}`);
  }
  if (r.debrief) {
    lines.push('', `Your run: ${kpiText(r.debrief.trainee.kpis)}`, `Best run: ${kpiText(r.debrief.best.kpis)} (${r.debrief.best.choices.map((c) => `${c.decision} = ${c.option}`).join(', ')})`);
  }
  const t = r.totals;
  lines.push('', `Score: ${round(t.earned)} of ${round(t.possible)} points (${round(t.percent)} %) — ${t.passed ? 'passed' : 'not passed'}`);
  return lines;
}

function printProblems(problems: readonly Problem[], output: Output): void {
  for (const p of problems) output.err(formatProblem(p));
}

export const lessonCommand: Command = {
  name: 'lesson',
  summary: 'score a training lesson headless from a trainee\'s answers',
  usage: `Usage: plant-twin lesson score <lesson.json> --answers <answers.json> [--json]

Plays the lesson with the decisions, hints, decision times and alarm actions of the answers
file (as the app records them, "format": "plant-twin/lesson-answers") and prints each
decision's outcome and points, the alarms, and the score. A plant decision is judged by
simulating every alternative to the lesson's end with the same random numbers; the same
answers always give the same score, here and in the app.

Exit codes: 0 scored, 1 a file invalid or unreadable (one line per problem), 2 usage error.`,
  options: { answers: { type: 'string' }, json: { type: 'boolean' } },
  optionHelp: {
    answers: 'the answers file to score (required)',
    json: 'print the report as JSON: {"ok", "report"} or {"ok": false, "problems"}',
  },
  async run({ values, positionals }, output) {
    const [sub, lessonFile, ...extra] = positionals;
    if (sub !== 'score' || lessonFile === undefined || extra.length > 0 || typeof values.answers !== 'string') {
      output.err('plant-twin lesson: usage: plant-twin lesson score <lesson.json> --answers <answers.json> [--json] (see plant-twin lesson --help)');
      return EXIT_USAGE;
    }
    const fail = (problems: readonly Problem[]): number => {
      if (values.json) output.out(JSON.stringify({ ok: false, problems }, null, 2));
      else printProblems(problems, output);
      return EXIT_INVALID;
    };
    const lessonInput = await loadInputFile(lessonFile);
    if (lessonInput.problems.length) return fail(lessonInput.problems);
    if (lessonInput.value?.kind !== 'lesson') {
      return fail([{ file: lessonFile, path: 'format', expected: '"plant-twin/lesson"', found: `a ${lessonInput.kind} file` }]);
    }
    const answersInput = await loadInputFile(values.answers);
    if (answersInput.problems.length) return fail(answersInput.problems);
    if (answersInput.value?.kind !== 'lesson-answers') {
      return fail([{ file: values.answers, path: 'format', expected: '"plant-twin/lesson-answers"', found: `a ${answersInput.kind} file` }]);
    }
    const { lesson, source } = lessonInput.value;
    const scored = scoreAnswers(lesson, playLesson(lesson, source), answersInput.value.answers, values.answers);
    if (!scored.ok) return fail(scored.problems);
    if (values.json) output.out(JSON.stringify({ ok: true, report: scored.report }, null, 2));
    else for (const line of reportText(scored.report)) output.out(line);
    return EXIT_OK;
  },
};
