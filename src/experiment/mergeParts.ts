import type { Loaded, Problem } from '../model/problem.ts';
import { canonicalJson } from './canonicalJson.ts';
import type { PartFile } from './partFile.ts';
import type { ReplicationRecord } from './replicationRecord.ts';
import type { ExperimentMeta } from './runExperiment.ts';

/**
 * Combines the parts of a sharded run: they must come from the same inputs (same hash and
 * meta), be shards 1…N of one N, each once, and together hold every replication of the fixed
 * design exactly once. Anything else is a problem naming the file — a wrong or missing shard
 * must not quietly become a smaller experiment.
 */
export function mergeParts(parts: readonly { file: string; part: PartFile }[]): Loaded<{ meta: ExperimentMeta; records: ReplicationRecord[][] }> {
  const problems: Problem[] = [];
  const first = parts[0];
  if (!first) return { ok: false, problems: [{ file: '', path: '', expected: 'at least one part file (part-i-of-N.json)', found: 'none' }] };
  const meta = first.part.meta;
  const metaText = canonicalJson(meta);
  const count = first.part.shard.count;
  const seen = new Map<number, string>();
  for (const { file, part } of parts) {
    if (part.meta.inputHash !== meta.inputHash) {
      problems.push({ file, path: 'meta.inputHash', expected: `the inputs of ${first.file} (${meta.inputHash.slice(0, 12)}…)`, found: `${part.meta.inputHash.slice(0, 12)}…`, hint: 'this part comes from another experiment or other scenario files; run every shard on the same inputs' });
      continue;
    }
    if (canonicalJson(part.meta) !== metaText) {
      problems.push({ file, path: 'meta', expected: `the same experiment description as ${first.file}`, found: 'a different one with the same input hash' });
      continue;
    }
    if (part.shard.count !== count) {
      problems.push({ file, path: 'shard.count', expected: `${count}, as in ${first.file}`, found: String(part.shard.count), hint: 'merge the parts of one sharding: all i/N with the same N' });
      continue;
    }
    const other = seen.get(part.shard.index);
    if (other) {
      problems.push({ file, path: 'shard.index', expected: `a shard not given before`, found: `${part.shard.index} of ${count}, also in ${other}` });
      continue;
    }
    seen.set(part.shard.index, file);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (problems.length === 0 && missing.length) {
    problems.push({ file: first.file, path: 'shard', expected: `all ${count} shards`, found: `no part for shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${count}`, hint: 'name every folder the shards wrote to' });
  }
  if (problems.length) return { ok: false, problems };

  const records: ReplicationRecord[][] = meta.systems.map(() => []);
  const owner = meta.systems.map(() => new Map<number, string>());
  for (const { file, part } of parts) {
    part.systems.forEach((s, i) => {
      const index = meta.systems.findIndex((m) => m.id === s.id);
      if (index < 0) {
        problems.push({ file, path: `systems[${i}].id`, expected: 'a system of the experiment', found: JSON.stringify(s.id) });
        return;
      }
      for (const r of s.records) {
        const before = owner[index]!.get(r.replication);
        if (before) {
          problems.push({ file, path: `systems[${i}]`, expected: 'each replication in one part only', found: `replication ${r.replication} of "${s.id}", also in ${before}` });
          continue;
        }
        owner[index]!.set(r.replication, file);
        records[index]!.push(r);
      }
    });
  }
  meta.systems.forEach((s, i) => {
    const absent = Array.from({ length: meta.replications }, (_, r) => r).filter((r) => !owner[i]!.has(r));
    if (absent.length) {
      problems.push({ file: first.file, path: `systems "${s.id}"`, expected: `replications 0–${meta.replications - 1}`, found: `none for ${absent.slice(0, 10).join(', ')}${absent.length > 10 ? ', …' : ''}` });
    }
  });
  if (problems.length) return { ok: false, problems };
  for (const list of records) list.sort((a, b) => a.replication - b.replication);
  return { ok: true, value: { meta, records }, warnings: [] };
}
