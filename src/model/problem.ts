/**
 * A problem found in an input file. Errors at boundaries are values, not exceptions: every
 * loader returns all problems it finds so a user fixes a file in one pass.
 */
export interface Problem {
  /** File name (or "<pasted>" / a URL) the problem is in. */
  file: string;
  /** JSON path like `orders[12].product`, or `line 42` for line-based formats; "" for the whole file. */
  path: string;
  /** What a valid file has here. */
  expected: string;
  /** What this file has here, shortened. */
  found: string;
  /** How to fix it, when there is something more useful to say than "expected". */
  hint?: string;
}

export type Loaded<T> = { ok: true; value: T; warnings: Problem[] } | { ok: false; problems: Problem[] };

/** One line per problem: `file: path: expected X, found Y (hint)`. */
export function formatProblem(p: Problem): string {
  const where = p.path ? `${p.file}: ${p.path}` : p.file;
  const hint = p.hint ? ` — ${p.hint}` : '';
  return `${where}: expected ${p.expected}, found ${p.found}${hint}`;
}
