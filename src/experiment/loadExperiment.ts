import { Findings } from '../model/findings.ts';
import { parseJsonText } from '../model/jsonText.ts';
import { loadScenarioText, resolveRelative, type LayoutResolver, type Plant } from '../model/load.ts';
import type { Loaded, Problem } from '../model/problem.ts';
import { renderFound } from '../model/render.ts';
import { zodProblems } from '../model/zodProblems.ts';
import { applyChanges, type PlantDocuments } from './changes.ts';
import { Experiment, MAX_CONFIGURATIONS, type Change, type Factor } from './experimentSchema.ts';

/** One system of an experiment: a scenario as loaded, with what made it. */
export interface SystemPlan {
  id: string;
  name: string;
  /** For a sweep, each factor's level (its label); empty for alternatives. */
  levels: Record<string, string | number>;
  changes: Change[];
  plant: Plant;
  /** The system's two documents as JSON data, after its changes (what the input hash covers). */
  documents: PlantDocuments;
}

/** An experiment ready to run: every system loaded and checked like a file. */
export interface ExperimentPlan {
  experiment: Experiment;
  file: string;
  seed: number;
  /** Replications of every system in the fixed design (with a selection: its first stage). */
  replications: number;
  systems: SystemPlan[];
}

/** Reads a file named in another, relative to it (a scenario from the experiment, a layout from a scenario). */
export type FileResolver = LayoutResolver;

const FORMAT = 'plant-twin/experiment';

/** Every combination of the factors' levels, the first factor varying slowest. */
export function sweepSystems(factors: readonly Factor[]): { id: string; name: string; levels: Record<string, string | number>; changes: Change[] }[] {
  let combos: { levels: Record<string, string | number>; changes: Change[] }[] = [{ levels: {}, changes: [] }];
  for (const f of factors) {
    const next: typeof combos = [];
    for (const c of combos) {
      for (const level of f.levels) {
        if (typeof level === 'number') {
          const change: Change = 'scale' in f && f.scale !== undefined ? { scale: f.scale, by: level } : { set: (f as { set: string }).set, value: level };
          next.push({ levels: { ...c.levels, [f.name]: level }, changes: [...c.changes, change] });
        } else {
          next.push({ levels: { ...c.levels, [f.name]: level.label }, changes: [...c.changes, ...level.changes] });
        }
      }
    }
    combos = next;
  }
  return combos.map((c, i) => ({
    id: `c${i + 1}`,
    name: Object.entries(c.levels).map(([k, v]) => `${k} = ${v}`).join(', '),
    levels: c.levels, changes: c.changes,
  }));
}

function crossChecks(e: Experiment, f: Findings): void {
  if ((e.alternatives === undefined) === (e.sweep === undefined)) {
    f.error('', 'either "alternatives" (scenarios to compare) or "sweep" (factors and levels)', e.alternatives ? 'both' : 'neither',
      'an experiment compares listed alternatives, or sweeps factors; write two files for both');
  }
  if (e.alternatives) {
    if (e.alternatives.length < 2) f.error('alternatives', 'at least 2 alternatives to compare', String(e.alternatives.length), 'to run one scenario use plant-twin simulate');
    f.unique(e.alternatives, (a) => a.id, (i) => `alternatives[${i}].id`, 'an alternative id');
  }
  if (e.sweep) {
    f.unique(e.sweep.factors, (x) => x.name, (i) => `sweep.factors[${i}].name`, 'a factor name');
    e.sweep.factors.forEach((factor, i) => {
      const numeric = typeof factor.levels[0] === 'number';
      if (numeric && ('set' in factor) === ('scale' in factor && factor.scale !== undefined)) {
        f.error(`sweep.factors[${i}]`, 'exactly one of "set" (the levels are values) and "scale" (the levels are factors)', 'set' in factor ? 'both' : 'neither');
      }
    });
    const count = e.sweep.factors.reduce((n, x) => n * x.levels.length, 1);
    if (count > MAX_CONFIGURATIONS) {
      f.error('sweep.factors', `at most ${MAX_CONFIGURATIONS} combinations of levels`, `${count}`, 'drop levels, or split the sweep into several experiments');
    }
  }
  const c = e.selection?.constraint;
  if (c && (c.atLeast === undefined) === (c.atMost === undefined)) {
    f.error('selection.constraint', 'exactly one of "atLeast" and "atMost"', c.atLeast === undefined ? 'neither' : 'both');
  }
  const m = e.selection?.maxReplications;
  if (m !== undefined && e.selection && m < e.selection.firstStage) {
    f.error('selection.maxReplications', `at least the first stage (${e.selection.firstStage})`, String(m));
  }
}

