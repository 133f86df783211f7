import { minutesBetween } from '../model/calendar.ts';
import type { Plant } from '../model/load.ts';
import type { Scenario } from '../model/scenarioSchema.ts';
import type { Decision, Lesson, Step } from './lessonSchema.ts';

/** Where the play stops: a narrative step, a decision, or the end of the lesson. */
export type Pause =
  | { kind: 'step'; at: number; step: Step }
  | { kind: 'decision'; at: number; decision: Decision }
  | { kind: 'end'; at: number };

/**
 * A scenario lesson bound to its loaded plant: plant times as minutes from the scenario start,
 * the order of pauses, and the scenario as each run needs it — the lesson's seed, and the rush
 * orders that were accepted appended to the orders (so every other order keeps its index, and
 * every run draws the same random numbers up to the moment they differ).
 */
export class LessonPlant {
  readonly scenario: Scenario;
  /** Lesson end, minutes from the scenario start. */
  readonly end: number;
  readonly pauses: Pause[];
  private readonly variants = new Map<string, Plant>();

  constructor(readonly lesson: Lesson, readonly plant: Plant) {
    const scenario = plant.scenario;
    if (!scenario) throw new Error('LessonPlant: the lesson source is a layout without a scenario');
    this.scenario = scenario;
    this.end = lesson.end ? this.minute(lesson.end) : scenario.experiment.horizon;
    this.pauses = pausesOf(lesson, (iso) => this.minute(iso), this.end);
  }

  minute(iso: string): number {
    return minutesBetween(this.scenario.start, iso);
  }

  /** When a decision comes: its own time, or its rush order's. */
  decisionTime(d: Decision): number {
    return decisionTime(this.lesson, d, (iso) => this.minute(iso));
  }

  /** The plant with the lesson's seed and these rush orders (event ids) added; the same object for the same set. */
  plantWith(rushOrders: readonly string[]): Plant {
    const key = [...rushOrders].sort().join('\n');
    let variant = this.variants.get(key);
    if (variant) return variant;
    const added = this.lesson.events.flatMap((e) => (e.kind === 'rush-order' && rushOrders.includes(e.id)
      ? [{ id: e.order.id, product: e.order.product, quantity: e.order.quantity, release: e.at, due: e.order.due, priority: e.order.priority }]
      : []));
    const scenario: Scenario = {
      ...this.scenario,
      orders: [...this.scenario.orders, ...added],
      experiment: { ...this.scenario.experiment, seed: this.lesson.seed, horizon: this.end, warmup: 0 },
    };
    variant = { ...this.plant, scenario };
    this.variants.set(key, variant);
    return variant;
  }
}

export function decisionTime(lesson: Lesson, d: Decision, minute: (iso: string) => number): number {
  if (d.kind !== 'rush-order') return minute(d.at);
  const event = lesson.events.find((e) => e.id === d.event);
  return event ? minute(event.at) : NaN;
}

/** Steps and decisions by time; at one time steps come first, then decisions, each in file order. */
export function pausesOf(lesson: Lesson, minute: (iso: string) => number, end: number): Pause[] {
  const pauses: Pause[] = [
    ...lesson.steps.map((step): Pause => ({ kind: 'step', at: minute(step.at), step })),
    ...lesson.decisions.map((decision): Pause => ({ kind: 'decision', at: decisionTime(lesson, decision, minute), decision })),
  ];
  // Array.prototype.sort is stable, so file order survives among equals.
  pauses.sort((a, b) => a.at - b.at || (a.kind === b.kind ? 0 : a.kind === 'step' ? -1 : 1));
  pauses.push({ kind: 'end', at: end });
  return pauses;
}
