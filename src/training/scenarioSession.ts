import { isoAt } from '../model/calendar.ts';
import type { Plant } from '../model/load.ts';
import { MACHINE_STATES, type MachineState } from '../model/machineState.ts';
import type { Problem } from '../model/problem.ts';
import type { PlantResult } from '../sim/plant/results.ts';
import { checkAlarmActions } from './alarmActions.ts';
import type { AlarmActionAt } from './alarms.ts';
import { AlarmScan } from './alarmScan.ts';
import type { AlarmAction, Answer } from './answersSchema.ts';
import { decisionOptions, type DecisionOption } from './decisionOptions.ts';
import { bestAndWorst, Evaluator, type OptionOutcome } from './evaluate.ts';
import { outcomeLines, questionFeedback } from './feedback.ts';
import { kpisOf } from './lessonKpis.ts';
import { LessonPlant } from './lessonPlant.ts';
import { runLesson, type LessonRun } from './lessonRun.ts';
import type { Decision, Lesson } from './lessonSchema.ts';
import { PLANT_DECISIONS } from './lessonSchema.ts';
import type { PlantChoice } from './plantChoice.ts';
import { SeriesProbe } from './runSeries.ts';
import { proposeFor, type SchedulerProposal } from './schedulerProposal.ts';
import { alarmScores, decisionPoints, plantQuality, totals } from './scoring.ts';
import type { AnswerPlace, AnswerResult, DecisionFeedback, DecisionView, LessonPlay, LessonReport, PauseView, PlantAtPause } from './sessionTypes.ts';
import { chooseOption, sequenceValues } from './choosing.ts';

interface Paused {
  run: LessonRun;
  alarms: AlarmScan;
}

/**
 * Plays a scenario lesson: from pause to pause (steps, decisions, the end), each time a run of
 * the trainee's choices so far from the start (replication 0 — what the app plays back). At a
 * plant decision every option (and the scheduler's and the trainee's own sequence) is
 * simulated forward to the lesson end on common random numbers and the trainee's choice is
 * judged against the best; questions are judged against the tool's own reading of the run.
 */
export class ScenarioLessonSession implements LessonPlay {
  readonly lp: LessonPlant;
  readonly evaluator: Evaluator;
  private readonly choices = new Map<string, PlantChoice>();
  private readonly feedback: DecisionFeedback[] = [];
  private current = 0;
  private paused: { index: number; trace: boolean; value: Paused } | undefined;
  private proposals = new Map<string, SchedulerProposal | undefined>();

  constructor(lesson: Lesson, plant: Plant) {
    this.lp = new LessonPlant(lesson, plant);
    this.evaluator = new Evaluator(this.lp);
  }

  get pauseCount(): number {
    return this.lp.pauses.length;
  }

  get startIso(): string {
    return this.lp.scenario.start;
  }

  get index(): number {
    return this.current;
  }

  private pausedRun(trace = false): Paused {
    const cached = this.paused;
    if (cached && cached.index === this.current && (cached.trace || !trace)) return cached.value;
    const alarms = new AlarmScan(this.lp);
    const run = runLesson(this.lp, { choices: this.choices, until: this.lp.pauses[this.current]!.at, replication: 0, trace, probes: [alarms] });
    const value = { run, alarms };
    this.paused = { index: this.current, trace, value };
    return value;
  }

  view(options: { trace?: boolean } = {}): PauseView {
    const pause = this.lp.pauses[this.current]!;
    const { run, alarms } = this.pausedRun(options.trace ?? false);
    const view: PauseView = {
      index: this.current, count: this.pauseCount, kind: pause.kind, at: pause.at, atIso: isoAt(this.lp.scenario.start, pause.at),
      plant: plantAtPause(run), alarms: alarms.occurrences(),
    };
    if (pause.kind === 'step') view.step = pause.step;
    if (pause.kind === 'decision') view.decision = this.decisionView(pause.decision, run);
    if (options.trace && run.result.trace) view.trace = run.result.trace;
    return view;
  }

