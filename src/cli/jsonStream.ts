/** Text gathered before a piece is handed on. */
const PIECE = 1 << 20;
/** Values of an array's small entries stringified in one call. */
const RUN_VALUES = 1 << 15;

/**
 * `JSON.stringify(value, null, 2)` in pieces of about a megabyte, for files too big to hold as
 * one string (a schedule of 700,000 operations is ~200 MB of text): the same bytes, never more
 * than a piece (and one value's text) at a time. Arrays and objects of more than `leafSize`
 * values in all are walked; smaller ones are stringified whole and re-indented (JSON text has no
 * raw line breaks inside strings, so indenting every line break is exact). A LazyJsonArray is
 * written as the array of its items, made one run at a time.
 */
export function* jsonPieces(value: unknown, leafSize = 1024): Generator<string> {
  let rest = '';
  for (const piece of walk(value, '', leafSize)) {
    if (rest !== '' && rest.length + piece.length > PIECE) { yield rest; rest = ''; }
    rest += piece;
  }
  if (rest !== '') yield rest;
}

function* walk(value: unknown, indent: string, leafSize: number): Generator<string> {
  if (!isContainer(value) || !largerThan(value, leafSize)) {
    // undefined at the top level: no text, as JSON.stringify gives none.
    const text = leafText(value, indent);
    if (text !== undefined) yield text;
    return;
  }
  if (Array.isArray(value) || value instanceof LazyJsonArray) {
    yield* walkArray(Array.isArray(value) ? value : value.items, indent, leafSize);
    return;
  }
  const inner = `${indent}  `;
  let text = '{';
  let first = true;
  for (const key of Object.keys(value)) {
    const item: unknown = (value as Record<string, unknown>)[key];
    // As JSON.stringify: what has no JSON text is left out of an object.
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    text += `${first ? '' : ','}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    if (isContainer(item) && largerThan(item, leafSize)) {
      yield text;
      text = '';
      yield* walk(item, inner, leafSize);
    } else text += leafText(item, inner) ?? 'null';
  }
  yield `${text}${first ? '' : `\n${indent}`}}`;
}

/**
 * An array whose items are made as the text is written (`items` is read once): a list too big to
 * hold at once (a schedule's 700,000 entries) is written without ever being held. Written as the
 * array of the items, as JSON.stringify would write that array.
 */
export class LazyJsonArray {
  constructor(readonly items: Iterable<unknown>) {}
}

/**
 * An array's entries: runs of small ones stringified together (one call per ~32,000 values, not
 * one per entry), large ones walked.
 */
function* walkArray(items: Iterable<unknown>, indent: string, leafSize: number): Generator<string> {
  let text = '[';
  let first = true;
  let run: unknown[] = [];
  let runValues = 0;
  const flush = (): void => {
    if (run.length === 0) return;
    // "[\n  a,\n  b\n]" less its brackets is the run's lines at the array's inner indent.
    const lines = (JSON.stringify(run, null, 2) as string).slice(2, -2);
    text += `${first ? '' : ','}\n${indent === '' ? lines : `${indent}${lines.replaceAll('\n', `\n${indent}`)}`}`;
    first = false;
    run = [];
    runValues = 0;
  };
  for (const item of items) {
    const left = isContainer(item) ? countDown(item, leafSize) : 0;
    if (left >= 0) {
      run.push(item);
      runValues += isContainer(item) ? leafSize - left : 1;
      if (runValues < RUN_VALUES) continue;
      flush();
      yield text;
      text = '';
      continue;
    }
    flush();
    yield `${text}${first ? '' : ','}\n${indent}  `;
    text = '';
    first = false;
    yield* walk(item, `${indent}  `, leafSize);
  }
  flush();
  yield first ? '[]' : `${text}\n${indent}]`;
}

function leafText(value: unknown, indent: string): string | undefined {
  const text = JSON.stringify(value, null, 2) as string | undefined;
  return text === undefined || indent === '' || !text.includes('\n') ? text : text.replaceAll('\n', `\n${indent}`);
}

function isContainer(value: unknown): value is object {
  // Objects with toJSON (dates) are JSON.stringify's to render.
  return typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** Whether `value` holds more than `budget` values at all depths (counting stops there). */
function largerThan(value: unknown, budget: number): boolean {
  return countDown(value, budget) < 0;
}

/** `budget` less the values in `value`, stopping below zero. */
function countDown(value: unknown, budget: number): number {
  let left = budget - 1;
  if (left < 0 || !isContainer(value)) return left;
  // Its size is not known before it is written: as large as any.
  if (value instanceof LazyJsonArray) return -1;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length && left >= 0; i++) left = countDown(value[i], left);
    return left;
  }
  for (const key in value) {
    if (left < 0) break;
    if (Object.hasOwn(value, key)) left = countDown((value as Record<string, unknown>)[key], left);
  }
  return left;
}
