import type { Problem } from '../model/problem.ts';
import { indexRecording, recordedStateAt, type RecordingIndex } from '../live/recordingIndex.ts';
import { stateOfCode, type StateColumns } from '../live/stateColumns.ts';
import { stateKpis } from '../live/stateTimeline.ts';
import { checkAlarmActions } from './alarmActions.ts';
import type { AlarmActionAt } from './alarms.ts';
import type { AlarmAction, Answer } from './answersSchema.ts';
import { round } from './feedback.ts';
import { pausesOf, type Pause } from './lessonPlant.ts';
import type { Decision, Lesson } from './lessonSchema.ts';
import { longestStop, recordingAlarms, stopsOf, type Span } from './recordingStops.ts';
import { alarmScores, decisionPoints, estimateQuality, intervalQuality, totals } from './scoring.ts';
import type { AnswerPlace, AnswerResult, DecisionFeedback, DecisionView, LessonPlay, LessonReport, PauseView } from './sessionTypes.ts';

const MINUTE = 60_000;
const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * Plays a lesson on a recording: nothing can be changed, so every decision is a question about
 * what was recorded (where the machine stopped, for how long, its availability), judged against
 * the tool's own reading — the same state timeline and KPIs the app shows. Time zero is the
 * first recorded event floored to the minute, as in the app's replay.
 */
export class RecordingLessonSession implements LessonPlay {
  readonly recording: RecordingIndex;
  readonly zero: number;
  readonly endMs: number;
  readonly pauses: Pause[];
  private current = 0;
  private readonly feedback: DecisionFeedback[] = [];

  constructor(readonly lesson: Lesson, readonly columns: StateColumns) {
    this.recording = indexRecording(columns);
    if (Number.isNaN(this.recording.firstMs)) throw new Error('RecordingLessonSession: the recording holds no events');
    this.zero = Math.floor(this.recording.firstMs / MINUTE) * MINUTE;
    this.endMs = lesson.end ? Date.parse(lesson.end) : this.recording.lastMs;
    this.pauses = pausesOf(lesson, (t) => this.minute(Date.parse(t)), this.minute(this.endMs));
  }

  get pauseCount(): number {
    return this.pauses.length;
  }

  get startIso(): string {
    return iso(this.zero);
  }

  get index(): number {
    return this.current;
  }

  minute(ms: number): number {
    return (ms - this.zero) / MINUTE;
  }

  private ms(minute: number): number {
    return this.zero + minute * MINUTE;
  }

  view(): PauseView {
    const pause = this.pauses[this.current]!;
    const t = this.ms(pause.at);
    const view: PauseView = {
      index: this.current, count: this.pauseCount, kind: pause.kind, at: pause.at, atIso: iso(t),
      alarms: recordingAlarms(this.lesson, this.recording, this.zero, t),
      recorded: this.recording.equipmentIds.map((id, k) => {
        const kpis = stateKpis(this.columns, { t0: this.recording.firstMs, t1: t }).equipment.find((e) => e.equipment === id);
        const processing = (kpis?.timeInState.processing ?? 0) / MINUTE;
        return { id, state: stateOfCode(recordedStateAt(this.recording, k, t)) ?? 'unknown', processingMinutes: processing, stoppedMinutes: (t - this.recording.firstMs) / MINUTE - processing };
      }),
    };
    if (pause.kind === 'step') view.step = pause.step;
    if (pause.kind === 'decision') view.decision = this.decisionView(pause.decision);
    return view;
  }

  private decisionView(d: Decision): DecisionView {
    const view: DecisionView = {
      id: d.id, kind: d.kind, prompt: d.prompt, points: d.points, hints: d.hints, highlight: d.highlight, options: [],
      ...(d.title ? { title: d.title } : {}), ...(d.timeLimit ? { timeLimit: d.timeLimit } : {}),
    };
    if (d.kind === 'estimate') view.unit = d.kpi === 'availability' ? '%' : 'min';
    return view;
  }

  /** Which recorded equipment a question is about: the one named, else the only one. */
  private equipmentOf(d: Decision): number {
    const id = d.kind === 'mark-stop' || d.kind === 'estimate' ? d.equipment : undefined;
    return id === undefined ? 0 : Math.max(0, this.recording.equipmentIds.indexOf(id));
  }

  next(): void {
    const pause = this.pauses[this.current]!;
    if (pause.kind === 'decision') throw new Error(`next: decision ${pause.decision.id} waits for an answer`);
    if (pause.kind === 'step') this.current++;
  }

  proposal(): undefined {
    return undefined;
  }

