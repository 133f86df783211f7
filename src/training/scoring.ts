import type { AlarmActionAt, AlarmOccurrence } from './alarms.ts';
import { responseMinutes } from './alarms.ts';
import type { Answer } from './answersSchema.ts';
import type { AlarmRule, Decision, Lesson } from './lessonSchema.ts';

/** Points of one decision: quality × points, less what the hints and the time taken cost; never below 0. */
export interface DecisionPoints {
  points: number;
  /** 0..1: how good the answer was against the tool's own answer. */
  quality: number;
  hintCost: number;
  timePenalty: number;
  earned: number;
}

export function decisionPoints(d: Decision, quality: number, answer: Pick<Answer, 'hints' | 'seconds'>): DecisionPoints {
  const hints = Math.min(answer.hints, d.hints.length);
  const hintCost = d.hints.slice(0, hints).reduce((s, h) => s + h.cost, 0);
  const limit = d.timeLimit;
  const over = limit ? Math.max(0, Math.floor(answer.seconds - limit.seconds)) : 0;
  const timePenalty = limit ? Math.min(d.points, over * limit.penaltyPerSecond) : 0;
  const earned = Math.max(0, d.points * quality - hintCost - timePenalty);
  return { points: d.points, quality, hintCost, timePenalty, earned };
}

/**
 * Quality of a plant decision from the costs of the alternatives (lower is better): 1 for the
 * best, 0 for the worst, linear between; 1 for all when they cost the same.
 */
export function plantQuality(mine: number, best: number, worst: number): number {
  if (!(worst > best)) return 1;
  return Math.min(1, Math.max(0, (worst - mine) / (worst - best)));
}

/** An estimate scores linearly from 1 at the tool's value to 0 at `tolerance` away. */
export function estimateQuality(answer: number, truth: number, tolerance: number): number {
  return Math.max(0, 1 - Math.abs(answer - truth) / tolerance);
}

/** Overlap of two intervals over their union (Jaccard index); 0 for disjoint or empty ones. */
export function intervalQuality(a: readonly [number, number], b: readonly [number, number]): number {
  const overlap = Math.min(a[1], b[1]) - Math.max(a[0], b[0]);
  const union = Math.max(a[1], b[1]) - Math.min(a[0], b[0]);
  return overlap > 0 && union > 0 ? overlap / union : 0;
}

export interface AlarmScore {
  alarm: string;
  rule: string;
  priority: AlarmRule['priority'];
  raisedAt: number;
  /** Plant minutes to acknowledge or shelve; null if never. */
  response: number | null;
  points: number;
  earned: number;
}

/** Each alarm of a scored rule: full points within respondWithin, falling linearly to 0 at twice that; nothing if never answered. */
export function alarmScores(lesson: Lesson, occurrences: readonly AlarmOccurrence[], actions: readonly AlarmActionAt[]): AlarmScore[] {
  const rules = new Map(lesson.alarms.map((r) => [r.id, r]));
  return occurrences.flatMap((o) => {
    const rule = rules.get(o.rule);
    if (!rule || rule.points <= 0 || rule.respondWithin === undefined) return [];
    const response = responseMinutes(o, actions);
    const within = rule.respondWithin;
    const factor = response === null ? 0 : response <= within ? 1 : Math.max(0, 1 - (response - within) / within);
    return [{ alarm: o.id, rule: o.rule, priority: o.priority, raisedAt: o.raisedAt, response, points: rule.points, earned: rule.points * factor }];
  });
}

export interface Totals {
  earned: number;
  possible: number;
  /** earned / possible × 100 (100 when nothing was scored). */
  percent: number;
  passed: boolean;
}

export function totals(lesson: Lesson, decisions: readonly { points: DecisionPoints | null }[], alarms: readonly AlarmScore[]): Totals {
  let earned = 0;
  let possible = 0;
  for (const d of decisions) {
    if (!d.points) continue;
    earned += d.points.earned;
    possible += d.points.points;
  }
  for (const a of alarms) {
    earned += a.earned;
    possible += a.points;
  }
  const percent = possible > 0 ? (earned / possible) * 100 : 100;
  return { earned, possible, percent, passed: percent >= lesson.scoring.passMark };
}
