import type { EquipmentSpec } from './compiledPlant.ts';
import type { DispatchRule } from './dispatching.ts';
import type { JobChoice } from './jobChoice.ts';
import type { Lot } from './lots.ts';

/** How the run would choose a job from some of the queue's lots (indices into those lots), by its rule or another. */
export type UsualJobChoice = (lots: readonly Lot[], rule?: DispatchRule) => JobChoice;

/**
 * Where a caller outside the plant model may steer a run — a training lesson's decisions (a
 * pinned next job, a changeover campaign, a rule change, work rerouted, material on hold).
 * Every hook is optional and a run without hooks behaves exactly as before; hooks only steer
 * choices the model makes anyway, so flow, time and counting rules stay the model's own.
 */
export interface PlantHooks {
  /** The equipment for a lot's current operation, or undefined to choose as usual (or as the schedule says). */
  equipmentFor?(lot: Lot): number | undefined;
  /** The next job of free equipment, as indices into `queue`; `usual` is the run's own choice over any subset. */
  chooseJob?(queue: readonly Lot[], spec: EquipmentSpec, keys: Int32Array, usual: UsualJobChoice): JobChoice;
}
