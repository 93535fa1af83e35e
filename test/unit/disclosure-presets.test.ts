// Each AI-disclosure preset against its fixture commit logs (test/unit/fixtures/disclosure-presets/):
// every message of the pass log is clean, every message of the fail log is reported, and the quick
// fixes turn each failing message into one the preset accepts, when the preset offers fixes.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCommitMessage, commitFixAll } from '../../server/src/engine/ai/commit-rule';
import { toPolicy, type Policy } from '../../server/src/engine/policy/model';
import { parsePolicy } from '../../server/src/engine/policy/parse';
import { presetNames, starterPolicy, type TemplateName } from '../../server/src/engine/policy/templates';
import { applyEdits } from '../../server/src/engine/text';
import { loadPolicyText } from '../../server/src/io/policy-source';

const fixtures = join(__dirname, '../../../test/unit/fixtures/disclosure-presets');
const presets: TemplateName[] = ['kernel', 'kubernetes', 'asf', 'openinfra', 'ai-forbid'];

export function commitLog(preset: string, kind: 'pass' | 'fail'): string[] {
  return readFileSync(join(fixtures, `${preset}.${kind}.log`), 'utf8')
    .split(/^%%\n/m)
    .map((m) => m.replace(/\n*$/, '\n'));
}

function starter(name: TemplateName): Policy {
  const parsed = parsePolicy(starterPolicy(name, { holder: 'Example Corp', year: 2026 }));
  assert.deepEqual(parsed.problems, []);
  return toPolicy(parsed.raw!, name);
}

async function extending(name: TemplateName): Promise<Policy> {
  const loaded = await loadPolicyText('/repo/.ospo/policy.yaml', `version: 1\nextends: ["ospo:${name}"]\n`, { allowFetch: false });
  assert.deepEqual(loaded.problems, []);
  return loaded.policy!;
}

describe('AI-disclosure presets', () => {
  it('every preset named by the issue is one', () => {
    for (const p of presets) assert.ok(presetNames.includes(p), p);
  });

  for (const name of presets) {
    describe(name, () => {
      for (const [how, load] of [
        ['ospo init --template', async () => starter(name)],
        ['extends: ospo:NAME', () => extending(name)],
      ] as const) {
        it(`${how}: the pass log is clean`, async () => {
          const policy = await load();
          for (const msg of commitLog(name, 'pass')) assert.deepEqual(checkCommitMessage(msg, policy, { committed: true }), [], msg);
        });
        it(`${how}: every message of the fail log is reported`, async () => {
          const policy = await load();
          for (const msg of commitLog(name, 'fail')) assert.ok(checkCommitMessage(msg, policy, { committed: true }).length > 0, msg);
        });
      }
      it('the fixes make each failing message pass, and change nothing the second time', async () => {
        const policy = await extending(name);
        for (const msg of commitLog(name, 'fail')) {
          let text = msg;
          // Overlapping fixes on one line are done one run at a time.
          for (let i = 0; i < 3; i++) text = applyEdits(text, commitFixAll(text, policy));
          if (name === 'ai-forbid') {
            assert.equal(text, msg, 'no fix hides forbidden AI help');
            continue;
          }
          assert.deepEqual(checkCommitMessage(text, policy, { committed: true }), [], `${msg}→\n${text}`);
          assert.equal(applyEdits(text, commitFixAll(text, policy)), text);
        }
      });
    });
  }

  it('the kernel preset rewrites tool defaults into its own form', async () => {
    const policy = await extending('kernel');
    const [first] = commitLog('kernel', 'fail');
    assert.equal(
      applyEdits(first, commitFixAll(first, policy)),
      'mm: fix off-by-one in page walker\n\nAssisted-by: Claude:claude-opus-4.5\nSigned-off-by: Jane Doe <jane@example.org>\n',
    );
  });

  it('an unknown preset is a located error on its extends entry', async () => {
    const loaded = await loadPolicyText('/repo/.ospo/policy.yaml', 'version: 1\nextends: ["ospo:linux"]\n', { allowFetch: false });
    assert.equal(loaded.problems.length, 1);
    assert.equal(loaded.problems[0].line, 1);
    assert.match(loaded.problems[0].message, /no such preset: use ospo:ai-disclose|no such preset: use ospo:kernel/);
  });
});
