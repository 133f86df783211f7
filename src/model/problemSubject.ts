/**
 * What a problem is about, in the user's words: the JSON path `site.areas[1].lines[0].cells[2]
 * .equipment[0].position` is where the file is wrong, but the user thinks "CURE-01 (Curing oven)".
 * The path is walked through the file's data; the deepest element on it with an `id` names it.
 */

type Token = string | number;

/** `a.b[2]["c d"]` → ['a', 'b', 2, 'c d']; undefined when it is not a JSON path (e.g. `line 42`). */
export function pathTokens(path: string): Token[] | undefined {
  const tokens: Token[] = [];
  const re = /(?:^|\.)([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  let at = 0;
  while (at < path.length) {
    re.lastIndex = at;
    const m = re.exec(path);
    if (!m) return undefined;
    tokens.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : (JSON.parse(m[3]!) as string)));
    at = re.lastIndex;
  }
  return tokens;
}

const record = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function singular(key: string): string {
  return key.endsWith('ies') ? `${key.slice(0, -3)}y` : key.endsWith('s') ? key.slice(0, -1) : key;
}

/** The deepest element with an id along `path` in `data`: "CURE-01 (Curing oven)", or "order KH-0013". */
export function problemSubject(data: unknown, path: string): string | undefined {
  const tokens = pathTokens(path);
  if (!tokens) return undefined;
  let node: unknown = data;
  let subject: string | undefined;
  let key = '';
  for (const t of tokens) {
    if (typeof t === 'string') key = t;
    node = Array.isArray(node) && typeof t === 'number' ? node[t] : record(node) && typeof t === 'string' ? node[t] : undefined;
    if (node === undefined) break;
    if (typeof t === 'number' && record(node) && typeof node.id === 'string') {
      const name = typeof node.name === 'string' && node.name !== node.id ? node.name : undefined;
      subject = name ? `${node.id} (${name})` : `${singular(key)} ${node.id}`;
    }
  }
  return subject;
}

/** Every JSON path into `data` written in `text` (as loaders quote them) replaced by its subject. */
export function namePathsIn(data: unknown, text: string): string {
  return text.replace(/\(((?:[A-Za-z_$][\w$-]*)(?:\.[A-Za-z_$][\w$-]*|\[\d+\])+)\)/g, (whole, path: string) => {
    const subject = problemSubject(data, path);
    return subject ? `(${subject})` : whole;
  });
}
