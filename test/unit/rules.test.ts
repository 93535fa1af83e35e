// Rule tests written with the RuleTester (rule-tester.ts): for each rule, code it accepts, and code
// it reports with the findings and the text fix-all (or a chosen quick fix) makes of it.

import { RawPolicy } from '../../server/src/engine/policy/model';
import aiChatbotArtifact from '../../server/src/engine/rules/ai-chatbot-artifact';
import aiNonstandardMarker from '../../server/src/engine/rules/ai-nonstandard-marker';
import copyrightHolder from '../../server/src/engine/rules/copyright-holder';
import copyrightYear from '../../server/src/engine/rules/copyright-year';
import headerMissing from '../../server/src/engine/rules/header-missing';
import licenseMismatch from '../../server/src/engine/rules/license-mismatch';
import spdxOperatorCase from '../../server/src/engine/rules/spdx-operator-case';
import thirdPartyHeader from '../../server/src/engine/rules/third-party-header';
import { ruleTester } from './rule-tester';

const header = (license: string, holder = '2026 Example Corp', extra = '') =>
  `// SPDX-FileCopyrightText: ${holder}\n// SPDX-License-Identifier: ${license}\n${extra}\nexport {};\n`;
const head = '// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: Apache-2.0\n';

ruleTester.run(headerMissing, {
  valid: [header('MIT'), { code: 'x = 1\n', path: 'src/a.py', policy: { headers: { required: false } } }],
  invalid: [
    {
      name: 'no header: the policy header goes on top',
      code: 'export const x = 1;\n',
      errors: [
        { messageId: 'header-missing', line: 1, column: 1, message: 'No license header in line 1: add SPDX-FileCopyrightText and SPDX-License-Identifier' },
      ],
      output: '// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: Apache-2.0\n\nexport const x = 1;\n',
    },
    {
      name: 'a copyright but no license: the license goes after the notice',
      code: '// SPDX-FileCopyrightText: 2026 Example Corp\nexport const x = 1;\n',
      errors: [{ messageId: 'header-missing.license' }],
      output: '// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: Apache-2.0\nexport const x = 1;\n',
    },
    {
      name: 'third-party code never gets our header',
      code: '/* lodash */\nvar x;\n',
      path: 'vendor/lodash.js',
      policy: { files: { thirdParty: ['vendor/**'] } },
      errors: [{ messageId: 'header-missing.third-party', message: /lodash\.js\.license/ }],
    },
  ],
});

const project = (extra: RawPolicy = {}): RawPolicy => ({
  ...extra,
  licenses: { project: 'Apache-2.0' },
  headers: { copyright: { holder: 'Example Corp' } },
});
ruleTester.run(licenseMismatch, {
  valid: [
    { code: header('Apache-2.0 OR MIT'), policy: { licenses: { project: 'MIT OR Apache-2.0' } }, name: 'an equivalent expression' },
    { code: header('MIT OR Apache-2.0'), policy: project(), name: 'a choice that includes the project license' },
    { code: header('MIT or Apache-2.0'), policy: project(), name: 'a lower-case operator (spdx-operator-case says so, not this rule)' },
    { code: header('(GPL-2.0-only OR Apache-2.0) AND Apache-2.0'), policy: project(), name: 'every way through takes the project license' },
    {
      code: header('GPL-2.0-or-later'),
      policy: { licenses: { project: 'GPL-3.0-only' } },
      name: 'an or-later license the project license satisfies',
    },
    {
      code: header('MIT', '2020 Someone Else'),
      path: 'vendor/x.ts',
      policy: project({ files: { thirdParty: ['vendor/**'] } }),
      name: 'a third-party file',
    },
  ],
  invalid: [
    {
      name: "another license on a file of the policy's holder: a quick fix, never fix-all",
      code: header('MIT'),
      policy: project(),
      errors: [{ messageId: 'license-mismatch', line: 2, suggestion: header('Apache-2.0') }],
    },
    {
      name: 'both licenses at once is not the project license',
      code: header('MIT AND Apache-2.0'),
      policy: project(),
      errors: [{ messageId: 'license-mismatch', line: 2, suggestion: header('Apache-2.0') }],
    },
    {
      name: "a third party's GPL code: reported, never relicensed",
      code: header('GPL-2.0-only', '1991 Linus Torvalds'),
      policy: project(),
      errors: [{ messageId: 'license-mismatch', line: 2, suggestion: null }],
    },
    {
      name: 'our notice beside a third party: not ours alone to relicense',
      code: '// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-FileCopyrightText: 2019 Jane Doe\n// SPDX-License-Identifier: GPL-3.0-only\n',
      policy: project(),
      errors: [{ messageId: 'license-mismatch', line: 3, suggestion: null }],
    },
    {
      name: 'no holder in the policy: nobody can tell the file is ours',
      code: header('MIT'),
      policy: { licenses: { project: 'Apache-2.0' } },
      errors: [{ messageId: 'license-mismatch', line: 2, suggestion: null }],
    },
    {
      name: 'no copyright notice: whose file it is is unknown',
      code: '// SPDX-License-Identifier: MIT\nexport {};\n',
      policy: project(),
      errors: [{ messageId: 'license-mismatch', line: 1, suggestion: null }],
    },
  ],
});

