import type { MachineState } from '../model/machineState.ts';
import type { Problem } from '../model/problem.ts';
import type { PlantTraceData } from '../sim/plant/trace.ts';
import type { AlarmActionAt, AlarmOccurrence } from './alarms.ts';
import type { AlarmAction, Answer } from './answersSchema.ts';
import type { DecisionOption } from './decisionOptions.ts';
import type { OptionOutcome } from './evaluate.ts';
import type { LessonKpis } from './lessonKpis.ts';
import type { Decision, Highlight, Step } from './lessonSchema.ts';
import type { RunSeries } from './runSeries.ts';
import type { SchedulerProposal } from './schedulerProposal.ts';
import type { AlarmScore, DecisionPoints, Totals } from './scoring.ts';

/** The plant as the paused run shows it (scenario lessons), or the recording up to the pause. */
export interface PlantAtPause {
  onTimeOrders: number;
  lateOrders: number;
  wipLots: number;
  goodUnits: number;
  setupMinutes: number;
  bottleneck: string | null;
  machines: { id: string; state: MachineState; queue: number; oee: number | null; availability: number | null; utilisation: number }[];
}

export interface DecisionView {
  id: string;
  kind: Decision['kind'];
  title?: string;
  prompt: string;
  points: number;
  hints: { text: string; cost: number }[];
  timeLimit?: { seconds: number; penaltyPerSecond: number };
  highlight: Highlight[];
  options: DecisionOption[];
  /** sequence: the values the trainee may order; estimate: the unit. */
  values?: string[];
  unit?: string;
  /** Set when there is nothing to decide here (e.g. one order waiting): the answer is not scored. */
  moot?: string;
}

export interface PauseView {
  index: number;
  count: number;
  kind: 'step' | 'decision' | 'end';
  /** Minutes from the lesson's time zero (the scenario start, or the recording's first minute). */
  at: number;
  atIso: string;
  step?: Step;
  decision?: DecisionView;
  plant?: PlantAtPause;
  /** Recording lessons: each recorded machine's state at the pause and its minutes so far. */
  recorded?: { id: string; state: MachineState; processingMinutes: number; stoppedMinutes: number }[];
  /** Alarms raised so far (their state follows from the trainee's actions: alarms.ts). */
  alarms: AlarmOccurrence[];
  /** Scenario lessons, when asked for: the trace of the trainee's run from the start to here. */
  trace?: PlantTraceData;
}

export interface DecisionFeedback {
  decision: string;
  kind: Decision['kind'];
  title: string;
  /** The answer in words. */
  answer: string;
  moot?: string;
  /** Plant decisions: every alternative simulated forward, the trainee's own included. */
  outcomes?: OptionOutcome[];
  chosen?: string;
  best?: string;
  scheduler?: SchedulerProposal;
  /** Questions: the tool's own answer. */
  tool?: { answer: string; value?: number };
  points: DecisionPoints | null;
  /** What the choice did, with the numbers. */
  lines: string[];
}

export interface LessonReport {
  lesson: string;
  title: string;
  trainee: string;
  decisions: DecisionFeedback[];
  alarms: AlarmScore[];
  totals: Totals;
  /** Scenario lessons: the trainee's run against the best run (the best alternative at every decision). */
  debrief?: {
    trainee: { kpis: LessonKpis; series: RunSeries };
    best: { kpis: LessonKpis; series: RunSeries; choices: { decision: string; option: string }[] };
  };
  /** Lesson runs simulated to score. */
  runs: number;
}

export type AnswerResult = { ok: true; feedback: DecisionFeedback } | { ok: false; problems: Problem[] };

/** Where an answer came from, for problem messages. */
export interface AnswerPlace {
  file: string;
  path: string;
}

/** One way of playing a lesson, shared by the CLI (answers from a file) and the app (answers from the trainee). */
export interface LessonPlay {
  /** Time zero of the lesson's minutes: the scenario start, or the recording's first minute. */
  readonly startIso: string;
  readonly pauseCount: number;
  readonly index: number;
  view(options?: { trace?: boolean }): PauseView;
  /** Past a step (decisions move on when answered). */
  next(): void;
  answer(answer: Answer, place?: AnswerPlace): AnswerResult;
  /** The scheduler's proposal at the current decision (plant decisions; undefined otherwise). */
  proposal(): SchedulerProposal | undefined;
  /** Alarm actions with plant times turned into minutes; unknown alarms and actions before the alarm are problems. */
  alarmActions(actions: readonly AlarmAction[], file: string): { actions: AlarmActionAt[]; problems: Problem[] };
  /** The score and debrief, once every decision is answered. */
  report(trainee: string, actions: readonly AlarmActionAt[]): LessonReport;
}
