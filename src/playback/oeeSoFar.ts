import { MACHINE_STATES } from '../model/machineState.ts';
import { STATE_TO_OEE } from '../live/stateMapping.ts';

export interface OeeSoFar {
  /** Operating minutes ÷ planned busy minutes up to the playhead. */
  availability: number | undefined;
  performance: number | undefined;
  quality: number | undefined;
  oee: number | undefined;
}

/**
 * OEE of one machine from the start up to the playhead. Availability comes from its minutes in
 * each state so far (indexed like MACHINE_STATES), with the OEE categories the live KPIs use:
 * processing is operating time; setup, idle, starved, blocked and down are planned time lost;
 * maintenance, off-shift and off are not planned; unknown (before its first state) is no data.
 *
 * A simulation trace holds states, moves and loads but no unit counts or ideal times, so
 * performance and quality cannot be cut at the playhead: they are the whole run's figures
 * (`run`, from the traced replication's results), an approximation that holds while the
 * machine's speed and scrap rate do not drift over the run. Undefined where there is no figure.
 */
export function oeeSoFar(minutesInState: ArrayLike<number>, run?: { performance: number; quality: number } | null): OeeSoFar {
  let operating = 0;
  let planned = 0;
  MACHINE_STATES.forEach((state, i) => {
    const minutes = minutesInState[i] ?? 0;
    const category = STATE_TO_OEE[state];
    if (category === 'operating') operating += minutes;
    if (category !== 'excluded' && category !== 'no data') planned += minutes;
  });
  const availability = planned > 0 ? operating / planned : undefined;
  const performance = run?.performance;
  const quality = run?.quality;
  const oee = availability !== undefined && performance !== undefined && quality !== undefined ? availability * performance * quality : undefined;
  return { availability, performance, quality, oee };
}
