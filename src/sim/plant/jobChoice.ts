import { formBatch } from './batching.ts';
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
  /** When to look again although nothing arrives (a batch's maxWait runs out); Infinity for never. */
  wakeAt: number;
}

/**
 * The next job of free equipment from its queue: one lot by the dispatching rule, or a batch on
 * batch equipment (batching.ts). Under a schedule, the next listed lot(s) when they are there;
 * otherwise the lots the list does not mention, first come, first served (scheduleFollower.ts).
 */
export function chooseJob(queue: readonly Lot[], spec: EquipmentSpec, keys: Int32Array, plant: JobChoiceContext): JobChoice {
  const hooks = plant.hooks;
  if (hooks?.chooseJob) return hooks.chooseJob(queue, spec, keys, (lots, rule) => usualJob(lots, spec, keys, plant, rule ?? plant.rule));
  return usualJob(queue, spec, keys, plant, plant.rule);
}

function usualJob(queue: readonly Lot[], spec: EquipmentSpec, keys: Int32Array, plant: JobChoiceContext, ruleNow: DispatchRule): JobChoice {
  const now = plant.sim.now;
  let wakeAt = Infinity;
  let candidates: number[] | undefined;
  const follower = plant.follower;
  if (follower) {
    const listed = follower.nextListed(spec.index, (order) => plant.isComplete(order));
    if (listed) {
      const found = listed.map((e) => follower.find(e, queue));
      const present = found.filter((i) => i >= 0);
      const oldest = Math.min(...present.map((i) => queue[i]!.queuedAt));
      const allThere = present.length === found.length;
      if (present.length > 0 && (allThere || !spec.batch || oldest + spec.batch.maxWait <= now)) {
        const lots = spec.batch ? fitBatch(present, queue, spec.batch.capacity) : present.slice(0, 1);
        for (const i of lots) follower.consume(listed[found.indexOf(i)]!);
        return { lots, wakeAt };
      }
      if (present.length > 0 && spec.batch) wakeAt = oldest + spec.batch.maxWait;
    }
    candidates = [];
    for (let i = 0; i < queue.length; i++) if (!follower.isListed(spec.index, queue[i]!)) candidates.push(i);
    if (candidates.length === 0) return { lots: [], wakeAt };
  }
  const pool = candidates ? candidates.map((i) => queue[i]!) : queue;
  const rule = follower ? 'FIFO' : ruleNow;
  const ctx = { now, equipment: spec, keys, atcs: plant.atcs };
  const toQueue = (picked: number[]): number[] => (candidates ? picked.map((k) => candidates[k]!) : picked);
  if (!spec.batch) {
    const k = pickLot(rule, pool, ctx);
    return { lots: k < 0 ? [] : toQueue([k]), wakeAt };
  }
  const decision = formBatch(pool, spec.batch, scoreLots(rule, pool, ctx), now);
  if (decision.kind === 'start') return { lots: toQueue(decision.lots), wakeAt };
  return { lots: [], wakeAt: decision.kind === 'wait' ? Math.min(wakeAt, decision.until) : wakeAt };
}

/** Expected minutes a lot adds to equipment (its share of a batch on batch equipment). */
export function estimateOf(lot: Lot, equipment: EquipmentSpec): number {
  const op = lot.routing.operations[lot.op]!;
  let mean = op.eligible[0]?.mean ?? 0;
  for (const e of op.eligible) if (e.equipment === equipment.index) mean = e.mean;
  const batch = equipment.batch;
  return batch ? (mean * lot.quantity) / batch.capacity : mean * lot.quantity;
}

/** Listed lots of a scheduled batch, oldest first, as many as fit. */
function fitBatch(indices: number[], queue: readonly Lot[], capacity: number): number[] {
  const chosen: number[] = [];
  let load = 0;
  for (const i of [...indices].sort((a, b) => queue[a]!.queuedAt - queue[b]!.queuedAt || queue[a]!.id - queue[b]!.id)) {
    if (load + queue[i]!.quantity <= capacity) {
      chosen.push(i);
      load += queue[i]!.quantity;
    }
  }
  return chosen;
}
