import { log } from '../portableMath.ts';
import type { EquipmentSpec, OperationSpec } from './compiledPlant.ts';
import type { Lot } from './lots.ts';
import { setupTime } from './setups.ts';

export type DispatchRule = 'FIFO' | 'EDD' | 'SPT' | 'ATCS' | 'schedule';

/**
 * ATCS look-ahead parameters (Lee, Bhaskaran & Pinedo 1997): k1 scales the slack, k2 the setup.
 * The defaults sit in the middle of the ranges their study found good (k1 about 1–3, k2 about
 * 0.25–1) for moderately tight due dates and setups of a fifth to a half of the processing time.
 */
export interface AtcsParameters {
  k1: number;
  k2: number;
}

export const DEFAULT_ATCS: AtcsParameters = { k1: 2, k2: 0.5 };

export interface DispatchContext {
  now: number;
  equipment: EquipmentSpec;
  /** Current setup keys of the equipment, one per setup matrix. */
  keys: Int32Array;
  atcs: AtcsParameters;
}

/** Mean minutes of the lot's current operation on this equipment: per unit × quantity, or one batch. */
export function expectedTime(lot: Lot, equipment: EquipmentSpec): number {
  const op = lot.routing.operations[lot.op]!;
  const mean = meanOn(op, equipment.index);
  return equipment.batch ? mean : mean * lot.quantity;
}

function meanOn(op: OperationSpec, equipment: number): number {
  for (const e of op.eligible) if (e.equipment === equipment) return e.mean;
  return op.eligible[0]?.mean ?? 0;
}

/**
 * A score per lot, lower is better; ties go to the lot that joined the queue first, then to the
 * lower lot id (release order), so every rule is deterministic.
 *
 * - FIFO: time the lot joined this queue.
 * - EDD: the order's due date.
 * - SPT: expected processing minutes of this operation here.
 * - ATCS: minus the apparent tardiness cost with setups,
 *   I = (w / p) · exp(−max(d − t − R, 0) / (k1 · p̄)) · exp(−s / (k2 · s̄)),
 *   with w the order priority, p this operation's expected time, s the changeover from the
 *   current setup, p̄ and s̄ their means over the queue. The slack uses R, the expected work
 *   left on the whole routing from this operation on, rather than p alone: with order due dates
 *   on a multi-stage routing, d − t − p overstates how much time a lot has.
 *   ("schedule" ranks the lots its list does not mention, which run FIFO.)
 */
export function scoreLots(rule: DispatchRule, lots: readonly Lot[], ctx: DispatchContext): Float64Array {
  const scores = new Float64Array(lots.length);
  switch (rule) {
    case 'EDD':
      for (let i = 0; i < lots.length; i++) scores[i] = lots[i]!.order.spec.due;
      return scores;
    case 'SPT':
      for (let i = 0; i < lots.length; i++) scores[i] = expectedTime(lots[i]!, ctx.equipment);
      return scores;
    case 'ATCS':
      return atcsScores(lots, ctx, scores);
    default:
      for (let i = 0; i < lots.length; i++) scores[i] = lots[i]!.queuedAt;
      return scores;
  }
}

function atcsScores(lots: readonly Lot[], ctx: DispatchContext, scores: Float64Array): Float64Array {
  const n = lots.length;
  const p = new Float64Array(n);
  const s = new Float64Array(n);
  let pSum = 0;
  let sSum = 0;
  for (let i = 0; i < n; i++) {
    const lot = lots[i]!;
    p[i] = Math.max(1e-9, expectedTime(lot, ctx.equipment));
    s[i] = setupTime(ctx.equipment.setups, ctx.keys, lot.product);
    pSum += p[i]!;
    sSum += s[i]!;
  }
  const pBar = pSum / n;
  const sBar = sSum / n;
  for (let i = 0; i < n; i++) {
    const lot = lots[i]!;
    const op = lot.routing.operations[lot.op]!;
    const remaining = op.remainingPerUnit * lot.quantity + op.remainingFixed;
    const slack = Math.max(lot.order.spec.due - ctx.now - Math.max(remaining, p[i]!), 0);
    const setupTerm = sBar > 0 ? s[i]! / (ctx.atcs.k2 * sBar) : 0;
    // −ln I: the same order as I, without exp() underflowing to 0 for lots with days of slack.
    scores[i] = -log(lot.order.spec.priority / p[i]!) + slack / (ctx.atcs.k1 * pBar) + setupTerm;
  }
  return scores;
}

/** Whether lot a (score sa) goes before lot b (score sb). */
export function before(sa: number, a: Lot, sb: number, b: Lot): boolean {
  if (sa !== sb) return sa < sb;
  if (a.queuedAt !== b.queuedAt) return a.queuedAt < b.queuedAt;
  return a.id < b.id;
}

/** Index of the best lot under `rule`, or -1 for an empty queue. */
export function pickLot(rule: DispatchRule, lots: readonly Lot[], ctx: DispatchContext): number {
  if (lots.length <= 1) return lots.length - 1;
  const scores = scoreLots(rule, lots, ctx);
  let best = 0;
  for (let i = 1; i < lots.length; i++) if (before(scores[i]!, lots[i]!, scores[best]!, lots[best]!)) best = i;
  return best;
}
