import { makeSampler, type Sampler } from '../distributions.ts';
import type { RandomStreams } from '../random.ts';
import type { EquipmentSpec, OperationSpec } from './compiledPlant.ts';
import type { Lot } from './lots.ts';
import { plannedBatchMinutes, plannedRunMinutes } from './plannedTimes.ts';

function planned(equipment: EquipmentSpec, lots: readonly Lot[]): number {
  const lead = lots[0]!;
  if (!equipment.batch) return plannedRunMinutes(lead.routing.operations[lead.op]!, equipment, lead.quantity);
  return plannedBatchMinutes(lots.map((lot) => lot.routing.operations[lot.op]!), equipment);
}

/**
 * Processing times, drawn from each equipment's own stream (`proc/<equipment>`).
 *
 * One draw per lot, times its quantity: the per-unit times in scenarios are lot times divided
 * by quantity, and units of one lot share program, material and operator, so their times are
 * not independent (one draw per lot also keeps common random numbers aligned when quantities
 * change). On batch equipment one draw per batch, from the operation with the longest mean among
 * the batch's lots (lots share a batch because they share a cycle).
 */
export class ProcessingTimes {
  private readonly samplers = new Map<OperationSpec, Sampler[]>();

  /** `vary` false: every time is its mean (plannedTimes.ts), nothing is drawn. */
  constructor(private readonly streams: RandomStreams, private readonly vary = true) {}

  draw(equipment: EquipmentSpec, lots: readonly Lot[]): number {
    if (!this.vary) return planned(equipment, lots);
    let lead = lots[0]!;
    if (equipment.batch) {
      let longest = -Infinity;
      for (const lot of lots) {
        const mean = lot.routing.operations[lot.op]!.eligible.find((e) => e.equipment === equipment.index)?.mean ?? 0;
        if (mean > longest) {
          longest = mean;
          lead = lot;
        }
      }
      return this.sampler(lead, equipment)();
    }
    return this.sampler(lead, equipment)() * lead.quantity;
  }

  private sampler(lot: Lot, equipment: EquipmentSpec): Sampler {
    const op = lot.routing.operations[lot.op]!;
    let list = this.samplers.get(op);
    if (!list) this.samplers.set(op, (list = []));
    const k = Math.max(0, op.eligible.findIndex((e) => e.equipment === equipment.index));
    let sampler = list[k];
    if (!sampler) {
      sampler = makeSampler(op.eligible[k]!.time, this.streams.stream(`proc/${equipment.id}`));
      list[k] = sampler;
    }
    return sampler;
  }
}
