// copyright-missing: a license tag without any copyright notice, where the policy requires one.

import type { Finding } from '../findings';
import { message } from '../messages';
import type { Policy } from '../policy/model';
import { copyrightTags, licenseTags, SourceFile } from '../source-file';
import { range } from '../text';

export function copyrightMissing(file: SourceFile, policy: Policy): Finding[] {
  const first = licenseTags(file)[0];
  if (!policy.headers.copyright.required || !first || copyrightTags(file).length > 0) return [];
  // In a sidecar: no place in this file to point at, nor to insert into.
  if (file.hasSidecar) return [{ rule: 'copyright-missing', severity: 'warning', range: range(0, 0, 0), message: message('copyright-missing.sidecar', { file: file.path.slice(file.path.lastIndexOf('/') + 1) }) }];
  return [{
    rule: 'copyright-missing',
    severity: 'warning',
    range: range(first.line, first.keyStart, first.valueEnd),
    message: message('copyright-missing'),
    // Our notice never goes on third-party code. Nor is it inserted when that would push the license
    // line out of the header window (fix-all would then add a license, forever: fuzz.test.ts).
    fix: file.thirdParty || first.line + 1 >= file.header.limit || first.line >= file.header.end ? undefined : { kind: 'insert-copyright' },
  }];
}
