// Writes fixed text back in the encoding its file was read in (io/encoding.ts), byte for byte: every
// byte outside the edits stays as it was. Only `ospo fix` writes files; in the editor, VS Code encodes
// the document itself. iconv-lite encodes (encoding-japanese ISO-2022-JP); a file whose own text the
// encoder would not give back byte for byte, and text its encoding cannot hold, are refused with the
// reason, never written as mojibake.

import type * as EncodingJapanese from 'encoding-japanese';
import type * as Iconv from 'iconv-lite';
import type { SkipReason } from '../engine/coverage';
import { decodeAs } from './encoding';

/** iconv-lite's name for a WHATWG encoding name, where they differ. */
const codecs: Record<string, string> = {
  // The WHATWG Shift_JIS decoder is Microsoft's (CP932), as MSVC and Windows write it.
  shift_jis: 'cp932',
};

/**
 * `text` (the file's `original` text with the fixes applied) as bytes in `encoding`, or why it cannot
 * be written in it. `originalBytes` are the file as read: the encoder must give them back from
 * `original` first, so that the bytes no edit touched come out as they were.
 */
export function encodeFixed(text: string, original: string, originalBytes: Buffer, encoding: string): Buffer | { skipped: SkipReason } {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  const encode = encoderFor(encoding);
  if (!encode || !encode(original).equals(originalBytes)) return { skipped: { id: 'fix-encoding', args: { encoding } } };
  const bytes = encode(text);
  // An encoder writes `?` for what its encoding cannot hold: read back, the text would differ there.
  const back = decodeAs(bytes, encoding);
  if (back !== text) {
    const at = firstDifference(back ?? '', text);
    return { skipped: { id: 'fix-unencodable', args: { encoding, text: String.fromCodePoint(text.codePointAt(at) ?? 0xfffd) } } };
  }
  return bytes;
}

/**
 * The encoder for a WHATWG encoding name. Loaded when first needed: their tables are most of the CLI's
 * size (scripts/build.mjs keeps them out of the bundle). iconv-lite has no ISO-2022-JP: encoding-japanese
 * writes it, each run of JIS X 0208 between ESC $ B and ESC ( B, so the escapes stay balanced.
 */
function encoderFor(encoding: string): ((text: string) => Buffer) | undefined {
  if (encoding === 'iso-2022-jp') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const japanese = require('encoding-japanese') as typeof EncodingJapanese;
    return (text) => Buffer.from(japanese.convert(japanese.stringToCode(text), { to: 'JIS', from: 'UNICODE' }));
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const iconv = require('iconv-lite') as typeof Iconv;
  const codec = codecs[encoding] ?? encoding;
  return iconv.encodingExists(codec) ? (text) => iconv.encode(text, codec) : undefined;
}

function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}
