import type { Problem } from '../../src/model/problem.ts';

/** A non-blank line of a whitespace-separated numeric file, with its 1-based line number. */
export interface TextLine {
  line: number;
  tokens: string[];
}

export function contentLines(text: string): TextLine[] {
  const out: TextLine[] = [];
  text.split(/\r\n|\n|\r/).forEach((raw, i) => {
    const tokens = raw.trim().split(/\s+/).filter((t) => t.length > 0);
    if (tokens.length > 0) out.push({ line: i + 1, tokens });
  });
  return out;
}

/** The last line number of the text, for problems about a missing line at the end. */
export function lineCount(text: string): number {
  return text.split(/\r\n|\n|\r/).length;
}

export function shorten(s: string, max = 40): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** Parses an integer token within [min, max]; on failure records a problem and returns null. */
export function readInt(
  token: string | undefined,
  min: number,
  max: number,
  what: string,
  where: { file: string; path: string },
  problems: Problem[],
): number | null {
  if (token === undefined) {
    problems.push({ ...where, expected: what, found: 'end of line' });
    return null;
  }
  const v = /^[+-]?\d+$/.test(token) ? Number(token) : NaN;
  if (!Number.isSafeInteger(v) || v < min || v > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
    problems.push({ ...where, expected: `${what} (an integer ${range})`, found: `"${shorten(token)}"` });
    return null;
  }
  return v;
}

export function baseName(file: string): string {
  const last = file.split(/[\\/]/).pop() ?? file;
  return last.replace(/\.[^.]*$/, '');
}
