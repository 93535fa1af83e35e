// spdx-operator-case: an operator written `or`, `and`, `with` (or `Or`…). REUSE reads it as the
// operator and the SPDX spec has come to allow the lower-case forms, so the expression is valid (spdx-invalid says
// nothing, the license rules judge it); upper case is the spelling SPDX and its tools use. The fix
// upper-cases the word and nothing else.

import type { Finding } from '../findings';
import type { SourceFile } from '../source-file';
import { ownLicenseTags } from '../source-file';
import { checkExpression } from '../spdx/check';
import { range } from '../text';
import { finding, type Rule, type RuleMeta, type Translations } from './rule';

const en = {
  'spdx-operator-case': "Lower-case operator '{written}': SPDX operators are upper case ({operator})",
};

const ja: Translations<typeof en> = {
  'spdx-operator-case': "小文字の演算子 '{written}': SPDX の演算子は大文字で記述します ({operator})",
};

export const meta = {
  id: 'spdx-operator-case',
  scope: 'file',
  defaultSeverity: 'info',
  fixable: 'auto',
  headerOnly: true,
  ownTag: true,
  options: [],
  messages: { en, ja },
} as const satisfies RuleMeta;

export function spdxOperatorCase(file: SourceFile): Finding[] {
  return ownLicenseTags(file).flatMap((tag) =>
    checkExpression(tag.value).lowerCaseOperators.map((o): Finding => {
      const r = range(tag.line, tag.valueStart + o.start, tag.valueStart + o.end);
      return finding(
        meta,
        r,
        'spdx-operator-case',
        { written: o.written, operator: o.operator },
        { fix: { kind: 'replace', range: r, text: o.operator, safe: true } },
      );
    }),
  );
}

export default { meta, check: spdxOperatorCase } satisfies Rule;
