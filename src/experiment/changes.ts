import { closest } from '../model/closest.ts';
import { renderFound } from '../model/render.ts';
import { isDistribution, scaleDistribution } from '../scenario/equipmentEdits.ts';
import type { Change } from './experimentSchema.ts';

/** The two documents a system is made of, as JSON data (before their schemas parse them). */
export interface PlantDocuments {
  scenario: unknown;
  layout: unknown;
}

/** A change that cannot be applied: where the path stops making sense, and why. */
export interface ChangeFault {
  expected: string;
  found: string;
  hint?: string;
}

type Segment = { key: string } | { index: number } | { match: string; value: string } | { every: true };

const SEGMENT = /^(?:\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[\*\]|\[([A-Za-z_$][\w$]*)=([^\]]*)\])/;

/** "scenario.operators[id=setters].count" → root and segments; a fault for text that is not a path. */
export function parsePath(path: string): { root: 'scenario' | 'layout'; segments: Segment[] } | ChangeFault {
  const root = path.startsWith('scenario') ? 'scenario' : path.startsWith('layout') ? 'layout' : undefined;
  if (!root) return { expected: 'a path starting with "scenario" or "layout"', found: renderFound(path) };
  const segments: Segment[] = [];
  let rest = path.slice(root.length);
  while (rest !== '') {
    const m = SEGMENT.exec(rest);
    if (!m) {
      return {
        expected: 'keys (.name) and list selectors ([3], [id=X], [*]) after the root',
        found: renderFound(rest), hint: `in ${path}`,
      };
    }
    if (m[1] !== undefined) segments.push({ key: m[1] });
    else if (m[2] !== undefined) segments.push({ index: Number(m[2]) });
    else if (m[3] !== undefined) segments.push({ match: m[3], value: m[4]! });
    else segments.push({ every: true });
    rest = rest.slice(m[0].length);
  }
  if (segments.length === 0) return { expected: 'a path to a field inside the document', found: renderFound(path), hint: 'name a field, e.g. scenario.experiment.seed' };
  return { root, segments };
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Every equipment object of a layout, wherever it sits in the site → area → line → cell hierarchy. */
function layoutEquipment(layout: unknown): unknown[] {
  const out: unknown[] = [];
  const walk = (node: unknown, keys: readonly string[]) => {
    if (keys.length === 0) {
      if (Array.isArray(node)) out.push(...node);
      return;
    }
    const next = isObject(node) ? node[keys[0]!] : undefined;
    if (keys.length > 1 && Array.isArray(next)) for (const child of next) walk(child, keys.slice(1));
    else walk(next, keys.slice(1));
  };
  walk(isObject(layout) ? layout.site : undefined, ['areas', 'lines', 'cells', 'equipment']);
  return out;
}

/** A place a change writes to: the container and the key or index in it. */
interface Target { parent: Record<string, unknown> | unknown[]; key: string | number }

/**
 * Resolves a path to the places it names. The last segment may name a key an object lacks (a
 * `set` adds it: an optional field such as a buffer capacity); every other step must exist.
 */
function resolve(docs: PlantDocuments, path: string): Target[] | ChangeFault {
  const parsed = parsePath(path);
  if ('expected' in parsed) return parsed;
  const { root, segments } = parsed;
  const holder: Record<string, unknown> = { [root]: docs[root] };
  let current: Target[] = [{ parent: holder, key: root }];
  let where = root;
  let wildcard = false;
  for (let s = 0; s < segments.length; s++) {
    const seg = segments[s]!;
    const last = s === segments.length - 1;
    const next: Target[] = [];
    for (const t of current) {
      const value = (t.parent as Record<string | number, unknown>)[t.key];
      if ('key' in seg) {
        if (wildcard && !isObject(value)) continue;
        if (root === 'layout' && s === 0 && seg.key === 'equipment') {
          const all = layoutEquipment(value);
          next.push({ parent: all, key: -1 });
          continue;
        }
        if (!isObject(value)) return { expected: `an object at ${where}`, found: renderFound(value), hint: `so it has no field "${seg.key}"` };
        if (!(seg.key in value) && !last) {
          if (wildcard) continue;
          return { expected: `a field "${seg.key}" at ${where}`, found: 'none', hint: hintFor(seg.key, Object.keys(value), 'field') };
        }
        next.push({ parent: value, key: seg.key });
        continue;
      }
      const list = t.key === -1 ? t.parent as unknown[] : value;
      if (!Array.isArray(list)) return { expected: `a list at ${where}`, found: renderFound(list) };
      if ('index' in seg) {
        if (seg.index >= list.length) return { expected: `an index below ${list.length} at ${where}`, found: String(seg.index) };
        next.push({ parent: list, key: seg.index });
      } else if ('every' in seg) {
        list.forEach((_, i) => next.push({ parent: list, key: i }));
      } else {
        const hits = list.flatMap((item, i) => (isObject(item) && String(item[seg.match]) === seg.value ? [i] : []));
        // Under a [*] a selector may miss in some lists (operations without that equipment); only a miss everywhere is a fault.
        if (hits.length === 0 && !wildcard) {
          const present = list.flatMap((item) => (isObject(item) && item[seg.match] !== undefined ? [String(item[seg.match])] : []));
          return { expected: `an element with ${seg.match} = "${seg.value}" in ${where}`, found: 'none', hint: hintFor(seg.value, present, seg.match) };
        }
        for (const i of hits) next.push({ parent: list, key: i });
      }
    }
    if ('every' in seg) wildcard = true;
    where += 'key' in seg ? `.${seg.key}` : 'index' in seg ? `[${seg.index}]` : 'every' in seg ? '[*]' : `[${seg.match}=${seg.value}]`;
    current = next;
  }
  if (current.some((t) => t.key === -1)) return { expected: 'a field or an element of layout.equipment', found: 'the whole list', hint: 'select equipment, e.g. layout.equipment[id=PRESS-01].inputBuffer' };
  if (current.length === 0) return { expected: `something at ${path}`, found: 'nothing', hint: 'no element matched the selectors' };
  return current;
}

function hintFor(value: string, present: readonly string[], noun: string): string {
  const near = closest(value, present);
  if (near) return `did you mean "${near}"?`;
  return present.length ? `${noun}s here: ${present.slice(0, 8).join(', ')}${present.length > 8 ? ', …' : ''}` : `there is no ${noun} here`;
}

function scaled(value: unknown, by: number, where: string): { value: unknown } | ChangeFault {
  if (typeof value === 'number') return { value: value * by };
  if (isDistribution(value)) return { value: scaleDistribution(value, by) };
  return { expected: `a number or a duration distribution at ${where}`, found: renderFound(value) };
}

/**
 * Applies changes in order to copies of the documents; the originals are untouched. Returns the
 * changed documents, or the first change that cannot be applied (its index and why). The result
 * is not checked here: the caller loads it as a file is loaded, so a change that makes a bad
 * plant gets the same messages a bad file would.
 */
export function applyChanges(docs: PlantDocuments, changes: readonly Change[]): { ok: true; docs: PlantDocuments } | { ok: false; index: number; fault: ChangeFault } {
  const out: PlantDocuments = { scenario: structuredClone(docs.scenario), layout: structuredClone(docs.layout) };
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]!;
    const path = 'set' in change ? change.set : change.scale;
    const targets = resolve(out, path);
    if (!Array.isArray(targets)) return { ok: false, index: i, fault: targets };
    for (const t of targets) {
      const parent = t.parent as Record<string | number, unknown>;
      if ('set' in change) {
        parent[t.key] = structuredClone(change.value);
        continue;
      }
      const next = scaled(parent[t.key], change.by, path);
      if (!('value' in next)) return { ok: false, index: i, fault: next };
      parent[t.key] = next.value;
    }
  }
  return { ok: true, docs: out };
}
