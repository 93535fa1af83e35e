// copyright-missing: a license tag without any copyright notice, where the policy requires one.

import type { Finding } from '../findings';
import type { Policy } from '../policy/model';
import { copyrightTags, licenseTags, SourceFile } from '../source-file';
import { range } from '../text';
import { finding, type Rule, type RuleMeta, type Translations } from './rule';

const en = {
  'copyright-missing': 'No copyright notice: add SPDX-FileCopyrightText',
  'copyright-missing.sidecar': 'No copyright notice in {file}.license: add SPDX-FileCopyrightText there',
  'copyright-missing.external': 'No copyright notice: {source} gives {file} its license but no SPDX-FileCopyrightText; add one there or in the file',
};

const ja: Translations<typeof en> = {
  'copyright-missing': '著作権表示がありません。SPDX-FileCopyrightText を追加してください',
  'copyright-missing.sidecar': 'サイドカーファイル {file}.license に著作権表示がありません。そちらに SPDX-FileCopyrightText を追加してください',
  'copyright-missing.external':
    '著作権表示がありません。{source} は {file} にライセンスを与えていますが SPDX-FileCopyrightText がありません。そちらかファイルに追加してください',
};

export const meta = {
  id: 'copyright-missing',
  scope: 'file',
  defaultSeverity: 'warning',
  fixable: 'auto',
  headerOnly: true,
  ownTag: true,
  reuse: true,
  options: ['headers.copyright.required'],
  messages: { en, ja },
} as const satisfies RuleMeta;

export function copyrightMissing(file: SourceFile, policy: Policy): Finding[] {
  const first = licenseTags(file)[0];
  if (!policy.headers.copyright.required || !first || copyrightTags(file).length > 0) return [];
  // In a sidecar: no place in this file to point at, nor to insert into.
  if (file.hasSidecar) return [finding(meta, range(0, 0, 0), 'copyright-missing.sidecar', { file: file.path.slice(file.path.lastIndexOf('/') + 1) })];
  return [
    finding(meta, range(first.line, first.keyStart, first.valueEnd), 'copyright-missing', undefined, {
      // Our notice never goes on third-party code. Nor is it inserted when that would push the license
      // line out of the header window (fix-all would then add a license, forever: fuzz.test.ts).
      fix: file.thirdParty || first.line + 1 >= file.header.limit || first.line >= file.header.end ? undefined : { kind: 'insert-copyright' },
    }),
  ];
}

export default { meta, check: copyrightMissing } satisfies Rule;
