import { distributionMean, type Distribution } from '../model/common.ts';
import { planDuplicate } from '../model/edits/duplicate.ts';
import { applyEdit } from '../model/edits/layoutEdit.ts';
import type { Layout } from '../model/layoutSchema.ts';
import type { ScenarioInput } from '../model/scenarioSchema.ts';

/** A scenario and its layout as file data: what the scenario editor edits together. */
export interface PlantDocs {
  scenario: ScenarioInput;
  layout: Layout;
}

type DistributionInput = ScenarioInput['routings'][number]['operations'][number]['equipment'][number]['time'];

/** Duration fields of each distribution type: scaling a distribution multiplies these (its shape stays). */
const DURATION_FIELDS: Record<Distribution['type'], readonly string[]> = {
  constant: ['value'], exponential: ['mean'], normal: ['mean', 'sd'], lognormal: ['mean', 'sd'],
  triangular: ['min', 'mode', 'max'], uniform: ['min', 'max'], gamma: ['scale'], weibull: ['scale'], empirical: ['values'],
};

/** Whether `value` is a duration distribution of the file formats (by its type). */
export function isDistribution(value: unknown): value is { type: Distribution['type'] } {
  return typeof value === 'object' && value !== null && Object.hasOwn(DURATION_FIELDS, (value as { type?: unknown }).type as string);
}

/** The distribution with every duration multiplied by `by` (its shape, and so its coefficient of variation, kept). */
export function scaleDistribution<D extends { type: string }>(d: D, by: number): D {
  const out: Record<string, unknown> = { ...d };
  for (const f of DURATION_FIELDS[d.type as Distribution['type']] ?? []) {
    const v = out[f];
    if (typeof v === 'number') out[f] = v * by;
    else if (Array.isArray(v)) out[f] = v.map((x: unknown) => (typeof x === 'number' ? x * by : x));
  }
  return out as D;
}

export function meanOf(d: DistributionInput): number {
  return distributionMean(d as Distribution);
}

/** Every processing time of `equipment` in the routings: where it sits, and the distribution. */
function entriesOf(scenario: ScenarioInput, equipment: string): { key: string; time: DistributionInput }[] {
  const out: { key: string; time: DistributionInput }[] = [];
  for (const r of scenario.routings) {
    for (const op of r.operations) {
      for (const e of op.equipment) if (e.equipment === equipment) out.push({ key: `${r.id}\u0000${op.id}`, time: e.time });
    }
  }
  return out;
}

/**
 * How fast `equipment` runs against `reference` (the scenario as editing began): reference mean
 * time ÷ mean time now, from the first operation both have. Undefined when no routing uses it.
 */
export function speedFactor(scenario: ScenarioInput, reference: ScenarioInput, equipment: string): number | undefined {
  const before = new Map(entriesOf(reference, equipment).map((e) => [e.key, meanOf(e.time)]));
  for (const e of entriesOf(scenario, equipment)) {
    const base = before.get(e.key);
    const now = meanOf(e.time);
    if (base !== undefined && now > 0) return base / now;
  }
  return undefined;
}

/**
 * Makes `equipment` run `factor` times as fast as in `reference`: each of its processing times
 * becomes the reference distribution with its durations divided by the factor. Setting 1.2 and
 * then 1.1 gives 1.1, not 1.32 — factors do not compound. Times the reference lacks are scaled
 * from where they are.
 */
export function setSpeedFactor(scenario: ScenarioInput, reference: ScenarioInput, equipment: string, factor: number): ScenarioInput {
  const before = new Map(entriesOf(reference, equipment).map((e) => [e.key, e.time]));
  const current = speedFactor(scenario, reference, equipment) ?? 1;
  return {
    ...scenario,
    routings: scenario.routings.map((r) => ({
      ...r,
      operations: r.operations.map((op) => ({
        ...op,
        equipment: op.equipment.map((e) => {
          if (e.equipment !== equipment) return e;
          const base = before.get(`${r.id}\u0000${op.id}`);
          return { ...e, time: base ? scaleDistribution(base, 1 / factor) : scaleDistribution(e.time, current / factor) };
        }),
      })),
    })),
  };
}

/** Input and output buffer capacities of layout equipment; undefined is unlimited. */
export function setBuffers(docs: PlantDocs, equipment: string, inputBuffer: number | undefined, outputBuffer: number | undefined): PlantDocs {
  return { ...docs, layout: applyEdit(docs.layout, { kind: 'buffers', id: equipment, inputBuffer, outputBuffer }) };
}

