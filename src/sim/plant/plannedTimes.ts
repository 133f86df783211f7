import type { EquipmentSpec, OperationSpec } from './compiledPlant.ts';

/** Mean minutes per unit (per batch on batch equipment) of an operation on equipment; NaN where it is not eligible. */
export function meanTime(op: OperationSpec, equipment: number): number {
  for (const e of op.eligible) if (e.equipment === equipment) return e.mean;
  return NaN;
}

/**
 * Minutes of processing of `quantity` units of `op` on `equipment`, as planned and as the
 * simulator runs them without processing-time variation: the mean per unit × units, or one
 * batch time on batch equipment, whatever its load. Exact, not rounded: the scheduler and the
 * simulator must compute the same number from the same expression.
 */
export function plannedRunMinutes(op: OperationSpec, equipment: EquipmentSpec, quantity: number): number {
  const mean = meanTime(op, equipment.index);
  return equipment.batch ? mean : mean * quantity;
}

/**
 * Minutes of one batch holding lots of several operations: the longest of their batch times
 * (lots share a batch because they share a cycle; the simulator draws it from that operation).
 */
export function plannedBatchMinutes(ops: readonly OperationSpec[], equipment: EquipmentSpec): number {
  let longest = 0;
  for (const op of ops) longest = Math.max(longest, meanTime(op, equipment.index));
  return longest;
}
