import { isoAt } from '../../model/calendar.ts';
import type { Schedule } from '../../model/scheduleSchema.ts';
import type { CompiledPlant } from './compiledPlant.ts';

/** A job as it ran: its lots, its changeover and run. Minutes from the scenario start. */
export interface JobRecord {
  equipment: number;
  lots: { order: number; op: number; quantity: number }[];
  /** When the job took its lots (it may then wait on the equipment for an operator). */
  begin: number;
  setupStart: number;
  setupMinutes: number;
  start: number;
  /** NaN while it runs (at the end of the run: not finished). */
  end: number;
  /** Under way when the run started (a snapshot's job): written frozen, as a schedule made then shows it. */
  frozen: boolean;
}

/** Setup keys of a product on equipment, as schedules show them ("" without a matrix there). */
function keyLabel(plant: CompiledPlant, e: number, product: number): string {
  return plant.equipment[e]!.setups.map((s) => s.keys[s.keyOf[product]!] ?? '').filter((k) => k !== '').join('+');
}

/**
 * The jobs a run carried out, as a schedule (`plant-twin simulate --as-run`): every finished job
 * with its equipment, times, changeover, when it took its lots if it then waited for an operator
 * (`begin`) and, on batch equipment, a batch id shared by its lots;
 * `quantity` where a lot held only part of its order. Following it with the disturbances off
 * repeats the run. KPIs are those of the finished jobs: an order's completion is its latest end.
 */
export function asRunSchedule(plant: CompiledPlant, jobs: readonly JobRecord[], meta: { id: string; createdAt: string; objective?: string }): Schedule {
  const start = plant.scenario.start;
  const at = (minutes: number): string => isoAt(start, minutes);
  const finished = jobs.filter((j) => !Number.isNaN(j.end)).sort((a, b) => a.start - b.start || a.equipment - b.equipment);
  const lastProduct = new Map<number, number>();
  const completion = new Map<number, number>();
  const operations: Schedule['operations'] = [];
  let totalSetup = 0;
  let makespan = 0;
  let batch = 0;
  for (const job of [...finished].sort((a, b) => a.setupStart - b.setupStart || a.equipment - b.equipment)) {
    const product = plant.orders[job.lots[0]!.order]!.product;
    const previous = lastProduct.get(job.equipment);
    lastProduct.set(job.equipment, product);
    const setup = job.setupMinutes > 0 ? {
      from: previous === undefined ? null : keyLabel(plant, job.equipment, previous) || plant.products[previous]!.id,
      to: keyLabel(plant, job.equipment, product) || plant.products[product]!.id,
      minutes: job.setupMinutes, start: at(job.setupStart),
    } : undefined;
    totalSetup += job.setupMinutes;
    makespan = Math.max(makespan, job.end);
    const batchId = plant.equipment[job.equipment]!.batch ? `batch-${++batch}` : undefined;
    for (const lot of job.lots) {
      const order = plant.orders[lot.order]!;
      const routing = plant.routings[plant.products[order.product]!.routing]!;
      completion.set(lot.order, Math.max(completion.get(lot.order) ?? 0, job.end));
      operations.push({
        order: order.id, operation: routing.operations[lot.op]!.id, equipment: plant.equipment[job.equipment]!.id,
        start: at(job.start), end: at(job.end),
        ...(setup ? { setup } : {}),
        // Waiting on the equipment for an operator: when the lots left the input buffer (room freed then).
        ...(job.begin < (setup ? job.setupStart : job.start) - 1e-9 ? { begin: at(job.begin) } : {}),
        ...(batchId ? { batch: batchId } : {}),
        ...(lot.quantity !== order.quantity ? { quantity: lot.quantity } : {}),
        frozen: job.frozen, locked: false,
      });
    }
  }
  let weightedTardiness = 0;
  let lateOrders = 0;
  for (const [o, end] of completion) {
    const order = plant.orders[o]!;
    const late = Math.max(0, end - order.due);
    weightedTardiness += order.priority * late;
    if (late > 0) lateOrders++;
  }
  return {
    format: 'plant-twin/schedule', version: 1, id: meta.id, supersedes: null, scenario: plant.scenario.id, createdAt: meta.createdAt,
    objective: meta.objective ?? 'as run (simulation)',
    kpis: { makespan, totalSetup, weightedTardiness, lateOrders, utilisation: {} },
    operations,
  };
}
