import type { Simulator } from '../simulator.ts';
import type { EquipmentSpec } from './compiledPlant.ts';
import type { Machine } from './machine.ts';

/** [start, end) windows of planned maintenance that overlap [from, to), repeats expanded. */
export function maintenanceWindows(spec: Pick<EquipmentSpec, 'maintenance'>, from: number, to: number): [number, number][] {
  const windows: [number, number][] = [];
  for (const m of spec.maintenance) {
    let k = 0;
    if (m.repeatEvery < Infinity && m.start + m.duration <= from) k = Math.floor((from - m.start - m.duration) / m.repeatEvery) + 1;
    for (; ; k++) {
      const start = m.start + k * (m.repeatEvery < Infinity ? m.repeatEvery : 0);
      if (start >= to || (k > 0 && m.repeatEvery === Infinity)) break;
      if (start + m.duration > from) windows.push([start, start + m.duration]);
    }
  }
  return windows.sort((a, b) => a[0] - b[0]);
}

/**
 * Planned maintenance takes the machine at its planned start, whatever it is doing: the job
 * pauses and resumes afterwards (preemptive resume), as a planned stop does on the shop floor
 * when the maintenance crew arrives on time. Overlapping windows simply overlap.
 */
export function scheduleMaintenance(sim: Simulator, machine: Machine, windows: readonly [number, number][]): void {
  for (const [start, end] of windows) {
    if (start <= sim.now) machine.startMaintenance();
    else sim.scheduleAt(start, begin, machine);
    sim.scheduleAt(end, finish, machine);
  }
}

function begin(machine: Machine): void {
  machine.startMaintenance();
}

function finish(machine: Machine): void {
  machine.endMaintenance();
}

/** Minutes of `windows` (merged) that fall inside the calendar's working time within [from, to). */
export function maintenanceInWorkingTime(
  windows: readonly [number, number][], working: readonly (readonly [number, number])[], from: number, to: number,
): number {
  const merged: [number, number][] = [];
  for (const [s, e] of windows) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  let total = 0;
  for (const [ms, me] of merged) {
    for (const [ws, we] of working) {
      total += Math.max(0, Math.min(me, we, to) - Math.max(ms, ws, from));
    }
  }
  return total;
}
