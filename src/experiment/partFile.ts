import { z } from 'zod';
import { parseJsonText } from '../model/jsonText.ts';
import type { Loaded } from '../model/problem.ts';
import { renderFound } from '../model/render.ts';
import { zodProblems } from '../model/zodProblems.ts';
import { PLANT_KPIS } from '../sim/plant/replicatePlant.ts';
import { Change, Selection } from './experimentSchema.ts';
import type { ReplicationRecord } from './replicationRecord.ts';
import type { ExperimentMeta, Shard } from './runExperiment.ts';

const Figure = z.number().nullable().describe('A number; null where it is undefined (NaN) in that replication');
const Count = z.number().int().nonnegative();

export const ReplicationRecordSchema = z.object({
  replication: Count,
  kpis: z.object(Object.fromEntries(PLANT_KPIS.map((k) => [k, Figure])) as Record<(typeof PLANT_KPIS)[number], typeof Figure>).strict(),
  events: Count,
  window: z.object({ start: z.number(), end: z.number() }).strict(),
  equipment: z.array(z.object({ states: z.array(z.number()), utilisation: Figure, oee: Figure, bottleneck: z.number() }).strict()),
  bottleneck: z.string().nullable(),
  wipEvery: z.number(),
  wipLots: z.array(z.number()),
  leadTimes: z.array(z.number()),
  ordersPerDay: z.array(z.number()),
  unitsPerDay: z.array(z.number()),
}).strict();

export const ExperimentMetaSchema = z.object({
  experiment: z.object({ id: z.string(), name: z.string(), file: z.string() }).strict(),
  inputHash: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex'),
  seed: Count,
  replications: z.number().int().positive(),
  systems: z.array(z.object({
    id: z.string(), name: z.string(), levels: z.record(z.string(), z.union([z.string(), z.number()])),
    changes: z.array(Change), equipmentIds: z.array(z.string()),
  }).strict()).min(1),
  selection: Selection.nullable(),
}).strict();

export const ExperimentPart = z.object({
  format: z.literal('plant-twin/experiment-part'),
  version: z.literal(1),
  meta: ExperimentMetaSchema,
  shard: z.object({ index: z.number().int().positive(), count: z.number().int().positive() }).strict(),
  systems: z.array(z.object({ id: z.string(), records: z.array(ReplicationRecordSchema) }).strict()),
}).strict().meta({
  title: 'Plant Twin experiment part',
  description: 'The replications one shard of an experiment ran (plant-twin experiment --shard i/N), to be merged with plant-twin experiment merge.',
});

export interface PartFile {
  format: 'plant-twin/experiment-part';
  version: 1;
  meta: ExperimentMeta;
  shard: Shard;
  systems: { id: string; records: ReplicationRecord[] }[];
}

export function partFile(meta: ExperimentMeta, shard: Shard, records: ReplicationRecord[][]): PartFile {
  return {
    format: 'plant-twin/experiment-part', version: 1, meta, shard,
    systems: meta.systems.map((s, i) => ({ id: s.id, records: records[i]! })),
  };
}

/** File name of shard i of N in an output folder. */
export function partFileName(shard: Shard): string {
  return `part-${shard.index}-of-${shard.count}.json`;
}

export function loadPartText(text: string, file: string): Loaded<PartFile> {
  const json = parseJsonText(text, file);
  if (!json.ok) return json;
  const format = (json.value as { format?: unknown } | null)?.format;
  if (format !== 'plant-twin/experiment-part') {
    return { ok: false, problems: [{ file, path: 'format', expected: '"plant-twin/experiment-part" (written by plant-twin experiment --out DIR)', found: renderFound(format) }] };
  }
  const parsed = ExperimentPart.safeParse(json.value);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error.issues, json.value, ExperimentPart, file) };
  const part = parsed.data as PartFile;
  if (part.shard.index > part.shard.count) {
    return { ok: false, problems: [{ file, path: 'shard', expected: 'an index from 1 to the count', found: `${part.shard.index} of ${part.shard.count}` }] };
  }
  return { ok: true, value: part, warnings: [] };
}
