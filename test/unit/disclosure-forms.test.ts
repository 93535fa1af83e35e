import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCommitMessage, commitFixAll, commitFixTitle } from '../../server/src/engine/ai/commit-rule';
import {
  DisclosureAction,
  disclosureFormIds,
  disclosureForms,
  disclosureRules,
  generatedWithAgent,
  type DisclosureFormId,
} from '../../server/src/engine/ai/disclosure-forms';
import { mergePolicies } from '../../server/src/engine/policy/merge';
import { parsePolicy } from '../../server/src/engine/policy/parse';
import { presetBase } from '../../server/src/engine/policy/templates';
import { toPolicy, type Policy, type RawPolicy } from '../../server/src/engine/policy/model';
import { policyForPath } from '../../server/src/engine/policy/overrides';
import { applyEdits } from '../../server/src/engine/text';
import { trailerCompletion } from '../../server/src/engine/ai/trailer-completion';
import { parseAiTrailers, type AiHistory } from '../../server/src/engine/ai/history';
import { parseSourceFile } from '../../server/src/engine/source-file';
import { aiMarkerMissing, readsAiHistory } from '../../server/src/engine/rules/ai-marker-missing';
import { aiForbidden } from '../../server/src/engine/rules/ai-forbidden';
import { policyWith } from './helpers';

function policy(disclosure: Partial<Record<DisclosureFormId, DisclosureAction>>, edit?: (p: Policy) => void): Policy {
  return policyWith((p) => {
    p.ai.disclosure = disclosure;
    edit?.(p);
  });
}

/** What each tool writes today, one trailer (or line) per form of the catalogue. */
const toolDefaults: Record<string, string> = {
  'assisted-by': 'Assisted-by: Claude:claude-opus-4-5',
  'generated-by': 'Generated-by: GitHub Copilot',
  'ai-assisted-by': 'AI-Assisted-By: Cursor',
  'ai-key': 'AI-assistant: Claude Code v2.1.143 (Claude Sonnet 4.6)',
  'co-authored-by': 'Co-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>',
  'co-authored-by-ai': 'Co-authored-by-AI: Gemini CLI',
  'made-with': 'Made-with: Cursor',
  'generated-with': 'Generated-with: Aider',
  'signed-off-by': 'Signed-off-by: Codex <codex@openai.com>',
};

const message = (...trailers: string[]) => ['Fix Retry-After parsing', '', 'Dates were read as seconds.', '', ...trailers, ''].join('\n');
const fixed = (text: string, p: Policy) => applyEdits(text, commitFixAll(text, p));

describe('disclosure forms: the catalogue', () => {
  it('the policy schema names every form, with the actions the catalogue allows', () => {
    const schema = JSON.parse(readFileSync(join(__dirname, '../../../server/src/engine/policy/policy.schema.json'), 'utf8'));
    const props = schema.definitions.ai.properties.disclosure.properties;
    assert.deepEqual(Object.keys(props), [...disclosureFormIds]);
    for (const f of disclosureForms) assert.deepEqual(props[f.id].enum, [...f.actions], f.id);
  });

  it('every trailer form has a tool default here, and it is found as AI help', () => {
    const trailerForms = disclosureForms.filter((f) => f.where === 'trailer').map((f) => f.id);
    assert.deepEqual(Object.keys(toolDefaults).sort(), [...trailerForms].sort());
    for (const id of trailerForms) {
      const p = policy({ [id]: 'forbid' });
      const findings = checkCommitMessage(message(toolDefaults[id]), p);
      assert.equal(findings.length, 1, `${id}: ${JSON.stringify(findings)}`);
    }
  });

  describe("a tool's own line", () => {
    const yes = [
      '🤖 Generated with [Claude Code](https://claude.com/claude-code)',
      '🤖 Generated with [Claude Code](https://claude.ai/code)',
      '🤖 Generated with Claude Code',
      'Generated with [Cursor](https://cursor.com)',
      '  Created with [GitHub Copilot](https://github.com/features/copilot).',
    ];
    // Without the link or the robot, the same words may be a person's sentence.
    const no = [
      'Generated with protoc 3.21',
      'Generated with Claude Code',
      'Written by Devin',
      'The parser was generated with Claude Code and then reviewed by hand.',
      'Generated with [Claude Code](https://claude.com/claude-code) and then fixed by hand',
      'Generated with Jules Verne in mind',
    ];
    for (const line of yes) it(`is: ${line}`, () => assert.ok(generatedWithAgent(line), line));
    for (const line of no) it(`is not: ${line}`, () => assert.equal(generatedWithAgent(line), undefined, line));
    it('a comment line of the message editor, or the subject, is no evidence', () => {
      const p = policy({ 'generated-with-line': 'forbid' });
      assert.deepEqual(checkCommitMessage(message(yes[0]).replace('🤖', '# 🤖'), p), []);
      assert.deepEqual(checkCommitMessage(`${yes[0]}\n\nSigned-off-by: Alice <alice@example.com>\n`, p), []);
    });
    it('a long line is never run through the pattern (a commit message is hostile input)', () => {
      const line = 'Generated with Claude' + ' \t'.repeat(100_000) + '.x';
      const started = process.hrtime.bigint();
      assert.equal(generatedWithAgent(line), undefined);
      assert.ok(Number(process.hrtime.bigint() - started) / 1e6 < 50);
    });
  });
});