/** The scenario and layout of a scenario file as JSON data, with problems if either cannot be read. */
async function readDocuments(ref: string, fromFile: string, resolve: FileResolver, path: string):
  Promise<{ docs: PlantDocuments; scenarioFile: string; layoutFile: string } | { problems: Problem[] }> {
  const scenario = await resolve(ref, fromFile);
  if (!scenario) return { problems: [{ file: fromFile, path, expected: 'the path of a scenario file, relative to this file', found: `${renderFound(ref)}, but there is no file ${resolveRelative(ref, fromFile)}` }] };
  const loaded = await loadScenarioText(scenario.text, scenario.file, resolve);
  if (!loaded.ok) return { problems: loaded.problems };
  const scenarioData = (parseJsonText(scenario.text, scenario.file) as { value: { layout: string } }).value;
  const layout = (await resolve(scenarioData.layout, scenario.file))!;
  const layoutData = (parseJsonText(layout.text, layout.file) as { value: unknown }).value;
  return { docs: { scenario: scenarioData, layout: layoutData }, scenarioFile: scenario.file, layoutFile: layout.file };
}

/**
 * Loads an experiment: its own schema and cross-checks, then the base scenario (and any other
 * scenario an alternative names), then each system as its changes make it, checked by the same
 * loader as a file — so a change that breaks the plant gets the message the broken file would.
 * A system's problems name the experiment file and the system, then the place in the scenario.
 */
export async function loadExperimentText(text: string, file: string, resolve: FileResolver): Promise<Loaded<ExperimentPlan>> {
  const json = parseJsonText(text, file);
  if (!json.ok) return json;
  const data = json.value as { format?: unknown } | null;
  if (typeof data === 'object' && data !== null && data.format !== FORMAT) {
    return { ok: false, problems: [{ file, path: 'format', expected: `"${FORMAT}"`, found: renderFound(data.format) }] };
  }
  const parsed = Experiment.safeParse(json.value);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error.issues, json.value, Experiment, file) };
  const experiment = parsed.data;
  const f = new Findings(file);
  crossChecks(experiment, f);
  if (f.errors.length) return { ok: false, problems: f.errors };

  const base = await readDocuments(experiment.base, file, resolve, 'base');
  if ('problems' in base) return { ok: false, problems: base.problems };
  const baseScenario = base.docs.scenario as { experiment: { seed?: number; replications?: number } };
  const seed = experiment.seed ?? baseScenario.experiment.seed ?? 1;
  const replications = experiment.selection?.firstStage ?? experiment.replications ?? baseScenario.experiment.replications ?? 10;

  const specs = experiment.alternatives
    ? experiment.alternatives.map((a, i) => ({ id: a.id, name: a.name ?? a.id, levels: {}, changes: a.changes, scenario: a.scenario, at: `alternatives[${i}]` }))
    : sweepSystems(experiment.sweep!.factors).map((s) => ({ ...s, scenario: undefined, at: 'sweep' }));

  const problems: Problem[] = [];
  const systems: SystemPlan[] = [];
  for (const spec of specs) {
    let from = base;
    if (spec.scenario !== undefined) {
      const other = await readDocuments(spec.scenario, file, resolve, `${spec.at}.scenario`);
      if ('problems' in other) {
        problems.push(...other.problems);
        continue;
      }
      from = other;
    }
    const where = `${spec.at} (system "${spec.id}")`;
    const changed = applyChanges(from.docs, spec.changes);
    if (!changed.ok) {
      const path = spec.at === 'sweep' ? `${where}: ${changePath(spec.changes[changed.index]!)}` : `${spec.at}.changes[${changed.index}]`;
      problems.push({ file, path, ...changed.fault });
      continue;
    }
    const loaded = await loadScenarioText(JSON.stringify(changed.docs.scenario), from.scenarioFile,
      async () => ({ text: JSON.stringify(changed.docs.layout), file: from.layoutFile }));
    if (!loaded.ok) {
      for (const p of loaded.problems) problems.push({ ...p, file, path: `${where}, after its changes, ${p.file}${p.path ? `: ${p.path}` : ''}` });
      continue;
    }
    systems.push({ id: spec.id, name: spec.name, levels: spec.levels, changes: spec.changes, plant: loaded.value, documents: changed.docs });
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: { experiment, file, seed, replications, systems }, warnings: [] };
}

function changePath(c: Change): string {
  return 'set' in c ? c.set : c.scale;
}
