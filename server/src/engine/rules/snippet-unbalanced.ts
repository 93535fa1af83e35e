// snippet-unbalanced: SPDX-SnippetBegin without SPDX-SnippetEnd, or the reverse. Every snippet, AI or not.

import type { Finding } from '../findings';
import { message } from '../messages';
import type { SourceFile } from '../source-file';
import { range } from '../text';

export function snippetUnbalanced(file: SourceFile): Finding[] {
  const { snippets, strayEnds, truncated } = file.markers;
  // In a file scanned only in part, the end of a snippet may lie beyond what was read.
  if (truncated) return [];
  // Most files have no snippets; only those need the line count.
  if (!snippets.length && !strayEnds.length) return [];
  const endLine = file.text.endsWith('\n') ? file.markers.lineCount - 1 : file.markers.lineCount;
  const lineText = (l: number) => file.text.split('\n', l + 1)[l]?.replace(/\r$/, '') ?? '';
  const open = snippets.filter((s) => s.end === undefined);
  return [
    ...open.map((s, i): Finding => ({
      rule: 'snippet-unbalanced', severity: 'error', range: range(s.begin, 0, lineText(s.begin).length),
      message: message('snippet-unbalanced.open'),
      // Closing at the end of the file is a guess about where the region ends: offered, never automatic.
      // Only the innermost open snippet gets the fix, so applying it twice cannot stack two ends.
      fix: i === open.length - 1 ? { kind: 'insert-line', line: endLine, like: s.begin, text: 'SPDX-SnippetEnd', safe: false } : undefined,
    })),
    ...strayEnds.map((l): Finding => ({ rule: 'snippet-unbalanced', severity: 'error', range: range(l, 0, lineText(l).length), message: message('snippet-unbalanced.close') })),
  ];
}
