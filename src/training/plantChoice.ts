import type { DispatchRule } from '../sim/plant/dispatching.ts';
import type { Decision } from './lessonSchema.ts';

/**
 * What a plant decision does to the run, in plain data. `null` is the choice of doing nothing
 * different: the dispatching rule picks, the rule stays, nothing is rerouted, no campaign.
 */
export type PlantChoice =
  | { kind: 'next-job'; order: string | null }
  | { kind: 'dispatching-rule'; rule: DispatchRule | null }
  | { kind: 'reroute'; to: string | null }
  | { kind: 'rush-order'; accept: boolean }
  | { kind: 'sequence'; sequence: readonly string[] | null };

/** Plant choices made so far, by decision id. */
export type Choices = ReadonlyMap<string, PlantChoice>;

/**
 * The choice a run takes at a decision nobody has made for it: in runs that judge an earlier
 * decision, later ones keep the plant as it goes (and a rush order gets the lesson's default),
 * so each alternative is judged by what it changes itself.
 */
export function defaultChoice(d: Decision): PlantChoice | undefined {
  switch (d.kind) {
    case 'next-job': return { kind: 'next-job', order: null };
    case 'dispatching-rule': return { kind: 'dispatching-rule', rule: null };
    case 'reroute': return { kind: 'reroute', to: null };
    case 'rush-order': return { kind: 'rush-order', accept: d.default === 'accept' };
    case 'sequence': return { kind: 'sequence', sequence: null };
    default: return undefined;
  }
}

/** A stable text key of a set of choices (for caching runs). */
export function choicesKey(choices: Choices): string {
  return [...choices.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([id, c]) => `${id}=${JSON.stringify(c)}`).join(';');
}
