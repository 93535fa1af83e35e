// The license tags whose expressions are valid: the license rules judge only those, since
// spdx-invalid already reports the rest.

import type { Tag } from '../header';
import type { SourceFile } from '../source-file';
import { ownLicenseTags } from '../source-file';
import { checkExpression } from '../spdx/check';

export function validLicenseTags(file: SourceFile): Tag[] {
  return ownLicenseTags(file).filter((t) => t.value && checkExpression(t.value).problems.length === 0);
}
