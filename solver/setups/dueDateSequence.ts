import { changeoverTime, evaluateSequence, type ChangeoverInput, type ChangeoverSequence } from './changeover.ts';

/** Pareto labels stay few on ≤ 10 jobs; beyond that the local search takes over. */
export const DUE_DATE_EXACT_MAX = 10;

interface Score {
  totalSetup: number;
  totalTardiness: number;
}

/** True when a is strictly better than b under the input's objective. */
export function betterScore(input: ChangeoverInput, a: Score, b: Score): boolean {
  const w = input.tardinessWeight;
  if (w !== undefined) return w * a.totalTardiness + a.totalSetup < w * b.totalTardiness + b.totalSetup - 1e-9;
  if (a.totalTardiness < b.totalTardiness - 1e-9) return true;
  return a.totalTardiness <= b.totalTardiness + 1e-9 && a.totalSetup < b.totalSetup - 1e-9;
}

/**
 * Sequencing with due dates: least setup subject to (lexicographic, the default) or traded
 * against (with `tardinessWeight`) total tardiness. Jobs are sequenced one by one because a
 * late-due job of the running key may have to wait. Exact up to 10 jobs by a DP over
 * (job subset, last job) that keeps every Pareto-optimal (setup, tardiness) pair — one number
 * per state is not enough, since more setup now delays every later job. Larger inputs: the
 * best of the given starting orders and earliest-due-date, improved by job moves and swaps.
 */
export function sequenceWithDueDates(input: ChangeoverInput, starts: number[][]): ChangeoverSequence {
  if (input.jobs.length <= DUE_DATE_EXACT_MAX) return paretoDp(input);
  const edd = input.jobs.map((_, i) => i).sort((a, b) => dueOf(input, a) - dueOf(input, b) || a - b);
  let best: ChangeoverSequence | null = null;
  for (const start of [edd, ...starts]) {
    const order = start.slice();
    improve(input, order);
    const found = { order, ...evaluateSequence(input, order), exact: false };
    if (best === null || betterScore(input, found, best)) best = found;
  }
  return best!;
}

function dueOf(input: ChangeoverInput, i: number): number {
  return input.jobs[i]?.due ?? Number.POSITIVE_INFINITY;
}

interface Label extends Score {
  parent: Label | null;
  job: number;
}

function paretoDp(input: ChangeoverInput): ChangeoverSequence {
  const { jobs } = input;
  const n = jobs.length;
  if (n === 0) return { order: [], totalSetup: 0, totalTardiness: 0, end: input.start ?? 0, exact: true };
  const full = 1 << n;
  const t0 = input.start ?? 0;
  const work = new Float64Array(full);
  for (let S = 1; S < full; S++) {
    const j = 31 - Math.clz32(S & -S);
    work[S] = work[S & (S - 1)]! + jobs[j]!.duration;
  }
  const labels: Label[][] = new Array(full * n);
  const tardiness = (j: number, end: number): number => {
    const due = jobs[j]!.due;
    return due === undefined || due === null ? 0 : Math.max(0, end - due);
  };
  for (let j = 0; j < n; j++) {
    const setup = changeoverTime(input, -1, jobs[j]!.key);
    labels[(1 << j) * n + j] = [{ totalSetup: setup, totalTardiness: tardiness(j, t0 + setup + jobs[j]!.duration), parent: null, job: j }];
  }
  for (let S = 1; S < full; S++) {
    for (let last = 0; last < n; last++) {
      const here = labels[S * n + last];
      if (!here) continue;
      for (let j = 0; j < n; j++) {
        if (S & (1 << j)) continue;
        const s = changeoverTime(input, jobs[last]!.key, jobs[j]!.key);
        const T = S | (1 << j);
        for (const l of here) {
          const totalSetup = l.totalSetup + s;
          const end = t0 + work[T]! + totalSetup;
          addLabel(labels, T * n + j, { totalSetup, totalTardiness: l.totalTardiness + tardiness(j, end), parent: l, job: j });
        }
      }
    }
  }
  let best: Label | null = null;
  for (let j = 0; j < n; j++) for (const l of labels[(full - 1) * n + j] ?? []) if (best === null || betterScore(input, l, best)) best = l;
  const order: number[] = [];
  for (let l = best; l !== null; l = l.parent) order.push(l.job);
  order.reverse();
  return { order, ...evaluateSequence(input, order), exact: true };
}

/** Keeps only labels no other label beats in both setup and tardiness. */
function addLabel(labels: Label[][], at: number, label: Label): void {
  const list = labels[at];
  if (!list) {
    labels[at] = [label];
    return;
  }
  const eps = 1e-9;
  for (const l of list) if (l.totalSetup <= label.totalSetup + eps && l.totalTardiness <= label.totalTardiness + eps) return;
  labels[at] = list.filter((l) => !(label.totalSetup <= l.totalSetup + eps && label.totalTardiness <= l.totalTardiness + eps));
  labels[at]!.push(label);
}

/** First-improvement descent over moving one job elsewhere and swapping two jobs. */
function improve(input: ChangeoverInput, order: number[]): void {
  let score = evaluateSequence(input, order);
  const n = order.length;
  for (let improved = true; improved;) {
    improved = false;
    for (let i = 0; i < n; i++) {
      for (let q = 0; q < n; q++) {
        if (q === i) continue;
        const [job] = order.splice(i, 1);
        order.splice(q, 0, job!);
        const next = evaluateSequence(input, order);
        if (betterScore(input, next, score)) {
          score = next;
          improved = true;
        } else {
          order.splice(q, 1);
          order.splice(i, 0, job!);
        }
      }
    }
    for (let i = 0; i < n; i++) {
      for (let q = i + 1; q < n; q++) {
        [order[i], order[q]] = [order[q]!, order[i]!];
        const next = evaluateSequence(input, order);
        if (betterScore(input, next, score)) {
          score = next;
          improved = true;
        } else {
          [order[i], order[q]] = [order[q]!, order[i]!];
        }
      }
    }
  }
}
