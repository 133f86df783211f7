import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonicalJson } from '../experiment/canonicalJson.ts';
import { inputHashText } from '../experiment/inputHash.ts';
import type { ExperimentPlan } from '../experiment/loadExperiment.ts';
import { ReplicationRecordSchema } from '../experiment/partFile.ts';
import type { ReplicationRecord } from '../experiment/replicationRecord.ts';
import type { RecordCache } from '../experiment/runExperiment.ts';

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Hash of everything that decides an experiment's numbers: the experiment, its seed and every system's documents. */
export function inputHash(plan: ExperimentPlan): string {
  return sha256(inputHashText(plan));
}

const SOURCE_ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Folders whose code decides a replication's record. */
const MODEL_FOLDERS = ['model', 'sim', 'experiment'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : e.name.endsWith('.ts') ? [full] : [];
  }).sort();
}

let fingerprint: string | undefined;
/**
 * Hash of the simulator's own source (src/model, src/sim, src/experiment): cached records are
 * only reused by the code that made them, so a changed model never serves stale numbers.
 */
export function codeFingerprint(): string {
  if (!fingerprint) {
    const hash = createHash('sha256');
    for (const folder of MODEL_FOLDERS) {
      for (const file of sourceFiles(path.join(SOURCE_ROOT, folder))) hash.update(path.relative(SOURCE_ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
    }
    fingerprint = hash.digest('hex');
  }
  return fingerprint;
}

const CACHE_FORMAT = 'plant-twin/replication-cache';

/**
 * Replication records on disk, one file per system input: the key hashes the system's two
 * documents, the seed and the simulator's code, so an experiment that changes one system reuses
 * the others' replications, and shards or re-runs never compute a replication twice. Unreadable
 * or foreign cache files are ignored (recomputed), never trusted. `flush()` writes what is new.
 */
export function fileRecordCache(dir: string, plan: ExperimentPlan): RecordCache & { flush(): void; hits: number } {
  const code = codeFingerprint();
  const keys = plan.systems.map((s) => sha256(canonicalJson({ documents: s.documents, seed: plan.seed, code })));
  const held = new Map<string, Map<number, ReplicationRecord>>();
  const dirty = new Set<string>();
  const load = (key: string) => {
    let map = held.get(key);
    if (map) return map;
    map = new Map();
    held.set(key, map);
    try {
      const data = JSON.parse(readFileSync(path.join(dir, `${key}.json`), 'utf8')) as { format?: string; records?: unknown[] };
      if (data.format === CACHE_FORMAT && Array.isArray(data.records)) {
        for (const r of data.records) {
          const parsed = ReplicationRecordSchema.safeParse(r);
          if (parsed.success) map.set(parsed.data.replication, parsed.data as ReplicationRecord);
        }
      }
    } catch {
      // No cache yet, or a damaged one: recompute.
    }
    return map;
  };
  const cache = {
    hits: 0,
    get(system: number, replication: number) {
      const hit = load(keys[system]!).get(replication);
      if (hit) cache.hits++;
      return hit;
    },
    put(system: number, records: readonly ReplicationRecord[]) {
      const map = load(keys[system]!);
      for (const r of records) map.set(r.replication, r);
      dirty.add(keys[system]!);
    },
    flush() {
      if (dirty.size === 0) return;
      mkdirSync(dir, { recursive: true });
      for (const key of dirty) {
        const records = [...held.get(key)!.values()].sort((a, b) => a.replication - b.replication);
        const file = path.join(dir, `${key}.json`);
        // Write then rename: a crash mid-write never leaves half a cache file.
        writeFileSync(`${file}.tmp`, JSON.stringify({ format: CACHE_FORMAT, version: 1, records }));
        renameSync(`${file}.tmp`, file);
      }
      dirty.clear();
    },
  };
  return cache;
}
