import { canonicalJson } from './canonicalJson.ts';
import type { ExperimentPlan } from './loadExperiment.ts';

/**
 * The text whose SHA-256 is an experiment's input hash: the experiment, its seed and design, and
 * every system's documents after its changes. The CLI (node:crypto) and the app (Web Crypto) hash
 * the same text, so both name a run's inputs alike.
 */
export function inputHashText(plan: ExperimentPlan): string {
  return canonicalJson({
    experiment: plan.experiment, seed: plan.seed, replications: plan.replications,
    systems: plan.systems.map((s) => ({ id: s.id, documents: s.documents })),
  });
}
