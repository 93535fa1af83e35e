// scripts/rule-help.mjs writes what derives from the rule registry and the rule pages: server/src/cli/rule-help.ts
// (the CLI bundle does not ship docs/), docs/rules/README.md and the policy schema's severity keys. This
// fails when a rule or a page changed and they were not regenerated.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultSeverity, ruleIds, rules, type Rule } from '../../server/src/engine/rules';
import { ruleHelp } from '../../server/src/cli/rule-help';

const repo = path.resolve(__dirname, '../../..');
const script = path.join(repo, 'scripts/rule-help.mjs');
const generated = path.join(repo, 'server/src/cli/rule-help.ts');

interface Generator {
  render: () => string;
  renderIndex: () => string;
  renderSchema: (metas?: { id: string }[], text?: string) => string;
  loadRules: () => { id: string }[];
  renderRuleList: (current?: string) => string;
  outputs: () => [string, string][];
}
const generator = async () => (await import(pathToFileURL(script).href)) as Generator;

describe('rule help (server/src/cli/rule-help.ts), the rules index and the schema keys', () => {
  it('are up to date with the registry and docs/rules/*.md: run `node scripts/rule-help.mjs` after editing a rule or its page', async () => {
    const { render, outputs } = await generator();
    assert.equal(fs.readFileSync(generated, 'utf8'), render());
    for (const [file, text] of outputs()) assert.equal(fs.readFileSync(file, 'utf8'), text, file);
    const check = spawnSync(process.execPath, [script, '--check'], { cwd: repo, encoding: 'utf8' });
    assert.equal(check.status, 0, check.stderr);
  });

  it('lists the rule modules in rules/all.ts: the listed ones keep their order, a new one goes last', async () => {
    const { renderRuleList } = await generator();
    const listed = (text: string) => [...text.matchAll(/^import \w+ from '\.\/([\w-]+)';$/gm)].map((m) => m[1]);
    const all = listed(renderRuleList());
    assert.ok(!all.includes('valid-licenses') && !all.includes('rule') && !all.includes('index'), 'helpers are no rules');
    assert.deepEqual(all, [...ruleIds], 'the registry is the list');
    const withoutFirst = renderRuleList(
      all
        .slice(1)
        .map((id) => `import x from './${id}';`)
        .join('\n'),
    );
    assert.deepEqual(listed(withoutFirst), [...all.slice(1), all[0]], 'a module not listed yet is appended');
    const reversed = renderRuleList(
      [...all]
        .reverse()
        .map((id) => `import x from './${id}';`)
        .join('\n'),
    );
    assert.deepEqual(listed(reversed), [...all].reverse(), 'the order of the list is kept');
  });

  it('reads the rules from the registry, in its order', async () => {
    assert.deepEqual(
      (await generator()).loadRules().map((m) => m.id),
      [...ruleIds],
    );
  });

  it('the index lists every rule with its scope, default severity and fixable, and links policy-invalid', async () => {
    const index = (await generator()).renderIndex();
    for (const { meta } of rules as readonly Rule[]) {
      assert.ok(index.includes(`| [${meta.id}](${meta.id}.md) | ${meta.scope} | ${meta.defaultSeverity} | ${meta.fixable || 'no'} |`), meta.id);
    }
    assert.match(index, /\[policy-invalid\]\(policy-invalid\.md\)/);
  });

  it('the schema keys follow the registry: a rule added there is a key, a stale key goes', async () => {
    const { renderSchema } = await generator();
    const schemaFile = path.join(repo, 'server/src/engine/policy/policy.schema.json');
    const keys = (text: string) => JSON.parse(text).definitions.severityTable.propertyNames.enum as string[];
    const text = fs.readFileSync(schemaFile, 'utf8');
    assert.deepEqual(keys(renderSchema([{ id: 'a-rule' }, { id: 'another-rule' }], text)), ['a-rule', 'another-rule']);
    const stale = text.replace('"reuse-invalid", ', '');
    assert.notEqual(stale, text);
    assert.deepEqual(keys(renderSchema(undefined, stale)), [...ruleIds]);
    assert.equal(renderSchema(undefined, stale), text, 'nothing else of the schema changes');
  });

  it("each page's severity line starts with the rule's default severity", () => {
    for (const id of ruleIds) {
      const doc = fs.readFileSync(path.join(repo, `docs/rules/${id}.md`), 'utf8');
      assert.match(doc, new RegExp(`^\\*\\*Default severity:\\*\\* ${defaultSeverity[id]}\\b`, 'm'), id);
    }
  });

  it('has one entry per rule page, and a page for every rule', () => {
    const pages = fs
      .readdirSync(path.join(repo, 'docs/rules'))
      .filter((f) => f.endsWith('.md') && f !== 'README.md')
      .map((f) => f.slice(0, -3))
      .sort();
    assert.deepEqual(Object.keys(ruleHelp).sort(), pages);
    for (const id of ruleIds) assert.ok(ruleHelp[id], `docs/rules/${id}.md`);
  });

  it('takes the first paragraph of prose, below the title and the severity line', () => {
    const doc = fs.readFileSync(path.join(repo, 'docs/rules/spdx-deprecated.md'), 'utf8');
    const help = ruleHelp['spdx-deprecated'];
    assert.equal(help.summary, 'The expression uses an id that SPDX has deprecated.');
    assert.ok(help.markdown.startsWith('The expression uses an id that SPDX has deprecated. `GPL-2.0` becomes `GPL-2.0-only`'));
    assert.ok(help.text.startsWith('The expression uses an id that SPDX has deprecated. GPL-2.0 becomes GPL-2.0-only'), 'plain text: no backticks');
    assert.equal(help.page, doc.slice(doc.indexOf('\n') + 1).trim() + '\n');
    for (const [id, h] of Object.entries(ruleHelp)) {
      assert.doesNotMatch(h.text, /`|\*\*|\]\(/, `${id}: plain text`);
      assert.doesNotMatch(h.markdown, /\n|Default severity/, `${id}: one paragraph, not the severity line`);
      assert.ok(h.text.startsWith(h.summary.slice(0, -1)), `${id}: the summary is the first sentence`);
    }
  });

  it('notices a changed page', async () => {
    const { helpFor } = (await import(pathToFileURL(script).href)) as { helpFor: (id: string, md: string) => { text: string } };
    const doc = fs.readFileSync(path.join(repo, 'docs/rules/header-missing.md'), 'utf8');
    assert.equal(helpFor('header-missing', doc).text, ruleHelp['header-missing'].text);
    assert.notEqual(helpFor('header-missing', doc.replace('A covered file', 'A checked file')).text, ruleHelp['header-missing'].text);
  });
});
