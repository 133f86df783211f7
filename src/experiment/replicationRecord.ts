import { MACHINE_STATES } from '../model/machineState.ts';
import { plantKpis, PLANT_KPIS, type PlantKpi } from '../sim/plant/replicatePlant.ts';
import type { PlantResult } from '../sim/plant/results.ts';

const DAY = 1440;

/**
 * A number as JSON keeps it: NaN and ±Infinity become null. Records hold numbers in this form
 * from the start, so a record read back from a file is equal to the one computed in memory and
 * every summary of it is the same to the bit (sharded runs merge to the unsharded result).
 */
export type JsonNumber = number | null;

export function jsonNumber(x: number): JsonNumber {
  return Number.isFinite(x) ? x : null;
}

/** A JsonNumber back as a number for arithmetic: null is NaN. */
export function num(x: JsonNumber | undefined): number {
  return x ?? NaN;
}

/** Per equipment, in the plant's equipment order. */
export interface EquipmentRecord {
  /** Minutes in each state inside the window, in MACHINE_STATES order. */
  states: number[];
  utilisation: JsonNumber;
  oee: JsonNumber;
  /** Share of the window as bottleneck (sole + shifting). */
  bottleneck: number;
}

/**
 * What an experiment keeps of one replication: the scalar KPIs and what its charts need (time
 * in state per machine, WIP samples, lead times, orders finished per day), not the per-order
 * table or the trace. Small enough to cross a worker boundary or sit in a shard file by the
 * thousand.
 */
export interface ReplicationRecord {
  replication: number;
  kpis: Record<PlantKpi, JsonNumber>;
  events: number;
  /** The measured window [start, end), minutes from the scenario start. */
  window: { start: number; end: number };
  equipment: EquipmentRecord[];
  /** Id of the equipment that was the bottleneck for the largest share of the window, or null. */
  bottleneck: string | null;
  /** WIP in lots, sampled every `wipEvery` minutes from the window start. */
  wipEvery: number;
  wipLots: number[];
  /** Lead times (minutes) of the orders completed inside the window, ascending. */
  leadTimes: number[];
  /** Orders completed, and their good units, per day of the window (the last day may be partial). */
  ordersPerDay: number[];
  unitsPerDay: number[];
}

export function toReplicationRecord(r: PlantResult): ReplicationRecord {
  const kpis = plantKpis(r);
  const days = Math.max(0, Math.ceil((r.window.end - r.window.start) / DAY));
  const ordersPerDay = new Array<number>(days).fill(0);
  const unitsPerDay = new Array<number>(days).fill(0);
  const leadTimes: number[] = [];
  for (const o of r.orders) {
    if (o.completedAt === null || o.completedAt < r.window.start || o.completedAt > r.window.end) continue;
    leadTimes.push(o.completedAt - o.release);
    const day = Math.min(days - 1, Math.floor((o.completedAt - r.window.start) / DAY));
    ordersPerDay[day]!++;
    unitsPerDay[day]! += o.good;
  }
  leadTimes.sort((a, b) => a - b);
  return {
    replication: r.replication,
    kpis: Object.fromEntries(PLANT_KPIS.map((k) => [k, jsonNumber(kpis[k])])) as Record<PlantKpi, JsonNumber>,
    events: r.events,
    window: { start: r.window.start, end: r.window.end },
    equipment: r.equipment.map((e) => ({
      states: MACHINE_STATES.map((s) => e.states[s]),
      utilisation: jsonNumber(e.utilisation),
      oee: e.oee ? jsonNumber(e.oee.oee) : null,
      bottleneck: e.bottleneck.sole + e.bottleneck.shifting,
    })),
    bottleneck: r.bottleneck.equipment,
    wipEvery: r.wip.sampleEvery,
    wipLots: r.wip.lots.slice(),
    leadTimes,
    ordersPerDay,
    unitsPerDay,
  };
}
