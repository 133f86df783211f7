import type { BatchSpec } from './compiledPlant.ts';
import { before } from './dispatching.ts';
import type { Lot } from './lots.ts';

export type BatchDecision =
  | { kind: 'start'; lots: number[] }
  | { kind: 'wait'; until: number }
  | { kind: 'none' };

/**
 * Loading batch equipment (furnaces, ovens, wash lines). Lots with the same batch key (the value
 * of the `by` attribute) may share a batch of up to `capacity` units.
 *
 * - A key's group is ready when its waiting units reach the capacity, or its oldest lot has
 *   waited `maxWait` minutes. Without maxWait every group is ready: the equipment never idles
 *   waiting for a fuller batch.
 * - Of the ready groups, the one holding the best lot under the dispatching rule goes first.
 * - The batch takes that group's lots in rule order, skipping any that no longer fit (first fit).
 * - When nothing is ready the equipment waits until the first group's maxWait runs out (or
 *   until more lots arrive).
 *
 * Lots larger than the capacity are split on arrival (see PlantRun.arrive), so each lot fits alone.
 */
export function formBatch(queue: readonly Lot[], batch: BatchSpec, scores: Float64Array, now: number): BatchDecision {
  if (queue.length === 0) return { kind: 'none' };
  const units = new Map<number, number>();
  const oldest = new Map<number, number>();
  for (const lot of queue) {
    const key = batch.keyOf[lot.product]!;
    units.set(key, (units.get(key) ?? 0) + lot.quantity);
    oldest.set(key, Math.min(oldest.get(key) ?? Infinity, lot.queuedAt));
  }
  const ready = (key: number): boolean =>
    batch.maxWait === Infinity || units.get(key)! >= batch.capacity || oldest.get(key)! + batch.maxWait <= now;
  let best = -1;
  for (let i = 0; i < queue.length; i++) {
    const lot = queue[i]!;
    if (!ready(batch.keyOf[lot.product]!)) continue;
    if (best < 0 || before(scores[i]!, lot, scores[best]!, queue[best]!)) best = i;
  }
  if (best < 0) {
    let until = Infinity;
    for (const t of oldest.values()) until = Math.min(until, t + batch.maxWait);
    return { kind: 'wait', until };
  }
  const key = batch.keyOf[queue[best]!.product]!;
  const members: number[] = [];
  for (let i = 0; i < queue.length; i++) if (batch.keyOf[queue[i]!.product] === key) members.push(i);
  members.sort((a, b) => (before(scores[a]!, queue[a]!, scores[b]!, queue[b]!) ? -1 : 1));
  const chosen: number[] = [];
  let load = 0;
  for (const i of members) {
    const q = queue[i]!.quantity;
    if (load + q <= batch.capacity) {
      chosen.push(i);
      load += q;
    }
  }
  return { kind: 'start', lots: chosen };
}
