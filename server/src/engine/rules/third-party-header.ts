// third-party-header: our organisation's notice on a file under files.thirdParty. Third-party code
// keeps its own notices; the fix removes our notice (and our license line when nothing else is left).

import { holderMatches, parseNotice } from '../copyright';
import type { Finding } from '../findings';
import type { Policy } from '../policy/model';
import type { SourceFile } from '../source-file';
import { range } from '../text';
import { finding, type Rule, type RuleMeta, type Translations } from './rule';

const en = {
  'third-party-header': 'Our header on a third-party file ({path} matches files.thirdParty): remove it and keep the original notice',
};

const ja: Translations<typeof en> = {
  'third-party-header': '第三者コードのファイルに自組織のヘッダーがあります ({path} は files.thirdParty に該当)。ヘッダーを削除し、元の表記を残してください',
};

export const meta = {
  id: 'third-party-header',
  scope: 'file',
  defaultSeverity: 'error',
  fixable: 'auto',
  headerOnly: true,
  options: ['files.thirdParty', 'headers.copyright.holder'],
  messages: { en, ja },
} as const satisfies RuleMeta;

export function thirdPartyHeader(file: SourceFile, policy: Policy): Finding[] {
  const holder = policy.headers.copyright.holder;
  if (!file.thirdParty || !holder) return [];
  const ours = file.header.copyrights.filter((t) => holderMatches(parseNotice(t.value).holder, holder));
  if (!ours.length) return [];
  const lines = ours.map((t) => t.line);
  // With no other notice left, the license line was ours too (a header we inserted by mistake).
  if (ours.length === file.header.copyrights.length) lines.push(...file.header.licenses.map((t) => t.line));
  const first = ours[0];
  const fix = { kind: 'delete-lines' as const, lines: [...new Set(lines)].sort((a, b) => a - b) };
  return [finding(meta, range(first.line, first.keyStart, first.valueEnd), 'third-party-header', { path: file.path }, { fix })];
}

export default { meta, check: thirdPartyHeader } satisfies Rule;
