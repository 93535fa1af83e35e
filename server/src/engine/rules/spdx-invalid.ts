// spdx-invalid: a license tag whose value is not a valid SPDX expression.

import type { Finding } from '../findings';
import type { Tag } from '../header';
import type { SourceFile } from '../source-file';
import { ownLicenseTags } from '../source-file';
import { checkExpression } from '../spdx/check';
import { range } from '../text';
import { finding, type Rule, type RuleMeta, type Translations } from './rule';

const en = {
  'spdx-invalid.empty': 'Empty SPDX-License-Identifier: write an SPDX license expression such as {example}',
  'spdx-invalid.unknown': "Unknown SPDX license id '{id}'{hint}",
  'spdx-invalid.unknown-exception': "Unknown SPDX license exception '{id}'{hint}",
  'spdx-invalid.prose': "'{text}' is not an SPDX expression: write '{suggestion}'",
  'spdx-invalid.case': "SPDX license id '{id}' is written '{canonical}'",
  'spdx-invalid.syntax': 'Invalid SPDX license expression: {detail}',
  'spdx-invalid.hint': ": did you mean '{suggestion}'?",
  'spdx-invalid.syntax-dangling': 'the expression ends where a license id was expected',
};

const ja: Translations<typeof en> = {
  'spdx-invalid.empty': 'SPDX-License-Identifier が空です。{example} のような SPDX ライセンス式を記述してください',
  'spdx-invalid.unknown': "不明な SPDX ライセンス識別子 '{id}'{hint}",
  'spdx-invalid.unknown-exception': "不明な SPDX ライセンス例外 '{id}'{hint}",
  'spdx-invalid.prose': "'{text}' は SPDX ライセンス式ではありません。'{suggestion}' と記述してください",
  'spdx-invalid.case': "SPDX ライセンス識別子 '{id}' の正しい表記は '{canonical}' です",
  'spdx-invalid.syntax': 'SPDX ライセンス式の構文エラー: {detail}',
  'spdx-invalid.hint': "。もしかして: '{suggestion}'",
  'spdx-invalid.syntax-dangling': 'ライセンス識別子が必要な位置で式が終わっています',
};

export const meta = {
  id: 'spdx-invalid',
  scope: 'file',
  defaultSeverity: 'error',
  fixable: 'auto',
  headerOnly: true,
  ownTag: true,
  reuse: true,
  options: [],
  messages: { en, ja },
} as const satisfies RuleMeta;

// Only the file's own header: a sidecar is a file of its own, checked when it is opened.
export function spdxInvalid(file: SourceFile): Finding[] {
  return ownLicenseTags(file).flatMap((tag) => findingsFor(tag));
}

function findingsFor(tag: Tag): Finding[] {
  const whole = range(tag.line, tag.valueStart, tag.valueEnd);
  const at = (start: number, end: number) => range(tag.line, tag.valueStart + start, tag.valueStart + end);
  return checkExpression(tag.value).problems.map((p): Finding => {
    switch (p.kind) {
      case 'empty':
        return finding(meta, range(tag.line, tag.keyStart, tag.valueEnd), 'spdx-invalid.empty', { example: 'Apache-2.0' });
      case 'prose':
        return finding(
          meta,
          whole,
          'spdx-invalid.prose',
          { text: tag.value, suggestion: p.suggestion },
          {
            // A guess from prose changes what the file claims; offer it, never apply it in fix-all.
            fix: { kind: 'replace', range: whole, text: p.suggestion, safe: false },
          },
        );
      case 'wrong-case': {
        const r = at(p.token.start, p.token.end);
        return finding(
          meta,
          r,
          'spdx-invalid.case',
          { id: p.token.id, canonical: p.canonical },
          { fix: { kind: 'replace', range: r, text: p.canonical, safe: true } },
        );
      }
      case 'unknown-id': {
        const r = at(p.token.start, p.token.end);
        const hint = p.suggestion ? `: did you mean '${p.suggestion}'?` : '';
        return finding(
          meta,
          r,
          p.token.exception ? 'spdx-invalid.unknown-exception' : 'spdx-invalid.unknown',
          { id: p.token.id, hint },
          {
            fix: p.suggestion ? { kind: 'replace', range: r, text: p.suggestion, safe: false } : undefined,
          },
        );
      }
      case 'syntax':
        return finding(meta, whole, 'spdx-invalid.syntax', { detail: p.detail });
    }
  });
}

export default { meta, check: spdxInvalid } satisfies Rule;
