// spdx-tag-typo, with the RuleTester: a misspelt or mis-cased SPDX tag, and the fix that writes it as tools read it.

import spdxTagTypo, { intendedTag } from '../../server/src/engine/rules/spdx-tag-typo';
import * as assert from 'node:assert/strict';
import { ruleTester } from './rule-tester';

ruleTester.run(spdxTagTypo, {
  valid: [
    '// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: MIT\nexport {};\n',
    { name: 'snippet and contributor tags', code: '// SPDX-FileContributor: Jane Doe\n// SPDX-SnippetBegin\n// SPDX-SnippetEnd\n' },
    { name: 'an SPDX tag near no file tag', code: '# SPDX-PackageName: demo\n# SPDX-License-Identifier: MIT\n', path: 'a.py' },
    { name: 'a typo below the header is not read', code: 'export const x = 1;\n// SPDX-License-Identifer: MIT\n' },
  ],
  invalid: [
    {
      name: 'a misspelt license tag (CRLF kept)',
      code: '// SPDX-FileCopyrightText: 2026 Example Corp\r\n// SPDX-License-Identifer: MIT\r\nexport {};\r\n',
      errors: [
        {
          messageId: 'spdx-tag-typo',
          message: "Unknown SPDX tag 'SPDX-License-Identifer': did you mean 'SPDX-License-Identifier'? Tools read only the exact tag name",
          line: 2,
          column: 4,
          severity: 'warning',
        },
      ],
      output: '// SPDX-FileCopyrightText: 2026 Example Corp\r\n// SPDX-License-Identifier: MIT\r\nexport {};\r\n',
    },
    {
      name: 'British spelling, and a copyright tag in a Python file without a final newline',
      code: '#!/usr/bin/env python3\n# SPDX-FileCopyrigthText: 2026 Example Corp\n# SPDX-Licence-Identifier: MIT\nx = 1',
      path: 'tool.py',
      errors: [
        { messageId: 'spdx-tag-typo', line: 2, column: 3 },
        { messageId: 'spdx-tag-typo', line: 3, column: 3 },
      ],
      output: '#!/usr/bin/env python3\n# SPDX-FileCopyrightText: 2026 Example Corp\n# SPDX-License-Identifier: MIT\nx = 1',
    },
    {
      name: 'another case',
      code: '// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-identifier: MIT\n',
      errors: [
        {
          messageId: 'spdx-tag-typo.case',
          message: "SPDX tag 'SPDX-License-identifier' is written 'SPDX-License-Identifier': tools read tag names case-sensitively",
        },
      ],
      output: '// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: MIT\n',
    },
  ],
});

describe('spdx-tag-typo: which tag was meant', () => {
  it('answers only for one clear candidate', () => {
    assert.deepEqual(intendedTag('SPDX-Snippet-Begin'), { tag: 'SPDX-SnippetBegin', caseOnly: false });
    assert.deepEqual(intendedTag('spdx-filecontributor'), { tag: 'SPDX-FileContributor', caseOnly: true });
    assert.equal(intendedTag('SPDX-License-Identifier'), undefined);
    assert.equal(intendedTag('SPDX-Generated-By'), undefined);
    assert.equal(intendedTag('Copyright'), undefined);
  });
});
