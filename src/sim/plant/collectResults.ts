import { MACHINE_STATES, type MachineState } from '../../model/machineState.ts';
import { activePeriodBottlenecks } from './bottleneck.ts';
import { deliveries, leadTimes } from './deliveries.ts';
import { addEnergy, emptyEnergy, energyOf } from './energy.ts';
import { maintenanceInWorkingTime } from './maintenance.ts';
import { oee, sumOeeInputs, type OeeInputs } from './oee.ts';
import type { PlantRun } from './plantRun.ts';
import type { EquipmentResult, LineResult, PlantResult, ShiftWait, Stall, TransportResult } from './results.ts';
import { STATE } from './stateLog.ts';

const DAY = 1440;

/** Closes every collector at `end` (the horizon, or where a cancelled run stopped) and assembles the results. */
export function collectResults(
  run: PlantRun, end: number, meta: { cancelled: boolean; dispatching: string; warmup: number },
): PlantResult {
  const { plant, windowStart } = run;
  const windowLength = Math.max(0, end - windowStart);
  const days = windowLength / DAY;

  const inputs: OeeInputs[] = [];
  const equipment: EquipmentResult[] = run.machines.map((m, i) => {
    if (m.jobDuration > 0 && m.runDone > 0) m.creditIdeal(m.runDone / m.jobDuration);
    m.log.close(end);
    const gate = run.gates[m.spec.calendar]!;
    const planned = gate.workingWithin(windowStart, end) - maintenanceInWorkingTime(run.maintenance[i]!, gate.intervals, windowStart, end);
    const minutes = m.log.minutes;
    const states = Object.fromEntries(MACHINE_STATES.map((s, k) => [s, minutes[k]!])) as Record<MachineState, number>;
    const input: OeeInputs = {
      planned, processing: minutes[STATE.processing]!, ideal: m.idealMinutes, unitsProcessed: m.unitsProcessed, unitsGood: m.unitsGood,
    };
    inputs.push(input);
    return {
      id: m.spec.id, name: m.spec.name, line: plant.lines[m.spec.line]!.id, states, plannedMinutes: planned,
      utilisation: planned > 0 ? (minutes[STATE.processing]! + minutes[STATE.setup]!) / planned : 0,
      setups: m.setups, unitsProcessed: m.unitsProcessed, unitsGood: m.unitsGood,
      oee: m.spec.used ? oee(input) : null,
      energyKWh: energyOf(m.spec, minutes),
      bottleneck: { sole: 0, shifting: 0 },
    };
  });

  const lines: LineResult[] = plant.lines.map((line, l) => {
    const parts = inputs.filter((_, i) => plant.equipment[i]!.line === l && plant.equipment[i]!.used);
    return { id: line.id, name: line.name, oee: parts.length > 0 ? oee(sumOeeInputs(parts)) : null };
  });

  const shares = activePeriodBottlenecks(
    run.machines.map((m) => (m.spec.used ? { starts: m.log.activeStarts, ends: m.log.activeEnds } : { starts: [], ends: [] })),
    windowStart, end,
  );
  equipment.forEach((e, i) => {
    e.bottleneck = windowLength > 0
      ? { sole: shares.sole[i]! / windowLength, shifting: shares.shifting[i]! / windowLength }
      : { sole: 0, shifting: 0 };
  });
  const ranked = equipment
    .filter((e) => e.bottleneck.sole + e.bottleneck.shifting > 0)
    .map((e) => ({ id: e.id, sole: e.bottleneck.sole, shifting: e.bottleneck.shifting }))
    .sort((a, b) => b.sole + b.shifting - (a.sole + a.shifting) || b.sole - a.sole);

  const energy = emptyEnergy();
  for (const e of equipment) addEnergy(energy, e.energyKWh);

  let unitsInPlant = 0;
  let lotMinutes = run.lotMinutesInWindow;
  for (const lot of run.lotsInPlant) {
    unitsInPlant += lot.quantity;
    lotMinutes += Math.max(0, end - Math.max(lot.enteredAt, windowStart));
  }
  const lead = leadTimes(run.orders, windowStart, end);
  const wip = run.wipSeries;
  wip.finish(end);

  return {
    scenario: plant.scenario.id, seed: run.streams.seed, replication: run.streams.replication, dispatching: meta.dispatching,
    window: { start: windowStart, end }, horizon: run.horizon, warmup: meta.warmup, cancelled: meta.cancelled,
    throughput: {
      lots: run.lotsFinishedInWindow, units: run.unitsFinishedInWindow, orders: lead.count, unitsScrapped: run.unitsScrappedInWindow,
      lotsPerDay: days > 0 ? run.lotsFinishedInWindow / days : 0,
      unitsPerDay: days > 0 ? run.unitsFinishedInWindow / days : 0,
      ordersPerDay: days > 0 ? lead.count / days : 0,
    },
    leadTime: lead,
    delivery: deliveries(run.orders, windowStart, end),
    wip: {
      lotsMean: run.wipLots.mean(end), unitsMean: run.wipUnits.mean(end), lotsMax: run.wipLots.max, unitsMax: run.wipUnits.max,
      sampleEvery: wip.every, times: wip.times, lots: wip.lots, units: wip.units,
    },
    flow: {
      unitsReleased: run.unitsReleased, unitsGood: run.unitsGoodOut, unitsScrapped: run.unitsScrapped, unitsInPlant,
      lotsEntered: run.lotsEntered, lotsExited: run.lotsExited, lotsInPlant: run.lotsInPlant.size, lotMinutes,
      lotsLeftInWindow: run.lotsLeftInWindow,
      meanLotMinutes: run.lotsLeftInWindow > 0 ? run.lotMinutesOfLeavers / run.lotsLeftInWindow : NaN,
    },
    orders: run.orders.map((o) => ({
      id: o.spec.id, release: o.spec.release, due: o.spec.due, quantity: o.spec.quantity, released: o.released,
      good: o.good, scrap: o.scrap, completedAt: Number.isNaN(o.completedAt) ? null : o.completedAt,
    })),
    equipment, lines,
    bottleneck: { equipment: ranked[0]?.id ?? null, shares: ranked },
    energy,
    transport: transportOf(run, days),
    disturbances: { ...run.disturbances },
    overruns: run.overruns,
    ...stallOf(run, end),
    ...(run.follower ? { follow: run.follower.report(end) } : {}),
    ...(run.jobs ? { jobs: run.jobs } : {}),
    events: run.sim.eventsFired,
  };
}

