// Which encoding a file's bytes are in, and the text they hold (docs/design/encodings.md). In order:
// a byte order mark; ISO-2022-JP's escapes; valid UTF-8; then, for bytes that are not UTF-8 with a
// few bad ones, an encoding the file declares (PEP 263 and Emacs `coding:`, Vim `fileencoding=`, the
// XML declaration, HTML `<meta charset>`), the editor's files.encoding, and chardet's guess among the
// legacy encodings of the codebases we are asked to read (Shift_JIS, EUC-JP, ISO-2022-JP, GB18030,
// Big5, EUC-KR, Windows-1252). The bytes are decoded by the runtime's TextDecoder (the WHATWG Encoding
// Standard, ICU inside Node and Electron), strictly: bytes that are not valid in an encoding are
// never read as text in it.

import { analyse } from 'chardet';
import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { contentSkipReason, type SkipReason, type Undecodable } from '../engine/coverage';

export interface DecodedText {
  text: string;
  /** The WHATWG name of the encoding: `utf-8`, `shift_jis`, `utf-16le`, … */
  encoding: string;
  /** How the encoding was told; `lossy`: by none, and the text is UTF-8 with the bad bytes replaced (`undecodable` says where). */
  by: 'bom' | 'editor' | 'declared' | 'utf-8' | 'project' | 'setting' | 'detected' | 'lossy';
  undecodable?: Undecodable;
}

/** Why bytes were not read as text: an encoding this runtime cannot decode, or none that fits. */
export type Undecoded = { unsupported: string } | { unknown: true };

/** The legacy encodings a guess may name: chardet's names, and the decoder each is read with. */
const guessable = new Map([
  ['Shift_JIS', 'shift_jis'],
  ['EUC-JP', 'euc-jp'],
  ['ISO-2022-JP', 'iso-2022-jp'],
  ['GB18030', 'gb18030'],
  ['Big5', 'big5'],
  ['EUC-KR', 'euc-kr'],
  // The WHATWG standard reads ISO-8859-1 as Windows-1252, its superset in practice.
  ['ISO-8859-1', 'windows-1252'],
  ['windows-1252', 'windows-1252'],
]);

/**
 * Names that files declare and the Encoding Standard does not know as labels: Python's and Emacs'
 * spellings. Every other name goes to TextDecoder as it is (`sjis`, `latin1`, `gb2312`, … are labels there).
 */
const aliases: Record<string, string> = {
  cp932: 'shift_jis',
  ms932: 'shift_jis',
  'japanese-shift-jis': 'shift_jis',
  'shift-jis-2004': 'shift_jis',
  'euc-japan': 'euc-jp',
  'japanese-iso-8bit': 'euc-jp',
  iso2022jp: 'iso-2022-jp',
  'iso-2022-jp-2': 'iso-2022-jp',
  junet: 'iso-2022-jp',
  'chinese-gbk': 'gbk',
  'chinese-iso-8bit': 'gb2312',
  'cn-gb': 'gb2312',
  'chinese-big5': 'big5',
  'cn-big5': 'big5',
  'korean-iso-8bit': 'euc-kr',
  cp949: 'euc-kr',
  'euc-korea': 'euc-kr',
  'latin-1': 'windows-1252',
  'iso-latin-1': 'windows-1252',
  latin: 'windows-1252',
  'utf-8-unix': 'utf-8',
  'utf8-unix': 'utf-8',
};

const decoders = new Map<string, TextDecoder | null>();

/** A strict decoder for a label, or null when this runtime does not have the encoding. */
function decoderFor(label: string): TextDecoder | null {
  let d = decoders.get(label);
  if (d === undefined) {
    try {
      // ignoreBOM: a UTF-8 or UTF-16 BOM stays in the text as U+FEFF, which the fixes keep in place.
      d = new TextDecoder(label, { fatal: true, ignoreBOM: true });
    } catch {
      d = null;
    }
    decoders.set(label, d);
  }
  return d;
}

/** The Encoding Standard's name for a label (`sjis` → `shift_jis`); undefined when this runtime has no such encoding. */
export function encodingName(label: string): string | undefined {
  return decoderFor(label)?.encoding;
}

/**
 * UTF-32, which the Encoding Standard (and so TextDecoder) leaves out: four bytes a code point, none a
 * surrogate or past U+10FFFF. Strict, as the decoders are; a BOM stays in the text as U+FEFF.
 */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string | undefined {
  if (bytes.length % 4 !== 0) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  const codes: number[] = [];
  for (let i = 0; i < bytes.length; i += 4) {
    const c = view.getUint32(i, littleEndian);
    if (c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) return undefined;
    codes.push(c);
    if (codes.length === 4096) parts.push(String.fromCodePoint(...codes.splice(0)));
  }
  parts.push(String.fromCodePoint(...codes));
  return parts.join('');
}

/** The text the bytes hold in the encoding `label`, decoded strictly; undefined when they are not valid in it. */
export function decodeAs(bytes: Uint8Array, label: string): string | undefined {
  if (label === 'utf-32le' || label === 'utf-32be') return decodeUtf32(bytes, label === 'utf-32le');
  try {
    return decoderFor(label)?.decode(bytes);
  } catch {
    return undefined;
  }
}

