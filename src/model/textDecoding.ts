/**
 * Bytes → text without silent replacement. A decoder that turns bad bytes into U+FFFD would load
 * a Latin-1 export with every "é" quietly changed; here invalid UTF-8 is found and reported with
 * its place, and Latin-1 (ISO 8859-1) is read only when asked for. Latin-1 is decoded by hand:
 * engines disagree on the label ("latin1" is windows-1252 in browsers, ISO 8859-1 in Node), and
 * the result must not depend on where it runs.
 */

export type TextEncodingName = 'utf-8' | 'latin1';

export const TEXT_ENCODINGS: readonly TextEncodingName[] = ['utf-8', 'latin1'];

/** Where UTF-8 first goes wrong: the byte offset of the bad sequence and its first byte. */
export interface InvalidUtf8 {
  offset: number;
  byte: number;
}

/** Length of the sequence a lead byte starts, 0 for a byte that cannot start one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Whether `b[i+1]` is an allowed second byte after `lead` (no overlongs, surrogates or > U+10FFFF). */
function secondOk(lead: number, second: number): boolean {
  if (lead === 0xe0) return second >= 0xa0 && second <= 0xbf;
  if (lead === 0xed) return second >= 0x80 && second <= 0x9f;
  if (lead === 0xf0) return second >= 0x90 && second <= 0xbf;
  if (lead === 0xf4) return second >= 0x80 && second <= 0x8f;
  return second >= 0x80 && second <= 0xbf;
}

/**
 * The first invalid UTF-8 sequence in `bytes`, or undefined when all of it is valid. A sequence
 * cut off by the end counts as invalid only when `final` (otherwise the next chunk may finish it).
 */
export function findInvalidUtf8(bytes: Uint8Array, final = true): InvalidUtf8 | undefined {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const lead = bytes[i]!;
    if (lead < 0x80) { i++; continue; }
    const length = sequenceLength(lead);
    if (length === 0) return { offset: i, byte: lead };
    for (let k = 1; k < length; k++) {
      if (i + k >= n) return final ? { offset: i, byte: lead } : undefined;
      const next = bytes[i + k]!;
      if (k === 1 ? !secondOk(lead, next) : next < 0x80 || next > 0xbf) return { offset: i, byte: lead };
    }
    i += length;
  }
  return undefined;
}

/** How many bytes at the end of `bytes` begin a sequence that is not complete yet (0–3). */
function incompleteTail(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = bytes[n - back]!;
    if (b < 0x80) return 0;
    if (b >= 0xc0) return sequenceLength(b) > back ? back : 0;
  }
  return 0;
}

function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}

/** The result of one chunk: the text of the whole characters, and where decoding failed if it did. */
export interface DecodedChunk {
  /** The text decoded, up to the bad bytes when there are some. */
  text: string;
  /** Set when the bytes are not valid in the encoding: the offset counts from the start of the stream. */
  invalid?: InvalidUtf8;
}

/**
 * Decodes a stream chunk by chunk. A character split between chunks is held back until the next
 * one; invalid bytes stop the decoder (`invalid` set), since everything after them is suspect.
 */
export class StrictTextDecoder {
  private readonly native = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private held: Uint8Array = new Uint8Array(0);
  private consumed = 0;
  failed = false;

  constructor(readonly encoding: TextEncodingName = 'utf-8') {}

  decode(chunk: Uint8Array, final = false): DecodedChunk {
    if (this.failed) return { text: '' };
    if (this.encoding === 'latin1') {
      this.consumed += chunk.length;
      return { text: latin1(chunk) };
    }
    let bytes = chunk;
    if (this.held.length > 0) {
      bytes = new Uint8Array(this.held.length + chunk.length);
      bytes.set(this.held);
      bytes.set(chunk, this.held.length);
    }
    const keep = final ? 0 : incompleteTail(bytes);
    const whole = bytes.subarray(0, bytes.length - keep);
    const base = this.consumed;
    try {
      const text = this.native.decode(whole);
      this.held = bytes.slice(bytes.length - keep);
      this.consumed += whole.length;
      if (final && this.held.length > 0) return this.fail(text, { offset: base + whole.length, byte: this.held[0]! });
      return { text };
    } catch {
      const bad = findInvalidUtf8(whole, true) ?? { offset: 0, byte: whole[0] ?? 0 };
      const text = this.native.decode(whole.subarray(0, bad.offset));
      return this.fail(text, { offset: base + bad.offset, byte: bad.byte });
    }
  }

  private fail(text: string, invalid: InvalidUtf8): DecodedChunk {
    this.failed = true;
    this.held = new Uint8Array(0);
    return { text, invalid };
  }
}

/** 1-based line and column (in characters) where decoding stopped, from the text decoded before it. */
export function positionAfter(text: string, linesBefore = 0): { line: number; column: number } {
  let line = linesBefore + 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: text.length - lineStart + 1 };
}

/** The words of a problem about bytes that are not UTF-8. */
export function invalidTextProblem(invalid: InvalidUtf8): { expected: string; found: string; hint: string } {
  return {
    expected: 'UTF-8 text',
    found: `the byte 0x${invalid.byte.toString(16).toUpperCase().padStart(2, '0')}, which is not UTF-8 here`,
    hint: 'save the file as UTF-8, or if it is Latin-1 (ISO 8859-1) read it with --encoding latin1',
  };
}

/** A whole file's bytes as text: the text, or where it is not valid in the encoding. */
export function decodeText(bytes: Uint8Array, encoding: TextEncodingName = 'utf-8'): { text: string } | { invalid: InvalidUtf8; before: string } {
  const decoded = new StrictTextDecoder(encoding).decode(bytes, true);
  return decoded.invalid ? { invalid: decoded.invalid, before: decoded.text } : { text: decoded.text };
}
