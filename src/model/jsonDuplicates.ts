import { childPath } from './render.ts';

/** A key written twice in one object: `path` is the JSON path of the key, offsets are into the text. */
export interface DuplicateKey {
  path: string;
  key: string;
  firstOffset: number;
  offset: number;
}

interface Frame {
  path: string;
  /** Objects: the keys seen so far with their offsets; arrays: undefined. */
  keys: Map<string, number> | undefined;
  /** Arrays: the index of the next element; objects: the key whose value comes next. */
  index: number;
  key: string;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The index after the closing quote of the string that opens at `start` (the text is valid JSON). */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    const quote = text.indexOf('"', i);
    if (quote < 0) return text.length;
    let slashes = 0;
    while (text.charCodeAt(quote - 1 - slashes) === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return quote + 1;
    i = quote + 1;
  }
}

/**
 * Keys that appear twice in one object of well-formed JSON text. JSON.parse keeps the last one
 * silently, so a second `"orders"` would replace the first list without a word; here it is found,
 * with the path a reader can go to. One pass, no recursion (nesting depth costs a stack entry on
 * the heap, not a call frame); at most `limit` duplicates are returned.
 */
export function findDuplicateKeys(text: string, limit = 100): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const stack: Frame[] = [];
  let expectKey = false;
  const valuePath = (): string => {
    const top = stack[stack.length - 1];
    if (!top) return '';
    return top.keys ? childPath(top.path, top.key) : childPath(top.path, top.index);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      const top = stack[stack.length - 1];
      if (expectKey && top?.keys) {
        const raw = text.slice(i + 1, end - 1);
        const key = raw.includes('\\') ? (JSON.parse(text.slice(i, end)) as string) : raw;
        const first = top.keys.get(key);
        if (first === undefined) top.keys.set(key, i);
        else if (found.length < limit) found.push({ path: childPath(top.path, key), key, firstOffset: first, offset: i });
        top.key = key;
        expectKey = false;
      }
      i = end - 1;
    } else if (c === 0x7b /* { */) {
      stack.push({ path: valuePath(), keys: new Map(), index: 0, key: '' });
      expectKey = true;
    } else if (c === 0x5b /* [ */) {
      stack.push({ path: valuePath(), keys: undefined, index: 0, key: '' });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
    } else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top?.keys) expectKey = true;
      else if (top) top.index++;
    }
  }
  return found;
}
