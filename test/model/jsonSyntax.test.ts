import { describe, expect, it } from 'vitest';
import { findSyntaxFault, lineColumn, offsetFromMessage } from '../../src/model/jsonSyntax.ts';
import { parseJsonText } from '../../src/model/jsonText.ts';

describe('JSON syntax errors', () => {
  const text = '{\n  "a": 1,\n  "b" 2\n}';

  it('reads the position from both engine message forms', () => {
    expect(offsetFromMessage("Expected ':' after property name in JSON at position 18", text)).toBe(18);
    expect(offsetFromMessage("JSON.parse: expected ':' after property name in object at line 3 column 7 of the JSON data", text)).toBe(18);
    expect(offsetFromMessage('Unexpected token', text)).toBeUndefined();
  });

  it('finds the first fault itself when the engine names no position', () => {
    expect(findSyntaxFault(text)).toMatchObject({ offset: 18, expected: "':' after the property name" });
    expect(findSyntaxFault('[1, 2]')).toBeUndefined();
    expect(findSyntaxFault('{"a": [1, {"b": "\\q"}]}')).toMatchObject({ offset: 18 });
    expect(lineColumn(text, 18)).toEqual({ line: 3, column: 7 });
  });

  it('reports one problem with line and column, and a hint for the usual mistakes', () => {
    expect(parseJsonText(text, 'f.json')).toEqual({ ok: false, problems: [{
      file: 'f.json', path: 'line 3 column 7', expected: "valid JSON: ':' after the property name", found: "'2'",
    }] });
    const single = parseJsonText("{'a': 1}", 'f.json');
    expect(!single.ok && single.problems[0]?.hint).toBe('put property names in double quotes: "name"');
    const python = parseJsonText('{"a": True}', 'f.json');
    expect(!python.ok && python.problems[0]?.hint).toBe('JSON knows only true, false, null and finite numbers');
  });

  it('names the offset of every single-character corruption of a valid file the way the engine does', () => {
    const valid = JSON.stringify({ a: [1, 2.5, { b: 'x', c: null }], d: true });
    for (let i = 0; i < valid.length; i++) {
      for (const c of ['}', ',', '"', 'x', ':']) {
        const broken = valid.slice(0, i) + c + valid.slice(i);
        let engine: number | undefined;
        try { JSON.parse(broken); continue; } catch (e) { engine = offsetFromMessage((e as Error).message, broken); }
        const fault = findSyntaxFault(broken);
        expect(fault, broken).toBeDefined();
        if (engine !== undefined) expect(fault?.offset, broken).toBe(engine);
      }
    }
  });
});
