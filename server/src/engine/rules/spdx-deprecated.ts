// spdx-deprecated: a deprecated SPDX id such as GPL-2.0+ or GPL-2.0, with SPDX's successor as the fix.

import type { Finding } from '../findings';
import { message } from '../messages';
import type { SourceFile } from '../source-file';
import { checkExpression } from '../spdx';
import { range } from '../text';

export function spdxDeprecated(file: SourceFile): Finding[] {
  return file.header.licenses.flatMap((tag) =>
    checkExpression(tag.value).deprecations.map((d): Finding => {
      const r = range(tag.line, tag.valueStart + d.token.start, tag.valueStart + d.token.end);
      return {
        rule: 'spdx-deprecated',
        severity: 'warning',
        range: r,
        message: d.successor
          ? message('spdx-deprecated', { id: d.token.id, successor: d.successor })
          : message('spdx-deprecated.no-successor', { id: d.token.id }),
        fix: d.successor ? { kind: 'replace', range: r, text: d.successor, safe: true } : undefined,
      };
    }),
  );
}