describe('disclosure forms: what the policy says', () => {
  it('by default every form tools write today passes, and an AI in Signed-off-by does not', () => {
    for (const [id, trailer] of Object.entries(toolDefaults)) {
      const findings = checkCommitMessage(message(trailer), policy({}));
      assert.equal(findings.length, id === 'signed-off-by' ? 1 : 0, `${id}: ${JSON.stringify(findings)}`);
    }
    const claudeCode = message(
      '🤖 Generated with [Claude Code](https://claude.com/claude-code)',
      '',
      'Co-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>',
    );
    assert.deepEqual(checkCommitMessage(claudeCode, policy({})), []);
  });

  it('forbid: reported, and the fix removes the line; a second run changes nothing', () => {
    const p = policy({ 'co-authored-by': 'forbid' });
    const text = message('Co-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>', 'Signed-off-by: Jane Doe <jane@example.org>');
    const [f] = checkCommitMessage(text, p);
    assert.equal(f.says?.key, 'commit-ai-attribution.not-accepted');
    assert.equal(commitFixTitle(f), 'Remove this line');
    const once = fixed(text, p);
    assert.equal(once, message('Signed-off-by: Jane Doe <jane@example.org>'));
    assert.equal(fixed(once, p), once);
  });

  it('a person in Co-authored-by is never evidence', () => {
    const p = policy({ 'co-authored-by': 'forbid' });
    assert.deepEqual(checkCommitMessage(message('Co-authored-by: Claude Dupont <claude.dupont@example.org>'), p), []);
  });

  it("convert: a tool's default is rewritten into the required form", () => {
    const p = policy({ 'assisted-by': 'require', 'co-authored-by': 'convert', 'made-with': 'convert' });
    assert.equal(fixed(message(toolDefaults['co-authored-by']), p), message('Assisted-by: Claude:claude-opus-4.5'));
    assert.equal(fixed(message('Made-with: Cursor'), p), message('Assisted-by: Cursor'));
    // Already there for that agent: the tool's line goes.
    assert.equal(fixed(message('Assisted-by: Cursor', 'Made-with: Cursor'), p), message('Assisted-by: Cursor'));
  });

  it("convert: Claude Code's line goes when a trailer stays, and becomes the trailer when it is alone", () => {
    const p = policy({ 'assisted-by': 'require', 'co-authored-by': 'convert', 'generated-with-line': 'convert' });
    const both = message('🤖 Generated with [Claude Code](https://claude.com/claude-code)', '', 'Co-Authored-By: Claude <noreply@anthropic.com>');
    assert.equal(fixed(both, p), message('Assisted-by: Claude'));
    const alone = message('🤖 Generated with [Claude Code](https://claude.com/claude-code)');
    assert.equal(fixed(alone, p), message('Assisted-by: Claude Code'));
    // Above a trailer block that names no AI: the line moves into it, in one edit.
    const above = message('🤖 Generated with [Claude Code](https://claude.com/claude-code)', '', 'Signed-off-by: Jane Doe <jane@example.org>');
    const out = fixed(above, p);
    assert.equal(out, message('Signed-off-by: Jane Doe <jane@example.org>', 'Assisted-by: Claude Code'));
    assert.equal(fixed(out, p), out);
  });

  it('CRLF and a missing final newline are kept by every fix', () => {
    const p = policy({ 'assisted-by': 'require', 'co-authored-by': 'convert', 'generated-with-line': 'convert', 'made-with': 'forbid' });
    const lines = [
      'Subject',
      '',
      'Body.',
      '',
      '🤖 Generated with [Claude Code](https://claude.com/claude-code)',
      '',
      'Signed-off-by: Jane Doe <jane@example.org>',
      'Made-with: Cursor',
    ];
    const text = lines.join('\r\n');
    const out = fixed(fixed(text, p), p);
    // The tool's line becomes Claude Code's trailer, and the forbidden Made-with Cursor's: each agent keeps its disclosure.
    assert.equal(
      out,
      ['Subject', '', 'Body.', '', 'Signed-off-by: Jane Doe <jane@example.org>', 'Assisted-by: Cursor', 'Assisted-by: Claude Code'].join('\r\n'),
    );
    assert.equal(fixed(out, p), out);
  });

  it('require: a message that discloses AI help only in another form gets the required trailer added', () => {
    const p = policy({ 'generated-by': 'require' });
    const text = message('Made-with: Cursor', 'Signed-off-by: Jane Doe <jane@example.org>');
    const [f] = checkCommitMessage(text, p);
    assert.equal(f.says?.key, 'commit-ai-attribution.required');
    assert.equal(commitFixTitle(f), "Add 'Generated-by: Cursor'");
    const out = fixed(text, p);
    assert.equal(out, message('Made-with: Cursor', 'Signed-off-by: Jane Doe <jane@example.org>', 'Generated-by: Cursor'));
    assert.deepEqual(checkCommitMessage(out, p), []);
    // A message with no AI help needs nothing.
    assert.deepEqual(checkCommitMessage(message('Signed-off-by: Jane Doe <jane@example.org>'), p), []);
  });

  it('require: either of two required forms will do, and convert writes the first', () => {
    const p = policy({ 'generated-by': 'require', 'assisted-by': 'require', 'made-with': 'convert' });
    assert.deepEqual(checkCommitMessage(message('Assisted-by: Claude:claude-opus-4-5'), p), []);
    assert.deepEqual(checkCommitMessage(message('Generated-by: Claude'), p), []);
    assert.equal(fixed(message('Made-with: Cursor'), p), message('Generated-by: Cursor'));
  });

  it('ai.commitTrailers, the older setting, still means what it did', () => {
    const p = policyWith((x) => (x.ai.commitTrailers = ['Generated-by']));
    const rules = disclosureRules(p);
    assert.equal(rules.target, 'Generated-by');
    assert.equal(rules.action('generated-by'), 'allow');
    assert.equal(rules.action('made-with'), 'convert');
    assert.equal(rules.action('signed-off-by'), 'forbid');
    // An explicit setting wins over it.
    const explicit = policyWith((x) => {
      x.ai.commitTrailers = ['Generated-by'];
      x.ai.disclosure = { 'made-with': 'allow' };
    });
    assert.equal(disclosureRules(explicit).action('made-with'), 'allow');
  });

  it('ai.mode: forbid forbids every commit form, whatever ai.disclosure says', () => {
    const p = policy({ 'assisted-by': 'require' }, (x) => (x.ai.mode = 'forbid'));
    for (const id of disclosureFormIds.filter((i) => i !== 'file-marker')) assert.equal(disclosureRules(p).action(id), 'forbid', id);
    const [f] = checkCommitMessage(message('Assisted-by: Claude:claude-opus-4-5'), p);
    assert.equal(f.says?.key, 'commit-ai-attribution.forbidden');
    assert.equal(f.fix, undefined);
  });

  it('convert into a forbidden form is a forbid', () => {
    const p = policy({ 'assisted-by': 'forbid', 'made-with': 'convert' });
    const [f] = checkCommitMessage(message('Made-with: Cursor'), p);
    assert.equal(f.says?.key, 'commit-ai-attribution.not-accepted');
  });

  it('file-marker: the built-in default asks no file for AI tags; a stated ai.mode decides, and file-marker over it', () => {
    assert.equal(disclosureRules(policyWith()).action('file-marker'), 'allow');
    const rules = (mode: Policy['ai']['mode']) => disclosureRules(toPolicy({ ai: { mode } }, 'p')).action('file-marker');
    assert.deepEqual((['allow', 'disclose', 'review', 'forbid'] as const).map(rules), ['allow', 'require', 'require', 'forbid']);
    assert.equal(disclosureRules(toPolicy({ ai: { mode: 'disclose', disclosure: { 'file-marker': 'allow' } } }, 'p')).action('file-marker'), 'allow');
    // An override that states a mode decides for its paths.
    const p = toPolicy({ overrides: [{ paths: ['src/**'], ai: { mode: 'review' } }] }, 'p');
    assert.equal(disclosureRules(policyForPath(p, 'src/x.ts')).action('file-marker'), 'require');
    assert.equal(disclosureRules(policyForPath(p, 'docs/x.md')).action('file-marker'), 'allow');
  });

  it('extends: each form keeps the stricter of base and policy', () => {
    const merged = mergePolicies(
      { ai: { disclosure: { 'co-authored-by': 'forbid', 'assisted-by': 'require', 'made-with': 'allow' } } },
      { ai: { disclosure: { 'co-authored-by': 'allow', 'assisted-by': 'convert', 'made-with': 'convert', 'git-notes': 'require' } } },
    );
    assert.deepEqual(merged.ai?.disclosure, { 'co-authored-by': 'forbid', 'assisted-by': 'require', 'made-with': 'convert', 'git-notes': 'require' });
  });

  it('completion offers the required form first, and no forbidden form', () => {
    const text = 'Subject\n\nBody.\n\n';
    const offered = (p: Policy) => trailerCompletion(text, 4, p).map((c) => c.label);
    assert.deepEqual(offered(policy({})), ['Assisted-by']);
    assert.deepEqual(offered(policy({ 'generated-by': 'require' })), ['Generated-by']);
    assert.deepEqual(offered(policy({ 'assisted-by': 'forbid' })), []);
  });
});

