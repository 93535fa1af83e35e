// header-missing: a covered file with no SPDX-License-Identifier in its header or sidecar, nor in a
// comment below its header (that is header-misplaced). The message says which lines were read.

import type { Finding, FixData } from '../findings';
import type { MessageArg, MessageArgs } from '../messages';
import type { Policy } from '../policy/model';
import { copyrightTags, licenseTags, SourceFile } from '../source-file';
import { firstTokenRange } from '../text';
import { finding, type Rule, type RuleMeta, type Translations } from './rule';

const en = {
  'header-missing': 'No license header in {lines}: add SPDX-FileCopyrightText and SPDX-License-Identifier',
  'header-missing.license': 'No SPDX-License-Identifier in the header ({lines}): add one',
  'header-missing.uncommentable': 'No license information: this format has no comments, so add a {file}.license file next to it',
  'header-missing.sidecar': 'No SPDX-License-Identifier in {file}.license, which replaces the header of this file: add it there',
  'header-missing.third-party':
    'Third-party file without license information: add its original notice, a {file}.license file or a REUSE.toml entry (never our header)',
};

const ja: Translations<typeof en> = {
  'header-missing': '{lines}にライセンスヘッダーがありません。SPDX-FileCopyrightText と SPDX-License-Identifier を追加してください',
  'header-missing.license': 'ヘッダー ({lines}) に SPDX-License-Identifier がありません。追加してください',
  'header-missing.uncommentable':
    'ライセンス情報がありません。この形式にはコメントを書けないため、サイドカーファイル {file}.license を同じフォルダーに追加してください',
  'header-missing.sidecar': 'このファイルのヘッダーに代わるサイドカーファイル {file}.license に SPDX-License-Identifier がありません。そちらに追加してください',
  'header-missing.third-party':
    '第三者コードのファイルにライセンス情報がありません。元の表記、サイドカーファイル {file}.license、または REUSE.toml のエントリーを追加してください (自組織のヘッダーは不可)',
};

export const meta = {
  id: 'header-missing',
  scope: 'file',
  defaultSeverity: 'error',
  fixable: 'auto',
  headerOnly: true,
  ownTag: true,
  reuse: true,
  wholeFile: true,
  options: ['headers.required'],
  messages: { en, ja },
} as const satisfies RuleMeta;

export function headerMissing(file: SourceFile, policy: Policy): Finding[] {
  if (!policy.headers.required || licenseTags(file).length > 0) return [];
  const at = firstTokenRange(file.header.text);
  const ownCopyright = copyrightTags(file).length > 0;
  const report = (key: keyof typeof en, args: MessageArgs, fix?: FixData) => [finding(meta, at, key, args, { ownCopyright, ...(fix && { fix }) })];
  if (file.thirdParty) {
    return report('header-missing.third-party', { file: file.path.slice(file.path.lastIndexOf('/') + 1) });
  }
  if (file.hasSidecar) {
    // The sidecar is what licenses the file: the header goes there, not into the file.
    return report('header-missing.sidecar', { file: file.path.slice(file.path.lastIndexOf('/') + 1) });
  }
  if (!file.style) {
    const name = file.path.slice(Math.max(file.path.lastIndexOf('/'), file.path.lastIndexOf('\\')) + 1);
    return report(file.uncommentable ? 'header-missing.uncommentable' : 'header-missing', { file: name, lines: headerLines(file) });
  }
  if (copyrightTags(file).length > 0) {
    // The license goes after the last notice: not when that is outside the header window, where it
    // would not be found (fix-all then added one more on every run: fuzz.test.ts).
    const last = file.header.copyrights[file.header.copyrights.length - 1];
    // Not after a copyright given in front matter: a YAML key shaped like it would be a second `c:` key.
    const room = last && last.line >= file.header.prologue.insertLine && last.line + 1 < file.header.limit;
    return [finding(meta, at, 'header-missing.license', { lines: headerLines(file) }, { ownCopyright, fix: room ? { kind: 'insert-license' } : undefined })];
  }
  return report('header-missing', { lines: headerLines(file) }, { kind: 'insert-header' });
}

/** Where the header was looked for, for messages: "lines 1–23", or "the file" when tags count anywhere. */
export function headerLines(file: SourceFile): MessageArg {
  const h = file.header;
  if (h.anywhere) return { key: 'header.file' };
  return h.end <= 1 ? { key: 'header.line', args: { first: '1' } } : { key: 'header.lines', args: { first: '1', last: String(h.end) } };
}

export default { meta, check: headerMissing } satisfies Rule;
