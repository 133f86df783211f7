import { MACHINE_STATES } from '../model/machineState.ts';
import { compilePlant } from '../sim/plant/compiledPlant.ts';
import { simulatePlant } from '../sim/plant/simulatePlant.ts';
import { PLANT_KPIS } from '../sim/plant/replicatePlant.ts';
import type { Change, Selection } from './experimentSchema.ts';
import type { ExperimentPlan } from './loadExperiment.ts';
import { selectBest, type Observation, type SelectionResult } from './rankingSelection.ts';
import { num, toReplicationRecord, type ReplicationRecord } from './replicationRecord.ts';
import { leadTimeBin, pairedDifferences, summariseSystem, type IntervalJson, type SystemSummary } from './summary.ts';

/** Replications wanted of one system of the plan. */
export interface SystemTask {
  system: number;
  replications: number[];
}

/**
 * Runs replications of a plan's systems and hands back their records (in any order, as they
 * finish). The worker pool is one; the in-thread runner below serves tests and small runs.
 */
export interface ReplicationRunner {
  run(tasks: readonly SystemTask[], onRecords: (system: number, records: ReplicationRecord[]) => void, signal?: AbortSignal): Promise<void>;
}

/** Where results may already be: a record of (system, replication), if one was kept. */
export interface RecordCache {
  get(system: number, replication: number): ReplicationRecord | undefined;
  put(system: number, records: readonly ReplicationRecord[]): void;
}

/** Shard i of N (1-based, as `--shard 2/3` reads). */
export interface Shard {
  index: number;
  count: number;
}

/** What a result is made from besides records: the experiment and its systems as planned. */
export interface ExperimentMeta {
  experiment: { id: string; name: string; file: string };
  /** Hash of every input that decides the numbers (the systems' documents, the seed, the experiment). */
  inputHash: string;
  seed: number;
  /** Replications of every system in the fixed design (the selection's first stage when there is one). */
  replications: number;
  systems: { id: string; name: string; levels: Record<string, string | number>; changes: Change[]; equipmentIds: string[] }[];
  selection: Selection | null;
}

export function experimentMeta(plan: ExperimentPlan, inputHash: string): ExperimentMeta {
  return {
    experiment: { id: plan.experiment.id, name: plan.experiment.name, file: plan.file },
    inputHash,
    seed: plan.seed,
    replications: plan.replications,
    systems: plan.systems.map((s) => ({
      id: s.id, name: s.name, levels: s.levels, changes: s.changes,
      equipmentIds: compilePlant(s.plant).equipment.map((e) => e.id),
    })),
    selection: plan.experiment.selection ?? null,
  };
}

/**
 * The fixed design's (system, replication) pairs that shard i of N runs: pair k of the
 * system-major order goes to shard k mod N. Streams are keyed by (seed, replication), so a
 * replication's numbers do not depend on which shard ran it.
 */
export function shardTasks(systems: number, replications: number, shard: Shard = { index: 1, count: 1 }): SystemTask[] {
  const tasks: SystemTask[] = [];
  for (let s = 0; s < systems; s++) {
    const reps: number[] = [];
    for (let r = 0; r < replications; r++) if ((s * replications + r) % shard.count === shard.index - 1) reps.push(r);
    if (reps.length) tasks.push({ system: s, replications: reps });
  }
  return tasks;
}

/** Runs tasks, taking what the cache has and keeping what is new in it. Records come back sorted by replication. */
export async function runTasks(tasks: readonly SystemTask[], systems: number, runner: ReplicationRunner,
  options: { cache?: RecordCache; signal?: AbortSignal; onDone?: (records: number) => void } = {}): Promise<ReplicationRecord[][]> {
  const out: ReplicationRecord[][] = Array.from({ length: systems }, () => []);
  const missing: SystemTask[] = [];
  for (const t of tasks) {
    const need: number[] = [];
    for (const r of t.replications) {
      const hit = options.cache?.get(t.system, r);
      if (hit) out[t.system]!.push(hit);
      else need.push(r);
    }
    if (need.length) missing.push({ system: t.system, replications: need });
  }
  const cached = out.reduce((a, r) => a + r.length, 0);
  if (cached) options.onDone?.(cached);
  await runner.run(missing, (system, records) => {
    out[system]!.push(...records);
    options.cache?.put(system, records);
    options.onDone?.(records.length);
  }, options.signal);
  for (const list of out) list.sort((a, b) => a.replication - b.replication);
  return out;
}

export interface SelectionOutcome {
  kpi: string;
  goal: 'maximise' | 'minimise';
  indifferenceZone: number;
  confidence: number;
  firstStage: number;
  constraint: Selection['constraint'] | null;
  /** Id of the chosen system, or null when none was found feasible. */
  best: string | null;
  guaranteed: boolean;
  /** The guarantee in words, as the result states it. */
  statement: string;
  systems: { id: string; replications: number; mean: number | null; eliminatedAt: number | null; reason: string | null; feasibility: string | null }[];
}

export interface ExperimentResultFile {
  format: 'plant-twin/experiment-result';
  version: 1;
  experiment: ExperimentMeta['experiment'];
  inputHash: string;
  seed: number;
  level: number;
  kpis: readonly string[];
  states: readonly string[];
  systems: (ExperimentMeta['systems'][number] & SystemSummary & { differences: Record<string, IntervalJson> | null })[];
  selection: SelectionOutcome | null;
}

const LEVEL = 0.95;