describe('disclosure forms: AI tags in files (file-marker)', () => {
  const history: AiHistory = {
    commits: [{ hash: 'abc1234def5678abc1234def5678abc1234def56', subject: 'Add it', trailers: [{ key: 'Assisted-by', value: 'Claude:x', tool: 'Claude' }] }],
  };
  const plain = '// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: Apache-2.0\n\nexport const x = 1;\n';
  const tagged = plain.replace('\n\n', '\n// AI-Assisted-By: Claude Code:claude-opus-4-5\n\n');

  it('allow: a file the history shows as AI-assisted needs no tags, and the history is not read', () => {
    const p = policy({ 'file-marker': 'allow' });
    assert.deepEqual(aiMarkerMissing(parseSourceFile('src/x.ts', plain, p), p, { aiHistory: history, hasAiMarker: false }), []);
    assert.equal(readsAiHistory(p), false);
    assert.equal(readsAiHistory(policy({ 'file-marker': 'require' })), true);
  });

  it('require under ai.mode allow: the tags are asked for', () => {
    const p = policy({ 'file-marker': 'require' }, (x) => (x.ai.mode = 'allow'));
    assert.equal(aiMarkerMissing(parseSourceFile('src/x.ts', plain, p), p, { aiHistory: history, hasAiMarker: false }).length, 1);
  });

  it('forbid: a tag in a file is reported as disclosure in the wrong place, not as forbidden AI code', () => {
    const p = policy({ 'file-marker': 'forbid' });
    const [f] = aiForbidden(parseSourceFile('src/x.ts', tagged, p), p);
    assert.equal(f.says?.key, 'ai-forbidden.marker');
    assert.deepEqual(aiForbidden(parseSourceFile('src/x.ts', plain, p), p), []);
  });
});