const jisKanjiIn = Buffer.from([0x1b, 0x24, 0x42]);
const jisKanjiOld = Buffer.from([0x1b, 0x24, 0x40]);

function indexOf(bytes: Uint8Array, needle: Buffer): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).indexOf(needle);
}

/** ISO-2022-JP is 7-bit, so valid UTF-8 too: its escapes into JIS X 0208 (ESC $ B, ESC $ @) tell it. */
function hasJisEscape(bytes: Uint8Array): boolean {
  return bytes.includes(0x1b) && (indexOf(bytes, jisKanjiIn) >= 0 || indexOf(bytes, jisKanjiOld) >= 0);
}

/**
 * Whether bytes that are valid UTF-8 are read as UTF-8 by decodeText: no byte order mark but UTF-8's
 * and no ISO-2022-JP escape. The scan's fast path (scan/check-file.ts) decodes such bytes itself.
 */
export function plainUtf8(bytes: Uint8Array): boolean {
  const bom = bomEncoding(bytes);
  return (!bom || bom === 'utf-8') && isUtf8(bytes) && !hasJisEscape(bytes);
}

const lenientUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** At least as many characters beyond ASCII decode as UTF-8 as fail to: broken UTF-8 rather than another encoding. */
function mostlyUtf8(bytes: Uint8Array): boolean {
  let good = 0;
  let bad = 0;
  for (const ch of lenientUtf8.decode(bytes)) {
    const c = ch.charCodeAt(0);
    if (c === 0xfffd) bad++;
    else if (c > 0x7f) good++;
  }
  return good > 0 && good >= bad;
}

/** The encoding its byte order mark names, if the bytes start with one. */
export function bomEncoding(bytes: Uint8Array): string | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return 'utf-8';
  if (a === 0xff && b === 0xfe) return c === 0 && d === 0 ? 'utf-32le' : 'utf-16le';
  if (a === 0xfe && b === 0xff) return 'utf-16be';
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return 'utf-32be';
  return undefined;
}

/** A declared name as a decoder label: lower case, `_` as `-`, an Emacs end-of-line suffix dropped. */
function labelOf(name: string): string {
  const n = name
    .toLowerCase()
    .replace(/_/g, '-')
    .replace(/-(unix|dos|mac)$/, '');
  return aliases[n] ?? n;
}

/**
 * The encoding the file declares in its first lines (or a Vim modeline in its last), as a decoder
 * label: PEP 263 and Emacs `coding:`, Vim `fileencoding=`/`fenc=`, the XML declaration, HTML
 * `<meta charset>`. Read from the bytes as Latin-1, as each of these is ASCII in every encoding it can name.
 */
export function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString('latin1');
  const xml = /^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z][\w.:-]*)["']/.exec(head);
  if (xml) return labelOf(xml[1]);
  const lines = head.split('\n', 2);
  for (const line of lines) {
    // PEP 263 in a `#` comment, Emacs' file variables in any comment style.
    const coding = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/.exec(line) ?? /-\*-.*?\bcoding:[ \t]*([-\w.]+)/.exec(line);
    if (coding) return labelOf(coding[1]);
  }
  const vim = (text: string) => /\b(?:vim?|ex):.*?\b(?:fileencoding|fenc)=([-\w.]+)/.exec(text)?.[1];
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset + Math.max(0, bytes.length - 512), Math.min(bytes.length, 512)).toString('latin1');
  const modeline = vim(head.split('\n', 5).join('\n')) ?? vim(tail);
  if (modeline) return labelOf(modeline);
  const meta = /<meta\s[^>]*?charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return meta ? labelOf(meta[1]) : undefined;
}

/** What else tells a file's encoding, besides its bytes (decodeText tries them in this order). */
export interface DecodeHints {
  /** The encoding the editor has the file open in, when not UTF-8 (VS Code's TextDocument.encoding): first after a BOM. */
  editor?: string;
  /** The encoding the project declares for the file (`editorconfigCharset`): after the file's own declaration. */
  project?: () => string | undefined;
  /** The encoding the editor reads files in (VS Code's files.encoding, `--encoding`): instead of a guess. */
  setting?: string;
}

/**
 * The text the bytes hold, and how its encoding was told; or why they are not read as text. Callers
 * have already ruled out binary content (engine/coverage.ts contentSkipReason).
 */
