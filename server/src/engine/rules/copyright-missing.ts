// copyright-missing: a license tag without any copyright notice, where the policy requires one.

import type { Finding } from '../findings';
import { message } from '../messages';
import type { Policy } from '../policy/model';
import { copyrightTags, SourceFile } from '../source-file';
import { range } from '../text';

export function copyrightMissing(file: SourceFile, policy: Policy): Finding[] {
  const first = file.header.licenses[0];
  if (!policy.headers.copyright.required || !first || copyrightTags(file).length > 0) return [];
  return [{
    rule: 'copyright-missing',
    severity: 'warning',
    range: range(first.line, first.keyStart, first.valueEnd),
    message: message('copyright-missing'),
    // Our notice never goes on third-party code.
    fix: file.thirdParty ? undefined : { kind: 'insert-copyright' },
  }];
}
