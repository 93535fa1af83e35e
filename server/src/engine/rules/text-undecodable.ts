// text-undecodable: a file no encoding reads (not UTF-8, no declaration or guess that fits, or one this
// runtime cannot decode) is checked with its bad bytes replaced, and this finding says so at the first
// bad byte. A CI gate must not pass a file it could not read: before this rule, one stray byte made a
// file with a denied license "skipped", and the run passed. Fixes leave such a file alone (they would
// write the replacement characters back); the reader never offers its text to a fix (io/encoding.ts
// `lossyText`, docs/design/encodings.md).

import type { Finding } from '../findings';
import type { SourceFile } from '../source-file';
import { positionAt, range } from '../text';
import { finding, type Rule, type RuleContext, type RuleMeta, type Translations } from './rule';

const en = {
  'text-undecodable':
    'This file is not valid UTF-8 from here on, and names no encoding ospo reads: it was checked with the bad bytes replaced, and fixes leave it alone. Declare its encoding (a coding line, .editorconfig charset, --encoding) or repair the bytes',
  'text-undecodable.unsupported':
    'This file is in {encoding}, which this runtime cannot decode: it was checked as UTF-8 with the bad bytes replaced, and fixes leave it alone',
};

const ja: Translations<typeof en> = {
  'text-undecodable':
    'このファイルはここから有効な UTF-8 ではなく、ospo が読めるエンコーディングの指定もありません: 不正なバイトを置き換えてチェックしました。修正は適用しません。エンコーディングを宣言する (coding 行、.editorconfig の charset、--encoding) か、バイトを修復してください',
  'text-undecodable.unsupported':
    'このファイルは {encoding} ですが、この実行環境ではデコードできません: 不正なバイトを置き換えて UTF-8 としてチェックしました。修正は適用しません',
};

export const meta = {
  id: 'text-undecodable',
  scope: 'file',
  defaultSeverity: 'error',
  fixable: false,
  headerOnly: true,
  wholeFile: true,
  options: [],
  messages: { en, ja },
} as const satisfies RuleMeta;

export function textUndecodable(file: SourceFile, _policy: unknown, ctx: RuleContext): Finding[] {
  const bad = ctx.undecodable;
  if (!bad) return [];
  const at = positionAt(file.text, bad.offset);
  const where = range(at.line, at.character, at.character + 1);
  return bad.reason.id === 'unsupported-encoding'
    ? [finding(meta, where, 'text-undecodable.unsupported', { encoding: bad.reason.args?.encoding ?? '?' })]
    : [finding(meta, where, 'text-undecodable')];
}

export default { meta, check: textUndecodable } satisfies Rule;