export function decodeText(bytes: Uint8Array, hints: DecodeHints = {}): DecodedText | Undecoded {
  const { editor, setting, project } = hints;
  const bom = bomEncoding(bytes);
  if (bom) {
    const text = decodeAs(bytes, bom);
    return text === undefined ? { unsupported: bom } : { text, encoding: bom, by: 'bom' };
  }
  // The editor has this file open in another encoding than UTF-8: its text is what positions refer to.
  if (editor) {
    const text = decodeAs(bytes, editor);
    if (text !== undefined) return { text, encoding: decoderFor(editor)!.encoding, by: 'editor' };
  }
  if (hasJisEscape(bytes)) {
    const text = decodeAs(bytes, 'iso-2022-jp');
    if (text !== undefined) return { text, encoding: 'iso-2022-jp', by: 'detected' };
  }
  // Valid UTF-8 is read as UTF-8 whatever the file declares: the scan's fast path (plainUtf8) reads it
  // so, and Latin-1 text that happens to be valid UTF-8 is all but unheard of.
  const utf8 = decodeAs(bytes, 'utf-8');
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', by: 'utf-8' };
  // UTF-8 with a few bad bytes (a truncated character, one Latin-1 byte pasted in): read in a legacy
  // encoding, its good characters would become mojibake, and a fix would write that back. Not text we read.
  if (mostlyUtf8(bytes)) return { unknown: true };
  const declared = declaredEncoding(bytes);
  // A declaration readable as ASCII cannot be in UTF-16 or UTF-32 (a .NET `encoding="utf-16"` is often wrong).
  if (declared && declared !== 'utf-8' && !/^utf-(16|32)/.test(declared)) {
    const text = decodeAs(bytes, declared);
    if (text !== undefined) return { text, encoding: decoderFor(declared)!.encoding, by: 'declared' };
  }
  // The project's declaration (.editorconfig), asked only now: most files never get this far.
  const projectCharset = project?.();
  if (projectCharset) {
    const text = decodeAs(bytes, projectCharset);
    if (text !== undefined) return { text, encoding: decoderFor(projectCharset)!.encoding, by: 'project' };
  }
  if (setting && setting !== 'utf-8') {
    const text = decodeAs(bytes, setting);
    if (text !== undefined) return { text, encoding: decoderFor(setting)!.encoding, by: 'setting' };
  }
  // chardet ranks every encoding it knows; the first of ours that decodes the bytes is taken.
  let unsupported: string | undefined;
  for (const guess of analyse(bytes)) {
    const label = guessable.get(guess.name);
    if (!label) continue;
    if (!decoderFor(label)) {
      unsupported ??= label;
      continue;
    }
    const text = decodeAs(bytes, label);
    if (text !== undefined) return { text, encoding: label, by: 'detected' };
  }
  return unsupported ? { unsupported } : { unknown: true };
}

/** Whether `decodeText` gave a text. */
export function isDecoded(d: DecodedText | Undecoded): d is DecodedText {
  return 'text' in d;
}

/**
 * Whether an editor that reads files in `editorEncoding` (VS Code: a byte order mark, else files.encoding)
 * reads the same text from the file as `decoded`: only then do positions in one fit the other.
 */
export function editorReadsAlike(decoded: Pick<DecodedText, 'text' | 'encoding' | 'by'>, editorEncoding: string | undefined): boolean {
  if (decoded.by === 'bom' || decoded.encoding === editorEncoding) return true;
  // ASCII reads alike in every encoding that is a superset of it: all but UTF-16 and UTF-32 (and, in
  // an encoding we do not know, taken to be one).
  return !/^utf-(16|32)/.test(editorEncoding ?? '') && !/[^\x00-\x7f]/.test(decoded.text);
}

/** Why undecodable bytes are skipped. */
export function undecodedReason(d: Undecoded): SkipReason {
  return 'unsupported' in d ? { id: 'unsupported-encoding', args: { encoding: d.unsupported } } : { id: 'not-utf8' };
}

/**
 * Bytes no encoding reads, as UTF-8 with each bad sequence replaced by U+FFFD: a check can still find a
 * denied license or a forbidden marker in them (a CI gate must not pass what it could not read), and
 * `undecodable` says where the first bad byte is. Never to be written back.
 */
export function lossyText(bytes: Uint8Array, undecoded: Undecoded): DecodedText {
  const text = lenientUtf8.decode(bytes);
  // The first U+FFFD that stands for bad bytes, not for a U+FFFD the file holds (EF BF BD).
  let bad = 0;
  for (let i = text.indexOf('\uFFFD'), from = 0, at = 0; i >= 0; i = text.indexOf('\uFFFD', i + 1)) {
    // `at`: the byte where text[from] starts; the text between replacements is the bytes' own.
    at += Buffer.byteLength(text.slice(from, i));
    if (!(bytes[at] === 0xef && bytes[at + 1] === 0xbf && bytes[at + 2] === 0xbd)) {
      bad = i;
      break;
    }
    at += 3;
    from = i + 1;
  }
  return { text, encoding: 'utf-8', by: 'lossy', undecodable: { offset: bad, reason: undecodedReason(undecoded) } };
}

/**
 * A file's bytes as text to check, or why they are not checked: binary, empty, an LFS pointer or
 * too large (contentSkipReason) first, then an encoding none can be read in. With `lossy`, bytes no
 * encoding reads come back as `lossyText` instead: for a check, never for a fix.
 */
export function textOf(bytes: Uint8Array, maxBytes: number, hints: DecodeHints = {}, lossy = false): DecodedText | { skipped: SkipReason } {
  const reason = contentSkipReason(bytes, maxBytes);
  if (reason) return { skipped: reason };
  const decoded = decodeText(bytes, hints);
  if (isDecoded(decoded)) return decoded;
  return lossy ? lossyText(bytes, decoded) : { skipped: undecodedReason(decoded) };
}