describe('disclosure forms: a squash merge keeps its commits trailers in the body', () => {
  const squash = [
    'Work with events in the event controller (#15491)',
    '',
    '* Work with events',
    '',
    'Assisted-by: OpenCode (google/gemma-4-31B-it)',
    '',
    '* Add integration tests',
    '',
    'Co-authored-by: Claude <claude@anthropic.com>',
    'Signed-off-by: Jane Doe <jane@example.org>',
    '',
    '* Rework tests',
    '',
    'Signed-off-by: Jane Doe <jane@example.org>',
    '',
  ].join('\n');

  it('the history counts them', () => {
    assert.deepEqual(
      parseAiTrailers(squash).map((t) => `${t.key} ${t.tool}`),
      ['Assisted-by OpenCode', 'Co-authored-by Claude'],
    );
  });

  it('a trailer-like line inside prose is not a trailer', () => {
    const prose =
      'Subject\n\nWe tried it first with\nAssisted-by: Claude:claude-opus-4-5\nas the kernel writes it.\n\nSigned-off-by: Jane Doe <jane@example.org>\n';
    assert.deepEqual(parseAiTrailers(prose), []);
  });

  it('a policy that forbids a form reports it there too, and the fix removes the line', () => {
    const p = policy({ 'co-authored-by': 'forbid', 'assisted-by': 'forbid' });
    const findings = checkCommitMessage(squash, p, { committed: true });
    assert.deepEqual(
      findings.map((f) => f.range.start.line),
      [4, 8],
    );
    const out = fixed(squash, p);
    assert.deepEqual(checkCommitMessage(out, p), []);
    assert.ok(out.includes('* Add integration tests\n\nSigned-off-by: Jane Doe'), out);
  });
});

