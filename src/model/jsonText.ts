import { findDuplicateKeys } from './jsonDuplicates.ts';
import { findSyntaxFault, lineColumn, offsetFromMessage, tokenAt } from './jsonSyntax.ts';
import type { Problem } from './problem.ts';
import { quote } from './render.ts';

export type Parsed = { ok: true; value: unknown } | { ok: false; problems: Problem[] };

/** Line and column of several offsets in one pass over the text. */
function lineColumns(text: string, offsets: number[]): Map<number, { line: number; column: number }> {
  const out = new Map<number, { line: number; column: number }>();
  let line = 1;
  let lineStart = 0;
  let next = text.indexOf('\n');
  for (const offset of [...offsets].sort((a, b) => a - b)) {
    while (next >= 0 && next < offset) {
      line++;
      lineStart = next + 1;
      next = text.indexOf('\n', next + 1);
    }
    out.set(offset, { line, column: offset - lineStart + 1 });
  }
  return out;
}

/**
 * A key written twice in one object is a problem at the key's path: JSON.parse would keep the
 * last value without a word (a second `"orders": []` empties the order book).
 */
function duplicateProblems(body: string, file: string): Problem[] {
  const duplicates = findDuplicateKeys(body);
  if (duplicates.length === 0) return [];
  const where = lineColumns(body, duplicates.flatMap((d) => [d.offset, d.firstOffset]));
  return duplicates.map((d) => {
    const at = where.get(d.offset)!;
    const first = where.get(d.firstOffset)!;
    return {
      file,
      path: d.path,
      expected: 'each key at most once in an object',
      found: `${quote(d.key)} again at line ${at.line} column ${at.column} (first at line ${first.line} column ${first.column})`,
      hint: 'a reader would keep only the last one; remove or merge the duplicate',
    };
  });
}

/**
 * Parses JSON text; a syntax error becomes one problem whose path is `line L column C`, and each
 * key that appears twice in one object a problem at its path.
 */
export function parseJsonText(text: string, file: string): Parsed {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') {
    return { ok: false, problems: [{ file, path: '', expected: 'a JSON object', found: 'an empty file' }] };
  }
  try {
    const value: unknown = JSON.parse(body);
    const duplicates = duplicateProblems(body, file);
    return duplicates.length > 0 ? { ok: false, problems: duplicates } : { ok: true, value };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof RangeError) {
      return { ok: false, problems: [{ file, path: '', expected: 'JSON nested a reasonable number of levels deep', found: 'nesting too deep to read' }] };
    }
    const fault = findSyntaxFault(body);
    const stated = offsetFromMessage(message, body);
    const offset = stated ?? fault?.offset ?? 0;
    const agree = fault !== undefined && (stated === undefined || stated === fault.offset);
    const { line, column } = lineColumn(body, offset);
    const problem: Problem = {
      file,
      path: `line ${line} column ${column}`,
      expected: agree ? `valid JSON: ${fault.expected}` : 'valid JSON',
      found: tokenAt(body, offset),
    };
    const hint = agree ? fault.hint : message;
    if (hint) problem.hint = hint;
    return { ok: false, problems: [problem] };
  }
}
