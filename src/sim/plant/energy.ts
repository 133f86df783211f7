import type { EquipmentSpec } from './compiledPlant.ts';
import type { EnergyByState } from './results.ts';
import { STATE } from './stateLog.ts';

export function emptyEnergy(): EnergyByState {
  return { processing: 0, setup: 0, idle: 0, down: 0, off: 0, total: 0 };
}

/**
 * kWh from minutes per state and the scenario's power draw per state. The energy profile has
 * five draws; waiting states (idle, starved, blocked) draw idle power, maintenance draws the
 * down power, and off-shift draws off power. Equipment without a profile uses none.
 */
export function energyOf(spec: EquipmentSpec, minutes: Float64Array): EnergyByState {
  const kW = spec.energy;
  const e = emptyEnergy();
  if (!kW) return e;
  const hours = (state: number): number => minutes[state]! / 60;
  e.processing = kW.processing * hours(STATE.processing);
  e.setup = kW.setup * hours(STATE.setup);
  e.idle = kW.idle * (hours(STATE.idle) + hours(STATE.starved) + hours(STATE.blocked));
  e.down = kW.down * (hours(STATE.down) + hours(STATE.maintenance));
  e.off = kW.off * (hours(STATE['off-shift']) + hours(STATE.off) + hours(STATE.unknown));
  e.total = e.processing + e.setup + e.idle + e.down + e.off;
  return e;
}

export function addEnergy(into: EnergyByState, e: EnergyByState): void {
  into.processing += e.processing;
  into.setup += e.setup;
  into.idle += e.idle;
  into.down += e.down;
  into.off += e.off;
  into.total += e.total;
}
