// spdx-invalid: a license tag whose value is not a valid SPDX expression.

import type { Finding } from '../findings';
import type { Tag } from '../header';
import { message } from '../messages';
import type { SourceFile } from '../source-file';
import { ownLicenseTags } from '../source-file';
import { checkExpression } from '../spdx/check';
import { range } from '../text';

// Only the file's own header: a sidecar is a file of its own, checked when it is opened.
export function spdxInvalid(file: SourceFile): Finding[] {
  return ownLicenseTags(file).flatMap((tag) => findingsFor(tag));
}

function findingsFor(tag: Tag): Finding[] {
  const whole = range(tag.line, tag.valueStart, tag.valueEnd);
  const at = (start: number, end: number) => range(tag.line, tag.valueStart + start, tag.valueStart + end);
  const base = { rule: 'spdx-invalid' as const, severity: 'error' as const };
  return checkExpression(tag.value).problems.map((p): Finding => {
    switch (p.kind) {
      case 'empty':
        return { ...base, range: range(tag.line, tag.keyStart, tag.valueEnd), message: message('spdx-invalid.empty', { example: 'Apache-2.0' }) };
      case 'prose':
        return {
          ...base, range: whole,
          message: message('spdx-invalid.prose', { text: tag.value, suggestion: p.suggestion }),
          // A guess from prose changes what the file claims; offer it, never apply it in fix-all.
          fix: { kind: 'replace', range: whole, text: p.suggestion, safe: false },
        };
      case 'wrong-case': {
        const r = at(p.token.start, p.token.end);
        return { ...base, range: r, message: message('spdx-invalid.case', { id: p.token.id, canonical: p.canonical }), fix: { kind: 'replace', range: r, text: p.canonical, safe: true } };
      }
      case 'unknown-id': {
        const r = at(p.token.start, p.token.end);
        const hint = p.suggestion ? `: did you mean '${p.suggestion}'?` : '';
        return {
          ...base, range: r,
          message: message(p.token.exception ? 'spdx-invalid.unknown-exception' : 'spdx-invalid.unknown', { id: p.token.id, hint }),
          fix: p.suggestion ? { kind: 'replace', range: r, text: p.suggestion, safe: false } : undefined,
        };
      }
      case 'syntax':
        return { ...base, range: whole, message: message('spdx-invalid.syntax', { detail: p.detail }) };
    }
  });
}
