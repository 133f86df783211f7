import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlantFile, type LayoutResolver } from '../../src/model/load.ts';
import type { Loaded, Problem } from '../../src/model/problem.ts';
import { layoutFixture, scenarioFixture } from './plantFixtures.ts';

/** mulberry32: a tiny seeded generator, so every failing case can be replayed from its number. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Json = unknown;
type Slot = { parent: Record<string, Json> | Json[]; key: string | number };
type Rand = () => number;

const ROOT = path.resolve(__dirname, '../..');
const FIXTURE_LAYOUT = path.join(ROOT, 'layouts/__fixture-small-plant.json');
const FIXTURE_SCENARIO = path.join(ROOT, 'scenarios/__fixture-small-week.json');

function samples(dir: string): { file: string; text: string }[] {
  const full = path.join(ROOT, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full).filter((f) => f.endsWith('.json')).sort().map((f) => ({ file: path.join(full, f), text: readFileSync(path.join(full, f), 'utf8') }));
}

const layoutTexts = new Map<string, string>([[FIXTURE_LAYOUT, JSON.stringify(layoutFixture(), null, 2)], ...samples('layouts').map((s): [string, string] => [s.file, s.text])]);
const fixtureScenario = { ...scenarioFixture(), layout: '../layouts/__fixture-small-plant.json' };
const sources = [
  ...[...layoutTexts].map(([file, text]) => ({ file, text })),
  { file: FIXTURE_SCENARIO, text: JSON.stringify(fixtureScenario, null, 2) },
  ...samples('scenarios'),
];

/** Serves the (unmutated) layouts only; any other reference finds nothing, as a missing file would. */
const resolver: LayoutResolver = async (ref, from) => {
  const file = path.resolve(path.dirname(from), ref);
  const text = layoutTexts.get(file);
  return text === undefined ? undefined : { text, file };
};

function pick<T>(rand: Rand, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

function slots(root: Json): Slot[] {
  const out: Slot[] = [];
  const stack: Json[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (Array.isArray(node)) node.forEach((v, i) => { out.push({ parent: node, key: i }); stack.push(v); });
    else if (node !== null && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) { out.push({ parent: node as Record<string, Json>, key: k }); stack.push(v); }
    }
  }
  return out;
}

function get(slot: Slot): Json {
  return (slot.parent as Record<string | number, Json>)[slot.key];
}

function set(slot: Slot, value: Json): void {
  (slot.parent as Record<string | number, Json>)[slot.key] = value;
}

function deepNest(rand: Rand): Json {
  let value: Json = 'bottom';
  const depth = 200 + Math.floor(rand() * 1000);
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { type: value };
  return value;
}

const GARBAGE = ['{', '}', '[', ']', ',', ':', '"', '\\', '\n', '\u0000', 'é', '€', '💥', 'NaN', 'tru', '-', '0x1', "'", ' ', '/*'];
const NUMBERS = [-1, 0, -0.000001, 1e308, -1e308, 1.5, 2 ** 53 + 1, 123456789];
const ODD_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'x'.repeat(300)];

type Mutation = { name: string; apply: (doc: Json, rand: Rand) => void };

/** Structural mutations, applied to the parsed document. */
const MUTATIONS: Mutation[] = [
  { name: 'delete a key', apply: (doc, rand) => { const s = pick(rand, slots(doc).filter((x) => !Array.isArray(x.parent))); if (s) delete (s.parent as Record<string, Json>)[s.key]; } },
  { name: 'change a type', apply: (doc, rand) => { const s = pick(rand, slots(doc)); if (s) set(s, pick(rand, ['text', 42, true, null, [], {}, [1, 'a'], { a: 1 }])); } },
  { name: 'swap an id for an unknown one', apply: (doc, rand) => {
    const s = pick(rand, slots(doc).filter((x) => typeof get(x) === 'string'));
    if (!s) return;
    const v = get(s) as string;
    set(s, rand() < 0.5 ? `unknown-${Math.floor(rand() * 1000)}` : v.length > 2 ? `${v.slice(1)}${v[0]}` : `${v}x`);
  } },
  { name: 'duplicate an array element', apply: (doc, rand) => {
    const s = pick(rand, slots(doc).filter((x) => Array.isArray(get(x)) && (get(x) as Json[]).length > 0));
    if (!s) return;
    const list = get(s) as Json[];
    // The copy may share structure with its original: the document is only serialised afterwards.
    list.splice(Math.floor(rand() * list.length), 0, pick(rand, list));
  } },
  { name: 'set a number to an extreme', apply: (doc, rand) => { const s = pick(rand, slots(doc).filter((x) => typeof get(x) === 'number')); if (s) set(s, pick(rand, NUMBERS)); } },
  { name: 'replace a string with a number', apply: (doc, rand) => { const s = pick(rand, slots(doc).filter((x) => typeof get(x) === 'string')); if (s) set(s, Math.floor(rand() * 100)); } },
  { name: 'deep-nest a value', apply: (doc, rand) => { const s = pick(rand, slots(doc)); if (s) set(s, deepNest(rand)); } },
  { name: 'add an odd key', apply: (doc, rand) => {
    const s = pick(rand, slots(doc).filter((x) => { const v = get(x); return v !== null && typeof v === 'object' && !Array.isArray(v); }));
    if (s) Object.defineProperty(get(s), pick(rand, ODD_KEYS), { value: pick(rand, ['x', 1, {}]), enumerable: true, configurable: true, writable: true });
  } },
  { name: 'empty an array', apply: (doc, rand) => { const s = pick(rand, slots(doc).filter((x) => Array.isArray(get(x)))); if (s) set(s, []); } },
];

