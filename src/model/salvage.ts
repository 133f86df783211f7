import type { z } from 'zod';
import type { Problem } from './problem.ts';
import { formatPath } from './render.ts';

/**
 * A file with schema problems would otherwise show its cross-reference problems (an order for an
 * unknown product, a setup matrix missing a family) only after the schema problems are fixed, so a
 * user fixes it in several rounds. To report everything in one pass, the broken parts are set
 * aside — each list element with a schema problem is dropped, each unknown key deleted — and the
 * cross-reference checks run on what is left. Their problems are mapped back to the file's own
 * paths; a problem that only exists because something was dropped (it names a dropped id) is not
 * shown. When the broken part is not inside a list (a missing `experiment.horizon`), nothing can be
 * set aside safely and only the schema problems are reported.
 */

type Segment = string | number;
type Issue = z.core.$ZodIssue;

export interface Salvaged<T> {
  value: T;
  /** Maps a path in the salvaged value to the same place in the file. */
  toFilePath: (path: string) => string;
  /** Ids of the dropped elements: a reference to one of them is not a problem of its own. */
  droppedIds: ReadonlySet<string>;
}

const MAX_ROUNDS = 6;

/**
 * Lists whose elements cannot be dropped without inventing problems elsewhere: a dropped path node
 * or edge changes which equipment is reachable, a dropped operator pool which skills are offered.
 */
const FRAGILE_LISTS = new Set(['paths', 'operators']);

function key(path: readonly Segment[]): string {
  return JSON.stringify(path);
}

/** `orders[12].product` → ["orders", 12, "product"]; also `a["odd key"]`. */
export function parsePath(path: string): Segment[] {
  const out: Segment[] = [];
  const re = /\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|\.?([^.[\]]+)/g;
  for (let m = re.exec(path); m; m = re.exec(path)) {
    if (m[1] !== undefined) out.push(Number(m[1]));
    else if (m[2] !== undefined) out.push(JSON.parse(m[2]) as string);
    else if (m[3] !== undefined) out.push(m[3]);
  }
  return out;
}

class SetAside {
  readonly dropped = new Set<string>();
  readonly deletedKeys = new Set<string>();
  readonly droppedIds = new Set<string>();
  /** For each list (by its path in the file), the file indices kept, in order. */
  kept = new Map<string, number[]>();

  constructor(private readonly original: unknown) {}

  rebuild(): unknown {
    this.kept = new Map();
    return this.copy(this.original, []);
  }

  private copy(value: unknown, path: Segment[]): unknown {
    if (Array.isArray(value)) {
      const indices: number[] = [];
      const out: unknown[] = [];
      value.forEach((item, i) => {
        const at = [...path, i];
        if (this.dropped.has(key(at))) return;
        indices.push(i);
        out.push(this.copy(item, at));
      });
      this.kept.set(key(path), indices);
      return out;
    }
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        if (!this.deletedKeys.has(key([...path, k]))) out[k] = this.copy(v, [...path, k]);
      }
      return out;
    }
    return value;
  }

  /** A path in the rebuilt value → the same place in the file. */
  toFile(path: readonly PropertyKey[]): Segment[] {
    const out: Segment[] = [];
    for (const seg of path) {
      if (typeof seg === 'number') out.push(this.kept.get(key(out))?.[seg] ?? seg);
      else out.push(String(seg));
    }
    return out;
  }

  /** Sets aside the smallest part holding the issue; false when it is not inside a list. */
  setAside(issue: Issue): boolean {
    const at = this.toFile(issue.path);
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) this.deletedKeys.add(key([...at, k]));
      return true;
    }
    const lastIndex = at.findLastIndex((s) => typeof s === 'number');
    if (lastIndex < 0 || FRAGILE_LISTS.has(String(at[0]))) return false;
    const element = at.slice(0, lastIndex + 1);
    this.dropped.add(key(element));
    const id = valueAt(this.original, element);
    if (id && typeof id === 'object' && typeof (id as { id?: unknown }).id === 'string') this.droppedIds.add((id as { id: string }).id);
    return true;
  }
}

function valueAt(data: unknown, path: readonly Segment[]): unknown {
  let v = data;
  for (const seg of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[seg as string] : undefined;
  return v;
}

export function salvage<S extends z.ZodType>(schema: S, data: unknown, issues: readonly Issue[]): Salvaged<z.output<S>> | undefined {
  const aside = new SetAside(data);
  let pending = issues;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    for (const issue of pending) if (!aside.setAside(issue)) return undefined;
    const parsed = schema.safeParse(aside.rebuild());
    if (parsed.success) {
      return {
        value: parsed.data,
        toFilePath: (path) => formatPath(aside.toFile(parsePath(path))),
        droppedIds: aside.droppedIds,
      };
    }
    pending = parsed.error.issues;
  }
  return undefined;
}

/** Cross-reference problems found on a salvaged value, in the file's paths, without those a dropped part caused. */
export function salvagedProblems(problems: readonly Problem[], salvaged: Salvaged<unknown>): Problem[] {
  const mentions = (p: Problem, id: string) => {
    const text = `${p.found} ${p.hint ?? ''}`;
    return text.includes(JSON.stringify(id)) || text.includes(`'${id}'`);
  };
  return problems
    .filter((p) => ![...salvaged.droppedIds].some((id) => mentions(p, id)))
    .map((p) => ({ ...p, path: salvaged.toFilePath(p.path) }));
}
