// A rule's tests as ESLint's RuleTester writes them: `valid` code the rule says nothing about, and
// `invalid` code with the findings it must report and the text fix-all makes of it. Everything runs
// through the real engine: checkText with a policy built by toPolicy, fixes through engine/fixes.ts.
// docs/design/rules.md shows it in use.

import * as assert from 'node:assert/strict';
import { checkText, type CheckInput } from '../../server/src/engine/check';
import type { Finding, Severity } from '../../server/src/engine/findings';
import { editsFor, fixAll, isSafe } from '../../server/src/engine/fixes';
import { template, type MessageKey } from '../../server/src/engine/messages';
import { RawPolicy, toPolicy } from '../../server/src/engine/policy/model';
import { ruleIds, type Rule } from '../../server/src/engine/rules';
import { applyEdits } from '../../server/src/engine/text';
import { fixedContext } from './helpers';

export interface ValidCase {
  /** The file's text. */
  code: string;
  /** Its path, relative to the workspace (default `src/a.ts`): the comment style and overrides follow it. */
  path?: string;
  /** The policy, as written in .ospo/policy.yaml (default: none, the built-in policy). */
  policy?: RawPolicy;
  /** More of the check's input: `currentYear` (default 2026), `today` (default 2026-06-01), `sidecarText`, `aiHistory`, `reuse`… */
  input?: Partial<Omit<CheckInput, 'path' | 'text'>>;
  /** The test's title (default: the code). */
  name?: string;
}

export interface ExpectedFinding {
  /** A message key of the rule (`copyright-year.future`): the message must be its English template, placeholders filled. */
  messageId?: string;
  /** The exact message, or a pattern it matches. */
  message?: string | RegExp;
  /** 1-based, as editors show it. */
  line?: number;
  /** 1-based. */
  column?: number;
  severity?: Severity;
  /** The text after applying this finding's own fix, safe or not (a quick fix chosen by hand); null: the finding offers no fix. */
  suggestion?: string | null;
}

export interface InvalidCase extends ValidCase {
  /** The rule's findings, in order. */
  errors: ExpectedFinding[];
  /** The text after fix-all applies the rule's safe fixes (and fix-all again must change nothing); left out, the rule must offer none. */
  output?: string;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A message key's English template as a pattern: each `{placeholder}` matches any text. */
function templatePattern(key: string): RegExp {
  return new RegExp(
    '^' +
      template('en', key as MessageKey)
        .split(/\{\w+\}/)
        .map(escape)
        .join('[^]*') +
      '$',
  );
}

export class RuleTester {
  run(rule: Rule, cases: { valid: (ValidCase | string)[]; invalid: InvalidCase[] }): void {
    const { id } = rule.meta;
    // Only this rule: every other rule is off (through the policy's severity table, as a user turns one off).
    const isolated = (raw: RawPolicy = {}) =>
      toPolicy({ ...raw, severity: { ...Object.fromEntries(ruleIds.filter((r) => r !== id).map((r) => [r, 'off'])), ...raw.severity } }, 'rule tester');
    const inputOf = (c: ValidCase): CheckInput => ({ path: c.path ?? 'src/a.ts', text: c.code, currentYear: 2026, today: '2026-06-01', ...c.input });
    const check = (c: ValidCase) => {
      const input = inputOf(c);
      const policy = isolated(c.policy);
      const result = checkText(input, policy);
      return { input, policy, result, findings: result.findings.filter((f) => f.rule === id) };
    };
    const title = (c: ValidCase) => c.name ?? JSON.stringify(c.code.length > 70 ? c.code.slice(0, 67) + '…' : c.code);

    describe(id, () => {
      assert.ok(ruleIds.includes(id as (typeof ruleIds)[number]), `${id} is in the registry (rules/index.ts)`);
      for (const c of cases.valid.map((v) => (typeof v === 'string' ? { code: v } : v))) {
        it(`valid: ${title(c)}`, () => {
          assert.deepEqual(
            check(c).findings.map((f) => f.message),
            [],
            `${id} reports nothing`,
          );
        });
      }
      for (const c of cases.invalid) {
        it(`invalid: ${title(c)}`, () => {
          const { input, policy, result, findings } = check(c);
          assert.equal(findings.length, c.errors.length, `${id} reports ${c.errors.length}: ${JSON.stringify(findings.map((f) => f.message))}`);
          c.errors.forEach((e, i) => this.expectFinding(rule, findings[i], e, c.code, result, i));
          const output = applyEdits(c.code, fixAll(input, policy, fixedContext));
          assert.equal(output, c.output ?? c.code, c.output === undefined ? `${id} offers no safe fix` : 'the text after fix-all');
          // One pass is enough: fix-all on its own output changes nothing more.
          if (c.output !== undefined)
            assert.equal(applyEdits(output, fixAll({ ...input, text: output }, policy, fixedContext)), output, 'fix-all again changes nothing');
        });
      }
    });
  }

  private expectFinding(rule: Rule, f: Finding, e: ExpectedFinding, code: string, result: ReturnType<typeof checkText>, i: number): void {
    const { meta } = rule;
    const at = `finding ${i + 1}`;
    if (e.messageId !== undefined) {
      assert.ok(e.messageId in meta.messages.en, `${e.messageId} is a message of ${meta.id}`);
      assert.match(f.message, templatePattern(e.messageId), `${at}: message ${e.messageId}`);
    }
    if (typeof e.message === 'string') assert.equal(f.message, e.message, at);
    else if (e.message) assert.match(f.message, e.message, at);
    if (e.line !== undefined) assert.equal(f.range.start.line + 1, e.line, `${at}: line`);
    if (e.column !== undefined) assert.equal(f.range.start.character + 1, e.column, `${at}: column`);
    assert.equal(f.severity, e.severity ?? meta.defaultSeverity, `${at}: severity`);
    // The registry's `fixable` says what the rule's findings carry.
    if (f.fix && isSafe(f)) assert.equal(meta.fixable, 'auto', `${meta.id} has a safe fix: meta.fixable must be 'auto'`);
    else if (f.fix) assert.notEqual(meta.fixable, false, `${meta.id} offers a fix: meta.fixable must not be false`);
    if (e.suggestion === null) assert.equal(f.fix, undefined, `${at} offers no fix`);
    else if (e.suggestion !== undefined) {
      assert.ok(f.fix, `${at} has a fix`);
      assert.equal(applyEdits(code, editsFor(f, result.file!, result.policy!, fixedContext)), e.suggestion, `${at}: the text after its fix`);
    }
  }
}

export const ruleTester = new RuleTester();