describe("disclosure forms: a tool's own line is evidence in the history too", () => {
  it('with the line itself as what the commit records', () => {
    const msg = 'Add the parser\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)\n';
    assert.deepEqual(parseAiTrailers(msg), [{ key: '', value: '🤖 Generated with [Claude Code](https://claude.com/claude-code)', tool: 'Claude Code' }]);
    assert.deepEqual(parseAiTrailers('Generated with Claude Code\n\nThe subject is not the line.\n'), []);
  });
});

describe('disclosure forms: what the review found', () => {
  it('a forbidden form is rewritten into the required one, never only removed, so fix all keeps the disclosure', () => {
    const p = policy({ 'assisted-by': 'require', 'made-with': 'forbid' });
    const out = fixed(message('Made-with: Cursor'), p);
    assert.equal(out, message('Assisted-by: Cursor'));
    assert.deepEqual(checkCommitMessage(out, p), []);
  });

  it("a tool's line cannot be required (nobody can be made to write one); the setting is ignored", () => {
    const p = policy({ 'generated-with-line': 'require' as DisclosureAction });
    assert.equal(disclosureRules(p).action('generated-with-line'), 'allow');
    const text = message('Co-authored-by: Claude <noreply@anthropic.com>');
    assert.deepEqual(checkCommitMessage(text, p), []);
    assert.equal(fixed(text, p), text);
  });

  it('a last paragraph of 200,000 lines does not crash the fixes', () => {
    const p = policy({ 'assisted-by': 'require', 'generated-with-line': 'convert' });
    const text = 'Fix\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)\n\n' + 'log line\n'.repeat(200_000);
    const findings = checkCommitMessage(text, p, { committed: true });
    assert.equal(findings.length, 1);
  });

  it('"none" names no AI', () => {
    const p = policyWith((x) => (x.ai.mode = 'forbid'));
    assert.deepEqual(checkCommitMessage(message('AI-Assisted-By: none'), p), []);
  });

  it('the kubernetes preset forbids every trailer form, AI-named keys too', () => {
    const merged = toPolicy(mergePolicies(parsePolicy(presetBase('kubernetes')!).raw!, {}), 'p');
    for (const trailer of ['AI-assistant: GitHub Copilot', 'AI-Tool: Claude Code'])
      assert.equal(checkCommitMessage(message(trailer), merged).length, 1, trailer);
  });

  describe('extends never loosens the base', () => {
    const effective = (base: RawPolicy, repo: RawPolicy) => disclosureRules(toPolicy(mergePolicies(base, repo), 'p'));
    it("a policy's own require does not let its form stand in for the base's", () => {
      const warnings: string[] = [];
      const merged = mergePolicies(
        { ai: { disclosure: { 'assisted-by': 'require', 'made-with': 'convert' } } },
        { ai: { disclosure: { 'made-with': 'require' } } },
        (at, m) => warnings.push(`${at.join('.')}: ${m}`),
      );
      assert.deepEqual(merged.ai?.disclosure, { 'assisted-by': 'require', 'made-with': 'convert' });
      assert.equal(warnings.length, 1);
      assert.match(warnings[0], /^ai\.disclosure\.made-with: /);
    });
    it("a base's stated mode keeps its file tags required; a policy's stated mode adds them to a base that allows them", () => {
      assert.equal(effective({ ai: { mode: 'review' } }, { ai: { disclosure: { 'file-marker': 'allow' } } }).action('file-marker'), 'require');
      assert.equal(effective(parsePolicy(presetBase('kernel')!).raw!, { ai: { mode: 'review' } }).action('file-marker'), 'require');
      assert.equal(effective(parsePolicy(presetBase('kernel')!).raw!, {}).action('file-marker'), 'allow');
    });
  });
});

