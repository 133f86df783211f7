import type { DecisionOption } from './decisionOptions.ts';
import { costOf, kpisOf, meanKpis, type LessonKpis } from './lessonKpis.ts';
import type { LessonPlant } from './lessonPlant.ts';
import { runLesson } from './lessonRun.ts';
import { choicesKey, type Choices, type PlantChoice } from './plantChoice.ts';

/** The end of a lesson under some choices: KPIs averaged over the lesson's replications, and their cost. */
export interface Outcome {
  kpis: LessonKpis;
  cost: number;
}

export interface OptionOutcome extends Outcome {
  option: string;
  label: string;
}

/**
 * Runs lessons to their end and remembers the outcome of each set of choices. Replication r of
 * every alternative draws from the same streams (seed, r), so alternatives differ by what they
 * change, not by luck (common random numbers).
 */
export class Evaluator {
  private readonly cache = new Map<string, Outcome>();
  /** Lesson runs made so far (each replication counts). */
  runs = 0;

  constructor(private readonly lp: LessonPlant) {}

  outcome(choices: Choices): Outcome {
    const key = choicesKey(choices);
    const known = this.cache.get(key);
    if (known) return known;
    const list: LessonKpis[] = [];
    for (let r = 0; r < this.lp.lesson.scoring.replications; r++) {
      const run = runLesson(this.lp, { choices, until: this.lp.end, replication: r });
      this.runs++;
      list.push(kpisOf(run.result, run.refused.length));
    }
    const kpis = meanKpis(list);
    const outcome = { kpis, cost: costOf(kpis, this.lp.lesson.scoring) };
    this.cache.set(key, outcome);
    return outcome;
  }

  /** Each option of a decision simulated forward from the same choices before it. */
  alternatives(prior: Choices, decision: string, options: readonly DecisionOption[]): OptionOutcome[] {
    return options.flatMap((o) => {
      if (!o.choice) return [];
      const choices = new Map<string, PlantChoice>(prior);
      choices.set(decision, o.choice);
      return [{ option: o.id, label: o.label, ...this.outcome(choices) }];
    });
  }
}

/** The best (lowest cost; the first listed among equals) and the worst outcome. */
export function bestAndWorst(outcomes: readonly OptionOutcome[]): { best: OptionOutcome; worst: OptionOutcome } {
  let best = outcomes[0]!;
  let worst = outcomes[0]!;
  for (const o of outcomes) {
    if (o.cost < best.cost) best = o;
    if (o.cost > worst.cost) worst = o;
  }
  return { best, worst };
}