const holder: RawPolicy = { headers: { copyright: { holder: 'Example Corp( and contributors)?' } } };
ruleTester.run(copyrightHolder, {
  valid: [
    { code: header('MIT', '2026 Example Corp and contributors <ospo@example.com>'), policy: holder, name: 'a full match, with an email after it' },
    {
      code: '// SPDX-FileCopyrightText: 2019 Jane Doe\n// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: MIT\n',
      policy: holder,
      name: 'one of several notices is ours',
    },
  ],
  invalid: [
    {
      code: header('MIT', '2026 Example Corporation'),
      policy: holder,
      name: 'a prefix is not a full match (taken for ours written another way)',
      errors: [{ messageId: 'copyright-holder', message: /'Example Corporation'/ }],
      output: header('MIT', '2026 Example Corp'),
    },
    {
      name: 'our own notice written another way is rewritten',
      code: header('MIT', '2026 example corp.'),
      policy: holder,
      errors: [{ messageId: 'copyright-holder', line: 1 }],
      output: header('MIT', '2026 Example Corp.'),
    },
    {
      name: "a third party's notice is never rewritten: ours is offered beside it",
      code: header('MIT', '2019 Jane Doe'),
      policy: holder,
      errors: [
        {
          messageId: 'copyright-holder.none',
          suggestion: '// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-FileCopyrightText: 2019 Jane Doe\n// SPDX-License-Identifier: MIT\n\nexport {};\n',
        },
      ],
    },
  ],
});

const year = (rule: 'any' | 'current' | 'range-to-current' | 'none'): RawPolicy => ({ headers: { copyright: { year: rule, holder: 'Example Corp' } } });
ruleTester.run(copyrightYear, {
  valid: [
    { code: header('MIT', '2025 Example Corp'), policy: year('any'), name: 'last year, with year: any' },
    { code: header('MIT', '2025 Example Corp'), policy: year('range-to-current'), name: 'last year, with year: range-to-current' },
    {
      code: '// SPDX-FileCopyrightText: 2010 Jane Doe\n// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: MIT\n',
      policy: year('current'),
      name: "a third party's years",
    },
  ],
  invalid: [
    {
      code: header('MIT', '2031 Example Corp'),
      policy: year('any'),
      name: 'a future year',
      errors: [{ messageId: 'copyright-year.future', line: 1 }],
      output: header('MIT', '2026 Example Corp'),
    },
    {
      code: header('MIT', '2025 Example Corp'),
      policy: year('current'),
      name: 'year: current',
      errors: [{ messageId: 'copyright-year.current' }],
      output: header('MIT', '2025-2026 Example Corp'),
    },
    {
      code: header('MIT', '2024 Example Corp'),
      policy: year('none'),
      name: 'year: none removes it',
      errors: [{ messageId: 'copyright-year.none' }],
      output: header('MIT', 'Example Corp'),
    },
    {
      code: header('MIT', '2019, 2021 Example Corp'),
      policy: year('range-to-current'),
      name: 'a list becomes a range',
      errors: [{ messageId: 'copyright-year.list' }],
      output: header('MIT', '2019-2021 Example Corp'),
    },
  ],
});

