import { findSyntaxFault, lineColumn, offsetFromMessage, tokenAt } from './jsonSyntax.ts';
import type { Problem } from './problem.ts';

export type Parsed = { ok: true; value: unknown } | { ok: false; problems: Problem[] };

/** Parses JSON text; a syntax error becomes one problem whose path is `line L column C`. */
export function parseJsonText(text: string, file: string): Parsed {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') {
    return { ok: false, problems: [{ file, path: '', expected: 'a JSON object', found: 'an empty file' }] };
  }
  try {
    return { ok: true, value: JSON.parse(body) };
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
