// third-party-header: our organisation's notice on a file under files.thirdParty. Third-party code
// keeps its own notices; the fix removes our notice (and our license line when nothing else is left).

import { holderMatches, parseNotice } from '../copyright';
import type { Finding } from '../findings';
import { message } from '../messages';
import type { Policy } from '../policy/model';
import type { SourceFile } from '../source-file';
import { range } from '../text';

export function thirdPartyHeader(file: SourceFile, policy: Policy): Finding[] {
  const holder = policy.headers.copyright.holder;
  if (!file.thirdParty || !holder) return [];
  const ours = file.header.copyrights.filter((t) => holderMatches(parseNotice(t.value).holder, holder));
  if (!ours.length) return [];
  const lines = ours.map((t) => t.line);
  // With no other notice left, the license line was ours too (a header we inserted by mistake).
  if (ours.length === file.header.copyrights.length) lines.push(...file.header.licenses.map((t) => t.line));
  const first = ours[0];
  return [{
    rule: 'third-party-header',
    severity: 'error',
    range: range(first.line, first.keyStart, first.valueEnd),
    message: message('third-party-header', { path: file.path }),
    fix: { kind: 'delete-lines', lines: [...new Set(lines)].sort((a, b) => a - b) },
  }];
}
