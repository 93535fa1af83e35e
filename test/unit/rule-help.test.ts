// server/src/cli/rule-help.ts is generated from docs/rules/*.md by scripts/rule-help.mjs (the CLI bundle
// does not ship docs/). This fails when a rule page changed and the module was not regenerated.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleIds } from '../../server/src/engine/rules';
import { ruleHelp } from '../../server/src/cli/rule-help';

const repo = path.resolve(__dirname, '../../..');
const script = path.join(repo, 'scripts/rule-help.mjs');
const generated = path.join(repo, 'server/src/cli/rule-help.ts');

describe('rule help (server/src/cli/rule-help.ts)', () => {
  it('is up to date with docs/rules/*.md: run `node scripts/rule-help.mjs` after editing a rule page', async () => {
    const { render } = (await import(pathToFileURL(script).href)) as { render: () => string };
    assert.equal(fs.readFileSync(generated, 'utf8'), render());
    const check = spawnSync(process.execPath, [script, '--check'], { cwd: repo, encoding: 'utf8' });
    assert.equal(check.status, 0, check.stderr);
  });

  it('has one entry per rule page, and a page for every rule', () => {
    const pages = fs.readdirSync(path.join(repo, 'docs/rules')).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)).sort();
    assert.deepEqual(Object.keys(ruleHelp).sort(), pages);
    for (const id of ruleIds) assert.ok(ruleHelp[id], `docs/rules/${id}.md`);
  });

  it("takes the first paragraph of prose, below the title and the severity line", () => {
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
