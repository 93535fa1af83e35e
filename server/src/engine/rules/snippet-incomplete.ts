// snippet-incomplete: a snippet without a license, or with SPDX-FileCopyrightText (a file's tag) inside it.

import type { Finding } from '../findings';
import type { Policy } from '../policy/model';
import type { SourceFile } from '../source-file';
import { range } from '../text';
import { finding, type Rule, type RuleMeta, type Translations } from './rule';

const en = {
  'snippet-incomplete.license': 'Snippet without SPDX-License-Identifier: add the license of this region',
  'snippet-incomplete.file-tag': 'SPDX-FileCopyrightText inside a snippet: use SPDX-SnippetCopyrightText',
};

const ja: Translations<typeof en> = {
  'snippet-incomplete.license': 'スニペットに SPDX-License-Identifier がありません。この範囲のライセンスを追加してください',
  'snippet-incomplete.file-tag': 'スニペット内に SPDX-FileCopyrightText があります。SPDX-SnippetCopyrightText を使用してください',
};

export const meta = {
  id: 'snippet-incomplete',
  scope: 'file',
  defaultSeverity: 'warning',
  fixable: 'auto',
  options: ['licenses.project'],
  messages: { en, ja },
} as const satisfies RuleMeta;

export function snippetIncomplete(file: SourceFile, policy: Policy): Finding[] {
  const findings: Finding[] = [];
  for (const s of file.markers.snippets) {
    if (!s.tags.some((t) => t.kind === 'license')) {
      const text = `SPDX-License-Identifier: ${policy.licenses.project ?? 'NOASSERTION'}`;
      findings.push(
        finding(meta, range(s.begin, 0, 0), 'snippet-incomplete.license', undefined, {
          fix: { kind: 'insert-line', line: s.begin + 1, like: s.begin, text, safe: false },
        }),
      );
    }
    for (const t of s.tags.filter((x) => x.key === 'SPDX-FileCopyrightText')) {
      const r = range(t.line, t.keyStart, t.keyStart + t.key.length);
      findings.push(
        finding(meta, r, 'snippet-incomplete.file-tag', undefined, { fix: { kind: 'replace', range: r, text: 'SPDX-SnippetCopyrightText', safe: true } }),
      );
    }
  }
  return findings;
}

export default { meta, check: snippetIncomplete } satisfies Rule;
