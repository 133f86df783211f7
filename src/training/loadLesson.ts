import { Findings } from '../model/findings.ts';
import { parseJsonText } from '../model/jsonText.ts';
import type { Loaded, Problem } from '../model/problem.ts';
import { renderFound } from '../model/render.ts';
import { salvage, salvagedProblems } from '../model/salvage.ts';
import { zodProblems } from '../model/zodProblems.ts';
import { LessonAnswers } from './answersSchema.ts';
import { HIGHLIGHT_KPIS, Lesson, type Highlight } from './lessonSchema.ts';

export const LESSON_FORMAT = 'plant-twin/lesson';
export const ANSWERS_FORMAT = 'plant-twin/lesson-answers';

/** Estimate KPIs by source: a recording has states only; a scenario run has orders, setups and WIP too. */
export const RECORDING_ESTIMATES = new Set(['availability', 'stopped-minutes', 'longest-stop-minutes']);
export const SCENARIO_ESTIMATES = new Set(['oee', 'availability', 'utilisation', 'late-orders', 'wip-lots', 'setup-minutes']);
const MACHINE_ESTIMATES = new Set(['oee', 'availability', 'utilisation']);

const ms = (iso: string): number => Date.parse(iso);

/**
 * Checks a lesson that need no plant: unique ids, references between its own parts, times in
 * order, what a recording lesson cannot hold. Equipment, products and time windows are checked
 * against the scenario or recording by lessonSourceChecks.ts.
 */
export function checkLesson(lesson: Lesson, f: Findings): void {
  f.unique(lesson.steps, (s) => s.id, (i) => `steps[${i}].id`, 'a step id');
  f.unique(lesson.events, (e) => e.id, (i) => `events[${i}].id`, 'an event id');
  f.unique(lesson.decisions, (d) => d.id, (i) => `decisions[${i}].id`, 'a decision id');
  f.unique(lesson.alarms, (a) => a.id, (i) => `alarms[${i}].id`, 'an alarm rule id');
  f.unique(lesson.scoring.kpis, (k) => k.kpi, (i) => `scoring.kpis[${i}].kpi`, 'a KPI');
  const recording = lesson.source.kind === 'recording';
  const alarmIds = new Set(lesson.alarms.map((a) => a.id));
  const checkHighlights = (list: readonly Highlight[], path: string): void => list.forEach((h, i) => {
    if (h.kind === 'kpi' && !(HIGHLIGHT_KPIS as readonly string[]).includes(h.id)) {
      f.error(`${path}[${i}].id`, `a KPI name: ${HIGHLIGHT_KPIS.join(', ')}`, renderFound(h.id));
    }
    if (h.kind === 'alarm') f.reference(`${path}[${i}].id`, h.id, alarmIds, 'the id of an alarm rule of this lesson', 'alarm rule');
  });
  const end = lesson.end ? ms(lesson.end) : Infinity;
  const beforeEnd = (iso: string, path: string): void => {
    if (ms(iso) > end) f.error(path, `a time at or before the lesson's end (${lesson.end})`, renderFound(iso));
  };
  lesson.steps.forEach((s, i) => {
    beforeEnd(s.at, `steps[${i}].at`);
    checkHighlights(s.highlight, `steps[${i}].highlight`);
  });
  if (recording && lesson.events.length > 0) {
    f.error('events', 'no injected events in a lesson on a recording (what happened is recorded)', `a list of ${lesson.events.length}`, 'base the lesson on a scenario to inject events');
  }
  lesson.events.forEach((e, i) => {
    beforeEnd(e.at, `events[${i}].at`);
    if (e.kind === 'rush-order' && ms(e.order.due) <= ms(e.at)) {
      f.error(`events[${i}].order.due`, `a due date after the order arrives (${e.at})`, renderFound(e.order.due));
    }
  });
  const rushEvents = new Map(lesson.events.flatMap((e, i) => (e.kind === 'rush-order' ? [[e.id, i] as const] : [])));
  const judged = new Map<string, number>();
  lesson.decisions.forEach((d, i) => {
    const path = `decisions[${i}]`;
    checkHighlights(d.highlight, `${path}.highlight`);
    if ('at' in d) beforeEnd(d.at, `${path}.at`);
    if ('until' in d && d.until !== undefined && ms(d.until) <= ms(d.at)) {
      f.error(`${path}.until`, `a time after the decision (${d.at})`, renderFound(d.until));
    }
    const onRecording = d.kind === 'mark-stop' || (d.kind === 'estimate' && RECORDING_ESTIMATES.has(d.kpi));
    const onScenario = d.kind !== 'mark-stop' && (d.kind !== 'estimate' || SCENARIO_ESTIMATES.has(d.kpi));
    if (recording && !onRecording) {
      const what = d.kind === 'estimate' ? `an estimate of ${[...RECORDING_ESTIMATES].join(', ')}` : 'mark-stop or estimate';
      f.error(`${path}${d.kind === 'estimate' ? '.kpi' : '.kind'}`, `on a recording, ${what}`, renderFound(d.kind === 'estimate' ? d.kpi : d.kind),
        'a recording can be read, not changed: plant decisions need a scenario');
    } else if (!recording && !onScenario) {
      const what = d.kind === 'estimate' ? `an estimate of ${[...SCENARIO_ESTIMATES].join(', ')}` : 'a decision other than mark-stop';
      f.error(`${path}${d.kind === 'estimate' ? '.kpi' : '.kind'}`, `on a scenario, ${what}`, renderFound(d.kind === 'estimate' ? d.kpi : d.kind),
        'mark-stop and stop minutes are questions about a recording');
    }
    if (d.kind === 'estimate' && MACHINE_ESTIMATES.has(d.kpi) && d.equipment === undefined && !recording) {
      f.error(`${path}.equipment`, `the machine whose ${d.kpi} is estimated`, 'nothing');
    }
    if (d.kind === 'rush-order') {
      if (f.reference(`${path}.event`, d.event, rushEvents, 'the id of a rush-order event of this lesson', 'rush-order event')) {
        const earlier = judged.get(d.event);
        if (earlier !== undefined) f.error(`${path}.event`, 'a rush order no other decision judges', `${renderFound(d.event)}, already judged by decisions[${earlier}]`);
        else judged.set(d.event, i);
      }
    }
    if (d.kind === 'reroute') {
      if (d.to.includes(d.from)) f.error(`${path}.to`, `machines other than "from" (${d.from})`, renderFound(d.from));
      f.unique(d.to, (id) => id, (k) => `${path}.to[${k}]`, 'a machine');
    }
    if (d.kind === 'dispatching-rule') f.unique(d.options, (r) => r, (k) => `${path}.options[${k}]`, 'a rule');
    if (d.kind === 'sequence') {
      f.unique(d.candidates, (c) => c.id, (k) => `${path}.candidates[${k}].id`, 'a candidate id');
      d.candidates.forEach((c, k) => f.unique(c.sequence, (v) => v, (j) => `${path}.candidates[${k}].sequence[${j}]`, 'a value'));
    }
    d.hints.forEach((h, k) => {
      if (h.cost > d.points) f.error(`${path}.hints[${k}].cost`, `at most the decision's points (${d.points})`, String(h.cost));
    });
  });
  lesson.alarms.forEach((a, i) => {
    if (a.points > 0 && a.respondWithin === undefined) {
      f.error(`alarms[${i}].respondWithin`, 'the minutes to acknowledge in, since the alarm is scored (points > 0)', 'nothing');
    }
    if (recording && a.kind === 'order-at-risk') {
      f.error(`alarms[${i}].kind`, 'machine-down or stale-data on a recording (it has no orders)', renderFound(a.kind));
    }
  });
}

