// snippet-unbalanced: SPDX-SnippetBegin without SPDX-SnippetEnd, or the reverse. Every snippet, AI or not.

import type { Finding } from '../findings';
import type { SourceFile } from '../source-file';
import { range } from '../text';
import { finding, type Rule, type RuleMeta, type Translations } from './rule';

const en = {
  'snippet-unbalanced.open': 'SPDX-SnippetBegin without SPDX-SnippetEnd: close the snippet',
  'snippet-unbalanced.close': 'SPDX-SnippetEnd without SPDX-SnippetBegin: remove it or open the snippet',
};

const ja: Translations<typeof en> = {
  'snippet-unbalanced.open': 'SPDX-SnippetBegin に対応する SPDX-SnippetEnd がありません。スニペットを閉じてください',
  'snippet-unbalanced.close': 'SPDX-SnippetEnd に対応する SPDX-SnippetBegin がありません。削除するか、スニペットを開始してください',
};

export const meta = {
  id: 'snippet-unbalanced',
  scope: 'file',
  defaultSeverity: 'error',
  fixable: 'suggestion',
  reuse: true,
  options: [],
  messages: { en, ja },
} as const satisfies RuleMeta;

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
    ...open.map((s, i) =>
      finding(meta, range(s.begin, 0, lineText(s.begin).length), 'snippet-unbalanced.open', undefined, {
        // Closing at the end of the file is a guess about where the region ends: offered, never automatic.
        // Only the innermost open snippet gets the fix, so applying it twice cannot stack two ends.
        fix: i === open.length - 1 ? { kind: 'insert-line', line: endLine, like: s.begin, text: 'SPDX-SnippetEnd', safe: false } : undefined,
      }),
    ),
    ...strayEnds.map((l) => finding(meta, range(l, 0, lineText(l).length), 'snippet-unbalanced.close')),
  ];
}

export default { meta, check: snippetUnbalanced } satisfies Rule;
