// Which files carry licensing at all: Covered Files (REUSE 3.3, "Covered Files"), the part decidable
// from the path, as reuse-tool 6.2 decides it; and which content is read as text. The caller handles
// what needs the file system or the VCS: symlinks, files the VCS ignores, VCS submodules. Zero-byte
// files are not covered (contentSkipReason says `empty`).

import { type Locale } from './l10n';
import { message, messageIn, type MessageKey } from './messages';

type SkipIdOf<K> = K extends `skip.${infer Id}` ? Id : never;
/** A reason's id: the message `skip.<id>` (messages.ts) says it, and JSON and SARIF carry the id as it is. */
export type SkipId = SkipIdOf<MessageKey>;

/**
 * Why a file is not checked: an id and its message's arguments, never the text. The text is made
 * where the reason is shown (skipText), so a reason kept in the scan cache or sent from a worker
 * reads in the language of the surface that shows it.
 */
export interface SkipReason {
  id: SkipId;
  args?: Record<string, string>;
}

/**
 * A file no encoding reads, checked all the same: its bytes as UTF-8 with each bad sequence replaced
 * by U+FFFD (io/encoding.ts `lossyText`). `offset` is where the first bad byte stands in that text;
 * `reason` why it was not read cleanly (`not-utf8`, `unsupported-encoding`). Such text is for
 * checking only: nothing is ever written back from it.
 */
export interface Undecodable {
  offset: number;
  reason: SkipReason;
}

/** The reason in the user's language, or in `locale` (the server's log is English). */
export function skipText(reason: SkipReason, locale?: Locale): string {
  const key: MessageKey = `skip.${reason.id}`;
  return locale ? messageIn(locale, key, reason.args) : message(key, reason.args);
}

/** A file over the size limit. */
export function sizeReason(maxBytes: number): SkipReason {
  return { id: 'too-large', args: { size: String(Math.round(maxBytes / 1024 / 1024)) } };
}

// "The files belonging to the Project's version control system": Git, Mercurial, Sapling (as
// reuse-tool), and Subversion's working-copy data, which is as much the VCS's.
const vcsDirs = new Set(['.git', '.hg', '.sl', '.svn']);

// `LICENSE`, `LICENSE.md`, `LICENSE-MIT`, `LICENCE.txt`, `COPYING`, `COPYING.LESSER`…: the spec says
// "with or without file extensions"; reuse-tool also takes a `-suffix`, and so do we.
const licenseFile = /^(LICEN[CS]E|COPYING)([-.].*)?$/s;

// SPDX documents, SPDX 2.3 clause 4.4: tag-value `.spdx`, RDF/XML `.spdx.rdf` / `.spdx.rdf.xml`,
// JSON, XML, YAML. (reuse-tool's pattern misses `.spdx.rdf.xml`; the spec points at the SPDX list.)
const spdxDocument = /\.spdx(\.(rdf|rdf\.xml|json|xml|ya?ml))?$/s;

/** Why `path` (relative to the project root, `/` or `\\`) is not a Covered File, or undefined when it is one. */
export function exemptReason(path: string): SkipReason | undefined {
  // Asked of every file of a scan, twice: a path already in the scan's form (`/`, no `./`, no `//`) is split as it is.
  const plain = !path.includes('\\') && !path.startsWith('./') && !path.includes('//') && !path.startsWith('/') && !path.endsWith('/');
  const parts = plain
    ? path.split('/')
    : path
        .replace(/\\/g, '/')
        .replace(/^\.\//, '')
        .split('/')
        .filter((p) => p !== '');
  if (parts.length === 0) return undefined;
  const name = parts[parts.length - 1];
  const dirs = parts.slice(0, -1);
  if (dirs.some((d) => vcsDirs.has(d))) return { id: 'vcs' };
  // A `.git` file is how a submodule's work tree points at its repository; `.hgtags` is Mercurial's.
  if (name === '.git' || name === '.hgtags') return { id: 'vcs' };
  // "The License Files stored in the LICENSES/ directory" and "the files in the .reuse/ directory
  // in the root of the Project". reuse-tool skips a LICENSES/ or .reuse/ folder at any depth, and so
  // do we (the spec only ever places them at the root, so the difference is on odd trees only).
  if (dirs.includes('LICENSES')) return { id: 'licenses-folder' };
  if (dirs.includes('.reuse')) return { id: 'reuse-metadata' };
  // "Meson subprojects … understood as a separate Project": a folder inside a `subprojects/` folder,
  // at any depth, as reuse-tool reads it (`subprojects/zlib.wrap` itself is covered).
  const sub = dirs.indexOf('subprojects');
  if (sub >= 0 && sub < dirs.length - 1) return { id: 'meson-subproject' };
  if (licenseFile.test(name)) return { id: 'license-file' };
  if (name === 'REUSE.toml') return { id: 'reuse-metadata' };
  // A `.license` sidecar holds another file's licensing; it is not a Covered File itself.
  if (name.endsWith('.license')) return { id: 'sidecar' };
  if (spdxDocument.test(name)) return { id: 'spdx-document' };
  // The baseline `ospo check --suppress-all` writes (docs/design/suppressions.md): JSON, so it cannot carry a
  // header, and a baseline that reported itself would never be clean. Not REUSE's rule: reuse lint still asks for one.
  if (name === 'suppressions.json' && dirs[dirs.length - 1] === '.ospo') return { id: 'baseline' };
  return undefined;
}

/** The file a `.license` sidecar belongs to (`cat.jpg.license` → `cat.jpg`), or undefined. */
export function sidecarTarget(rel: string): string | undefined {
  return rel.endsWith('.license') && rel.length > '.license'.length ? rel.slice(0, -'.license'.length) : undefined;
}

// A Git LFS pointer (git-lfs docs/spec.md: under 1024 bytes, `version` first) stands for a file kept in LFS,
// mostly a binary one. A header written into it would break it, and in git history it would be judged in place
// of the file it stands for: like a binary file, only a `.license` sidecar or REUSE.toml licenses it.
const lfsPointerStart = 'version https://git-lfs.github.com/spec/v1\n';

function isLfsPointer(bytes: Uint8Array): boolean {
  if (bytes.length >= 1024 || bytes.length < lfsPointerStart.length) return false;
  for (let i = 0; i < lfsPointerStart.length; i++) if (bytes[i] !== lfsPointerStart.charCodeAt(i)) return false;
  return true;
}

/** Bytes we can read as text, or why not. Only the start of the file is looked at for binary content. */
export function contentSkipReason(bytes: Uint8Array, maxBytes: number): SkipReason | undefined {
  if (bytes.length === 0) return { id: 'empty' };
  if (isLfsPointer(bytes)) return { id: 'lfs-pointer' };
  if (bytes.length > maxBytes) return sizeReason(maxBytes);
  // UTF-16 and UTF-32 text is full of zero bytes: with a byte order mark it is text (io/encoding.ts).
  if (
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff) ||
    (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff)
  )
    return undefined;
  const probe = bytes.subarray(0, 8000);
  if (probe.includes(0)) return { id: 'binary' };
  return undefined;
}

/** Skips that are about the content, not about access: REUSE still covers such a file (a sidecar or REUSE.toml licenses it). */
export function aboutContent(reason: SkipReason): boolean {
  return reason.id === 'binary' || reason.id === 'not-utf8' || reason.id === 'unsupported-encoding' || reason.id === 'too-large' || reason.id === 'lfs-pointer';
}
