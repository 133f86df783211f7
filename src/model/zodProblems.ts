import type { z } from 'zod';
import { closest } from './closest.ts';
import type { Problem } from './problem.ts';
import { formatPath, listSome, quote, renderFound } from './render.ts';
import { allowedKeys, describeSchema, schemaAt, unwrap, valueAt } from './schemaAt.ts';

/**
 * Turns zod's issues into problems a planner can act on: each names the place as a JSON path,
 * says in words what belongs there, shows what is there, and hints at the fix. zod's own
 * messages are used only where the schema wrote them for people (regex and refine messages).
 */

type Issue = z.core.$ZodIssue;
type Schema = z.core.$ZodType;

interface Context {
  file: string;
  data: unknown;
  schema: Schema;
  /** Unknown keys that look like a misspelling of a key the object lacks: missing key's path → the unknown key's problem. */
  renames: Map<string, { problem: Problem; from: string; to: string }>;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text in double quotes',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object { … }',
  array: 'a list [ … ]',
  null: 'null',
  record: 'an object { … }',
};

const DATE_TIME = 'an ISO 8601 date-time with an offset, e.g. 2026-11-30T06:00:00Z';
const DATE = 'an ISO 8601 date, e.g. 2026-12-25';

function typeWord(expected: string): string {
  return TYPE_WORDS[expected] ?? expected;
}

/** What a schema wants, in words, for a place that has nothing yet. */
function expectedOf(schema: Schema | undefined, fallback: string): string {
  if (!schema) return fallback;
  const def = unwrap(schema)._zod.def as { type: string; entries?: Record<string, unknown>; values?: unknown[]; format?: string };
  if (def.type === 'enum' && def.entries) return oneOf(Object.values(def.entries));
  if (def.type === 'literal' && def.values) return oneOf(def.values);
  if (def.type === 'string' && def.format === 'datetime') return DATE_TIME;
  if (def.type === 'string' && def.format === 'date') return DATE;
  return fallback;
}

function isWholeNumberSchema(ctx: Context, path: readonly PropertyKey[]): boolean {
  const s = schemaAt(ctx.schema, path, ctx.data);
  const checks = s ? (unwrap(s)._zod.def as { checks?: { _zod: { def: { check?: string; format?: string } } }[] }).checks ?? [] : [];
  return checks.some((c) => c._zod.def.check === 'number_format' && /int/.test(c._zod.def.format ?? ''));
}

