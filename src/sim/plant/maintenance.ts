import { expandWindows } from '../../model/calendar.ts';
import type { Simulator } from '../simulator.ts';
import type { EquipmentSpec } from './compiledPlant.ts';
import type { Machine } from './machine.ts';

/** [start, end) windows of planned maintenance that overlap [from, to), repeats expanded. */
export function maintenanceWindows(spec: EquipmentSpec, from: number, to: number): [number, number][] {
  return expandWindows(spec.maintenance, from, to);
}

/**
 * Planned maintenance takes the machine at its planned start, whatever it is doing: the job
 * pauses and resumes afterwards (preemptive resume), as a planned stop does on the shop floor
 * when the maintenance crew arrives on time. Overlapping windows simply overlap. The one
 * exception is an uninterruptible run: the crew waits for it, and the maintenance then lasts its
 * full duration from the run's end (Machine.maintenanceDue).
 */
export function scheduleMaintenance(sim: Simulator, machine: Machine, windows: readonly [number, number][]): void {
  for (const [start, end] of windows) {
    const slot = { machine, duration: end - start, deferred: false };
    if (start <= sim.now) machine.startMaintenance();
    else sim.scheduleAt(start, begin, slot);
    sim.scheduleAt(end, finish, slot);
  }
}

interface MaintenanceSlot {
  machine: Machine;
  duration: number;
  deferred: boolean;
}

function begin(slot: MaintenanceSlot): void {
  slot.deferred = !slot.machine.maintenanceDue(slot.duration);
}

function finish(slot: MaintenanceSlot): void {
  if (!slot.deferred) slot.machine.endMaintenance();
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
