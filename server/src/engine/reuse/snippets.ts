// SPDX snippets (REUSE 3.3, "In-line Snippet comments"): `SPDX-SnippetBegin` … `SPDX-SnippetEnd`,
// with `SPDX-SnippetCopyrightText` and `SPDX-License-Identifier` inside. Snippets can be anywhere
// in a file, so the whole text is searched (reuse-tool also reads the whole file once it sees
// `SPDX-SnippetBegin`). reuse-tool then counts a snippet's licenses and copyrights as the file's:
// they make the file count as licensed, and their licenses need texts in LICENSES/. Callers that
// follow reuse-tool add snippetLicensing(...) to the file's own licensing.
// Pass the text through blankIgnoredRegions first so ignored examples are not taken for snippets.

import { blockClosers } from '../comments';
import { isCommentLead, parseTagLine, Tag } from '../header';
import { TomlProblem } from './reuse-toml';

/**
 * Whether the line is an SPDX-SnippetBegin or SPDX-SnippetEnd tag, and which. REUSE 3.3 puts these
 * tags in comments and SPDX gives them no value, so only comment punctuation may stand around them.
 * A mention in prose (`SPDX-SnippetBegin` opens…), in a .po msgid or in a string constant
 * ("# SPDX-SnippetBegin") is not a tag: a quote or a word before or after it says so. reuse-tool
 * never pairs snippet tags at all, so being strict here costs no agreement with it.
 */
export function snippetTag(line: string): 'begin' | 'end' | undefined {
  const m = /SPDX-Snippet(Begin|End)/.exec(line);
  if (!m || !isCommentLead(line.slice(0, m.index))) return undefined;
  let rest = line.slice(m.index + m[0].length).trim();
  while (rest) {
    const closer = blockClosers.find((c) => rest.startsWith(c));
    if (!closer) return undefined;
    rest = rest.slice(closer.length).trimStart();
  }
  return m[1] === 'Begin' ? 'begin' : 'end';
}

export interface Snippet {
  /** 0-based lines of the SPDX-SnippetBegin and SPDX-SnippetEnd tags (end undefined when unclosed). */
  begin: number;
  end?: number;
  licenses: Tag[];
  copyrights: Tag[];
}

export function findSnippets(text: string): Snippet[] {
  if (!text.includes('SPDX-SnippetBegin')) return [];
  const lines = text.split(/\r\n|\n|\r/);
  const out: Snippet[] = [];
  let open: Snippet | undefined;
  lines.forEach((line, n) => {
    const tag = snippetTag(line);
    if (tag === 'begin') {
      open = { begin: n, licenses: [], copyrights: [] };
      out.push(open);
      return;
    }
    if (tag === 'end') {
      if (open) open.end = n;
      open = undefined;
      return;
    }
    if (!open) return;
    const inside = parseTagLine(line, n);
    if (!inside) return;
    if (inside.kind === 'license') open.licenses.push(inside);
    else if (inside.kind === 'copyright') open.copyrights.push(inside);
  });
  return out;
}

/** All license and copyright tags of all snippets, for adding to the file's own licensing. */
export function snippetTags(text: string): { licenses: Tag[]; copyrights: Tag[] } {
  const snippets = findSnippets(text);
  return { licenses: snippets.flatMap((s) => s.licenses), copyrights: snippets.flatMap((s) => s.copyrights) };
}

/** Snippets opened and never closed, located at their SPDX-SnippetBegin. */
export function snippetProblems(text: string): TomlProblem[] {
  return findSnippets(text)
    .filter((s) => s.end === undefined)
    .map((s) => ({
      message: 'SPDX-SnippetBegin has no SPDX-SnippetEnd',
      line: s.begin,
      character: Math.max(0, text.split(/\r\n|\n|\r/)[s.begin].indexOf('SPDX-SnippetBegin')),
      severity: 'warning' as const,
    }));
}
