import type { ByteChunks } from "./byte-chunks";
import { DOUBLED, SPECIAL } from "./csv-byte-rows";

/**
 * The rule of `csvField(neutralizeCell(value))` (contract/csv-record.ts) decided on a cell's
 * UTF-8 bytes, for the byte-level export rewrite: which cells keep their bytes as they are, and
 * how the others are written, without decoding them. The bytes must be valid UTF-8 (the caller
 * checks each chunk); the string functions stay the rule's definition, and a property test holds
 * the two to the same output.
 */

/** The code point at `at`, where a UTF-8 sequence starts. */
function codePointAt(buf: Uint8Array, at: number): number {
  const b0 = buf[at]!;
  if (b0 < 0x80) return b0;
  if (b0 < 0xe0) return ((b0 & 0x1f) << 6) | (buf[at + 1]! & 0x3f);
  if (b0 < 0xf0) return ((b0 & 0x0f) << 12) | ((buf[at + 1]! & 0x3f) << 6) | (buf[at + 2]! & 0x3f);
  return ((b0 & 0x07) << 18) | ((buf[at + 1]! & 0x3f) << 12) | ((buf[at + 2]! & 0x3f) << 6) | (buf[at + 3]! & 0x3f);
}

/** The code point that ends just before `end`. */
function lastCodePoint(buf: Uint8Array, end: number): number {
  let at = end - 1;
  while (at > 0 && (buf[at]! & 0xc0) === 0x80) at -= 1;
  return codePointAt(buf, at);
}

/** JavaScript's `\s`, which csvField tests at a cell's edges. */
function isSpace(cp: number): boolean {
  if (cp < 0x80) return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d);
  return cp === 0xa0 || cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x3000 || cp === 0xfeff;
}

/** neutralizeCell's formula starts: = + - @ tab CR LF, and the full-width = + - @. */
function isFormulaStart(cp: number): boolean {
  if (cp < 0x80) return cp === 0x3d || cp === 0x2b || cp === 0x2d || cp === 0x40 || cp === 0x09 || cp === 0x0d || cp === 0x0a;
  return cp === 0xff1d || cp === 0xff0b || cp === 0xff0d || cp === 0xff20;
}

/** How a text cell is written: bit 1, with an apostrophe first; bit 2, quoted. */
const PREFIX = 1;
const QUOTE_OUT = 2;

function textForm(buf: Uint8Array, start: number, end: number, flags: number): number {
  if (start === end) return 0;
  const prefix = isFormulaStart(codePointAt(buf, start));
  const quote = (flags & (DOUBLED | SPECIAL)) !== 0 || (!prefix && isSpace(codePointAt(buf, start))) || isSpace(lastCodePoint(buf, end));
  return (prefix ? PREFIX : 0) | (quote ? QUOTE_OUT : 0);
}

/**
 * Whether a text cell's output is its own bytes, quotes included: no apostrophe to add, and
 * quoted in the output exactly when it was in the file. Such cells next to each other are copied
 * in one go.
 */
export function keepsItsBytes(buf: Uint8Array, start: number, end: number, flags: number, quotedInFile: boolean): boolean {
  const form = textForm(buf, start, end, flags);
  return (form & PREFIX) === 0 && (form & QUOTE_OUT ? quotedInFile : !quotedInFile);
}

/** Writes a text cell as csvField(neutralizeCell(value)) would: doubled quotes stay doubled inside quotes. */
export function writeTextCell(out: ByteChunks, buf: Uint8Array, start: number, end: number, flags: number): void {
  const form = textForm(buf, start, end, flags);
  if (form & QUOTE_OUT) out.byte(0x22);
  if (form & PREFIX) out.byte(0x27);
  out.copy(buf, start, end);
  if (form & QUOTE_OUT) out.byte(0x22);
}
