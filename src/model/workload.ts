import { totalMinutes, workingIntervals } from './calendar.ts';
import { distributionMean } from './common.ts';
import type { Scenario } from './scenarioSchema.ts';

/** Work content against working time for one piece of equipment over the scenario horizon. */
export interface EquipmentLoad {
  equipment: string;
  calendar: string;
  /** Minutes of processing the scenario's orders ask of it. */
  work: number;
  /** Working minutes of its calendar within the horizon. */
  capacity: number;
  /** work / capacity; null when the calendar gives no working time. */
  load: number | null;
}

export const WORKLOAD_RULE =
  'work = sum over orders of quantity × mean unit time; an operation with several eligible machines ' +
  'gives each an equal share of the quantity at its own time (batch equipment: time per batch ÷ batch capacity); ' +
  'setups, yield losses and rework are not counted. capacity = working minutes of the equipment\'s calendar within the horizon.';

/**
 * A rough-cut capacity check (the planner's first question: which machine is the bottleneck?).
 * Splitting evenly rather than charging the first eligible machine keeps alternatives visible;
 * it is a plan-independent estimate, not what any schedule will do.
 */
export function equipmentLoads(scenario: Scenario): EquipmentLoad[] {
  const work = new Map<string, number>();
  const routings = new Map(scenario.routings.map((r) => [r.id, r]));
  const products = new Map(scenario.products.map((p) => [p.id, p]));
  const batchCapacity = new Map(scenario.batchEquipment.map((b) => [b.equipment, b.capacity]));
  for (const routing of scenario.routings) {
    for (const op of routing.operations) for (const e of op.equipment) work.set(e.equipment, 0);
  }
  for (const order of scenario.orders) {
    const product = products.get(order.product);
    const routing = product && routings.get(product.routing);
    if (!routing) continue;
    for (const op of routing.operations) {
      const share = order.quantity / op.equipment.length;
      for (const e of op.equipment) {
        const perUnit = distributionMean(e.time) / (batchCapacity.get(e.equipment) ?? 1);
        work.set(e.equipment, (work.get(e.equipment) ?? 0) + share * perUnit);
      }
    }
  }
  const calendars = new Map(scenario.calendars.map((c) => [c.id, c]));
  const capacityOf = new Map<string, number>();
  const loads = [...work].map(([equipment, minutes]): EquipmentLoad => {
    const calendarId = scenario.equipmentCalendars.overrides[equipment] ?? scenario.equipmentCalendars.default;
    let capacity = capacityOf.get(calendarId);
    if (capacity === undefined) {
      const calendar = calendars.get(calendarId);
      capacity = calendar ? totalMinutes(workingIntervals(calendar, scenario.start, scenario.experiment.horizon)) : 0;
      capacityOf.set(calendarId, capacity);
    }
    return { equipment, calendar: calendarId, work: minutes, capacity, load: capacity > 0 ? minutes / capacity : null };
  });
  // Work on equipment without working time can never be done: that is the worst bottleneck of all.
  const rank = (l: EquipmentLoad): number => l.load ?? (l.work > 0 ? Infinity : -1);
  return loads.sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    if (ra !== rb) return rb > ra ? 1 : -1;
    return b.work - a.work || a.equipment.localeCompare(b.equipment);
  });
}
