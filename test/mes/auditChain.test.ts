import { describe, expect, it } from 'vitest';
import { chainEntries, entryHash, verifyChain } from '../../src/mes/auditChain.ts';
import { GENESIS_HASH, type EntryBody } from '../../src/mes/auditEntry.ts';

function trail(n: number): string[] {
  const bodies: EntryBody[] = Array.from({ length: n }, (_, i) => ({ type: 'attempt', version: `v${i}`, channel: 'rest', attempt: 1, target: 'http://mes/' }));
  return chainEntries(null, bodies, '2026-11-29T18:00:00.000Z').map((e) => JSON.stringify(e));
}

function kinds(lines: string[]) {
  return verifyChain(lines).problems.map((p) => [p.kind, p.seq ?? null, p.line ?? null]);
}

describe('audit chain', () => {
  it('links each entry to the one before by hash, from the genesis hash', () => {
    const entries = chainEntries(null, [{ type: 'retry-requested', version: 'a', by: 'x' }, { type: 'retry-requested', version: 'b', by: 'y' }], '2026-11-29T18:00:00Z');
    expect(entries[0]!.prev).toBe(GENESIS_HASH);
    expect(entries[1]!.prev).toBe(entries[0]!.hash);
    expect(entries.map((e) => e.seq)).toEqual([1, 2]);
    expect(entryHash(entries[1]!)).toBe(entries[1]!.hash);
    // Key order does not matter (RFC 8785), the content does.
    const { hash, ...rest } = entries[1]!;
    const reordered = JSON.parse(JSON.stringify({ hash, ...Object.fromEntries(Object.entries(rest).reverse()) }));
    expect(entryHash(reordered)).toBe(entries[1]!.hash);
    expect(entryHash({ ...entries[1]!, version: 'z' })).not.toBe(entries[1]!.hash);
  });

  it('finds nothing wrong in an intact trail and gives its head', () => {
    const lines = trail(5);
    const report = verifyChain([...lines, '']);
    expect(report.problems).toEqual([]);
    expect(report.entries).toBe(5);
    expect(report.head).toBe(JSON.parse(lines[4]!).hash);
  });

  it('names an edited entry', () => {
    const lines = trail(5);
    lines[2] = lines[2]!.replace('"v2"', '"v9"');
    expect(kinds(lines)).toEqual([['edited', 3, 3]]);
    expect(verifyChain(lines).problems[0]!.message).toBe('line 3: entry 3 (attempt v9) was edited: its content no longer matches its hash');
  });

  it('names an edited entry whose own hash was recomputed, by the link the next entry recorded', () => {
    const lines = trail(5);
    const e = JSON.parse(lines[1]!);
    e.target = 'http://elsewhere/';
    e.hash = entryHash(e);
    lines[1] = JSON.stringify(e);
    expect(kinds(lines)).toEqual([['broken-link', 3, 3]]);
    expect(verifyChain(lines).problems[0]!.message).toMatch(/^line 2: entry 2 was edited/);
  });

  it('names a removed entry and where it was', () => {
    const lines = trail(5);
    lines.splice(3, 1);
    expect(kinds(lines)).toEqual([['removed', 4, null]]);
    expect(verifyChain(lines).problems[0]!.message).toBe('entry 4 was removed (it was between lines 3 and 4)');
    expect(kinds(trail(3).slice(1))).toEqual([['removed', 1, null]]);
  });

  it('names swapped entries', () => {
    const lines = trail(5);
    [lines[1], lines[2]] = [lines[2]!, lines[1]!];
    expect(kinds(lines)).toEqual([['reordered', 2, 3]]);
    expect(verifyChain(lines).problems[0]!.message).toBe('lines 2–3: entry 2 (attempt v1) comes after entry 3: entries were reordered');
  });

  it('names a duplicated entry and a line that is not an entry', () => {
    const lines = trail(3);
    expect(kinds([...lines.slice(0, 2), lines[1]!, lines[2]!])).toEqual([['duplicate', 2, 3]]);
    expect(kinds([lines[0]!, '{"seq": 2', lines[2]!])).toEqual([['unreadable', null, 2], ['removed', 2, null]]);
    expect(kinds([lines[0]!, JSON.stringify({ ...JSON.parse(lines[1]!), type: 'deleted' }), lines[2]!])).toEqual([['edited', 2, 2], ['removed', 2, null]]);
  });
});
