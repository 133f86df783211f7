import { describe, expect, it } from 'vitest';
import { decodeText, findInvalidUtf8, StrictTextDecoder } from '../../src/model/textDecoding.ts';

const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);

describe('strict text decoding', () => {
  it('finds the first byte that is not UTF-8: stray continuation, overlong, surrogate, beyond U+10FFFF, cut off', () => {
    expect(findInvalidUtf8(new TextEncoder().encode('aé€😀'))).toBeUndefined();
    expect(findInvalidUtf8(bytes(0x61, 0x80))).toEqual({ offset: 1, byte: 0x80 });
    expect(findInvalidUtf8(bytes(0xc0, 0xaf))).toEqual({ offset: 0, byte: 0xc0 });
    expect(findInvalidUtf8(bytes(0xe0, 0x80, 0xaf))).toEqual({ offset: 0, byte: 0xe0 });
    expect(findInvalidUtf8(bytes(0xed, 0xa0, 0x80))).toEqual({ offset: 0, byte: 0xed });
    expect(findInvalidUtf8(bytes(0xf4, 0x90, 0x80, 0x80))).toEqual({ offset: 0, byte: 0xf4 });
    expect(findInvalidUtf8(bytes(0x61, 0xe2, 0x82))).toEqual({ offset: 1, byte: 0xe2 });
    expect(findInvalidUtf8(bytes(0x61, 0xe2, 0x82), false)).toBeUndefined();
  });

  it('holds a character split between chunks, and agrees with the engine on valid text', () => {
    const text = 'Grüße, 😀 – ok';
    const encoded = new TextEncoder().encode(text);
    for (let cut = 0; cut <= encoded.length; cut++) {
      const d = new StrictTextDecoder();
      const a = d.decode(encoded.subarray(0, cut));
      const b = d.decode(encoded.subarray(cut), true);
      expect(a.invalid ?? b.invalid).toBeUndefined();
      expect(a.text + b.text).toBe(text);
    }
  });

  it('reports the offset in the stream, not in the chunk, and stops', () => {
    const d = new StrictTextDecoder();
    expect(d.decode(new TextEncoder().encode('abc\n'))).toEqual({ text: 'abc\n' });
    expect(d.decode(bytes(0x64, 0xff, 0x65))).toEqual({ text: 'd', invalid: { offset: 5, byte: 0xff } });
    expect(d.decode(bytes(0x66))).toEqual({ text: '' });
  });

  it('Latin-1 is ISO 8859-1, byte for code point, the same in every engine', () => {
    expect(decodeText(bytes(0x47, 0x72, 0xfc, 0x6e, 0x80), 'latin1')).toEqual({ text: 'Grün\u0080' });
    expect(decodeText(bytes(0x47, 0xfc))).toEqual({ invalid: { offset: 1, byte: 0xfc }, before: 'G' });
  });

  it('keeps a byte-order mark for the readers that strip it', () => {
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0x7b, 0x7d))).toEqual({ text: '\uFEFF{}' });
  });
});
