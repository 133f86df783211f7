import { changeoverTime, evaluateSequence, type ChangeoverInput, type ChangeoverSequence } from './changeover.ts';
import { sequenceWithDueDates } from './dueDateSequence.ts';
import { shortestOpenPath, OPEN_PATH_EXACT_MAX } from './openPath.ts';

/**
 * Changeover sequencing for one machine or line. Without due dates it is an asymmetric TSP
 * path (open end, fixed start state) over setup keys: jobs sharing a key run back to back,
 * which is optimal whenever the matrix obeys the triangle inequality (a detour through a
 * third key is never cheaper than the direct change) and has a zero diagonal, and proven so
 * by Held–Karp up to 13 keys. When the matrix breaks that rule, jobs are sequenced one by one
 * as well (exact up to 13 jobs) and the cheaper answer wins. With due dates, jobs are always
 * sequenced one by one (see `sequenceWithDueDates`).
 */
export function sequenceChangeovers(input: ChangeoverInput): ChangeoverSequence {
  const grouped = groupedSequence(input);
  if (input.jobs.some((j) => j.due !== undefined && j.due !== null)) return sequenceWithDueDates(input, [grouped.order]);
  if (grouped.exact) return grouped;
  // The matrix breaks the triangle inequality: splitting a key's jobs may pay, so sequence jobs.
  const n = input.jobs.length;
  const cost = new Float64Array(n * n);
  const startCost = new Float64Array(n);
  input.jobs.forEach((a, x) => {
    startCost[x] = changeoverTime(input, -1, a.key);
    input.jobs.forEach((b, y) => { cost[x * n + y] = changeoverTime(input, a.key, b.key); });
  });
  const path = shortestOpenPath({ size: n, cost, startCost }, { seed: input.seed ?? 1 });
  const single = { order: path.order, ...evaluateSequence(input, path.order), exact: path.exact };
  return single.totalSetup <= grouped.totalSetup ? single : grouped;
}

/** Jobs of one key back to back, keys in the cheapest open-path order. */
function groupedSequence(input: ChangeoverInput): ChangeoverSequence {
  const keys = [...new Set(input.jobs.map((j) => j.key))];
  const size = keys.length;
  const cost = new Float64Array(size * size);
  const startCost = new Float64Array(size);
  keys.forEach((a, x) => {
    startCost[x] = changeoverTime(input, -1, a);
    keys.forEach((b, y) => { cost[x * size + y] = changeoverTime(input, a, b); });
  });
  const path = shortestOpenPath({ size, cost, startCost }, { seed: input.seed ?? 1, exactMax: OPEN_PATH_EXACT_MAX });
  const order = path.order.flatMap((x) => input.jobs.flatMap((j, i) => (j.key === keys[x] ? [i] : [])));
  return { order, ...evaluateSequence(input, order), exact: path.exact && groupingIsSafe(input, keys) };
}

/** Grouping by key is optimal when the diagonal is zero and the triangle inequality holds. */
function groupingIsSafe(input: ChangeoverInput, keys: number[]): boolean {
  const s = (a: number, b: number): number => changeoverTime(input, a, b);
  for (const a of keys) {
    if (s(a, a) !== 0) return false;
    for (const b of keys) for (const c of [-1, ...keys]) if (c !== b && s(c, b) > s(c, a) + s(a, b) + 1e-9) return false;
  }
  return true;
}
