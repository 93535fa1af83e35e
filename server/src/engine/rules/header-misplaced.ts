// header-misplaced: the file has no license in its header, but an SPDX-License-Identifier in a
// comment further down (a banner after the code starts, a tag at the end of a document). The file
// is licensed, so this is not header-missing; the finding points at the tag and says where the header is.

import type { Finding } from '../findings';
import type { Policy } from '../policy/model';
import type { SourceFile } from '../source-file';
import { range } from '../text';
import { headerLines } from './header-missing';
import { finding, type Rule, type RuleMeta, type Translations } from './rule';

const en = {
  'header-misplaced': 'SPDX-License-Identifier on line {line} is outside the header ({lines}): move it to the top of the file',
};

const ja: Translations<typeof en> = {
  'header-misplaced': '{line} 行目の SPDX-License-Identifier がヘッダー ({lines}) の外にあります。ファイルの先頭に移動してください',
};

export const meta = {
  id: 'header-misplaced',
  scope: 'file',
  defaultSeverity: 'info',
  fixable: false,
  headerOnly: true,
  ownTag: true,
  options: ['headers.required'],
  messages: { en, ja },
} as const satisfies RuleMeta;

export function headerMisplaced(file: SourceFile, policy: Policy): Finding[] {
  // `below` is empty when the header has a license, or a sidecar licenses the file instead.
  const tag = policy.headers.required ? file.below.find((t) => t.kind === 'license') : undefined;
  if (!tag) return [];
  return [finding(meta, range(tag.line, tag.keyStart, tag.valueEnd), 'header-misplaced', { line: String(tag.line + 1), lines: headerLines(file) })];
}

export default { meta, check: headerMisplaced } satisfies Rule;