describe('disclosure forms: what the second review found', () => {
  it("a fix writes what its own rule counts as AI help: the model, or the tool's own name for it", () => {
    const asf = toPolicy(mergePolicies(parsePolicy(presetBase('asf')!).raw!, {}), 'p');
    const out = fixed(message('Co-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>'), asf);
    assert.equal(out, message('Generated-by: Claude Opus 4.5'));
    assert.deepEqual(
      parseAiTrailers(out).map((t) => t.tool),
      ['Claude'],
    );
    // Required but not converted: added once, then satisfied.
    const p = policy({ 'generated-by': 'require' });
    const once = fixed(message('Assisted-by: Claude:claude-opus-4-5'), p);
    assert.equal(fixed(once, p), once);
    assert.deepEqual(checkCommitMessage(once, p), []);
  });

  it('a requirement no fix can meet (ai-key) is reported without a fix, never appended run after run', () => {
    const p = policy({ 'ai-key': 'require' });
    const text = message('Made-with: Cursor');
    const [f] = checkCommitMessage(text, p);
    assert.equal(f.says?.key, 'commit-ai-attribution.required');
    assert.equal(f.fix, undefined);
  });

  it('a squash body of 200,000 trailers does not crash', () => {
    const text = 'Squash\n\n* one\n\n' + 'Reviewed-by: Bob <b@example.org>\n'.repeat(200_000) + '\nMade-with: Cursor\n';
    assert.deepEqual(
      parseAiTrailers(text).map((t) => t.tool),
      ['Cursor'],
    );
  });

  it('a moved line keeps every other line end as it was, in a message that mixes them', () => {
    const p = policy({ 'assisted-by': 'require', 'generated-with-line': 'convert' });
    const text =
      'Fix it\n\r\nBody.\r\n\r\n🤖 Generated with [Claude Code](https://claude.com/claude-code)\r\n\r\nMore prose\r\n# a comment\r\n\r\nSigned-off-by: Alice <a@example.org>\r\n';
    assert.equal(
      fixed(text, p),
      'Fix it\n\r\nBody.\r\n\r\nMore prose\r\n# a comment\r\n\r\nSigned-off-by: Alice <a@example.org>\r\nAssisted-by: Claude Code\r\n',
    );
  });

  it("a tool's line of another agent than the trailers' is kept as a disclosure", () => {
    const p = policyWith((x) => (x.ai.commitTrailers = ['Assisted-by']));
    const out = fixed(message('🤖 Generated with [Claude Code](https://claude.com/claude-code)', '', 'Assisted-by: Cursor'), p);
    assert.equal(out, message('Assisted-by: Cursor', 'Assisted-by: Claude Code'));
  });

  it('"None.", "No AI" and "none (by hand)" name no AI', () => {
    const p = policyWith((x) => (x.ai.mode = 'forbid'));
    for (const v of ['None.', 'No AI', 'none (written by hand)', 'n/a']) assert.deepEqual(checkCommitMessage(message(`AI-Assisted-By: ${v}`), p), [], v);
  });

  describe('extends, again', () => {
    const effective = (base: RawPolicy, repo: RawPolicy, warnings: string[] = []) =>
      disclosureRules(
        toPolicy(
          mergePolicies(base, repo, (at, m) => warnings.push(`${at.join('.')}: ${m}`)),
          'p',
        ),
      );
    it("a base's implied file tags do not make a policy's own trailer requirement a loosening", () => {
      const warnings: string[] = [];
      const rules = effective(parsePolicy(presetBase('ai-disclose')!).raw!, { ai: { disclosure: { 'assisted-by': 'require' } } }, warnings);
      assert.deepEqual(warnings, []);
      assert.equal(rules.action('assisted-by'), 'require');
    });
    it('a policy cannot forbid what its base requires, nor allow what the base forbids by default', () => {
      const warnings: string[] = [];
      assert.equal(
        effective({ ai: { disclosure: { 'assisted-by': 'require' } } }, { ai: { disclosure: { 'assisted-by': 'forbid' } } }, warnings).action('assisted-by'),
        'require',
      );
      assert.equal(warnings.length, 1);
      assert.equal(effective({ ai: { mode: 'disclose' } }, { ai: { disclosure: { 'signed-off-by': 'allow' } } }).action('signed-off-by'), 'forbid');
      assert.equal(effective({ ai: { commitTrailers: ['Assisted-by'] } }, { ai: { disclosure: { 'made-with': 'allow' } } }).action('made-with'), 'convert');
    });
    it("an override that states a mode cannot drop the base's file tags", () => {
      const merged = toPolicy(
        mergePolicies({ ai: { mode: 'allow', disclosure: { 'file-marker': 'require' } } }, { overrides: [{ paths: ['src/**'], ai: { mode: 'allow' } }] }),
        'p',
      );
      assert.equal(disclosureRules(policyForPath(merged, 'src/x.ts')).action('file-marker'), 'require');
    });
  });
});

