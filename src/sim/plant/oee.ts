import type { Oee } from './results.ts';

/** What OEE is computed from, for one piece of equipment or summed over a line. */
export interface OeeInputs {
  /** Planned production time: working time minus planned maintenance in it. */
  planned: number;
  /** Run time: minutes processing (setups, breakdowns and waiting are availability losses). */
  processing: number;
  /** Ideal minutes of the work done: mean time × units (a batch's share of its mean cycle). */
  ideal: number;
  unitsProcessed: number;
  unitsGood: number;
}

/**
 * OEE = availability × performance × quality (Nakajima):
 *   availability = run time / planned production time
 *   performance  = ideal time of the units made / run time
 *   quality      = good units / units processed
 * The ideal time is the scenario's mean time, so a machine running faster than its mean would
 * score above 1; performance is capped at 1. With no run time performance is 0; with no units
 * quality is 1 (nothing was made badly). Null when there was no planned production time.
 */
export function oee(inputs: OeeInputs): Oee | null {
  if (!(inputs.planned > 0)) return null;
  const availability = Math.min(1, inputs.processing / inputs.planned);
  const performance = inputs.processing > 0 ? Math.min(1, inputs.ideal / inputs.processing) : 0;
  const quality = inputs.unitsProcessed > 0 ? inputs.unitsGood / inputs.unitsProcessed : 1;
  return { availability, performance, quality, oee: availability * performance * quality };
}

/** Line OEE: its equipment's inputs summed (time-weighted), so long-running machines weigh more. */
export function sumOeeInputs(parts: readonly OeeInputs[]): OeeInputs {
  const total: OeeInputs = { planned: 0, processing: 0, ideal: 0, unitsProcessed: 0, unitsGood: 0 };
  for (const p of parts) {
    total.planned += p.planned;
    total.processing += p.processing;
    total.ideal += p.ideal;
    total.unitsProcessed += p.unitsProcessed;
    total.unitsGood += p.unitsGood;
  }
  return total;
}
