// Our comment-style table against a snapshot of reuse-tool's (test/unit/fixtures/reuse-comment-styles.json,
// made by bench/comment-coverage.mjs, which also prints this comparison).

import { commentStyleFor, CommentStyle, isUncommentable } from '../../server/src/engine/comments';
import { parseTagLine } from '../../server/src/engine/header';

export interface ReuseStyle {
  kind: 'comment' | 'uncommentable' | 'empty';
  line: string;
  start: string;
  middle: string;
  end: string;
}

export interface ReuseSnapshot {
  source: string;
  styles: Record<string, ReuseStyle>;
  extensions: Record<string, string>;
  names: Record<string, string>;
}

/**
 * Where we write a different prefix than reuse on purpose (comments.ts says why at each entry).
 * A header reuse wrote is still read in all of them.
 */
export const deliberate: Record<string, string> = {
  '.c': '//',
  '.h': '//',
  '.m': '//',
  '.asm': ';',
  '.bat': '@REM',
  '.sls': '#',
  '.svg': '<!--',
  '.cl': ';;',
  '.clj': ';;',
  '.cljc': ';;',
  '.cljs': ';;',
  '.el': ';;',
  '.fnl': ';;',
  '.l': ';;',
  '.lisp': ';;',
  '.lsp': ';;',
  '.rkt': ';;',
  '.scm': ';;',
  '.sld': ';;',
  '.sps': ';;',
};

export interface Coverage {
  total: number;
  /** reuse's EmptyCommentStyle (`.license`, `.empty`): files that are all tags, with no comment syntax. */
  notApplicable: number;
  /** We have a style for it, or call it uncommentable. */
  mapped: number;
  /** We write the same prefix (or both call it uncommentable). */
  same: number;
  /** A tag line in each of reuse's comment forms for it is read as a tag. */
  read: number;
  gaps: string[];
}

export function compareWithReuse(snapshot: ReuseSnapshot): { extensions: Coverage; names: Coverage } {
  return {
    extensions: compare(snapshot, snapshot.extensions, (ext) => `file${ext}`),
    names: compare(snapshot, snapshot.names, (name) => name),
  };
}

function compare(snapshot: ReuseSnapshot, table: Record<string, string>, pathOf: (key: string) => string): Coverage {
  const c: Coverage = { total: 0, notApplicable: 0, mapped: 0, same: 0, read: 0, gaps: [] };
  for (const [key, styleName] of Object.entries(table)) {
    c.total++;
    const theirs = snapshot.styles[styleName];
    if (theirs.kind === 'empty') {
      c.notApplicable++;
      continue;
    }
    const path = pathOf(key);
    const ours = commentStyleFor(path);
    const uncommentable = isUncommentable(path);
    if (!ours && !uncommentable) {
      c.gaps.push(`${key}: unknown (reuse: ${describe(theirs)})`);
      continue;
    }
    c.mapped++;
    if (theirs.kind === 'uncommentable') {
      if (uncommentable) {
        c.same++;
        c.read++;
      } else if (deliberate[key.toLowerCase()] === written(ours)) c.read++;
      else c.gaps.push(`${key}: ours ${written(ours)}, reuse uncommentable`);
      continue;
    }
    const same = written(ours) === (theirs.line || theirs.start);
    if (same) c.same++;
    else if (deliberate[key.toLowerCase()] !== written(ours)) c.gaps.push(`${key}: ours ${written(ours) ?? 'uncommentable'}, reuse ${describe(theirs)}`);
    const unread = reuseForms(theirs).filter((l) => parseTagLine(l, 0, ours)?.value !== 'MIT');
    if (unread.length) c.gaps.push(`${key}: not read: ${unread.join(' | ')}`);
    else c.read++;
  }
  return c;
}

function written(style: CommentStyle | undefined): string | undefined {
  return style ? (style.line ?? style.start) : undefined;
}

function describe(s: ReuseStyle): string {
  return s.kind === 'uncommentable' ? 'uncommentable' : [s.line, s.start && `${s.start} ${s.middle} ${s.end}`].filter(Boolean).join(' or ');
}

/** A license tag line as `reuse annotate` writes it in each form the style has. */
function reuseForms(s: ReuseStyle): string[] {
  const tag = 'SPDX-License-Identifier: MIT';
  const forms: string[] = [];
  if (s.line) forms.push(`${s.line} ${tag}`);
  if (s.start) {
    forms.push(`${s.start} ${tag} ${s.end}`);
    if (s.middle.trim()) forms.push(` ${s.middle} ${tag}`);
  }
  return forms;
}