function literal(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function oneOf(values: readonly unknown[]): string {
  if (values.length === 1) return literal(values[0]);
  return `one of ${values.map(literal).join(', ')}`;
}

function guessHint(found: unknown, values: readonly unknown[]): string | undefined {
  if (typeof found !== 'string') return undefined;
  const guess = closest(found, values.filter((v): v is string => typeof v === 'string'));
  return guess === undefined ? undefined : `did you mean '${guess}'?`;
}

function problem(ctx: Context, path: readonly PropertyKey[], expected: string, found: string, hint?: string): Problem {
  const p: Problem = { file: ctx.file, path: formatPath(path), expected, found };
  if (hint) p.hint = hint;
  return p;
}

function invalidType(ctx: Context, issue: Issue & { code: 'invalid_type' }, path: PropertyKey[]): Problem {
  const found = valueAt(ctx.data, path);
  const expected = path.length === 0 && issue.expected === 'object' ? 'a JSON object { … }' : typeWord(issue.expected);
  if (found === undefined) {
    const key = path[path.length - 1];
    const s = schemaAt(ctx.schema, path, ctx.data);
    const description = s ? describeSchema(s) : undefined;
    const hint = key === undefined ? undefined : `add "${String(key)}"${description ? ` (${description})` : ''}`;
    return problem(ctx, path, expectedOf(s, expected), 'nothing', hint);
  }
  let hint: string | undefined;
  if ((issue.expected === 'number' || issue.expected === 'int') && typeof found === 'string' && found.trim() !== '' && Number.isFinite(Number(found))) {
    hint = 'write the number without quotes';
  } else if (issue.expected === 'string' && (typeof found === 'number' || typeof found === 'boolean')) {
    hint = `put it in double quotes: "${String(found)}"`;
  } else if (issue.expected === 'boolean' && (found === 'true' || found === 'false')) {
    hint = 'write true or false without quotes';
  } else if (issue.expected === 'array' && found !== null && typeof found !== 'object') {
    hint = 'write a list in square brackets, e.g. [ … ]';
  }
  return problem(ctx, path, expected, renderFound(found), hint);
}

function bound(ctx: Context, issue: Issue & { code: 'too_small' | 'too_big' }, path: PropertyKey[]): Problem {
  const found = valueAt(ctx.data, path);
  const small = issue.code === 'too_small';
  const limit = Number(small ? issue.minimum : issue.maximum);
  const inclusive = issue.inclusive !== false;
  switch (issue.origin) {
    case 'array': {
      const n = small ? 'at least' : 'at most';
      const what = issue.exact ? `exactly ${limit}` : `${n} ${limit}`;
      return problem(ctx, path, `a list with ${what} item${limit === 1 ? '' : 's'}`, renderFound(found));
    }
    case 'string': {
      const length = typeof found === 'string' ? found.length : 0;
      if (small && limit === 1) return problem(ctx, path, 'non-empty text', renderFound(found));
      return problem(ctx, path, `text of ${small ? 'at least' : 'at most'} ${limit} characters`, `${length} characters`);
    }
    default: {
      const whole = isWholeNumberSchema(ctx, path);
      let expected: string;
      if (whole && !inclusive) expected = `a whole number ${small ? '≥' : '≤'} ${small ? Math.floor(limit) + 1 : Math.ceil(limit) - 1}`;
      else expected = `${whole ? 'a whole number' : 'a number'} ${small ? (inclusive ? '≥' : '>') : (inclusive ? '≤' : '<')} ${limit}`;
      return problem(ctx, path, expected, renderFound(found));
    }
  }
}

function dateTimeHint(found: unknown): string | undefined {
  if (typeof found !== 'string') return undefined;
  if (/^\d{4}-\d\d-\d\d$/.test(found)) return `add a time and an offset, e.g. "${found}T06:00:00Z"`;
  if (/^\d{4}-\d\d-\d\d \d/.test(found)) return 'separate the date and the time with "T", e.g. 2026-11-30T06:00:00Z';
  if (/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(found)) return 'add "Z" (UTC) or an offset such as "+01:00"';
  return undefined;
}

function invalidFormat(ctx: Context, issue: Issue & { code: 'invalid_format' }, path: PropertyKey[]): Problem {
  const found = valueAt(ctx.data, path);
  switch (issue.format) {
    case 'datetime':
      return problem(ctx, path, DATE_TIME, renderFound(found), dateTimeHint(found));
    case 'date':
      return problem(ctx, path, DATE, renderFound(found));
    case 'regex': {
      const written = !issue.message.startsWith('Invalid');
      const expected = written ? issue.message : `text matching ${issue.pattern ?? 'the pattern'}`;
      const hint = written && issue.message.startsWith('an id') && typeof found === 'string'
        ? (found.includes(' ') ? `ids cannot contain spaces; try "${found.trim().replace(/\s+/g, '-')}"` : undefined)
        : undefined;
      return problem(ctx, path, expected, renderFound(found), hint);
    }
    default:
      return problem(ctx, path, `text in ${issue.format} format`, renderFound(found));
  }
}

function unrecognizedKeys(ctx: Context, issue: Issue & { code: 'unrecognized_keys' }, path: PropertyKey[]): Problem[] {
  const allowed = allowedKeys(ctx.schema, path, ctx.data);
  const present = new Set(Object.keys(valueAt(ctx.data, path) ?? {}));
  return issue.keys.map((key) => {
    const guess = closest(key, allowed);
    const hint = guess !== undefined ? `did you mean '${guess}'?` : `remove ${quote(key)}`;
    const expected = allowed.length ? `only the keys ${listSome(allowed, 10)}` : 'no further keys';
    const p = problem(ctx, [...path, key], expected, `an unknown key ${quote(key)}`, hint);
    if (guess !== undefined && !present.has(guess)) ctx.renames.set(formatPath([...path, guess]), { problem: p, from: key, to: guess });
    return p;
  });
}

function invalidValue(ctx: Context, issue: Issue & { code: 'invalid_value' }, path: PropertyKey[]): Problem {
  const found = valueAt(ctx.data, path);
  const last = path[path.length - 1];
  let hint = guessHint(found, issue.values);
  if (!hint && last === 'version' && path.length === 1) hint = 'this Plant Twin reads version 1 files';
  if (found === undefined && last !== undefined) hint = `add "${String(last)}": ${oneOf(issue.values.slice(0, 1))}`;
  return problem(ctx, path, oneOf(issue.values), renderFound(found), hint);
}

/** Union branches that failed on a literal field (e.g. "kind") were not the branch the data meant. */
function literalMismatch(branch: readonly Issue[]): PropertyKey | undefined {
  const miss = branch.find((i) => i.code === 'invalid_value' && i.path.length === 1 && i.values.length === 1);
  return miss?.path[0];
}

function invalidUnion(ctx: Context, issue: Issue & { code: 'invalid_union' }, path: PropertyKey[]): Problem[] {
  const found = valueAt(ctx.data, path);
  if (issue.discriminator !== undefined || issue.errors.length === 0) {
    const values = 'options' in issue && issue.options ? issue.options : [];
    if (issue.errors.length === 0 && values.length === 0) {
      return [problem(ctx, path, 'a value matching exactly one of the allowed forms', renderFound(found))];
    }
    const hint = found === undefined ? `add "${String(path[path.length - 1] ?? issue.discriminator)}"` : guessHint(found, values);
    return [problem(ctx, path, oneOf(values), renderFound(found), hint)];
  }
  const branches = issue.errors;
  const meant = branches.filter((b) => literalMismatch(b) === undefined);
  if (meant.length === 1 && meant[0]) return meant[0].flatMap((i) => issueProblems(ctx, i, path));
  if (meant.length === 0) {
    const keys = new Set(branches.map(literalMismatch));
    const [key] = [...keys];
    if (keys.size === 1 && key !== undefined) {
      const values = branches.flatMap((b) => b.flatMap((i) => (i.code === 'invalid_value' && i.path[0] === key ? i.values : [])));
      const at = [...path, key];
      const value = valueAt(ctx.data, at);
      return [problem(ctx, at, oneOf(values), renderFound(value), value === undefined ? `add "${String(key)}"` : guessHint(value, values))];
    }
  }
  const candidates = meant.length ? meant : branches;
  if (candidates.every((b) => b.length === 1 && b[0]?.path.length === 0)) {
    const expected = candidates.map((b) => issueProblems(ctx, b[0] as Issue, path)[0]?.expected ?? '').join(' or ');
    return [problem(ctx, path, expected, renderFound(found))];
  }
  const best = candidates.reduce((a, b) => (b.length < a.length ? b : a));
  return best.flatMap((i) => issueProblems(ctx, i, path));
}

function issueProblems(ctx: Context, issue: Issue, base: readonly PropertyKey[]): Problem[] {
  const path = [...base, ...issue.path];
  switch (issue.code) {
    case 'invalid_type': return [invalidType(ctx, issue, path)];
    case 'too_small':
    case 'too_big': return [bound(ctx, issue, path)];
    case 'invalid_format': return [invalidFormat(ctx, issue, path)];
    case 'not_multiple_of': return [problem(ctx, path, `a multiple of ${issue.divisor}`, renderFound(valueAt(ctx.data, path)))];
    case 'unrecognized_keys': return unrecognizedKeys(ctx, issue, path);
    case 'invalid_value': return [invalidValue(ctx, issue, path)];
    case 'invalid_union': return invalidUnion(ctx, issue, path);
    case 'invalid_key':
      return [problem(ctx, path, 'a valid key', renderFound(valueAt(ctx.data, path)))];
    case 'invalid_element':
    case 'custom':
    default:
      return [problem(ctx, path, issue.message, renderFound(valueAt(ctx.data, path)))];
  }
}

/** All problems of a failed parse of `data` (the whole file's value) against `schema`. */
export function zodProblems(issues: readonly Issue[], data: unknown, schema: Schema, file: string): Problem[] {
  const ctx: Context = { file, data, schema, renames: new Map() };
  const problems = issues.flatMap((issue) => issueProblems(ctx, issue, []));
  // A misspelt key shows up twice in zod (an unknown key, a missing one); it is one mistake.
  return problems.filter((p) => {
    const rename = p.found === 'nothing' ? ctx.renames.get(p.path) : undefined;
    if (!rename) return true;
    rename.problem.expected = `the key "${rename.to}": ${p.expected}`;
    rename.problem.found = `the key ${quote(rename.from)}`;
    rename.problem.hint = `did you mean '${rename.to}'? Rename "${rename.from}" to "${rename.to}"`;
    return false;
  });
}
