import { isUtf8 } from 'node:buffer';
import type { Messages } from '../i18n/index.js';

export type Decoded = { ok: true; text: string } | { ok: false; byteOffset: number; message: string; utf16: boolean };

/**
 * Turns file bytes into text. A UTF-8 byte-order mark is dropped silently; UTF-16 and invalid UTF-8
 * (typically GBK saved by a Windows editor) are refused with the byte offset and the fix, because
 * decoding them leniently would silently replace Chinese text with U+FFFD.
 */
export function decodeText(bytes: Uint8Array, msg: Messages): Decoded {
  if (looksUtf16(bytes)) return { ok: false, byteOffset: 0, message: msg.utf16, utf16: true };
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  // Node's own checks and conversion, much faster than a fatal TextDecoder on a short run.
  if (isUtf8(body)) return { ok: true, text: Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8') };
  const offset = firstInvalidUtf8(body);
  // A file cut short (a copy or download that stopped) ends inside a character; that is no GBK.
  if (endsMidCharacter(body, offset)) return { ok: false, byteOffset: start + offset, message: msg.truncatedUtf8(start + offset), utf16: false };
  return { ok: false, byteOffset: start + offset, message: msg.notUtf8(start + offset, looksGbk(body, offset)), utf16: false };
}

function looksUtf16(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  // UTF-16 without a byte-order mark: each ASCII character (keys, ":", line ends) comes with a zero
  // byte beside it, always on the same side. Text never holds zero bytes, so a few stray ones do not count.
  const sample = bytes.subarray(0, 1024);
  if (sample.indexOf(0) === -1) return false;
  let even = 0;
  let odd = 0;
  sample.forEach((b, i) => {
    if (b === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  });
  const zeros = even + odd;
  if (sample.length >= 4 && zeros * 4 >= sample.length) return true;
  return zeros >= 8 && Math.min(even, odd) * 20 <= zeros;
}

/**
 * Byte offset of the first malformed UTF-8 sequence, by the same rules as the decoder: no overlong
 * forms (C0, E0 80), no surrogates (ED A0), nothing above U+10FFFF (F4 90), no bytes F5–FF.
 */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    // The second byte's range depends on the first; the others are plain continuation bytes.
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    const second = bytes[i + 1]!;
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  // Not found by these rules (it should have been): point at the last byte rather than past the end.
  return Math.max(0, bytes.length - 1);
}

/** True if the bytes from `offset` to the end are the first bytes of one well-formed UTF-8 character. */
function endsMidCharacter(bytes: Uint8Array, offset: number): boolean {
  const b = bytes[offset]!;
  const length = b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
  const rest = bytes.length - offset;
  if (length === 0 || rest >= length) return false;
  const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
  const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
  if (rest > 1 && (bytes[offset + 1]! < low || bytes[offset + 1]! > high)) return false;
  for (let k = 2; k < rest; k++) if ((bytes[offset + k]! & 0xc0) !== 0x80) return false;
  return true;
}

/** GBK encodes a Chinese character as a lead byte 0x81–0xFE and a trail byte 0x40–0xFE. */
function looksGbk(bytes: Uint8Array, from: number): boolean {
  let pairs = 0;
  let i = from;
  while (i < bytes.length - 1 && pairs < 4) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const trail = bytes[i + 1]!;
    if (lead < 0x81 || lead > 0xfe || trail < 0x40 || trail > 0xfe || trail === 0x7f) return false;
    pairs++;
    i += 2;
  }
  return pairs > 0;
}

/** 1-based line and column of a byte offset, counting columns in characters as editors do. */
export function bytePosition(bytes: Uint8Array, byteOffset: number): { line: number; column: number; lineText: string } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < byteOffset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  let lineEnd = bytes.indexOf(0x0a, lineStart);
  if (lineEnd === -1) lineEnd = bytes.length;
  const lenient = new TextDecoder('utf-8');
  const before = lenient.decode(bytes.subarray(lineStart, byteOffset));
  const lineText = lenient.decode(bytes.subarray(lineStart, lineEnd)).replace(/\r$/, '');
  return { line, column: [...before].length + 1, lineText };
}

/**
 * Text a spreadsheet or word processor saved for a person to hand over (a notice, a towns CSV):
 * UTF-8 with or without a byte-order mark, else GB18030 (GBK), as WPS and older Excel and Word save
 * "text" and "CSV". Undefined when it is neither. Data files stay UTF-8 only (see decodeText).
 */
export function utf8OrGb18030(bytes: Uint8Array): string | undefined {
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      // not this encoding; the next
    }
  }
  return undefined;
}