/** Parses and checks a lesson file on its own (no plant); lessonSourceChecks.ts adds the checks against its source. */
export function loadLessonText(text: string, file: string): Loaded<Lesson> {
  const json = parseJsonText(text, file);
  if (!json.ok) return json;
  return validateLesson(json.value, file);
}

export function validateLesson(data: unknown, file: string): Loaded<Lesson> {
  const formatProblem = wrongFormat(data, file, LESSON_FORMAT);
  if (formatProblem) return { ok: false, problems: [formatProblem] };
  const parsed = Lesson.safeParse(data);
  if (!parsed.success) {
    const problems = zodProblems(parsed.error.issues, data, Lesson, file);
    const rest = salvage(Lesson, data, parsed.error.issues);
    if (rest) {
      const f = new Findings(file);
      checkLesson(rest.value, f);
      problems.push(...salvagedProblems(f.errors, rest));
    }
    return { ok: false, problems };
  }
  const f = new Findings(file);
  checkLesson(parsed.data, f);
  return f.result(parsed.data);
}

export function loadAnswersText(text: string, file: string): Loaded<LessonAnswers> {
  const json = parseJsonText(text, file);
  if (!json.ok) return json;
  const formatProblem = wrongFormat(json.value, file, ANSWERS_FORMAT);
  if (formatProblem) return { ok: false, problems: [formatProblem] };
  const parsed = LessonAnswers.safeParse(json.value);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error.issues, json.value, LessonAnswers, file) };
  const f = new Findings(file);
  f.unique(parsed.data.answers, (a) => a.decision, (i) => `answers[${i}].decision`, 'a decision answered once');
  return f.result(parsed.data);
}

/** A file of another kind gets one problem naming it, instead of every field it lacks. */
function wrongFormat(data: unknown, file: string, format: string): Problem | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { file, path: '', expected: `a JSON object with "format": "${format}"`, found: renderFound(data) };
  }
  const found = (data as { format?: unknown }).format;
  if (found === format || found === undefined) return undefined;
  const other = [LESSON_FORMAT, ANSWERS_FORMAT].find((x) => x === found);
  const hint = other ? `this is a ${other === LESSON_FORMAT ? 'lesson' : 'lesson answers file'}, not a ${format === LESSON_FORMAT ? 'lesson' : 'lesson answers file'}` : undefined;
  return { file, path: 'format', expected: JSON.stringify(format), found: renderFound(found), ...(hint ? { hint } : {}) };
}
