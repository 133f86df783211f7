import type { PlantResult } from '../sim/plant/results.ts';
import type { Answer } from './answersSchema.ts';
import { chooseOption } from './choosing.ts';
import type { DecisionOption } from './decisionOptions.ts';
import type { OptionOutcome } from './evaluate.ts';
import { KPI_LABELS, type LessonKpis } from './lessonKpis.ts';
import type { Decision, Lesson } from './lessonSchema.ts';
import type { SchedulerProposal } from './schedulerProposal.ts';
import { decisionPoints, estimateQuality } from './scoring.ts';
import type { AnswerPlace, AnswerResult } from './sessionTypes.ts';

const ALWAYS: (keyof LessonKpis)[] = ['on-time-orders', 'late-orders', 'setup-hours', 'wip-lots'];

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** The KPIs a lesson talks about: on-time, late, setup and WIP always, then what it scores. */
export function shownKpis(lesson: Lesson): (keyof LessonKpis)[] {
  const list = [...ALWAYS];
  for (const { kpi } of lesson.scoring.kpis) if (!list.includes(kpi)) list.push(kpi);
  return list;
}

function describe(lesson: Lesson, k: LessonKpis): string {
  return shownKpis(lesson).map((key) => `${KPI_LABELS[key]} ${round(k[key])}`).join(', ');
}

function difference(lesson: Lesson, mine: LessonKpis, other: LessonKpis): string {
  const parts = shownKpis(lesson).flatMap((key) => {
    const d = round(mine[key] - other[key]);
    return d === 0 ? [] : [`${d > 0 ? '+' : ''}${d} ${KPI_LABELS[key]}`];
  });
  return parts.length ? parts.join(', ') : 'the same figures';
}

/** What a plant decision did, with the numbers: the trainee's outcome, the best one, the scheduler's. */
export function outcomeLines(lesson: Lesson, mine: OptionOutcome, best: OptionOutcome, outcomes: readonly OptionOutcome[], proposal: SchedulerProposal | undefined): string[] {
  const runs = lesson.scoring.replications;
  const lines = [`Your choice (${mine.label}) leads to: ${describe(lesson, mine.kpis)}.`];
  if (mine.option === best.option) lines.push(`That is the best of the ${outcomes.length} alternatives.`);
  else lines.push(`Best: ${best.label}: ${describe(lesson, best.kpis)}. Yours against it: ${difference(lesson, mine.kpis, best.kpis)}.`);
  if (proposal) {
    const simulated = outcomes.find((o) => o.option === proposal.option);
    const what = simulated ? `${simulated.label}: ${describe(lesson, simulated.kpis)}` : 'none of the options';
    lines.push(`The scheduler proposes ${what} (${proposal.reason}).`);
  }
  lines.push(`Each alternative ran to the lesson's end on ${runs} run${runs === 1 ? '' : 's'} with the same random numbers.`);
  return lines;
}

/** Questions on a scenario run (bottleneck, estimates), judged against the tool's own figures at the pause. */
export function questionFeedback(d: Decision, answer: Answer, result: PlantResult, options: readonly DecisionOption[], place: AnswerPlace): AnswerResult {
  const base = { decision: d.id, kind: d.kind, title: d.title ?? d.prompt };
  if (d.kind === 'identify-bottleneck') {
    const chosen = chooseOption(d, answer.choice, options, undefined, place);
    if (!chosen.ok) return chosen;
    const shares = result.bottleneck.shares;
    const share = (id: string): number => {
      const s = shares.find((x) => x.id === id);
      return s ? s.sole + s.shifting : 0;
    };
    const top = result.bottleneck.equipment;
    const quality = top ? share(chosen.option.id) / share(top) : 1;
    const points = decisionPoints(d, quality, answer);
    const pct = (id: string): number => round(share(id) * 100);
    return {
      ok: true,
      feedback: {
        ...base, answer: chosen.option.id, tool: { answer: top ?? 'none', value: top ? pct(top) : 0 }, points,
        lines: [
          top ? `The tool finds ${top} the bottleneck ${pct(top)} % of the time so far (active period method).` : 'No machine was a bottleneck yet.',
          chosen.option.id === top ? 'Your answer is right.' : `${chosen.option.id} was the bottleneck ${pct(chosen.option.id)} % of the time.`,
        ],
      },
    };
  }
  if (d.kind === 'estimate') {
    if (typeof answer.choice !== 'number') {
      return { ok: false, problems: [{ file: place.file, path: `${place.path}.choice`, expected: 'a number', found: JSON.stringify(answer.choice) }] };
    }
    const truth = scenarioEstimate(d, result);
    const points = decisionPoints(d, estimateQuality(answer.choice, truth, d.tolerance), answer);
    return {
      ok: true,
      feedback: {
        ...base, answer: String(answer.choice), tool: { answer: String(round(truth, 2)), value: truth }, points,
        lines: [`The tool reads ${round(truth, 2)} from the run so far; your estimate ${answer.choice} is ${round(Math.abs(answer.choice - truth), 2)} off (tolerance ${d.tolerance}).`],
      },
    };
  }
  throw new Error(`questionFeedback: ${d.kind} is not a question on a scenario`);
}

/** An estimate's true value from the run up to the pause. */
export function scenarioEstimate(d: Extract<Decision, { kind: 'estimate' }>, result: PlantResult): number {
  const machine = result.equipment.find((e) => e.id === d.equipment);
  switch (d.kpi) {
    case 'oee': return (machine?.oee?.oee ?? 0) * 100;
    case 'availability': return (machine?.oee?.availability ?? 0) * 100;
    case 'utilisation': return (machine?.utilisation ?? 0) * 100;
    case 'late-orders': return result.delivery.late + result.delivery.openPastDue;
    case 'wip-lots': return result.flow.lotsInPlant;
    case 'setup-minutes': return result.equipment.reduce((s, e) => s + e.states.setup, 0);
    default: throw new Error(`scenarioEstimate: ${d.kpi} is a recording KPI`);
  }
}