/** Text mutations, applied to the serialised document. */
const TEXT_MUTATIONS: { name: string; apply: (text: string, rand: Rand) => string }[] = [
  { name: 'truncate the text', apply: (text, rand) => text.slice(0, Math.floor(rand() * text.length)) },
  { name: 'insert garbage characters', apply: (text, rand) => {
    let out = text;
    for (let n = 1 + Math.floor(rand() * 3); n > 0; n--) {
      const at = Math.floor(rand() * out.length);
      out = out.slice(0, at) + pick(rand, GARBAGE) + out.slice(at);
    }
    return out;
  } },
];

function mutate(text: string, rand: Rand): { text: string; names: string[]; onText: boolean } {
  if (rand() < 0.25) {
    const m = pick(rand, TEXT_MUTATIONS);
    return { text: m.apply(text, rand), names: [m.name], onText: true };
  }
  const doc: Json = JSON.parse(text);
  const names: string[] = [];
  for (let n = 1 + Math.floor(rand() * 3); n > 0; n--) {
    const m = pick(rand, MUTATIONS);
    m.apply(doc, rand);
    names.push(m.name);
  }
  return { text: JSON.stringify(doc), names, onText: false };
}

function badProblem(p: Problem): string | undefined {
  for (const key of ['file', 'expected', 'found'] as const) {
    if (typeof p[key] !== 'string' || p[key] === '') return `empty ${key}`;
  }
  if (typeof p.path !== 'string') return 'path is not a string';
  if (p.hint !== undefined && (typeof p.hint !== 'string' || p.hint === '')) return 'empty hint';
  if (p.found.length > 300) return 'found is not short';
  if (/^Invalid (input|option)/.test(p.expected)) return 'raw zod message';
  return undefined;
}

const CASES = 1050;
/** Schema-checking a large sample takes tens of milliseconds, so large files get fewer cases and small ones the rest. */
const LARGE = 50_000;
const LARGE_CASES = 25;
const large = sources.filter((s) => s.text.length > LARGE).length;
const smallCases = Math.ceil((CASES - large * LARGE_CASES) / (sources.length - large));
const casesFor = (text: string): number => (text.length > LARGE ? LARGE_CASES : smallCases);

describe('fuzzed plant files', () => {
  it(`mutates ${sources.length} source files (fixtures and samples), at least ${CASES} cases in all`, () => {
    expect(sources.reduce((n, s) => n + casesFor(s.text), 0)).toBeGreaterThanOrEqual(1000);
  });

  it.each(sources.map((s, i) => ({ ...s, name: path.relative(ROOT, s.file), seed: 1000 + i })))(
    '$name: every mutated file loads or gets clear problems',
    async ({ file, text, seed }) => {
      const failures: string[] = [];
      let rejected = 0;
      const cases = casesFor(text);
      for (let c = 0; c < cases; c++) {
        const rand = random(seed * 100_003 + c);
        const { text: mutated, names, onText } = mutate(text, rand);
        let result: Loaded<unknown>;
        try {
          result = await loadPlantFile(mutated, file, resolver);
        } catch (error) {
          failures.push(`case ${c} (${names.join(', ')}): threw ${String(error)}`);
          continue;
        }
        if (result.ok) continue;
        rejected++;
        if (result.problems.length === 0) failures.push(`case ${c} (${names.join(', ')}): not ok but no problems`);
        for (const p of result.problems) {
          // Structural mutations never touch the root, so only broken text may earn a whole-file problem.
          const bad = badProblem(p) ?? (p.path === '' && !onText ? 'a whole-file problem for a structural change' : undefined);
          if (bad) failures.push(`case ${c} (${names.join(', ')}): ${bad} in ${JSON.stringify(p).slice(0, 400)}`);
        }
      }
      expect(failures.slice(0, 10)).toEqual([]);
      // Most mutations break a file; if they did not, the fuzzing would prove little.
      expect(rejected).toBeGreaterThan(cases / 2);
    },
  );
});
