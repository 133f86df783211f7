import { unknownHint } from '../model/closest.ts';
import type { Problem } from '../model/problem.ts';
import type { LessonAnswers } from './answersSchema.ts';
import type { Lesson } from './lessonSchema.ts';
import type { LessonPlay, LessonReport } from './sessionTypes.ts';

/**
 * Plays a lesson headless with recorded answers: each decision gets its answer (hints and
 * seconds as recorded), the alarm actions are applied, and the report is the score the app
 * showed the trainee. Every answer must belong to a decision of the lesson, and every decision
 * needs one.
 */
export function scoreAnswers(lesson: Lesson, play: LessonPlay, answers: LessonAnswers, file: string): { ok: true; report: LessonReport } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  if (answers.lesson !== lesson.id) {
    problems.push({ file, path: 'lesson', expected: `the id of the lesson scored (${JSON.stringify(lesson.id)})`, found: JSON.stringify(answers.lesson), hint: 'these answers were given to another lesson' });
  }
  const ids = lesson.decisions.map((d) => d.id);
  const byDecision = new Map<string, number>();
  answers.answers.forEach((a, i) => {
    if (!ids.includes(a.decision)) problems.push({ file, path: `answers[${i}].decision`, expected: 'the id of a decision of the lesson', found: JSON.stringify(a.decision), hint: unknownHint(a.decision, ids, 'decision') });
    else byDecision.set(a.decision, i);
  });
  const unanswered = ids.filter((id) => !byDecision.has(id));
  if (unanswered.length) {
    problems.push({ file, path: 'answers', expected: 'an answer to every decision of the lesson', found: `none for ${unanswered.map((id) => JSON.stringify(id)).join(', ')}` });
  }
  if (problems.length) return { ok: false, problems };
  for (;;) {
    const view = play.view();
    if (view.kind === 'end') break;
    if (view.kind === 'step') {
      play.next();
      continue;
    }
    const i = byDecision.get(view.decision!.id)!;
    const result = play.answer(answers.answers[i]!, { file, path: `answers[${i}]` });
    if (!result.ok) return result;
  }
  const actions = play.alarmActions(answers.alarms, file);
  if (actions.problems.length) return { ok: false, problems: actions.problems };
  return { ok: true, report: play.report(answers.trainee, actions.actions) };
}
