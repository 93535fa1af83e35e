// A file as the rules see it: its text, its header, its comment style and any `.license` sidecar.
// Parsed once per check; every rule and fix reads the same object.

import { CommentStyle, commentStyleFor, isUncommentable } from './comments';
import { findHeader, Header, Tag, tagsBelow } from './header';
import { Markers, parseMarkers } from './ai/markers';
import type { Policy } from './policy/model';

export interface SourceFile {
  path: string;
  text: string;
  header: Header;
  style?: CommentStyle;
  uncommentable: boolean;
  /** Tags from `<path>.license` (REUSE: a sidecar takes precedence over the file's own header). */
  sidecarTags: Tag[];
  /** Whether `<path>.license` exists: then it alone licenses the file, and fixes belong in it. */
  hasSidecar: boolean;
  /** Under `files.thirdParty`: keeps its own notices, never gets ours. */
  thirdParty: boolean;
  /** Snippets, AI markers, legacy markers and chatbot leftovers anywhere in the file. */
  markers: Markers;
  /**
   * Tags in comments below the header block, read only when the header has no license and there is
   * no sidecar: then they are where the file says what it is licensed under (header-misplaced).
   */
  below: Tag[];
}

export function parseSourceFile(path: string, text: string, policy: Policy, sidecarText?: string, thirdParty = false): SourceFile {
  // A sidecar holds nothing but licensing information: all of it is read (REUSE 3.3).
  const sidecarTags: Tag[] = sidecarText === undefined ? [] : sidecarHeader(path, sidecarText).tags;
  const style = commentStyleFor(path, policy.headers.languages);
  const found = findHeader(path, text, { style, maxLine: policy.headers.maxLine, anywhere: policy.headers.anywhere });
  // A `.license` sidecar replaces what the file says about itself (REUSE 3.3): its own tags are not read.
  const header = sidecarText === undefined ? found : { ...found, licenses: [], copyrights: [] };
  return new ParsedFile(path, text, header, style, sidecarTags, sidecarText !== undefined, thirdParty);
}

/**
 * A class, not an object literal with getters: V8 keeps every object made by a literal with
 * accessors alive through the young generation's collections (each is copied and promoted), which
 * made garbage collection a fifth of a scan's time on the Linux tree (docs/design/performance.md).
 */
class ParsedFile implements SourceFile {
  readonly uncommentable: boolean;
  // Found on first use: the header rules never look, and a header-only scan of a large tree then
  // skips the one pass over the whole text.
  private markersFound?: Markers;
  private belowFound?: Tag[];

  constructor(
    readonly path: string,
    readonly text: string,
    readonly header: Header,
    readonly style: CommentStyle | undefined,
    readonly sidecarTags: Tag[],
    readonly hasSidecar: boolean,
    readonly thirdParty: boolean,
  ) {
    this.uncommentable = isUncommentable(path);
  }

  get markers(): Markers {
    return (this.markersFound ??= parseMarkers(this.text, this.header));
  }

  get below(): Tag[] {
    return (this.belowFound ??= this.header.licenses.length || this.hasSidecar ? [] : tagsBelow(this.header, this.text, this.path));
  }
}

/** The tags of `<path>.license`: wherever they stand in it, as REUSE 3.3 reads a sidecar. */
export function sidecarHeader(path: string, sidecarText: string): Header {
  return findHeader(path + '.license', sidecarText, { anywhere: true });
}

/**
 * The license tags the file itself carries: its header's, or, when the header has none, those in
 * comments below it (a misplaced header still licenses the file, and the license rules judge it).
 */
export function ownLicenseTags(file: SourceFile): Tag[] {
  return file.header.licenses.length ? file.header.licenses : file.below.filter((t) => t.kind === 'license');
}

/** All license tags that apply to the file: its own and its sidecar's. */
export function licenseTags(file: SourceFile): Tag[] {
  const own = ownLicenseTags(file);
  if (!file.sidecarTags.length) return own.slice();
  return [...own, ...file.sidecarTags.filter((t) => t.kind === 'license')];
}

/** All copyright tags: the header's and the sidecar's, and below the header when the license is there too. */
export function copyrightTags(file: SourceFile): Tag[] {
  const below = file.below.filter((t) => t.kind === 'copyright');
  if (!file.sidecarTags.length && !below.length) return file.header.copyrights.slice();
  return [...file.header.copyrights, ...below, ...file.sidecarTags.filter((t) => t.kind === 'copyright')];
}