/**
 * The scenario's parts that name `source` extended to `copy` as well: it becomes eligible
 * wherever the source is (same processing times), shares its changeover matrices, gets its own
 * failures from the same models, the same planned maintenance, energy profile, calendar and
 * batching.
 */
export function extendToCopy(scenario: ScenarioInput, source: string, copy: string): ScenarioInput {
  const withCopy = (ids: string[]) => (ids.includes(source) && !ids.includes(copy) ? [...ids, copy] : ids);
  const overrides = scenario.equipmentCalendars.overrides ?? {};
  return {
    ...scenario,
    routings: scenario.routings.map((r) => ({
      ...r,
      operations: r.operations.map((op) => {
        const from = op.equipment.find((e) => e.equipment === source);
        if (!from) return op;
        return { ...op, equipment: [...op.equipment.filter((e) => e.equipment !== copy), { equipment: copy, time: structuredClone(from.time) }] };
      }),
    })),
    ...(scenario.setupMatrices && { setupMatrices: scenario.setupMatrices.map((m) => ({ ...m, equipment: withCopy(m.equipment) })) }),
    ...(scenario.failures && { failures: scenario.failures.map((f) => ({ ...f, equipment: withCopy(f.equipment) })) }),
    ...(scenario.energy && { energy: scenario.energy.map((e) => ({ ...e, equipment: withCopy(e.equipment) })) }),
    ...(scenario.maintenance && {
      maintenance: [...scenario.maintenance.filter((m) => m.equipment !== copy), ...scenario.maintenance.filter((m) => m.equipment === source).map((m) => ({ ...m, equipment: copy }))],
    }),
    ...(scenario.batchEquipment && {
      batchEquipment: [...scenario.batchEquipment.filter((b) => b.equipment !== copy), ...scenario.batchEquipment.filter((b) => b.equipment === source).map((b) => ({ ...b, equipment: copy }))],
    }),
    equipmentCalendars: {
      ...scenario.equipmentCalendars,
      ...(overrides[source] !== undefined ? { overrides: { ...overrides, [copy]: overrides[source] } } : {}),
    },
  };
}

/**
 * A second `equipment` beside the first (layout: planDuplicate; scenario: extendToCopy), or why
 * not. The caller checks the result as a file is checked.
 */
export function duplicateEquipment(docs: PlantDocs, equipment: string): { ok: true; docs: PlantDocs; id: string } | { ok: false; reason: string } {
  const edit = planDuplicate(docs.layout, equipment);
  if (!edit) return { ok: false, reason: `there is no equipment "${equipment}" in the layout` };
  return {
    ok: true,
    id: edit.equipment.id,
    docs: { layout: applyEdit(docs.layout, edit), scenario: extendToCopy(docs.scenario, equipment, edit.equipment.id) },
  };
}

type FailureInput = NonNullable<ScenarioInput['failures']>[number];

/** The first failure model of `equipment`: its mean times and the other equipment that shares the model. */
export function failureOf(scenario: ScenarioInput, equipment: string): { mtbf: number; mttr: number; sharedWith: string[]; modes: number } | undefined {
  const models = (scenario.failures ?? []).filter((f) => f.equipment.includes(equipment));
  const first = models[0];
  if (!first) return undefined;
  return {
    mtbf: meanOf(first.timeBetweenFailures), mttr: meanOf(first.timeToRepair),
    sharedWith: first.equipment.filter((e) => e !== equipment), modes: models.length,
  };
}

/**
 * Sets a mean of `equipment`'s first failure model (its shape kept). A model shared with other
 * equipment is split first — the others keep theirs, this one gets its own copy in the same place
 * of the list, so every machine keeps the order of its failure modes (and with it its random
 * streams: common random numbers hold for everything not edited).
 */
export function setFailureMean(scenario: ScenarioInput, equipment: string, which: 'timeBetweenFailures' | 'timeToRepair', mean: number): ScenarioInput {
  const failures = scenario.failures ?? [];
  const at = failures.findIndex((f) => f.equipment.includes(equipment));
  if (at < 0) return scenario;
  const model = failures[at]!;
  const now = meanOf(model[which]);
  const own: FailureInput = { ...model, equipment: [equipment], [which]: now > 0 ? scaleDistribution(model[which], mean / now) : model[which] };
  const others = model.equipment.filter((e) => e !== equipment);
  const replaced = others.length > 0 ? [{ ...model, equipment: others }, own] : [own];
  return { ...scenario, failures: [...failures.slice(0, at), ...replaced, ...failures.slice(at + 1)] };
}