  private decisionView(d: Decision, run: LessonRun): DecisionView {
    const options = decisionOptions(this.lp, run.run, d);
    const view: DecisionView = {
      id: d.id, kind: d.kind, prompt: d.prompt, points: d.points, hints: d.hints, highlight: d.highlight, options,
      ...(d.title ? { title: d.title } : {}), ...(d.timeLimit ? { timeLimit: d.timeLimit } : {}),
    };
    if (d.kind === 'next-job' && options.length < 2) view.moot = options.length === 0 ? `no order waits at ${d.equipment}` : `only ${options[0]!.id} waits at ${d.equipment}`;
    if (d.kind === 'sequence') view.values = sequenceValues(this.lp.scenario, d);
    if (d.kind === 'estimate') view.unit = ['oee', 'availability', 'utilisation'].includes(d.kpi) ? '%' : d.kpi === 'setup-minutes' ? 'min' : d.kpi === 'wip-lots' ? 'lots' : 'orders';
    return view;
  }

  next(): void {
    const pause = this.lp.pauses[this.current]!;
    if (pause.kind === 'decision') throw new Error(`next: decision ${pause.decision.id} waits for an answer`);
    if (pause.kind === 'step') this.current++;
  }

  proposal(): SchedulerProposal | undefined {
    const pause = this.lp.pauses[this.current]!;
    if (pause.kind !== 'decision' || !PLANT_DECISIONS.includes(pause.decision.kind)) return undefined;
    const d = pause.decision;
    if (!this.proposals.has(d.id)) {
      const { run } = this.pausedRun();
      this.proposals.set(d.id, proposeFor(this.lp, run.run, this.lp.plantWith(run.rushOrders).scenario!, d));
    }
    return this.proposals.get(d.id);
  }

  answer(answer: Answer, place: AnswerPlace = { file: 'answers', path: 'answers' }): AnswerResult {
    const pause = this.lp.pauses[this.current]!;
    if (pause.kind !== 'decision' || pause.decision.id !== answer.decision) {
      const expected = pause.kind === 'decision' ? `an answer to decision "${pause.decision.id}" (the next one)` : `no answer now (the play is at a ${pause.kind})`;
      return { ok: false, problems: [{ file: place.file, path: `${place.path}.decision`, expected, found: JSON.stringify(answer.decision) }] };
    }
    const d = pause.decision;
    const { run } = this.pausedRun();
    const view = this.decisionView(d, run);
    let feedback: DecisionFeedback;
    if (view.moot) {
      feedback = { decision: d.id, kind: d.kind, title: d.title ?? d.prompt, answer: 'nothing to decide', moot: view.moot, points: null, lines: [`Nothing to decide: ${view.moot}.`] };
    } else if (PLANT_DECISIONS.includes(d.kind)) {
      const judged = this.judgePlant(d, view.options, answer, place);
      if (!judged.ok) return judged;
      feedback = judged.feedback;
    } else {
      const judged = questionFeedback(d, answer, run.result, view.options, place);
      if (!judged.ok) return judged;
      feedback = judged.feedback;
    }
    this.feedback.push(feedback);
    this.current++;
    return { ok: true, feedback };
  }

  private judgePlant(d: Decision, options: DecisionOption[], answer: Answer, place: AnswerPlace): AnswerResult {
    const proposal = this.proposal();
    const candidates = [...options];
    if (proposal?.sequence) candidates.push({ id: 'scheduler', label: `the scheduler's sequence: ${proposal.sequence.join(' → ')}`, choice: { kind: 'sequence', sequence: proposal.sequence } });
    const chosen = chooseOption(d, answer.choice, candidates, this.lp.scenario, place);
    if (!chosen.ok) return chosen;
    if (!candidates.some((c) => c.id === chosen.option.id)) candidates.push(chosen.option);
    const prior = new Map(this.choices);
    const outcomes = this.evaluator.alternatives(prior, d.id, candidates);
    const { best, worst } = bestAndWorst(outcomes);
    const mine = outcomes.find((o) => o.option === chosen.option.id)!;
    const points = decisionPoints(d, plantQuality(mine.cost, best.cost, worst.cost), answer);
    this.choices.set(d.id, chosen.option.choice!);
    const feedback: DecisionFeedback = {
      decision: d.id, kind: d.kind, title: d.title ?? d.prompt, answer: chosen.option.label,
      outcomes, chosen: mine.option, best: best.option, points,
      lines: outcomeLines(this.lp.lesson, mine, best, outcomes, proposal),
    };
    if (proposal) feedback.scheduler = proposal;
    return { ok: true, feedback };
  }

