/** How problems show where they are and what was found: short, plain, never a dump of the file. */

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

const MAX_KEY = 60;

/** Appends one key to a JSON path: `orders` + 3 → `orders[3]`, `a` + `b` → `a.b`, odd or overlong keys → `a["x y"]`. */
export function childPath(base: string, key: PropertyKey): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  const name = String(key);
  if (IDENTIFIER.test(name) && name.length <= MAX_KEY) return base ? `${base}.${name}` : name;
  return `${base}[${quote(name)}]`;
}

/** `["orders", 12, "product"]` → `orders[12].product`; [] → "" (the whole file). */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => childPath(out, key), '');
}

const MAX_TEXT = 40;

/** A quoted, shortened rendering of a string as it appears in the file. */
export function quote(text: string): string {
  const json = JSON.stringify(text);
  return json.length > MAX_TEXT + 2 ? `${json.slice(0, MAX_TEXT)}…"` : json;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * What a file has at some place, in a few words: `"lazer-1"`, `-3`, `a list of 4 items`,
 * `an object with keys id, name, …`, `nothing` for a missing value. Never recurses, so a
 * pathologically nested value renders as cheaply as a flat one.
 */
export function renderFound(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return value === '' ? 'an empty string ""' : quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list []' : `a list of ${plural(value.length, 'item')}`;
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 0) return 'an empty object {}';
    const shown = keys.slice(0, 4).map((k) => (k.length > 20 ? `${k.slice(0, 20)}…` : k)).join(', ');
    return `an object with keys ${shown}${keys.length > 4 ? ', …' : ''}`;
  }
  return typeof value;
}

/** Lists a few names for a hint: `a, b, c and 4 more`. */
export function listSome(names: readonly string[], max = 6): string {
  const quoted = names.slice(0, max).map((n) => `'${n}'`);
  if (names.length <= max) return quoted.join(', ');
  return `${quoted.join(', ')} and ${names.length - max} more`;
}
