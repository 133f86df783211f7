import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import canonicalize from 'canonicalize';

/**
 * SHA-256 of a text's UTF-8 bytes, hex. Synchronous (noble-hashes) rather than WebCrypto's
 * promise, so a hash can be taken inside an IndexedDB transaction without it committing early;
 * the same bits in Node and every browser.
 */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** RFC 8785 (JSON Canonicalization Scheme) text of a JSON value: what an audit hash covers. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('canonicalJson: value is not JSON');
  return text;
}