  alarmActions(actions: readonly AlarmAction[], file: string): { actions: AlarmActionAt[]; problems: Problem[] } {
    return checkAlarmActions(actions, this.finalRun().alarms.occurrences(), (iso) => this.lp.minute(iso), file);
  }

  private final: { run: LessonRun; alarms: AlarmScan; series: SeriesProbe } | undefined;

  private finalRun(): { run: LessonRun; alarms: AlarmScan; series: SeriesProbe } {
    if (this.current < this.pauseCount - 1) throw new Error('report: answer every decision first');
    if (!this.final) {
      const alarms = new AlarmScan(this.lp);
      const series = new SeriesProbe();
      const run = runLesson(this.lp, { choices: this.choices, until: this.lp.end, replication: 0, probes: [alarms, series] });
      this.final = { run, alarms, series };
    }
    return this.final;
  }

  report(trainee: string, actions: readonly AlarmActionAt[]): LessonReport {
    const final = this.finalRun();
    const alarms = alarmScores(this.lp.lesson, final.alarms.occurrences(), actions);
    const best = this.bestRun();
    return {
      lesson: this.lp.lesson.id, title: this.lp.lesson.title, trainee,
      decisions: this.feedback, alarms, totals: totals(this.lp.lesson, this.feedback, alarms),
      debrief: {
        trainee: { kpis: this.evaluator.outcome(this.choices).kpis, series: final.series.series },
        best,
      },
      runs: this.evaluator.runs,
    };
  }

  /** The best alternative at every plant decision in turn (each judged after the best before it), run to the end. */
  private bestRun(): NonNullable<LessonReport['debrief']>['best'] {
    const choices = new Map<string, PlantChoice>();
    const picked: { decision: string; option: string }[] = [];
    for (const pause of this.lp.pauses) {
      if (pause.kind !== 'decision' || !PLANT_DECISIONS.includes(pause.decision.kind)) continue;
      const d = pause.decision;
      const paused = runLesson(this.lp, { choices, until: pause.at, replication: 0 });
      const options = decisionOptions(this.lp, paused.run, d);
      if (d.kind === 'next-job' && options.length < 2) continue;
      if (d.kind === 'sequence') {
        const proposal = this.sameAsTrainee(choices) ? this.proposals.get(d.id) : proposeFor(this.lp, paused.run, this.lp.plantWith(paused.rushOrders).scenario!, d);
        if (proposal?.sequence) options.push({ id: 'scheduler', label: 'the scheduler\'s sequence', choice: { kind: 'sequence', sequence: proposal.sequence } });
      }
      const outcomes: OptionOutcome[] = this.evaluator.alternatives(choices, d.id, options);
      const { best } = bestAndWorst(outcomes);
      choices.set(d.id, options.find((o) => o.id === best.option)!.choice!);
      picked.push({ decision: d.id, option: best.option });
    }
    const series = new SeriesProbe();
    runLesson(this.lp, { choices, until: this.lp.end, replication: 0, probes: [series] });
    return { kpis: this.evaluator.outcome(choices).kpis, series: series.series, choices: picked };
  }

  /** Whether some choices are the trainee's for every decision they cover (so cached proposals apply). */
  private sameAsTrainee(choices: ReadonlyMap<string, PlantChoice>): boolean {
    for (const [id, c] of choices) if (JSON.stringify(this.choices.get(id)) !== JSON.stringify(c)) return false;
    return true;
  }
}

function plantAtPause(run: LessonRun): PlantAtPause {
  const r: PlantResult = run.result;
  const k = kpisOf(r, run.refused.length);
  return {
    onTimeOrders: k['on-time-orders'], lateOrders: k['late-orders'], wipLots: run.run.lotsInPlant.size, goodUnits: run.run.unitsGoodOut,
    setupMinutes: k['setup-hours'] * 60, bottleneck: r.bottleneck.equipment,
    machines: r.equipment.map((e, i) => {
      const m = run.run.machines[i]!;
      return {
        id: e.id, state: stateName(m.log.state), queue: m.queue.length,
        oee: e.oee ? e.oee.oee * 100 : null, availability: e.oee ? e.oee.availability * 100 : null, utilisation: e.utilisation * 100,
      };
    }),
  };
}

function stateName(code: number): MachineState {
  return MACHINE_STATES[code] ?? 'unknown';
}