describe('disclosure forms: fix all, over every tool default and policy', () => {
  const defaults = [...Object.values(toolDefaults), '🤖 Generated with [Claude Code](https://claude.com/claude-code)'];
  const messages: string[] = [];
  for (const a of defaults) {
    messages.push(message(a));
    for (const b of defaults) if (a !== b) messages.push(message(a, b), message(a, '', b).replace('\n\n\n', '\n\n').replace(/\n/g, '\r\n'));
  }
  const presets = ['kernel', 'kubernetes', 'asf', 'openinfra'].map((n) => toPolicy(mergePolicies(parsePolicy(presetBase(n)!).raw!, {}), n));
  const policies: Policy[] = [
    ...presets,
    policy({}),
    policy({ 'assisted-by': 'require', 'made-with': 'forbid', 'co-authored-by': 'forbid' }),
    policy({ 'generated-by': 'require', 'assisted-by': 'forbid' }),
    policy({ 'ai-key': 'require', 'made-with': 'convert' }),
    policyWith((x) => (x.ai.commitTrailers = ['Generated-by'])),
  ];
  it(`${messages.length} messages × ${policies.length} policies: settled within three runs, and a required disclosure is never lost`, () => {
    for (const p of policies) {
      const requires = disclosureRules(p).required.some((id) => id !== 'file-marker' && id !== 'git-notes');
      for (const text of messages) {
        let out = text;
        for (let i = 0; i < 3; i++) out = fixed(out, p);
        assert.equal(fixed(out, p), out, `not settled:\n${text}`);
        const before = parseAiTrailers(text).length > 0;
        if (requires && before) assert.ok(parseAiTrailers(out).length > 0, `disclosure lost:\n${text}\n→\n${out}`);
        // Nothing but trailer and tool lines changes: the subject and body stay.
        assert.ok(out.startsWith(text.slice(0, text.indexOf('Dates were read'))), out);
      }
    }
  });
});