function statement(meta: ExperimentMeta, sel: Selection, result: SelectionResult): string {
  const k = meta.systems.length;
  const p = `${Math.round(sel.confidence * 1000) / 10} %`;
  const better = sel.goal === 'maximise' ? 'higher' : 'lower';
  const c = sel.constraint;
  const among = c ? ` among the systems with mean ${c.kpi} ${c.atLeast !== undefined ? `≥ ${c.atLeast}` : `≤ ${c.atMost}`} (a system within ${c.tolerance} of that limit may be judged either way)` : '';
  if (!result.guaranteed) {
    return `Stopped at ${sel.maxReplications} replications per system before the procedure could decide: the system shown has the best sample mean ${sel.kpi} of those left, with no guarantee. Raise selection.maxReplications for one.`;
  }
  if (result.best === null) return `No system was found to meet the constraint${among}; each was judged with ${p} confidence overall.`;
  return `With probability at least ${p}, this is the system with the ${better} true mean ${sel.kpi}${among}, whenever that best mean is at least ${sel.indifferenceZone} (the indifference zone) ${better} than every other system's. ` +
    `Procedure: Kim–Nelson fully sequential selection of ${k} systems on common random numbers (n0 = ${sel.firstStage}, η = ${result.eta.toFixed(4)}${c ? '; feasibility by Andradóttir–Kim with the error split in half' : ''}); it assumes replication results close to normal.`;
}

/**
 * Completes an experiment from its records: with a selection, runs the ranking-and-selection
 * procedure on them, asking `more` for the replications it still needs (none if the records hold
 * them); then summarises every system. The result depends only on the meta and the records, so
 * shards merged and an unsharded run give the same file, byte for byte.
 */
export async function completeExperiment(meta: ExperimentMeta, records: ReplicationRecord[][],
  more: (tasks: SystemTask[]) => Promise<ReplicationRecord[][]>): Promise<ExperimentResultFile> {
  const have = records.map((list) => [...list].sort((a, b) => a.replication - b.replication));
  let selection: SelectionOutcome | null = null;
  const sel = meta.selection;
  if (sel) {
    const observe = (r: ReplicationRecord): Observation => ({ objective: num(r.kpis[sel.kpi]), constraint: sel.constraint ? num(r.kpis[sel.constraint.kpi]) : undefined });
    const result = await selectBest(meta.systems.length, {
      goal: sel.goal, indifferenceZone: sel.indifferenceZone, confidence: sel.confidence, firstStage: sel.firstStage,
      maxReplications: sel.maxReplications, constraint: sel.constraint,
    }, async (systems, from, to) => {
      const tasks = systems.flatMap((s) => {
        const present = new Set(have[s]!.map((r) => r.replication));
        const need = [];
        for (let r = from; r < to; r++) if (!present.has(r)) need.push(r);
        return need.length ? [{ system: s, replications: need }] : [];
      });
      if (tasks.length) {
        const got = await more(tasks);
        got.forEach((list, s) => { if (list.length) have[s] = [...have[s]!, ...list].sort((a, b) => a.replication - b.replication); });
      }
      return systems.map((s) => have[s]!.filter((r) => r.replication >= from && r.replication < to).map(observe));
    });
    // Systems keep exactly the replications the procedure used (a cache may hold more).
    have.forEach((list, s) => { have[s] = list.filter((r) => r.replication < result.replications[s]!); });
    selection = {
      kpi: sel.kpi, goal: sel.goal, indifferenceZone: sel.indifferenceZone, confidence: sel.confidence, firstStage: sel.firstStage,
      constraint: sel.constraint ?? null,
      best: result.best === null ? null : meta.systems[result.best]!.id,
      guaranteed: result.guaranteed,
      statement: statement(meta, sel, result),
      systems: meta.systems.map((s, i) => ({
        id: s.id, replications: result.replications[i]!, mean: Number.isFinite(result.means[i]!) ? result.means[i]! : null,
        eliminatedAt: result.eliminatedAt[i]!, reason: result.reason[i]!, feasibility: result.feasibility ? result.feasibility[i]! : null,
      })),
    };
  }
  for (let s = 0; s < have.length; s++) {
    if (have[s]!.length === 0) throw new Error(`experiment ${meta.experiment.id}: system "${meta.systems[s]!.id}" has no replications (a shard missing?)`);
  }
  const longest = Math.max(0, ...have.flat().flatMap((r) => r.leadTimes.length ? [r.leadTimes[r.leadTimes.length - 1]!] : []));
  const bin = leadTimeBin(longest);
  return {
    format: 'plant-twin/experiment-result',
    version: 1,
    experiment: meta.experiment,
    inputHash: meta.inputHash,
    seed: meta.seed,
    level: LEVEL,
    kpis: PLANT_KPIS,
    states: MACHINE_STATES,
    systems: meta.systems.map((s, i) => ({
      ...s,
      ...summariseSystem(have[i]!, s.equipmentIds, bin, LEVEL),
      differences: i === 0 ? null : pairedDifferences(have[0]!, have[i]!, LEVEL),
    })),
    selection,
  };
}

/** Replications in this thread, one after another: for tests and for runs too small for workers. */
export function inThreadRunner(plan: ExperimentPlan): ReplicationRunner {
  return {
    async run(tasks, onRecords, signal) {
      for (const t of tasks) {
        const plant = plan.systems[t.system]!.plant;
        for (const r of t.replications) {
          if (signal?.aborted) throw new Error('experiment cancelled');
          onRecords(t.system, [toReplicationRecord(simulatePlant(plant, { seed: plan.seed, replication: r }))]);
        }
      }
    },
  };
}