  /** The tool's own answer to a question at time t (ms). */
  truth(d: Decision, t: number): { value: number; stop?: Span } {
    const k = this.equipmentOf(d);
    const stops = stopsOf(this.recording, k, t);
    const longest = longestStop(stops);
    if (d.kind === 'mark-stop') return { value: longest ? (longest[1] - longest[0]) / MINUTE : 0, ...(longest ? { stop: longest } : {}) };
    if (d.kind !== 'estimate') throw new Error(`${d.kind} is not a question on a recording`);
    if (d.kpi === 'longest-stop-minutes') return { value: longest ? (longest[1] - longest[0]) / MINUTE : 0 };
    if (d.kpi === 'stopped-minutes') return { value: stops.reduce((s, x) => s + x[1] - x[0], 0) / MINUTE };
    const kpis = stateKpis(this.columns, { t0: this.recording.firstMs, t1: t }).equipment.find((e) => e.equipment === this.recording.equipmentIds[k]);
    return { value: (kpis?.availability ?? 0) * 100 };
  }

  answer(answer: Answer, place: AnswerPlace = { file: 'answers', path: 'answers' }): AnswerResult {
    const pause = this.pauses[this.current]!;
    const problem = (path: string, expected: string, found: unknown): AnswerResult => ({ ok: false, problems: [{ file: place.file, path: `${place.path}.${path}`, expected, found: JSON.stringify(found) }] });
    if (pause.kind !== 'decision' || pause.decision.id !== answer.decision) {
      return problem('decision', pause.kind === 'decision' ? `an answer to decision "${pause.decision.id}" (the next one)` : `no answer now (the play is at a ${pause.kind})`, answer.decision);
    }
    const d = pause.decision;
    const t = this.ms(pause.at);
    const truth = this.truth(d, t);
    const base = { decision: d.id, kind: d.kind, title: d.title ?? d.prompt };
    let feedback: DecisionFeedback;
    if (d.kind === 'mark-stop') {
      const c = answer.choice;
      if (typeof c !== 'object' || Array.isArray(c)) return problem('choice', 'the stop marked, { "from": <ISO time>, "to": <ISO time> }', c);
      const mine: Span = [Date.parse(c.from), Date.parse(c.to)];
      if (!(mine[1] > mine[0])) return problem('choice.to', `a time after "from" (${c.from})`, c.to);
      const quality = truth.stop ? intervalQuality(mine, truth.stop) : 0;
      const tool = truth.stop ? `${iso(truth.stop[0])} to ${iso(truth.stop[1])}` : 'no stop';
      feedback = {
        ...base, answer: `${c.from} to ${c.to}`, tool: { answer: tool, value: truth.value }, points: decisionPoints(d, quality, answer),
        lines: [
          truth.stop ? `The longest stop in the recording so far: ${tool} (${round(truth.value)} min).` : 'The machine did not stop so far.',
          `Your mark overlaps it by ${round(quality * 100)} % (overlap over union).`,
        ],
      };
    } else {
      if (typeof answer.choice !== 'number') return problem('choice', 'a number', answer.choice);
      if (d.kind !== 'estimate') throw new Error(`${d.kind} on a recording`);
      const quality = estimateQuality(answer.choice, truth.value, d.tolerance);
      feedback = {
        ...base, answer: String(answer.choice), tool: { answer: String(round(truth.value, 2)), value: truth.value }, points: decisionPoints(d, quality, answer),
        lines: [`The tool reads ${round(truth.value, 2)} from the recording; your estimate ${answer.choice} is ${round(Math.abs(answer.choice - truth.value), 2)} off (tolerance ${d.tolerance}).`],
      };
    }
    this.feedback.push(feedback);
    this.current++;
    return { ok: true, feedback };
  }

  alarmActions(actions: readonly AlarmAction[], file: string): { actions: AlarmActionAt[]; problems: Problem[] } {
    return checkAlarmActions(actions, recordingAlarms(this.lesson, this.recording, this.zero, this.endMs), (x) => this.minute(Date.parse(x)), file);
  }

  report(trainee: string, actions: readonly AlarmActionAt[]): LessonReport {
    if (this.current < this.pauseCount - 1) throw new Error('report: answer every decision first');
    const alarms = alarmScores(this.lesson, recordingAlarms(this.lesson, this.recording, this.zero, this.endMs), actions);
    return { lesson: this.lesson.id, title: this.lesson.title, trainee, decisions: this.feedback, alarms, totals: totals(this.lesson, this.feedback, alarms), runs: 0 };
  }
}
