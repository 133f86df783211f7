import type { SchedulingProblem } from './problem.ts';

/**
 * Scheduling objectives for plant problems, selectable and combinable: lexicographic (the first
 * criterion decides, the next breaks ties) or a weighted sum. Every criterion is minimised.
 */
export const CRITERIA = ['weightedTardiness', 'makespan', 'totalSetup', 'lateOrders'] as const;
export type Criterion = (typeof CRITERIA)[number];

export type Objective =
  | { kind: 'lex'; criteria: Criterion[] }
  | { kind: 'weighted'; terms: { criterion: Criterion; weight: number }[] };

export interface ObjectiveKpis {
  makespan: number;
  totalSetup: number;
  /** Sum over orders of priority × minutes late. */
  weightedTardiness: number;
  lateOrders: number;
  onTimeOrders: number;
}

/**
 * Default: deliver on time first, then lose as little capacity to changeovers as possible, then
 * be as little late as possible — what a scheduler checks first on a plan.
 */
export const DEFAULT_OBJECTIVE: Objective = { kind: 'lex', criteria: ['lateOrders', 'totalSetup', 'weightedTardiness'] };

const isCriterion = (s: string): s is Criterion => (CRITERIA as readonly string[]).includes(s);

/** Reads "weightedTardiness", "lex:a,b" or "w:a=1,b=0.1"; a message when malformed. */
export function parseObjective(text: string): Objective | string {
  const bad = (what: string): string => `${what}; expected one of ${CRITERIA.join(', ')}, "lex:a,b" or "w:a=1,b=0.1"`;
  if (isCriterion(text)) return { kind: 'lex', criteria: [text] };
  if (text.startsWith('lex:')) {
    const criteria = text.slice(4).split(',').map((s) => s.trim());
    const wrong = criteria.find((c) => !isCriterion(c));
    if (criteria.length === 0 || wrong !== undefined) return bad(`unknown criterion "${wrong ?? ''}"`);
    return { kind: 'lex', criteria: criteria as Criterion[] };
  }
  if (text.startsWith('w:')) {
    const terms: { criterion: Criterion; weight: number }[] = [];
    for (const part of text.slice(2).split(',')) {
      const [name, value] = part.split('=').map((s) => s.trim());
      const weight = Number(value);
      if (name === undefined || !isCriterion(name)) return bad(`unknown criterion "${name ?? ''}"`);
      if (value === undefined || value === '' || !Number.isFinite(weight) || weight < 0) return bad(`weight of ${name} must be a number ≥ 0, found "${value ?? ''}"`);
      terms.push({ criterion: name, weight });
    }
    return { kind: 'weighted', terms };
  }
  return bad(`unknown objective "${text}"`);
}

/** The objective as the schedule file names it: "lex(lateOrders,totalSetup)", "1*makespan+0.1*totalSetup". */
export function objectiveName(o: Objective): string {
  if (o.kind === 'lex') return o.criteria.length === 1 ? (o.criteria[0] as string) : `lex(${o.criteria.join(',')})`;
  return o.terms.map((t) => `${t.weight}*${t.criterion}`).join('+');
}

/** The value to minimise: one number per lexicographic level, or one weighted sum. */
export function objectiveValue(o: Objective, k: ObjectiveKpis): number[] {
  if (o.kind === 'lex') return o.criteria.map((c) => k[c]);
  let sum = 0;
  for (const t of o.terms) sum += t.weight * k[t.criterion];
  return [sum];
}

/** Negative when a is better (smaller), lexicographically, with a tolerance for rounding. */
export function compareValues(a: ArrayLike<number>, b: ArrayLike<number>): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (Math.abs(d) > 1e-6 * Math.max(1, Math.abs(a[i] as number))) return d;
  }
  return 0;
}

/**
 * KPIs of a timetable: completion of a job is the end of its last operation (of its last lot); changeovers are
 * the minutes given per operation (frozen operations' are 0 — they are set up already).
 */
export function objectiveKpis(p: SchedulingProblem, end: ArrayLike<number>, setup: ArrayLike<number>): ObjectiveKpis {
  let makespan = 0;
  let totalSetup = 0;
  for (let i = 0; i < end.length; i++) {
    if ((end[i] as number) > makespan) makespan = end[i] as number;
    totalSetup += setup[i] as number;
  }
  let weightedTardiness = 0;
  let lateOrders = 0;
  for (const job of p.jobs) {
    if (job.operations.length === 0 || job.due === null) continue;
    // The order is complete when its last lot is (a lot split into batches ends in several operations).
    let done = -Infinity;
    for (const v of job.operations) if ((end[v] as number) > done) done = end[v] as number;
    const late = done - job.due;
    if (late > 1e-9) {
      lateOrders++;
      weightedTardiness += job.weight * late;
    }
  }
  return { makespan, totalSetup, weightedTardiness, lateOrders, onTimeOrders: p.jobs.length - lateOrders };
}
