// SPDX snippets (REUSE 3.3, "In-line Snippet comments"): `SPDX-SnippetBegin` … `SPDX-SnippetEnd`,
// with `SPDX-SnippetCopyrightText` and `SPDX-License-Identifier` inside. Snippets can be anywhere
// in a file, so the whole text is searched (reuse-tool also reads the whole file once it sees
// `SPDX-SnippetBegin`). reuse-tool then counts a snippet's licenses and copyrights as the file's:
// they make the file count as licensed, and their licenses need texts in LICENSES/. Callers that
// follow reuse-tool add snippetLicensing(...) to the file's own licensing.
// Pass the text through blankIgnoredRegions first so ignored examples are not taken for snippets.

import { parseTagLine, Tag } from '../header';
import { TomlProblem } from './reuse-toml';

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
    if (/SPDX-SnippetBegin\b/.test(line)) {
      open = { begin: n, licenses: [], copyrights: [] };
      out.push(open);
      return;
    }
    if (/SPDX-SnippetEnd\b/.test(line)) { if (open) open.end = n; open = undefined; return; }
    if (!open) return;
    const tag = parseTagLine(line, n);
    if (!tag) return;
    if (tag.kind === 'license') open.licenses.push(tag);
    else if (tag.kind === 'copyright') open.copyrights.push(tag);
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
  return findSnippets(text).filter((s) => s.end === undefined).map((s) => ({
    message: 'SPDX-SnippetBegin has no SPDX-SnippetEnd',
    line: s.begin,
    character: Math.max(0, text.split(/\r\n|\n|\r/)[s.begin].indexOf('SPDX-SnippetBegin')),
    severity: 'warning' as const,
  }));
}
