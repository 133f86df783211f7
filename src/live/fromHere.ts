import { minutesBetween } from '../model/calendar.ts';
import type { Layout } from '../model/layoutSchema.ts';
import type { Scenario } from '../model/scenarioSchema.ts';
import { observedCoverage, type Coverage } from './recordingMapping.ts';
import { buildSnapshot, layoutEquipmentIds, scenarioFromSnapshot, type Observed, type Snapshot } from './snapshot.ts';

export interface FromHereOptions {
  /** Hours to simulate past the snapshot. */
  hours: number;
  /** Fewest pieces of layout equipment with a known state for a run (default 1). */
  minimum?: number;
  /** Recorded devices not in the layout, to say why nothing matched. */
  unmapped?: readonly string[];
}

export type FromHerePlan =
  | { ok: false; coverage: Coverage }
  | {
    ok: true;
    coverage: Coverage;
    scenario: Scenario;
    snapshot: Snapshot;
    /** Observations left out of the snapshot, one line each. */
    dropped: string[];
    /** What the user should know about the run's start (a snapshot before the scenario start). */
    notes: string[];
  };

/**
 * "Simulate from here", as the app and `plant-twin simulate-from` both do it: enough of the plant
 * observed (else refused with the reason), the observations as the scenario's start state, and the
 * horizon `hours` past the snapshot. A snapshot before the scenario's start starts it at its start
 * (orders, calendars and maintenance are dated from there), which the notes say.
 */
export function planFromHere(scenario: Scenario, layout: Layout, observed: readonly Observed[], timeIso: string, options: FromHereOptions): FromHerePlan {
  const layoutIds = layoutEquipmentIds(layout);
  const coverage = observedCoverage(layoutIds, observed, timeIso, options.minimum ?? 1, options.unmapped ?? []);
  if (!coverage.ok) return { ok: false, coverage };
  const { snapshot, dropped } = buildSnapshot(scenario, layout, observed, timeIso);
  const notes: string[] = [];
  if (minutesBetween(scenario.start, timeIso) < 0) {
    notes.push(`the observed time ${timeIso} is before the scenario's start ${scenario.start}: the observed states start the scenario at its start`);
  }
  if (coverage.withoutData.length > 0) {
    notes.push(`${coverage.withoutData.length} of ${layoutIds.length} pieces of equipment have no observed state and start as the scenario says`);
  }
  return { ok: true, coverage, scenario: scenarioFromSnapshot(scenario, snapshot, options.hours), snapshot, dropped, notes };
}