const vendored: RawPolicy = { files: { thirdParty: ['vendor/**'] }, headers: { copyright: { holder: 'Example Corp' } }, licenses: { project: 'Apache-2.0' } };
ruleTester.run(thirdPartyHeader, {
  valid: [
    { code: '/* lodash, MIT */\n', path: 'vendor/lodash.js', policy: vendored },
    { code: head + 'x\n', path: 'src/a.js', policy: vendored, name: 'our header on our code' },
  ],
  invalid: [
    {
      code: head + '/* lodash, MIT */\n',
      path: 'vendor/lodash.js',
      policy: vendored,
      errors: [{ messageId: 'third-party-header', severity: 'error' }],
      output: '/* lodash, MIT */\n',
    },
    {
      name: 'the last lines of a file with no final newline',
      code: '/* lodash, MIT */\n' + head.trimEnd(),
      path: 'vendor/x.js',
      policy: vendored,
      errors: [{ messageId: 'third-party-header' }],
      output: '/* lodash, MIT */',
    },
    { name: 'BOM kept', code: '\uFEFF// SPDX-FileCopyrightText: 2026 Example Corp', path: 'vendor/x.js', policy: vendored, errors: [{}], output: '\uFEFF' },
    { name: 'CRLF kept', code: '\uFEFF' + head.replace(/\n/g, '\r\n') + 'x\r\n', path: 'vendor/x.js', policy: vendored, errors: [{}], output: '\uFEFFx\r\n' },
  ],
});

ruleTester.run(spdxOperatorCase, {
  valid: [
    header('MIT OR Apache-2.0'),
    {
      code: '# SPDX-FileCopyrightText: 2026 Example Corp\n# SPDX-License-Identifier: GPL version 2 or later\n',
      path: 'src/a.py',
      name: 'an "or" that may be prose',
    },
  ],
  invalid: [
    {
      name: 'the fix upper-cases the operator and only it (CRLF, spaces kept)',
      code: '# SPDX-FileCopyrightText: 2026 Example Corp\r\n# SPDX-License-Identifier:  Unlicense or CC0-1.0  \r\n',
      path: 'src/a.py',
      errors: [{ message: "Lower-case operator 'or': SPDX operators are upper case (OR)", severity: 'info', line: 2, column: 39 }],
      output: '# SPDX-FileCopyrightText: 2026 Example Corp\r\n# SPDX-License-Identifier:  Unlicense OR CC0-1.0  \r\n',
    },
    {
      name: 'mixed case and every operator, in one fix-all',
      code: header('(MIT Or ISC) and GPL-2.0-or-later with Classpath-exception-2.0'),
      errors: [{ messageId: 'spdx-operator-case' }, { messageId: 'spdx-operator-case' }, { messageId: 'spdx-operator-case' }],
      output: header('(MIT OR ISC) AND GPL-2.0-or-later WITH Classpath-exception-2.0'),
    },
  ],
});

const noFields: RawPolicy = { ai: { requiredFields: [] } };
ruleTester.run(aiNonstandardMarker, {
  valid: [{ code: head + '// AI-Generated-By: ChatGPT:unknown\nexport {};\n', policy: noFields, name: 'the canonical tag' }],
  invalid: [
    ...['// SPDX-Generated-By: Copilot', '// @ai-generated', '// AI-GENERATED', '# Generated by Claude'].map((line) => ({
      name: line,
      code: `${head}${line}\nx\n`,
      policy: noFields,
      errors: [{ messageId: 'ai-nonstandard-marker', line: 3 }],
    })),
    {
      name: 'converted to the canonical tag by a chosen quick fix',
      code: head + '// Generated by ChatGPT\nexport {};\n',
      policy: noFields,
      errors: [{ messageId: 'ai-nonstandard-marker', suggestion: head + '// AI-Generated-By: ChatGPT:unknown\nexport {};\n' }],
    },
  ],
});

ruleTester.run(aiChatbotArtifact, {
  valid: [{ code: head + '// An AI model trained on code, as described in the paper.\n// Here we update the code.\n', name: 'no style guesses' }],
  invalid: [
    {
      name: 'literal leftovers only; the fix deletes exactly the text, never by fix-all',
      code:
        head +
        'const url = "https://example.com/?utm_source=chatgpt.com";\n// As an AI language model, I cannot run this.\nconst note = "Use it :contentReference[oaicite:0]{index=0} well";\n',
      errors: [
        { messageId: 'ai-chatbot-artifact', line: 3 },
        {
          messageId: 'ai-chatbot-artifact',
          line: 4,
          suggestion: head + 'const url = "https://example.com/?utm_source=chatgpt.com";\nconst note = "Use it :contentReference[oaicite:0]{index=0} well";\n',
        },
        {
          messageId: 'ai-chatbot-artifact',
          line: 5,
          suggestion:
            head + 'const url = "https://example.com/?utm_source=chatgpt.com";\n// As an AI language model, I cannot run this.\nconst note = "Use it  well";\n',
        },
      ],
    },
  ],
});
