// `ospo policy render` (cli/policy.ts, policy-doc/): the written policy from the policy file. Every
// starter is rendered as `ospo init` writes it, in both formats and languages, and every rule in it must
// appear linked to a line of the policy that states it; bases link to their own file; values from the
// policy cannot become markup.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { setLocale } from '../../server/src/engine/l10n';
import { parseKeyPath, policyLocator } from '../../server/src/engine/policy/parse';
import { templateNames } from '../../server/src/engine/policy/templates';
import { ruleMeta } from '../../server/src/engine/rules';
import { runPolicy } from '../../server/src/cli/policy';
import { readPolicy } from '../../server/src/io/policy-source';
import { policyDocument } from '../../server/src/policy-doc/model';
import { renderHtml } from '../../server/src/policy-doc/render';
import { writeStarterPolicy } from '../../server/src/io/starter-policy';
import { tempTree } from '../temp-tree';

// markdown-it is in the tree for vsce; here it reads the Markdown as a renderer would.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new (opts: { html: boolean; linkify: boolean }) => { render(md: string): string };

async function render(cwd: string, args: string[], today = '2026-06-01'): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runPolicy(args, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, cwd, today });
  return { code, out, err };
}

/** The line of the document that shows `value` as code, and the policy line it links to. */
function linkOf(doc: string, format: 'md' | 'html', value: string, file = '.ospo/policy.yaml'): number {
  const code = format === 'md' ? '`' + value + '`' : `<code>${value}</code>`;
  const line = doc.split('\n').find((l) => l.includes(code) && l.includes(`${file}#L`));
  assert.ok(line, `${value} is shown, linked to ${file}`);
  return Number(new RegExp(`${file.replace(/[.*]/g, '\\$&')}#L(\\d+)`).exec(line)![1]);
}

