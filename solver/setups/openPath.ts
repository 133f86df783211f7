import { createRandom, type Random } from './random.ts';

/**
 * Cheapest open path from a fixed start through every node once (an asymmetric TSP path with
 * no return). `cost[a * size + b]` is the arc a → b for a, b < size; `startCost[b]` is the arc
 * from the start state to b.
 */
export interface OpenPathInput {
  size: number;
  cost: Float64Array;
  startCost: Float64Array;
}

export interface OpenPath {
  order: number[];
  cost: number;
  exact: boolean;
}

/** Held–Karp tables are 2^size · size; 13 nodes keep them under a million cells. */
export const OPEN_PATH_EXACT_MAX = 13;

export function openPathCost(input: OpenPathInput, order: readonly number[]): number {
  let c = 0;
  let prev = -1;
  for (const v of order) {
    c += prev < 0 ? input.startCost[v]! : input.cost[prev * input.size + v]!;
    prev = v;
  }
  return c;
}

export function shortestOpenPath(input: OpenPathInput, options: { seed?: number; exactMax?: number } = {}): OpenPath {
  if (input.size === 0) return { order: [], cost: 0, exact: true };
  if (input.size <= (options.exactMax ?? OPEN_PATH_EXACT_MAX)) return heldKarp(input);
  return improvedPath(input, options.seed ?? 1);
}

function heldKarp(input: OpenPathInput): OpenPath {
  const { size: n, cost, startCost } = input;
  const full = 1 << n;
  const dp = new Float64Array(full * n).fill(Infinity);
  const pred = new Int8Array(full * n).fill(-1);
  for (let j = 0; j < n; j++) dp[(1 << j) * n + j] = startCost[j]!;
  for (let S = 1; S < full; S++) {
    for (let last = 0; last < n; last++) {
      const v = dp[S * n + last]!;
      if (v === Infinity) continue;
      for (let j = 0; j < n; j++) {
        if (S & (1 << j)) continue;
        const at = (S | (1 << j)) * n + j;
        const w = v + cost[last * n + j]!;
        if (w < dp[at]!) {
          dp[at] = w;
          pred[at] = last;
        }
      }
    }
  }
  let S = full - 1;
  let j = 0;
  for (let k = 1; k < n; k++) if (dp[S * n + k]! < dp[S * n + j]!) j = k;
  const best = dp[S * n + j]!;
  const order: number[] = [];
  while (j >= 0) {
    order.push(j);
    const prev = pred[S * n + j]!;
    S ^= 1 << j;
    j = prev;
  }
  return { order: order.reverse(), cost: best, exact: true };
}

/**
 * Nearest neighbour from the start, then Or-opt (moving runs of 1–3 nodes, kept in their
 * direction) and 2-opt (reversing a stretch, which changes its inner arcs on an asymmetric
 * matrix, so they are priced with prefix sums of forward and backward arcs) to a local
 * optimum, then seeded double-bridge kicks (20 per node, at most 500) keeping the best path.
 */
function improvedPath(input: OpenPathInput, seed: number): OpenPath {
  const n = input.size;
  const order: number[] = [];
  const used = new Uint8Array(n);
  let prev = -1;
  for (let step = 0; step < n; step++) {
    let pick = -1;
    let bestC = Infinity;
    for (let v = 0; v < n; v++) {
      if (used[v]) continue;
      const c = prev < 0 ? input.startCost[v]! : input.cost[prev * n + v]!;
      if (c < bestC) {
        bestC = c;
        pick = v;
      }
    }
    used[pick] = 1;
    order.push(pick);
    prev = pick;
  }
  descend(input, order);
  let best = order.slice();
  let bestCost = openPathCost(input, best);
  const rng = createRandom(seed);
  for (let kick = 0; kick < Math.min(20 * n, 500) && n >= 8; kick++) {
    const trial = doubleBridge(best, rng);
    descend(input, trial);
    const c = openPathCost(input, trial);
    if (c < bestCost - 1e-9) {
      best = trial;
      bestCost = c;
    }
  }
  return { order: best, cost: bestCost, exact: false };
}

function doubleBridge(order: readonly number[], rng: Random): number[] {
  const n = order.length;
  const cuts = [1 + rng.int(n - 1), 1 + rng.int(n - 1), 1 + rng.int(n - 1)].sort((a, b) => a - b);
  const [a, b, c] = cuts as [number, number, number];
  return [...order.slice(0, a), ...order.slice(b, c), ...order.slice(a, b), ...order.slice(c)];
}

function descend(input: OpenPathInput, order: number[]): void {
  while (orOpt(input, order) || twoOpt(input, order));
}

/** Arc cost between path positions; position -1 is the start state, n is "no successor". */
function arc(input: OpenPathInput, order: readonly number[], from: number, to: number): number {
  if (to < 0 || to >= order.length) return 0;
  const b = order[to]!;
  return from < 0 ? input.startCost[b]! : input.cost[order[from]! * input.size + b]!;
}

function orOpt(input: OpenPathInput, order: number[]): boolean {
  const n = order.length;
  const c = (a: number, b: number): number => (a < 0 ? input.startCost[b]! : input.cost[a * input.size + b]!);
  for (let len = 1; len <= 3 && len < n; len++) {
    for (let i = 0; i + len <= n; i++) {
      const first = order[i]!;
      const last = order[i + len - 1]!;
      const pred = i > 0 ? order[i - 1]! : -1;
      const succ = i + len < n ? order[i + len]! : -1;
      const saved = c(pred, first) + (succ >= 0 ? c(last, succ) : 0) - (succ >= 0 ? c(pred, succ) : 0);
      // Positions t of the path without the run map back to order[t] or order[t + len].
      const rest = (t: number): number => (t < 0 ? -1 : t < i ? order[t]! : order[t + len]!);
      const restLength = n - len;
      for (let q = -1; q < restLength; q++) {
        if (q === i - 1) continue;
        const a = rest(q);
        const b = q + 1 < restLength ? rest(q + 1) : -1;
        const added = c(a, first) + (b >= 0 ? c(last, b) - c(a, b) : 0);
        if (added < saved - 1e-9) {
          const run = order.splice(i, len);
          order.splice(q + 1, 0, ...run);
          return true;
        }
      }
    }
  }
  return false;
}

function twoOpt(input: OpenPathInput, order: number[]): boolean {
  const n = order.length;
  const fwd = new Float64Array(n);
  const bwd = new Float64Array(n);
  for (let q = 1; q < n; q++) {
    fwd[q] = fwd[q - 1]! + input.cost[order[q - 1]! * input.size + order[q]!]!;
    bwd[q] = bwd[q - 1]! + input.cost[order[q]! * input.size + order[q - 1]!]!;
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const inner = fwd[j]! - fwd[i]!;
      const innerRev = bwd[j]! - bwd[i]!;
      const before = arc(input, order, i - 1, i) + arc(input, order, j, j + 1) + inner;
      const startArc = i === 0 ? input.startCost[order[j]!]! : input.cost[order[i - 1]! * input.size + order[j]!]!;
      const endArc = j + 1 < n ? input.cost[order[i]! * input.size + order[j + 1]!]! : 0;
      if (startArc + endArc + innerRev < before - 1e-9) {
        const seg = order.slice(i, j + 1).reverse();
        order.splice(i, seg.length, ...seg);
        return true;
      }
    }
  }
  return false;
}
