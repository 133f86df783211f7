/**
 * Where and why JSON text is malformed. JSON.parse's messages differ between engines and some
 * (V8's "Unexpected token 'x', "…" is not valid JSON") carry no position at all, so a small
 * scanner finds the first error itself; a position stated by the engine still wins.
 */

export interface SyntaxFault {
  offset: number;
  expected: string;
  hint?: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORD = /[A-Za-z_$][\w$]*/y;
const SPACE = /[ \t\n\r]*/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;
const VALUE = 'a value (text in double quotes, a number, an object, a list, true, false or null)';

type State = 'value' | 'valueOrEnd' | 'key' | 'keyOrEnd' | 'colon' | 'afterValue';

function skipSpace(text: string, i: number): number {
  SPACE.lastIndex = i;
  SPACE.exec(text);
  return SPACE.lastIndex;
}

/** Scans a string starting at the opening quote; returns the index after the closing quote or a fault. */
function scanString(text: string, start: number): number | SyntaxFault {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) {
      return { offset: i, expected: 'the rest of the text and a closing \'"\' on the same line', hint: 'write a line break inside text as \\n, a tab as \\t' };
    }
    if (c === 0x5c) {
      const next = text[i + 1];
      if (next === 'u') {
        const hex = text.slice(i + 2, i + 6);
        if (!HEX4.test(hex)) {
          const bad = [...hex].findIndex((h) => !/[0-9a-fA-F]/.test(h));
          return { offset: i + 2 + (bad < 0 ? hex.length : bad), expected: 'a \\u escape with 4 hex digits' };
        }
        i += 6;
        continue;
      }
      if (next === undefined || !'"\\/bfnrt'.includes(next)) {
        return { offset: i + 1, expected: 'an escape \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX', hint: 'write a backslash as \\\\' };
      }
      i += 2;
      continue;
    }
    i++;
  }
  return { offset: text.length, expected: 'a closing \'"\'' };
}

/** The first syntax error in `text`, or undefined when it is well-formed JSON. */
export function findSyntaxFault(text: string): SyntaxFault | undefined {
  const stack: string[] = [];
  let state: State = 'value';
  let i = 0;
  for (;;) {
    i = skipSpace(text, i);
    const c = text[i];
    switch (state) {
      case 'valueOrEnd':
      case 'value': {
        if (c === ']' && state === 'valueOrEnd') { stack.pop(); i++; state = 'afterValue'; break; }
        if (c === undefined) return { offset: i, expected: VALUE };
        if (c === '{') { stack.push('}'); i++; state = 'keyOrEnd'; break; }
        if (c === '[') { stack.push(']'); i++; state = 'valueOrEnd'; break; }
        if (c === '"') {
          const end = scanString(text, i);
          if (typeof end !== 'number') return end;
          i = end;
          state = 'afterValue';
          break;
        }
        NUMBER.lastIndex = i;
        if (NUMBER.exec(text)) {
          i = NUMBER.lastIndex;
          if (/[0-9]/.test(text[i] ?? '')) return { offset: i, expected: 'a number without leading zeros' };
          if (text[i] === '.') return { offset: i + 1, expected: 'digits after the decimal point' };
          if (text[i] === 'e' || text[i] === 'E') return { offset: /[+-]/.test(text[i + 1] ?? '') ? i + 2 : i + 1, expected: 'digits in the exponent' };
          state = 'afterValue';
          break;
        }
        if (c === '-') return { offset: i + 1, expected: 'a digit after the minus sign' };
        const literal = c === 't' ? 'true' : c === 'f' ? 'false' : c === 'n' ? 'null' : undefined;
        if (literal) {
          let k = 0;
          while (k < literal.length && text[i + k] === literal[k]) k++;
          if (k === literal.length) { i += k; state = 'afterValue'; break; }
          return { offset: i + k, expected: `${literal} (or another value)`, hint: `did you mean ${literal}? Text needs double quotes` };
        }
        WORD.lastIndex = i;
        const word = WORD.exec(text)?.[0];
        if ((c === ']' || c === '}') && /,\s*$/.test(text.slice(Math.max(0, i - 200), i))) return { offset: i, expected: VALUE, hint: `remove the comma before '${c}'` };
        if (c === "'") return { offset: i, expected: VALUE, hint: 'JSON text uses double quotes "…", not single quotes' };
        if (word && /^(True|False|None|NaN|Infinity|undefined)$/.test(word)) {
          return { offset: i, expected: VALUE, hint: 'JSON knows only true, false, null and finite numbers' };
        }
        return { offset: i, expected: VALUE };
      }
      case 'keyOrEnd':
      case 'key': {
        if (c === '}' && state === 'keyOrEnd') { stack.pop(); i++; state = 'afterValue'; break; }
        if (c === '"') {
          const end = scanString(text, i);
          if (typeof end !== 'number') return end;
          i = end;
          state = 'colon';
          break;
        }
        if (c === '}') return { offset: i, expected: 'a property name in double quotes', hint: "remove the comma before '}'" };
        const hint = c !== undefined && /[A-Za-z_']/.test(c) ? 'put property names in double quotes: "name"' : undefined;
        return hint ? { offset: i, expected: 'a property name in double quotes', hint } : { offset: i, expected: 'a property name in double quotes' };
      }
      case 'colon': {
        if (c === ':') { i++; state = 'value'; break; }
        return { offset: i, expected: "':' after the property name" };
      }
      case 'afterValue': {
        const close = stack[stack.length - 1];
        if (close === undefined) {
          if (c === undefined) return undefined;
          return { offset: i, expected: 'the end of the file', hint: 'a file holds one JSON value; remove what follows it' };
        }
        if (c === ',') { i++; state = close === '}' ? 'key' : 'value'; break; }
        if (c === close) { stack.pop(); i++; break; }
        const missingComma = c === '"' || c === '{' || c === '[' || (c !== undefined && /[-0-9tfn]/.test(c));
        const fault: SyntaxFault = { offset: i, expected: `',' or '${close}'` };
        if (missingComma) fault.hint = 'a comma is missing between two entries';
        else if (c === undefined) fault.hint = `the file ends early: a '${close}' is missing`;
        return fault;
      }
    }
  }
}

/** The offset an engine's JSON.parse message names: "at position N" (V8, SpiderMonkey) or "line L column C". */
export function offsetFromMessage(message: string, text: string): number | undefined {
  const position = /position (\d+)/.exec(message);
  if (position) return Math.min(Number(position[1]), text.length);
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (!lineColumn) return undefined;
  let offset = 0;
  for (let line = 1; line < Number(lineColumn[1]); line++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return undefined;
    offset = next + 1;
  }
  return Math.min(offset + Number(lineColumn[2]) - 1, text.length);
}

/** 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** The token at an offset, for "found": `'tru'`, `'}'`, or "the end of the file". */
export function tokenAt(text: string, offset: number): string {
  if (offset >= text.length) return 'the end of the file';
  WORD.lastIndex = offset;
  const word = WORD.exec(text)?.[0];
  const token = word ?? text.slice(offset, offset + 1);
  if (token === '\n' || token === '\r') return 'a line break';
  if (token === '\t') return 'a tab';
  const shown = token.length > 20 ? `${token.slice(0, 20)}…` : token;
  return shown.includes("'") ? `"${shown}"` : `'${shown}'`;
}