const dirs: string[] = [];
afterEach(() => setLocale(undefined));
after(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function folder(files: Record<string, string> = {}): string {
  const dir = tempTree(files, 'ospo-render-');
  dirs.push(dir);
  return dir;
}

describe('policy locator (parse.ts policyLocator)', () => {
  const text = [
    'version: 1',
    'licenses:',
    '  allow: [MIT]',
    '  deny:',
    '    - GPL-2.0-only',
    '    - "AGPL-*"',
    'exceptions:',
    '  - id: A',
    '    ref: T-1',
    '',
  ].join('\n');

  it('maps key paths to the line of the key or of the list entry', () => {
    const at = policyLocator(text);
    assert.equal(at('licenses')?.line, 1);
    assert.equal(at('licenses.allow')?.line, 2);
    assert.equal(at(['licenses', 'allow', 0])?.line, 2);
    assert.equal(at('licenses.deny')?.line, 3, 'the key, not the block below it');
    assert.equal(at('licenses.deny[1]')?.line, 5);
    assert.equal(at('exceptions[0]')?.line, 7);
    assert.equal(at('exceptions[0].ref')?.line, 8);
    assert.equal(at('licenses.review'), undefined);
    assert.equal(at('headers.required'), undefined);
    assert.equal(policyLocator('a: [')('a'), undefined, 'a text YAML cannot read has no lines, and does not throw');
  });

  it('reads key paths as problems write them', () => {
    assert.deepEqual(parseKeyPath('licenses.deny[2]'), ['licenses', 'deny', 2]);
    assert.deepEqual(parseKeyPath('headers.languages[".foo"].line'), ['headers', 'languages', '.foo', 'line']);
    assert.equal(parseKeyPath('licenses..deny'), undefined);
  });
});

describe('ospo policy render: the starters', function () {
  this.timeout(60_000);

  for (const name of templateNames) {
    it(`${name}: every rule appears, linked to the line that states it (md and html, en and ja)`, async () => {
      const dir = folder();
      assert.equal((await writeStarterPolicy(dir, name)).error, undefined);
      const file = path.join(dir, '.ospo', 'policy.yaml');
      const lines = fs.readFileSync(file, 'utf8').split('\n');
      const { policy } = await readPolicy(dir, undefined, { allowFetch: false });
      assert.ok(policy);
      // What the policy states, and the text its line must hold.
      const expected: [value: string, onLine: string][] = [
        ...[...policy.licenses.allow, ...policy.licenses.review, ...policy.licenses.deny].map((id) => [id, id] as [string, string]),
        ...[...policy.files.thirdParty, ...policy.files.exclude].map((g) => [g, g] as [string, string]),
        ...policy.overrides.map((o) => [o.paths[0], o.paths[0]] as [string, string]),
        ...policy.exceptions.map((e) => [e.id, e.id] as [string, string]),
        ...Object.entries(policy.severity)
          .filter(([rule, level]) => ruleMeta(rule)?.defaultSeverity !== level)
          .map(([rule, level]) => [rule, `${rule}: ${level}`] as [string, string]),
      ];
      if (name !== 'kubernetes' && name !== 'kernel' && name !== 'asf' && name !== 'openinfra') assert.ok(expected.length > 1, 'the starter states rules');
      for (const format of ['md', 'html'] as const) {
        for (const lang of ['en', 'ja']) {
          const r = await render(dir, ['render', '--format', format, '--lang', lang]);
          assert.equal(r.code, 0, r.err);
          assert.equal(r.err, '');
          for (const [value, onLine] of expected) {
            const n = linkOf(r.out, format, value);
            assert.ok(lines[n - 1].includes(onLine), `${name} ${format} ${lang}: ${value} links to line ${n}: ${lines[n - 1]}`);
          }
          // The AI mode, and the generated-files rule, are stated too.
          const mode = linkOf(r.out, format, policy.ai.mode);
          assert.match(lines[mode - 1], new RegExp(`mode: ${policy.ai.mode}`));
          const generated = r.out.split('\n').find((l) => (lang === 'ja' ? /生成されたことを示すファイル/ : /Files that say they are generated/).test(l));
          const at = Number(/policy\.yaml#L(\d+)/.exec(generated ?? '')?.[1]);
          assert.match(lines[at - 1] ?? '', new RegExp(`generated: ${policy.files.generated}`), `${name}: files.generated`);
          assert.match(r.out, lang === 'ja' ? /ライセンスヘッダーと著作権表示/ : /License headers and copyright notices/);
        }
      }
    });
  }

  it('apache: checked by hand against the starter text', async () => {
    const dir = folder();
    await writeStarterPolicy(dir, 'apache');
    const en = await render(dir, ['render']);
    // allow is line 50, deny 56, thirdParty 37, ai.mode 94, the .ospo/** override 103 (templates.ts).
    assert.equal(linkOf(en.out, 'md', 'MIT'), 50);
    assert.equal(linkOf(en.out, 'md', 'GPL-*'), 56);
    assert.equal(linkOf(en.out, 'md', 'vendor/**'), 37);
    assert.equal(linkOf(en.out, 'md', 'disclose'), 94);
    assert.equal(linkOf(en.out, 'md', '.ospo/**'), 103);
    assert.match(en.out, /^- Never allowed, even after a review: `GPL-\*`, `AGPL-\*`, .* \(\[\.ospo\/policy\.yaml:56\]\(<\.ospo\/policy\.yaml#L56>\)\)$/m);
    assert.match(en.out, /^- No license needs a review\. \(default\)$/m, 'what the policy leaves out is said as the default, unlinked');
    const ja = await render(dir, ['render', '--lang', 'ja']);
    assert.match(ja.out, /^- レビューを経ても使用できないライセンス: `GPL-\*`、.*（\[\.ospo\/policy\.yaml:56\]\(<\.ospo\/policy\.yaml#L56>\)）$/m);
    assert.match(ja.out, /^- レビューが必要なライセンスはありません。（既定値）$/m);
    // The sections in the order of docs/design/policy-render.md.
    const headings = [...en.out.matchAll(/^## \d+\. (.*)$/gm)].map((m) => m[1]);
    assert.deepEqual(headings, [
      'Purpose and scope',
      'Roles and approvers',
      'License review and approval',
      'Third-party and generated code',
      'License headers and copyright notices',
      'Code written with AI help',
      'Rules for particular paths',
      'License compliance checks',
      'Exceptions',
    ]);
  });

  it('kernel: a form the preset base states links to its extends entry', async () => {
    const dir = folder({ '.ospo/policy.yaml': 'version: 1\nextends: [ospo:kernel]\n' });
    const r = await render(dir, ['render']);
    assert.equal(r.code, 0, r.err);
    assert.match(
      r.out,
      /^- When AI helped, the change discloses it in one of these forms: `assisted-by \(Assisted-by:\)`\. \(preset ospo:kernel, \[\.ospo\/policy\.yaml:2\]/m,
    );
    assert.match(r.out, /^- This policy builds on `ospo:kernel`.*\(\[\.ospo\/policy\.yaml:2\]/m);
  });
});

const base = `version: 1
licenses:
  deny: ["GPL-*"]
files:
  thirdParty: [vendor/**]
severity:
  copyright-year: warning
exceptions:
  - id: BASE-1
    rules: [license-denied]
    paths: [legacy/**]
    approver: Legal <legal@example.com>
    date: 2026-01-10
    ref: https://tracker.example.com/BASE-1
    expires: 2026-06-20
`;

const child = `version: 1
extends: [base.yaml]
policy:
  contact: ospo@example.com
licenses:
  allow: [MIT, Apache-2.0]
  deny: [AGPL-3.0-only]
exceptions:
  - id: LOCAL-1
    rule: license-denied
    licenses: [AGPL-3.0-only]
    approver: Jane Doe <jane@example.com>
    date: 2026-02-01
    ref: LOCAL-1
    expires: 2026-03-01
    reason: Replaced by June
`;

describe('ospo policy render: a policy with a base', () => {
  it('links what the base states to the base file, and the rest to the policy', async () => {
    const dir = folder({ '.ospo/base.yaml': base, '.ospo/policy.yaml': child });
    const r = await render(dir, ['render']);
    assert.equal(r.code, 0, r.err);
    assert.equal(linkOf(r.out, 'md', 'GPL-*', '.ospo/base.yaml'), 3);
    assert.equal(linkOf(r.out, 'md', 'AGPL-3.0-only'), 7);
    assert.equal(linkOf(r.out, 'md', 'vendor/**', '.ospo/base.yaml'), 5);
    assert.equal(linkOf(r.out, 'md', 'copyright-year', '.ospo/base.yaml'), 7);
    assert.match(r.out, /^- Exception `BASE-1` silences the findings of `license-denied`\. \(\[\.ospo\/base\.yaml:9\]/m);
    assert.match(r.out, /^- Exception `LOCAL-1` silences the findings of `license-denied`\. \(\[\.ospo\/policy\.yaml:9\]/m);
    assert.equal(linkOf(r.out, 'md', 'base.yaml'), 2, 'the extends entry');
    // Each exception's approver, date, ticket and status on the day given.
    assert.match(r.out, /Approved by `Legal <legal@example\.com>` on 2026-01-10; record: `https:\/\/tracker\.example\.com\/BASE-1`\./);
    assert.match(r.out, /In force until 2026-06-20: it expires within 19 days\. \(\[\.ospo\/base\.yaml:15\]/);
    assert.match(r.out, /Expired: it was in force until 2026-03-01, and its findings are reported again\. \(\[\.ospo\/policy\.yaml:15\]/);
    assert.match(r.out, /Reason: Replaced by June \(\[\.ospo\/policy\.yaml:16\]/);
    assert.match(r.out, /`Jane Doe <jane@example\.com>` approved the exceptions `LOCAL-1`\. \(\[\.ospo\/policy\.yaml:12\]/);
  });

  it('links relative to the folder of --out', async () => {
    const dir = folder({ '.ospo/base.yaml': base, '.ospo/policy.yaml': child });
    const r = await render(dir, ['render', '--out', 'docs/POLICY.md', '--format', 'md']);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, '');
    const doc = fs.readFileSync(path.join(dir, 'docs/POLICY.md'), 'utf8');
    assert.match(doc, /\(<\.\.\/\.ospo\/base\.yaml#L3>\)/);
    assert.match(doc, /\(<\.\.\/\.ospo\/policy\.yaml#L7>\)/);
  });
});

describe('ospo policy render: hostile values', () => {
  const hostile = `version: 1
policy:
  title: "Policy <script>alert(1)</script> *x* [t](javascript:alert(1))"
headers:
  copyright:
    holder: "Evil <script>alert(1)</script> \`x\` ](javascript:alert(2))"
exceptions:
  - id: "X\`\`](javascript:alert(3))"
    rules: [license-denied]
    paths: ["<img src=x onerror=alert(4)>/**"]
    approver: "<b>boss</b> [me](javascript:alert(5))"
    date: 2026-01-01
    ref: "javascript:alert(6)"
    reason: "*bold* _em_ <script>alert(7)</script> ](javascript:alert(8)) ![i](x.png) &amp; line
      two"
`;

  it('escapes them in Markdown: no link, image or HTML comes from the policy', async () => {
    const dir = folder({ '.ospo/policy.yaml': hostile });
    const r = await render(dir, ['render']);
    assert.equal(r.code, 0, r.err);
    const html = new MarkdownIt({ html: true, linkify: true }).render(r.out);
    assert.doesNotMatch(html, /<script|<img|<b>|javascript:[^<]*"|href="javascript/i);
    assert.doesNotMatch(html, /<em>|<strong>/, 'no emphasis from the policy text');
    // Every link goes to the policy file.
    for (const [, href] of html.matchAll(/href="([^"]*)"/g)) assert.match(href, /^\.ospo\/policy\.yaml(#L\d+)?$/);
    // The values are still there to read.
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(
      r.out,
      /Reason: \\\*bold\\\* \\_em\\_ \\<script\\>alert\(7\)\\<\/script\\> \\\]\(javascript:alert\(8\)\) !\\\[i\\\]\(x\.png\) \\&amp; line two/,
    );
  });

  it('escapes them in HTML, and the page loads nothing', async () => {
    const dir = folder({ '.ospo/policy.yaml': hostile });
    const r = await render(dir, ['render', '--format', 'html', '--lang', 'ja']);
    assert.equal(r.code, 0, r.err);
    assert.doesNotMatch(r.out, /<script|<img|<b>|href="javascript/i);
    assert.match(r.out, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(r.out, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
    assert.match(r.out, /<html lang="ja">/);
    assert.doesNotMatch(r.out, /\b(src|href)="https?:/, 'no request of any kind');
  });
});

describe('ospo policy: usage', () => {
  it('says what is wrong and exits 2', async () => {
    const dir = folder({ '.ospo/policy.yaml': 'version: 1\n' });
    const cases: [string[], RegExp][] = [
      [[], /policy needs a command: render/],
      [['rendr'], /Unknown policy command 'rendr'\. Did you mean 'render'\?/],
      [['render', '--format', 'pdf'], /Unknown --format 'pdf': use md or html/],
      [['render', '--lang', 'fr'], /Unknown --lang 'fr': use en or ja/],
      [['render', '--formt', 'md'], /--format/],
      [['render', 'a', 'b'], /takes one folder/],
      [['render', 'missing'], /No such folder: missing/],
      [['render', '.ospo/policy.yaml'], /Not a folder/],
    ];
    for (const [args, expected] of cases) {
      const r = await render(dir, args);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.out, '');
      assert.match(r.err, expected, args.join(' '));
      assert.match(r.err, /^ospo policy: /, `${args.join(' ')}: named as ospo report: and ospo sbom: name theirs`);
    }
  });

  it('takes --lang as --locale takes a language, and defaults to the CLI language', async () => {
    const dir = folder({ '.ospo/policy.yaml': 'version: 1\n' });
    assert.match((await render(dir, ['render', '--lang', 'ja_JP.UTF-8'])).out, /目的と適用範囲/);
    setLocale('ja');
    assert.match((await render(dir, ['render'])).out, /目的と適用範囲/);
    assert.match((await render(dir, ['render', '--lang', 'en'])).out, /Purpose and scope/);
  });

  it('prints a broken policy located, as ospo check does, and exits 2', async () => {
    const dir = folder({ '.ospo/policy.yaml': 'version: 1\nlicenses:\n  deny: [NOT-A-LICENSE]\n' });
    const r = await render(dir, ['render']);
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.match(r.err, /^ospo policy: \.ospo\/policy\.yaml:3:10: Unknown SPDX license id 'NOT-A-LICENSE'/m);
  });

  it('renders the built-in default where there is no policy', async () => {
    const dir = folder({ 'a.txt': 'x\n' });
    const r = await render(dir, ['render']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /No policy file was found/);
    assert.doesNotMatch(r.out, /#L\d/);
  });
});

/** The document's line that matches `pattern`, and the line of `file` it links to (0 when unlinked). */
function statement(doc: string, pattern: RegExp, file = '.ospo/policy.yaml'): { line: string; at: number } {
  const line = doc.split('\n').find((l) => pattern.test(l));
  assert.ok(line, `a statement matches ${pattern}`);
  return { line, at: Number(new RegExp(`${file.replace(/[.*]/g, '\\$&')}#L(\\d+)`).exec(line)?.[1] ?? 0) };
}

describe('ospo policy render: allowOverride and the bases', () => {
  const loosens = /A policy that extends this one may loosen it/;

  it('says the policies that extend this one may loosen it only when this file says allowOverride: true, linked to that line', async () => {
    const off = folder({
      '.ospo/base.yaml': 'version: 1\nallowOverride: true\n',
      '.ospo/policy.yaml': 'version: 1\nextends: [base.yaml]\nallowOverride: false\n',
    });
    assert.doesNotMatch(
      (await render(off, ['render'])).out,
      loosens,
      'false says nothing, and the base’s true is about this policy, not about those that extend it',
    );
    const unset = folder({ '.ospo/base.yaml': 'version: 1\nallowOverride: true\n', '.ospo/policy.yaml': 'version: 1\nextends: [base.yaml]\n' });
    assert.doesNotMatch((await render(unset, ['render'])).out, loosens);
    const on = folder({ '.ospo/policy.yaml': 'version: 1\nlicenses:\n  deny: [GPL-3.0-only]\nallowOverride: true\n' });
    const r = await render(on, ['render']);
    assert.equal(statement(r.out, loosens).at, 4);
  });

  it('says by the base’s own allowOverride whether this policy may loosen it (merge.ts)', async () => {
    const strict = folder({ '.ospo/base.yaml': 'version: 1\n', '.ospo/policy.yaml': 'version: 1\nextends: [base.yaml]\nallowOverride: true\n' });
    const s = await render(strict, ['render']);
    assert.equal(statement(s.out, /^- This policy builds on `base\.yaml`: it may tighten that policy but never loosen it\./).at, 2);
    const open = folder({ '.ospo/base.yaml': 'version: 1\nallowOverride: true\n', '.ospo/policy.yaml': 'version: 1\nextends: [base.yaml]\n' });
    const o = await render(open, ['render']);
    assert.doesNotMatch(o.out, /never loosen/);
    assert.equal(statement(o.out, /^- This policy builds on `base\.yaml`, which lets it loosen that policy as well as tighten it/).at, 2);
    const ja = await render(open, ['render', '--lang', 'ja']);
    assert.match(ja.out, /^- このポリシーは `base\.yaml` に基づきます。ベースポリシーは緩めることも認めている/m);
    assert.match((await render(strict, ['render', '--lang', 'ja'])).out, /ベースポリシーを厳しくすることはできますが、緩めることはできません。/);
  });

  it('links the file-marker form to the text whose ai.mode won the merge', async () => {
    // The base's review is stricter than the policy's disclose: the merged mode, and what it makes of file-marker, are the base's.
    const dir = folder({
      '.ospo/base.yaml': 'version: 1\nai:\n  mode: review\n',
      '.ospo/policy.yaml': 'version: 1\nextends: [base.yaml]\nai:\n  mode: disclose\n',
    });
    const r = await render(dir, ['render']);
    assert.equal(r.code, 0, r.err);
    assert.equal(statement(r.out, /^- AI mode `review`/, '.ospo/base.yaml').at, 3);
    assert.equal(statement(r.out, /`file-marker`/, '.ospo/base.yaml').at, 3, 'file-marker, from the base’s ai.mode line');
  });
});

describe('ospo policy render: each statement says what the engine does', () => {
  it('headers.required: the license, not the copyright (headers.copyright.required says that)', async () => {
    const dir = folder({ '.ospo/policy.yaml': 'version: 1\nheaders:\n  required: true\n  copyright:\n    required: false\n' });
    const r = await render(dir, ['render']);
    assert.equal(statement(r.out, /^- Every checked file carries its license as REUSE 3\.3 defines it: SPDX-License-Identifier in its header/).at, 3);
    assert.doesNotMatch(r.out, /license and copyright|SPDX-FileCopyrightText and/);
    assert.match(r.out, /^- A copyright notice is not required\./m);
    assert.doesNotMatch((await render(dir, ['render', '--lang', 'ja'])).out, /ライセンスと著作権表示を持ちます/);
  });

  it('ai review mode: the approval is a required field, as ai-marker-incomplete requires it', async () => {
    const dir = folder({ '.ospo/policy.yaml': 'version: 1\nai:\n  mode: review\n  requiredFields: [role, reviewed-by]\n' });
    const r = await render(dir, ['render']);
    assert.match(r.out, /^- Each disclosure gives: `role`, `reviewed-by`\./m);
    assert.equal(statement(r.out, /^- In mode `review` a disclosure also needs its approval: `approval`, written AI-Approval\./).at, 3);
    const listed = folder({ '.ospo/policy.yaml': 'version: 1\nai:\n  mode: review\n  requiredFields: [role, approval]\n' });
    assert.doesNotMatch((await render(listed, ['render'])).out, /also needs its approval/, 'said once when the policy lists it');
    const disclose = folder({ '.ospo/policy.yaml': 'version: 1\nai:\n  mode: disclose\n' });
    assert.doesNotMatch((await render(disclose, ['render'])).out, /needs its approval/);
  });

  it('ai allow mode: no required fields and no reviewer rules, since those rules check nothing then', async () => {
    const policy =
      'version: 1\nai:\n  mode: allow\n  requiredFields: [role, reviewed-by]\n  reviewer:\n    forbidBots: true\n    pattern: ".*@example\\\\.com>"\n';
    for (const mode of ['allow', 'forbid']) {
      const dir = folder({ '.ospo/policy.yaml': policy.replace('mode: allow', `mode: ${mode}`) });
      const r = await render(dir, ['render']);
      assert.equal(r.code, 0, r.err);
      assert.doesNotMatch(r.out, /Each disclosure gives|bot account|reviewed by a person|Anyone may review/, mode);
    }
    const disclose = folder({ '.ospo/policy.yaml': policy.replace('mode: allow', 'mode: disclose') });
    const d = (await render(disclose, ['render'])).out;
    assert.match(d, /^- Each disclosure gives: `role`, `reviewed-by`\./m);
    assert.match(d, /^- A bot account cannot be the reviewer/m);
  });

  it('third-party: our header there is reported only when the policy names our holder (third-party-header)', async () => {
    const without = folder({ '.ospo/policy.yaml': 'version: 1\nfiles:\n  thirdParty: [vendor/**]\n' });
    const w = await render(without, ['render']);
    assert.match(w.out, /^- Code from elsewhere, which keeps its own notices: `vendor\/\*\*`\. It still needs license information\. \(/m);
    assert.doesNotMatch(w.out, /is reported: it keeps|adding our header/);
    assert.doesNotMatch((await render(without, ['render', '--lang', 'ja'])).out, /自組織のヘッダーを追加すると報告|自組織の著作権表示があると報告/);
    const withHolder = folder({ '.ospo/policy.yaml': 'version: 1\nfiles:\n  thirdParty: [vendor/**]\nheaders:\n  copyright:\n    holder: Example Corp\n' });
    const h = await render(withHolder, ['render']);
    assert.equal(statement(h.out, /^- Our copyright notice on third-party code is reported/).at, 6);
  });

  it('maxLine counts below the prologue; the project license falls back to NOASSERTION', async () => {
    const dir = folder({ '.ospo/policy.yaml': 'version: 1\nheaders:\n  maxLine: 5\n' });
    const r = await render(dir, ['render']);
    assert.equal(statement(r.out, /^- The header ends within 5 lines below the prologue \(a shebang, an encoding line, front matter\)\./).at, 3);
    assert.doesNotMatch(r.out, /first 5 lines/);
    assert.match(r.out, /^- The policy names no project license: .* or in package\.json, else NOASSERTION\. \(default\)$/m);
    const ja = await render(dir, ['render', '--lang', 'ja']);
    assert.match(ja.out, /プロローグ（シバン行、エンコーディング宣言、フロントマター）の後の 5 行以内/);
    assert.match(ja.out, /どちらもなければ NOASSERTION を挿入します。/);
  });
});

describe('ospo policy render: the exceptions’ dates and the Japanese', () => {
  const policy = (expires: string) => `version: 1
extends: [ospo:kernel]
exceptions:
  - id: E-1
    rule: license-denied
    paths: [a/**]
    approver: A
    date: 2026-01-01
    ref: T-1
    expires: ${expires}
`;

  it('an exception whose last day is today expires today; tomorrow, tomorrow', async () => {
    const today = folder({ '.ospo/policy.yaml': policy('2026-06-01') });
    const en = await render(today, ['render']);
    assert.match(en.out, /^ {2}- In force until 2026-06-01: it expires today\. \(/m);
    assert.doesNotMatch(en.out, /within 0 days/);
    const ja = await render(today, ['render', '--lang', 'ja']);
    assert.match(ja.out, /有効期限: 2026-06-01（本日で失効します）。/);
    assert.doesNotMatch(ja.out, /0 日以内/);
    const tomorrow = folder({ '.ospo/policy.yaml': policy('2026-06-02') });
    assert.match((await render(tomorrow, ['render'])).out, /In force until 2026-06-02: it expires tomorrow\./);
    assert.match((await render(tomorrow, ['render', '--lang', 'ja'])).out, /（明日で失効します）/);
    const later = folder({ '.ospo/policy.yaml': policy('2026-06-11') });
    assert.match((await render(later, ['render'])).out, /it expires within 10 days\./);
  });

  it('Japanese: ベースポリシー, レビュー throughout, and the preset’s origin joined with 、', async () => {
    const dir = folder({ '.ospo/policy.yaml': policy('2027-01-01') });
    const ja = await render(dir, ['render', '--lang', 'ja']);
    assert.equal(ja.code, 0, ja.err);
    assert.doesNotMatch(ja.out, /基のポリシー|審査/);
    assert.match(ja.out, /^## 3\. ライセンスのレビューと承認$/m);
    assert.match(ja.out, /（プリセット ospo:kernel、\[\.ospo\/policy\.yaml:2\]/);
    assert.doesNotMatch(ja.out, /ospo:kernel, /);
    const html = await render(dir, ['render', '--lang', 'ja', '--format', 'html']);
    assert.match(html.out, /プリセット ospo:kernel、<a href/);
    assert.match((await render(dir, ['render'])).out, /\(preset ospo:kernel, \[\.ospo\/policy\.yaml:2\]/);
  });
});

describe('ospo policy render: links and the page', () => {
  it('the HTML page has no script, and its CSP allows none', async () => {
    const dir = folder({ '.ospo/policy.yaml': 'version: 1\n' });
    const r = await render(dir, ['render', '--format', 'html']);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(r.out)?.[1];
    assert.equal(csp, "default-src 'none'; style-src 'unsafe-inline'");
    assert.doesNotMatch(r.out, /<script/);
  });

  it('links only what safeLink takes: no //host, no control characters, no scheme but http(s)', async () => {
    const dir = folder({ '.ospo/policy.yaml': 'version: 1\nlicenses:\n  deny: [GPL-3.0-only]\n' });
    const { policy, sources } = await readPolicy(dir, undefined, { allowFetch: false });
    const doc = policyDocument(policy!, sources ?? [], { lang: 'en', today: '2026-06-01' });
    for (const href of ['//evil.example/x', '\\\\evil.example\\x', 'java\tscript:alert(1)', ' javascript:alert(1)', 'data:text/html,x', 'https:///x']) {
      const html = renderHtml(doc, () => ({ label: 'policy', href }));
      assert.doesNotMatch(html, /<a /, JSON.stringify(href));
    }
    assert.match(
      renderHtml(doc, (_, line) => ({ label: 'p', href: `.ospo/policy.yaml${line ? `#L${line}` : ''}` })),
      /<a href="\.ospo\/policy\.yaml#L3">/,
    );
  });

  it('Markdown: a bare URL, www., an e-mail address or a domain in policy text becomes no link (GFM autolinks, linkify)', async () => {
    const words = [
      'https://example.com/x,',
      'http://example.com',
      'www.example.org',
      'ftp://files.example.net/a',
      'legal@example.com',
      '<jane@example.com>',
      'mailto:a@b.co',
      'xmpp:x@y.org',
      'example.com/path',
      'foo.example.io',
      '//cdn.example.net/a',
      '(www.example.org)',
    ];
    const dir = folder({
      '.ospo/policy.yaml': `version: 1
policy:
  title: "Policy of www.example.org, see https://example.org/policy"
exceptions:
  - id: E-1
    rule: license-denied
    paths: [a/**]
    approver: A
    date: 2026-01-01
    ref: T-1
    reason: "See ${words.join(' and ')} e.g. i.e. REUSE.toml package.json x.png"
`,
    });
    const r = await render(dir, ['render']);
    assert.equal(r.code, 0, r.err);
    const html = new MarkdownIt({ html: false, linkify: true }).render(r.out);
    for (const [, href] of html.matchAll(/href="([^"]*)"/g)) assert.match(href, /^\.ospo\/policy\.yaml(#L\d+)?$/, href);
    // Each is shown as code, and kept to read; plain words stay text.
    for (const w of words) assert.ok(r.out.includes('`' + w + '`'), w);
    assert.match(r.out, /^# Policy of `www\.example\.org,` see `https:\/\/example\.org\/policy`$/m);
    assert.match(r.out, / e\.g\. i\.e\. REUSE\.toml package\.json x\.png \(/);
  });
});
