// snippet-incomplete: a snippet without a license, or with SPDX-FileCopyrightText (a file's tag) inside it.

import type { Finding } from '../findings';
import { message } from '../messages';
import type { Policy } from '../policy/model';
import type { SourceFile } from '../source-file';
import { range } from '../text';
import type { Rule, RuleMeta, Translations } from './rule';

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
      findings.push({
        rule: 'snippet-incomplete',
        severity: meta.defaultSeverity,
        range: range(s.begin, 0, 0),
        message: message('snippet-incomplete.license'),
        fix: {
          kind: 'insert-line',
          line: s.begin + 1,
          like: s.begin,
          text: `SPDX-License-Identifier: ${policy.licenses.project ?? 'NOASSERTION'}`,
          safe: false,
        },
      });
    }
    for (const t of s.tags.filter((x) => x.key === 'SPDX-FileCopyrightText')) {
      const r = range(t.line, t.keyStart, t.keyStart + t.key.length);
      findings.push({
        rule: 'snippet-incomplete',
        severity: meta.defaultSeverity,
        range: r,
        message: message('snippet-incomplete.file-tag'),
        fix: { kind: 'replace', range: r, text: 'SPDX-SnippetCopyrightText', safe: true },
      });
    }
  }
  return findings;
}

export default { meta, check: snippetIncomplete } satisfies Rule;
