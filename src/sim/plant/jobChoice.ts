import { formBatch } from './batching.ts';
import type { InputBuffer } from './buffer.ts';
import type { EquipmentSpec } from './compiledPlant.ts';
import { pickLot, scoreLots, type AtcsParameters, type DispatchRule } from './dispatching.ts';
import type { Lot } from './lots.ts';
import type { PlantHooks } from './plantHooks.ts';
import type { ScheduleFollower } from './scheduleFollower.ts';

/** What choosing a job needs to know about the plant. */
export interface JobChoiceContext {
  readonly sim: { readonly now: number };
  readonly rule: DispatchRule;
  readonly atcs: AtcsParameters;
  readonly follower: ScheduleFollower | undefined;
  readonly hooks?: PlantHooks | undefined;
  isComplete(order: number): boolean;
}

export interface JobChoice {
  /** Indices into the queue of the next job's lots; empty when nothing can start now. */
  lots: number[];
  /** When to look again although nothing arrives (a batch's maxWait runs out, a listed job comes due); Infinity for never. */
  wakeAt: number;
  /** The lots are in the order the job takes them (a schedule's batch: its first entry decides the changeover). */
  ordered: boolean;
}

/**
 * The next job of free equipment from its queue: one lot by the dispatching rule, or a batch on
 * batch equipment (batching.ts). Under a schedule, the listed job the follower says may start
 * (scheduleFollower.ts); otherwise the lots the list does not mention, first come, first served.
 * `input` is the equipment's input buffer (lots may be waiting for room in it).
 */
export function chooseJob(queue: readonly Lot[], spec: EquipmentSpec, keys: Int32Array, plant: JobChoiceContext, input: InputBuffer): JobChoice {
  const hooks = plant.hooks;
  if (hooks?.chooseJob) return hooks.chooseJob(queue, spec, keys, (lots, rule) => usualJob(lots, spec, keys, plant, input, rule ?? plant.rule));
  return usualJob(queue, spec, keys, plant, input, plant.rule);
}

function usualJob(queue: readonly Lot[], spec: EquipmentSpec, keys: Int32Array, plant: JobChoiceContext, input: InputBuffer, ruleNow: DispatchRule): JobChoice {
  const now = plant.sim.now;
  const follower = plant.follower;
  if (!follower) return ruleJob(queue, undefined, spec, keys, plant, ruleNow, Infinity);
  const candidates: number[] = [];
  let place = Infinity;
  for (let i = 0; i < queue.length; i++) {
    const lot = queue[i]!;
    if (lot.entry !== undefined) continue;
    candidates.push(i);
    place = Math.min(place, follower.unlistedPlace(lot));
  }
  const listedJob = (unlistedBefore: number) => follower.choose(queue, {
    equipment: spec.index, now, keptOut: input.earliestWaiting(), maxWait: spec.batch?.maxWait, capacity: spec.batch?.capacity ?? Infinity,
    unlistedBefore, isComplete: (order) => plant.isComplete(order),
  });
  // Unlisted lots whose order's place has come go before the listed jobs planned after it —
  // when they can start now (a batch of them may rather wait for partners: then the list goes on).
  let listed = listedJob(place <= now ? place : Infinity);
  if (listed.lots.length > 0) return { lots: listed.lots, wakeAt: listed.wakeAt, ordered: true };
  if (candidates.length === 0) return { lots: [], wakeAt: listed.wakeAt, ordered: false };
  const unlisted = ruleJob(queue, candidates, spec, keys, plant, 'FIFO', listed.wakeAt);
  if (unlisted.lots.length > 0 || !(place <= now)) return unlisted;
  listed = listedJob(Infinity);
  if (listed.lots.length > 0) return { lots: listed.lots, wakeAt: listed.wakeAt, ordered: true };
  return { lots: [], wakeAt: Math.min(listed.wakeAt, unlisted.wakeAt), ordered: false };
}

/** A job by a dispatching rule among the lots of `queue` at `candidates` (all when undefined). */
function ruleJob(queue: readonly Lot[], candidates: number[] | undefined, spec: EquipmentSpec, keys: Int32Array, plant: JobChoiceContext, rule: DispatchRule, wakeAt: number): JobChoice {
  const now = plant.sim.now;
  const pool = candidates ? candidates.map((i) => queue[i]!) : queue;
  const ctx = { now, equipment: spec, keys, atcs: plant.atcs };
  const toQueue = (picked: number[]): number[] => {
    if (plant.follower && picked.length > 0) plant.follower.unlistedStarted();
    return candidates ? picked.map((k) => candidates[k]!) : picked;
  };
  if (!spec.batch) {
    const k = pickLot(rule, pool, ctx);
    return { lots: k < 0 ? [] : toQueue([k]), wakeAt, ordered: false };
  }
  const decision = formBatch(pool, spec.batch, scoreLots(rule, pool, ctx), now);
  if (decision.kind === 'start') return { lots: toQueue(decision.lots), wakeAt, ordered: false };
  return { lots: [], wakeAt: decision.kind === 'wait' ? Math.min(wakeAt, decision.until) : wakeAt, ordered: false };
}

/** Expected minutes a lot adds to equipment (its share of a batch on batch equipment). */
export function estimateOf(lot: Lot, equipment: EquipmentSpec): number {
  const op = lot.routing.operations[lot.op]!;
  let mean = op.eligible[0]?.mean ?? 0;
  for (const e of op.eligible) if (e.equipment === equipment.index) mean = e.mean;
  const batch = equipment.batch;
  return batch ? (mean * lot.quantity) / batch.capacity : mean * lot.quantity;
}