/** A stall must last at least this long (a day) with work in the plant to count: shorter quiet spells are weekends and breaks. */
const STALL_MINUTES = 1440;

function stallOf(run: PlantRun, end: number): { stall: Stall | null; shiftWait: ShiftWait | null } {
  const since = run.lastProgress;
  const none = { stall: null, shiftWait: null };
  if (run.lotsInPlant.size === 0 || end - since < STALL_MINUTES || run.machines.some((m) => m.working)) return none;
  const holding = run.machines.filter((m) => m.holdsWork && run.gates[m.spec.calendar]!.workingWithin(since, end) > 0);
  const offShift = (skill: string | undefined): boolean => {
    if (skill === undefined) return false;
    const pools = run.operators.pools.filter((p) => p.spec.skills.includes(skill));
    return pools.length > 0 && pools.every((p) => p.spec.calendar >= 0 && run.gates[p.spec.calendar]!.workingWithin(since, end) === 0);
  };
  const waiting = holding.filter((m) => offShift(m.awaitedSkill));
  const stuck = holding.filter((m) => !waiting.includes(m));
  if (stuck.length > 0) return { stall: { since, lots: run.lotsInPlant.size, equipment: stuck.map((m) => m.spec.id) }, shiftWait: null };
  if (waiting.length === 0) return none;
  const skills = [...new Set(waiting.map((m) => m.awaitedSkill!))];
  return { stall: null, shiftWait: { since, lots: run.lotsInPlant.size, equipment: waiting.map((m) => m.spec.id), skills } };
}

function transportOf(run: PlantRun, days: number): TransportResult {
  const f = run.fleet;
  const metres = f ? f.loadedMetres + f.emptyMetres : 0;
  return {
    trips: f?.trips ?? 0, loadedMetres: f?.loadedMetres ?? 0, emptyMetres: f?.emptyMetres ?? 0,
    metresPerDay: days > 0 ? metres / days : 0,
  };
}
