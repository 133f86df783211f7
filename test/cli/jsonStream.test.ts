import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonPieces, LazyJsonArray } from '../../src/cli/jsonStream.ts';
import { writeJsonFile } from '../../src/cli/outputFile.ts';

const values: [string, unknown][] = [
  ['a number', 1.5],
  ['a string with escapes', 'a "b"\n\\ é ✓'],
  ['null', null],
  ['an empty array', []],
  ['an empty object', {}],
  ['an object of undefined only', { a: undefined, b: () => 1 }],
  ['an array with holes of no JSON', [1, undefined, () => 2, Symbol('x'), null]],
  ['a date (toJSON)', { at: new Date(Date.UTC(2026, 11, 3, 18)) }],
  ['nested', { format: 'x', list: [{ a: 1, b: [1, 2, { c: 'd\ne' }], skip: undefined }, [], {}, [[]], 'z'], n: -0, big: 1e300, nan: Number.NaN }],
  ['a long array of objects', Array.from({ length: 300 }, (_, i) => ({ i, s: `o${i}`, flag: i % 2 === 0, nested: { list: [i, i + 1] } }))],
  ['keys needing escapes', { 'a"b': 1, 'line\nbreak': [1] }],
];

describe('jsonPieces', () => {
  for (const [name, value] of values) {
    it(`gives JSON.stringify(value, null, 2)'s text for ${name}, walked at every depth`, () => {
      const expected = JSON.stringify(value, null, 2);
      for (const leafSize of [0, 1, 2, 64]) expect([...jsonPieces(value, leafSize)].join('')).toBe(expected);
    });
  }

  /** `value` with every array (at every depth) replaced by a LazyJsonArray reading it from a generator once. */
  const lazy = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      const items = value.map(lazy);
      let reads = 0;
      return new LazyJsonArray((function* () { if (reads++ > 0) throw new Error('read twice'); yield* items; })());
    }
    if (typeof value === 'object' && value !== null && !(value instanceof Date)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, lazy(v)]));
    return value;
  };

  for (const [name, value] of values) {
    it(`writes arrays made as they are read (LazyJsonArray) as the arrays themselves: ${name}`, () => {
      for (const leafSize of [0, 1, 64]) expect([...jsonPieces(lazy(value), leafSize)].join('')).toBe(JSON.stringify(value, null, 2));
    });
  }

  it('writes a long lazy array in pieces, the same text as the array held', () => {
    const big = Array.from({ length: 40_000 }, (_, i) => ({ order: `o${i}`, list: i % 1000 === 0 ? Array.from({ length: 2000 }, (_, j) => j) : [i] }));
    const pieces = [...jsonPieces({ head: 1, operations: new LazyJsonArray(big.values()) })];
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.join('')).toBe(JSON.stringify({ head: 1, operations: big }, null, 2));
  });

  it('hands a large file on in pieces of about a megabyte', () => {
    const big = Array.from({ length: 50_000 }, (_, i) => ({ order: `o${i}`, start: '2026-12-03T06:00:00Z', list: [i] }));
    const pieces = [...jsonPieces({ operations: big, equipment: [{ jobs: big.slice(0, 20_000) }] })];
    expect(pieces.length).toBeGreaterThan(3);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan((1 << 20) + 200);
    expect(pieces.join('')).toBe(JSON.stringify({ operations: big, equipment: [{ jobs: big.slice(0, 20_000) }] }, null, 2));
  });
});

describe('writeJsonFile', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'plant-twin-json-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const output = () => { const err: string[] = []; return { err, o: { out: () => undefined, err: (t: string) => { err.push(t); } } }; };

  it('writes the pretty JSON text with a final line break, more than one chunk of it', async () => {
    const value = { operations: Array.from({ length: 30_000 }, (_, i) => ({ order: `o${i}`, quantity: i, note: 'x'.repeat(20) })) };
    const file = path.join(dir, 'big.json');
    const { err, o } = output();
    expect(await writeJsonFile(file, value, o)).toBe(true);
    expect(err).toEqual([]);
    const text = readFileSync(file, 'utf8');
    expect(text.length).toBeGreaterThan(2 << 20);
    expect(text).toBe(`${JSON.stringify(value, null, 2)}\n`);
    expect(readdirSync(dir)).toEqual(['big.json']);
  });

  it('leaves the old file whole and no partial file when the value cannot be written', async () => {
    const file = path.join(dir, 'kept.json');
    writeFileSync(file, '{"old": true}\n');
    const { err, o } = output();
    // A BigInt has no JSON text: JSON.stringify throws partway through the file.
    expect(await writeJsonFile(file, { a: Array.from({ length: 100 }, (_, i) => i), b: [1n] }, o)).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('{"old": true}\n');
    expect(readdirSync(dir).filter((f) => f.startsWith('kept'))).toEqual(['kept.json']);
    expect(err.join('\n')).toContain(file);
  });

  it('says which file cannot be written when its folder does not exist', async () => {
    const file = path.join(dir, 'missing', 'out.json');
    const { err, o } = output();
    expect(await writeJsonFile(file, { a: 1 }, o)).toBe(false);
    expect(err.join('\n')).toMatch(/missing.*ENOENT|ENOENT/s);
    mkdirSync(path.join(dir, 'missing'));
    expect(await writeJsonFile(file, { a: 1 }, o)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('{\n  "a": 1\n}\n');
  });
});
