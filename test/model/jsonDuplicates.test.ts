import { describe, expect, it } from 'vitest';
import { findDuplicateKeys } from '../../src/model/jsonDuplicates.ts';
import { parseJsonText } from '../../src/model/jsonText.ts';
import { parseStatePayload } from '../../src/live/statePayload.ts';

describe('duplicate keys in JSON', () => {
  it('finds a key written twice, with the path of the key', () => {
    expect(findDuplicateKeys('{"orders": [1], "id": "a", "orders": []}')).toEqual([
      { path: 'orders', key: 'orders', firstOffset: 1, offset: 27 },
    ]);
  });

  it('follows nesting through objects and lists, and tells keys in different objects apart', () => {
    const text = '{"a": [{"id": 1}, {"id": 2, "x": {"id": 3}}, {"id": 4, "q": "}\\"{", "id": 5}], "b": {"a": 1}}';
    expect(findDuplicateKeys(text).map((d) => d.path)).toEqual(['a[2].id']);
  });

  it('compares keys after unescaping, so "\\u0061" and "a" are the same key', () => {
    expect(findDuplicateKeys('{"a": 1, "\\u0061": 2}').map((d) => d.key)).toEqual(['a']);
  });

  it('does not take strings that look like keys, or values equal to keys, for duplicates', () => {
    expect(findDuplicateKeys('{"a": "a", "b": ["a", "a"], "c": {"d": "c"}}')).toEqual([]);
    expect(findDuplicateKeys('[{"a": 1}, {"a": 2}]')).toEqual([]);
  });

  it('is a problem of the file, with both places, and nothing is loaded', () => {
    const parsed = parseJsonText('{\n  "orders": [{"id": "o1"}],\n  "orders": []\n}', 's.json');
    expect(parsed).toEqual({ ok: false, problems: [{
      file: 's.json', path: 'orders', expected: 'each key at most once in an object',
      found: '"orders" again at line 3 column 3 (first at line 2 column 3)',
      hint: 'a reader would keep only the last one; remove or merge the duplicate',
    }] });
  });

  it('keeps deep nesting off the call stack', () => {
    const deep = `${'['.repeat(5000)}{"a":1,"a":2}${']'.repeat(5000)}`;
    expect(findDuplicateKeys(deep)[0]?.path).toBe(`${'[0]'.repeat(5000)}.a`);
  });

  it('refuses a live payload with a duplicate key', () => {
    const result = parseStatePayload('m1', '{"ts": 1, "state": "down", "state": "processing"}', 'acme/m1/state');
    expect(result).toMatchObject({ ok: false, problems: [{ path: 'state', found: '"state" twice' }] });
  });
});
