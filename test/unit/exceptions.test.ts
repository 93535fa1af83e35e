// Policy exceptions (`exceptions:`, docs/design/policy.md "exceptions"): how they are read and checked, what they
// silence, what an expired one does, how bases add theirs, and what the report lists.

import * as assert from 'node:assert/strict';
import { checkText } from '../../server/src/engine/check';
import { exceptionStatus, listExceptions } from '../../server/src/engine/exceptions';
import { failsAt, saidAgain, type Finding } from '../../server/src/engine/findings';
import { setLocale } from '../../server/src/engine/l10n';
import { mergePolicies } from '../../server/src/engine/policy/merge';
import { toPolicy, type RawException, type RawPolicy } from '../../server/src/engine/policy/model';
import { parsePolicy, type PolicyProblem } from '../../server/src/engine/policy/parse';
import { buildReportData } from '../../server/src/report/data';
import { diagnosticsOf } from '../../server/src/lsp/diagnostics';

const today = '2027-01-10';
const header = (license: string) => `// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: ${license}\nint x;\n`;
const approval = { approver: 'Jane Doe <jane@example.com>', date: '2026-03-01', ref: 'https://tracker.example.com/LEGAL-123' };
const denyGpl: RawPolicy = { licenses: { deny: ['GPL-*', 'AGPL-*'] } };

function check(path: string, text: string, raw: RawPolicy, on = today): Finding[] {
  return checkText({ path, text, currentYear: 2026, today: on }, toPolicy(raw, 'test')).findings;
}
const withExceptions = (...exceptions: RawException[]): RawPolicy => ({ ...denyGpl, exceptions });
const denied = (findings: Finding[]) => findings.find((f) => f.rule === 'license-denied');

/** Each problem as `line:column severity message`, 1-based, for the lines of `text` that hold `marker`. */
const at = (text: string, marker: string) => {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(marker));
  assert.ok(line >= 0, marker);
  return { line, character: lines[line].indexOf(marker) };
};
const problemsOf = (text: string, on = today) => parsePolicy(text, on).problems;
const find = (problems: PolicyProblem[], pattern: RegExp) => {
  const p = problems.find((x) => pattern.test(x.message));
  assert.ok(p, `no problem matches ${pattern}: ${JSON.stringify(problems.map((x) => x.message))}`);
  return p;
};

describe('policy exceptions: reading', () => {
  const good = `version: 1
exceptions:
  - id: LEGAL-123
    rules: [license-denied]
    paths: ["vendor/legacy/**"]
    licenses: [GPL-2.0-only]
    approver: Jane Doe <jane@example.com>
    date: 2026-03-01
    ref: https://tracker.example.com/LEGAL-123
    expires: 2027-12-31
    reason: kept until the module is replaced
  - rule: header-missing
    paths: ["gen/**"]
    approver: Bob
    date: 2026-04-01
    ref: TICKET-9
`;

  it('reads a valid list without problems, with the defaults filled in (id from ref, rule as rules)', () => {
    const parsed = parsePolicy(good, today);
    assert.deepEqual(parsed.problems, []);
    const [first, second] = toPolicy(parsed.raw!, 'p').exceptions;
    assert.equal(first.id, 'LEGAL-123');
    assert.deepEqual(first.licenses, ['GPL-2.0-only']);
    assert.equal(first.expires, '2027-12-31');
    assert.equal(second.id, 'TICKET-9');
    assert.deepEqual(second.rules, ['header-missing']);
    assert.equal(second.licenses, undefined);
  });

  it('locates each mistake at its line and column', () => {
    const text = `version: 1
exceptions:
  - rules: [license-denid]
    paths: ["src/!(a)"]
    licenses: [GPL-2.0-onyl]
    date: 2026-02-30
    ref: T-1
    expires: 2025-01-01
  - rule: header-missing
    rules: [header-missing]
    approver: A
    date: 2026-01-01
    ref: T-2
`;
    const problems = problemsOf(text);
    const expectAt = (pattern: RegExp, marker: string, severity: PolicyProblem['severity'] = 'error') => {
      const p = find(problems, pattern);
      assert.equal(p.severity, severity, p.message);
      assert.deepEqual({ line: p.line, character: p.character }, at(text, marker), p.message);
    };
    expectAt(/exceptions\[0\] needs 'approver'/, 'rules: [license-denid]');
    expectAt(/Unknown rule id 'license-denid' in exceptions\[0\]: did you mean 'license-denied'\?/, 'license-denid');
    expectAt(/Invalid glob 'src\/!\(a\)' in 'exceptions\[0\]\.paths'/, '"src/!(a)"');
    expectAt(/Unknown SPDX license id 'GPL-2.0-onyl'/, 'GPL-2.0-onyl');
    expectAt(/'exceptions\[0\]\.date' is not a real calendar date: '2026-02-30' has no such month or day/, '2026-02-30');
    expectAt(/exceptions\[1\]: write 'rules' or 'rule', not both/, 'header-missing\n'.trim());
    expectAt(/exceptions\[1\] needs 'paths' or 'licenses'/, 'rule: header-missing');
    // A policy with errors is not used.
    assert.equal(parsePolicy(text, today).raw, undefined);
  });

  it('says a date of the right shape that is no calendar day is not a real date, and a date of the wrong shape how to write it', () => {
    const text = `exceptions:
  - rule: license-denied
    paths: ["a/**"]
    approver: A
    date: 2026-13-01
    ref: T-1
    expires: 31/12/2026
`;
    const problems = problemsOf(text);
    const month = find(problems, /'exceptions\[0\]\.date'/);
    assert.equal(month.message, "'exceptions[0].date' is not a real calendar date: '2026-13-01' has no such month or day");
    assert.equal(month.line, at(text, '2026-13-01').line);
    assert.equal(find(problems, /'exceptions\[0\]\.expires'/).message, "'exceptions[0].expires' must be a date written YYYY-MM-DD, e.g. 2026-03-01");
  });

  it('refuses an unknown key in an exception, with a suggestion: a misspelt expires must not leave the decision in force for ever', () => {
    const text = `version: 1
exceptions:
  - id: LEGAL-1
    rule: license-denied
    paths: ["a/**"]
    approver: A
    date: 2026-01-01
    ref: T-1
    expiry: 2026-06-30
`;
    const parsed = parsePolicy(text, today);
    const p = find(parsed.problems, /Unknown key 'expiry'/);
    assert.equal(p.severity, 'error');
    assert.match(p.message, /in exceptions\[0\]: did you mean 'expires'\?/);
    assert.deepEqual({ line: p.line, character: p.character }, at(text, 'expiry'));
    assert.equal(parsed.raw, undefined, 'a policy with an error is not used');
    // Elsewhere an unknown key stays a warning.
    assert.equal(find(parsePolicy('version: 1\nheadrs: {}\n').problems, /Unknown key 'headrs'/).severity, 'warning');
  });

  it('refuses an expiry before the approval, and an exception without rules', () => {
    const text = `exceptions:
  - paths: ["a/**"]
    approver: A
    date: 2026-05-01
    ref: T-1
    expires: 2026-04-30
`;
    const problems = problemsOf(text);
    const early = find(problems, /expires on 2026-04-30, before it was approved on 2026-05-01/);
    assert.equal(early.line, at(text, '2026-04-30').line);
    assert.match(find(problems, /needs 'rules'/).message, /exceptions\[0\]/);
  });

  it('warns of an expired exception at its expiry, and informs of one that expires within 30 days', () => {
    const text = `exceptions:
  - id: OLD
    rule: license-denied
    paths: ["old/**"]
    approver: A
    date: 2025-01-01
    ref: T-1
    expires: 2027-01-09
  - id: SOON
    rule: license-denied
    paths: ["soon/**"]
    approver: A
    date: 2025-01-01
    ref: T-2
    expires: 2027-02-09
  - id: LATER
    rule: license-denied
    paths: ["later/**"]
    approver: A
    date: 2025-01-01
    ref: T-3
    expires: 2027-02-10
`;
    const problems = problemsOf(text);
    assert.deepEqual(
      problems.map((p) => [p.severity, p.line, p.message.slice(0, 40)]),
      [
        ['warning', at(text, '2027-01-09').line, "Exception 'OLD' expired on 2027-01-09: t"],
        ['info', at(text, '2027-02-09').line, "Exception 'SOON' expires on 2027-02-09, "],
      ],
    );
    // Neither stops the policy from being used.
    assert.ok(parsePolicy(text, today).raw);
    // The day of the expiry is still in force.
    assert.equal(exceptionStatus({ expires: today }, today), 'expiring');
    assert.equal(exceptionStatus({ expires: '2027-01-09' }, today), 'expired');
    assert.equal(exceptionStatus({}, today), 'in-force');
  });

  it('warns of two exceptions with one name', () => {
    const text = `exceptions:
  - { id: X, rule: header-missing, paths: ["a/**"], approver: A, date: 2026-01-01, ref: T-1 }
  - { id: X, rule: header-missing, paths: ["b/**"], approver: A, date: 2026-01-01, ref: T-2 }
`;
    const p = find(problemsOf(text), /Two exceptions are named 'X'/);
    assert.equal(p.severity, 'warning');
    assert.equal(p.line, 2);
  });
});

describe('policy exceptions: what they silence', () => {
  it('by path: the finding is kept, marked suppressed with the exception, and no longer fails', () => {
    const raw = withExceptions({ id: 'LEGAL-123', rules: ['license-denied'], paths: ['vendor/legacy/**'], ...approval });
    const inside = denied(check('vendor/legacy/a.c', header('GPL-2.0-only'), raw));
    assert.deepEqual(inside?.suppressed, {
      kind: 'external',
      justification: 'LEGAL-123, approved by Jane Doe <jane@example.com> on 2026-03-01: https://tracker.example.com/LEGAL-123',
      exception: 'LEGAL-123',
    });
    assert.equal(failsAt([inside!]), false);
    const outside = denied(check('src/a.c', header('GPL-2.0-only'), raw));
    assert.equal(outside?.suppressed, undefined);
    assert.equal(failsAt([outside!]), true);
  });

  it('by license: every license the finding is about must be listed', () => {
    const raw = withExceptions({ rules: ['license-denied'], licenses: ['GPL-2.0-only'], ...approval });
    assert.ok(denied(check('src/a.c', header('GPL-2.0-only'), raw))?.suppressed);
    // MIT is allowed: the finding is about GPL-2.0-only alone.
    assert.ok(denied(check('src/a.c', header('MIT AND GPL-2.0-only'), raw))?.suppressed);
    // AGPL-3.0-only is denied too, and the exception does not name it.
    assert.equal(denied(check('src/a.c', header('GPL-2.0-only AND AGPL-3.0-only'), raw))?.suppressed, undefined);
    assert.equal(denied(check('src/a.c', header('GPL-3.0-only'), raw))?.suppressed, undefined);
    // A wildcard, as licenses.deny takes them.
    const wide = withExceptions({ rules: ['license-denied'], licenses: ['GPL-*', 'AGPL-*'], ...approval });
    assert.ok(denied(check('src/a.c', header('GPL-2.0-only AND AGPL-3.0-only'), wide))?.suppressed);
  });

  it('by license, whatever spelling: deprecated ids and `+` stand for the current id they mean', () => {
    const only = withExceptions({ rules: ['license-denied'], licenses: ['GPL-2.0-only'], ...approval });
    // `GPL-2.0` is GPL-2.0-only; `GPL-2.0+` and `GPL-2.0-only+` are GPL-2.0-or-later, which this does not name.
    assert.ok(denied(check('src/a.c', header('GPL-2.0'), only))?.suppressed);
    assert.equal(denied(check('src/a.c', header('GPL-2.0+'), only))?.suppressed, undefined);
    assert.equal(denied(check('src/a.c', header('GPL-2.0-only+'), only))?.suppressed, undefined);
    const later = withExceptions({ rules: ['license-denied'], licenses: ['GPL-2.0-or-later'], ...approval });
    assert.ok(denied(check('src/a.c', header('GPL-2.0+'), later))?.suppressed);
    assert.ok(denied(check('src/a.c', header('GPL-2.0-only+'), later))?.suppressed);
    assert.equal(denied(check('src/a.c', header('GPL-2.0'), later))?.suppressed, undefined);
    // A deprecated id whose successor is an expression is that expression's license; `+` on other ids is dropped, as
    // the tiers read it.
    const gcc = withExceptions({ rules: ['license-denied'], licenses: ['GPL-3.0-only'], ...approval });
    assert.ok(denied(check('src/a.c', header('GPL-3.0-with-GCC-exception'), gcc))?.suppressed);
    assert.ok(denied(check('src/a.c', header('GPL-3.0-only WITH GCC-exception-3.1'), gcc))?.suppressed);
    const apache: RawPolicy = { licenses: { deny: ['Apache-2.0'] }, exceptions: [{ rules: ['license-denied'], licenses: ['Apache-2.0'], ...approval }] };
    assert.ok(denied(check('src/a.c', header('Apache-2.0+'), apache))?.suppressed);
    // The exception written with a deprecated id covers the current spelling too.
    const old = withExceptions({ rules: ['license-denied'], licenses: ['GPL-2.0+'], ...approval });
    assert.ok(denied(check('src/a.c', header('GPL-2.0-or-later'), old))?.suppressed);
  });

  it('never covers a finding about no license it names', () => {
    // Under project GPL-2.0-only, the Classpath exception is what differs: the finding is about GPL-2.0-only.
    const raw: RawPolicy = {
      licenses: { project: 'GPL-2.0-only' },
      exceptions: [{ rules: ['license-mismatch'], licenses: ['BSD-3-Clause'], ...approval }],
    };
    const mismatch = check('src/a.c', header('GPL-2.0-only WITH Classpath-exception-2.0'), raw).find((f) => f.rule === 'license-mismatch');
    assert.ok(mismatch);
    assert.equal(mismatch.suppressed, undefined);
  });

  it('by path and license: both must match', () => {
    const raw = withExceptions({ rules: ['license-denied'], paths: ['vendor/**'], licenses: ['GPL-2.0-only'], ...approval });
    assert.ok(denied(check('vendor/a.c', header('GPL-2.0-only'), raw))?.suppressed);
    assert.equal(denied(check('src/a.c', header('GPL-2.0-only'), raw))?.suppressed, undefined);
    assert.equal(denied(check('vendor/a.c', header('GPL-3.0-only'), raw))?.suppressed, undefined);
  });

  it('a rule the exception does not name is not silenced', () => {
    const raw: RawPolicy = {
      licenses: { project: 'Apache-2.0', deny: ['GPL-*'] },
      exceptions: [{ rules: ['license-review'], paths: ['**'], ...approval }],
    };
    const findings = check('src/a.c', header('GPL-2.0-only'), raw);
    assert.equal(denied(findings)?.suppressed, undefined);
    assert.ok(findings.every((f) => !f.suppressed));
  });

  it('licenses: on a rule that names none matches the file’s declared licenses', () => {
    const text = '// SPDX-License-Identifier: MIT\nint x;\n';
    const raw: RawPolicy = { exceptions: [{ rules: ['copyright-missing'], licenses: ['MIT'], ...approval }] };
    const missing = (path: string, t: string) => check(path, t, raw).find((f) => f.rule === 'copyright-missing');
    assert.ok(missing('a.c', text)?.suppressed);
    assert.equal(missing('a.c', text.replace('MIT', 'ISC'))?.suppressed, undefined);
  });

  it('a suppression comment keeps its own mark', () => {
    const raw = withExceptions({ rules: ['license-denied'], paths: ['**'], ...approval });
    const text = '// ospo-disable-file license-denied -- cleared\n' + header('GPL-2.0-only');
    assert.deepEqual(denied(check('a.c', text, raw))?.suppressed, { kind: 'inSource', justification: 'cleared' });
  });

  it('an expired exception silences nothing, and the finding says which expired and when', () => {
    const raw = withExceptions({ id: 'OLD', rules: ['license-denied'], paths: ['old/**'], ...approval, expires: '2027-01-09' });
    const before = denied(check('old/a.c', header('GPL-2.0-only'), raw, '2027-01-09'));
    assert.ok(before?.suppressed);
    const after = denied(check('old/a.c', header('GPL-2.0-only'), raw, '2027-01-10'));
    assert.equal(after?.suppressed, undefined);
    assert.equal(failsAt([after!]), true);
    assert.match(
      after!.message,
      /^License 'GPL-2\.0-only' is denied .*\(the policy exception OLD that allowed this expired on 2027-01-09: renew it or fix this\)$/,
    );
    assert.deepEqual(after?.expiredException, { id: 'OLD', expires: '2027-01-09' });
    // Said again in Japanese (a cached finding read in another language), the note comes along.
    setLocale('ja');
    try {
      assert.match(saidAgain(after!).message, /^ライセンス 'GPL-2\.0-only' はポリシーで禁止されています.*例外 OLD は 2027-01-09 に有効期限が切れました/);
    } finally {
      setLocale('en');
    }
  });

  it('an exception still in force wins over an expired one for the same finding', () => {
    const raw = withExceptions(
      { id: 'OLD', rules: ['license-denied'], paths: ['**'], ...approval, expires: '2026-12-31' },
      { id: 'NEW', rules: ['license-denied'], paths: ['**'], ...approval },
    );
    assert.equal(denied(check('a.c', header('GPL-2.0-only'), raw))?.suppressed?.exception, 'NEW');
  });

  it('the editor shows a silenced finding at the suppressed severity, naming the exception', () => {
    const raw = withExceptions({ id: 'LEGAL-123', rules: ['license-denied'], paths: ['**'], ...approval });
    const [diagnostic] = diagnosticsOf(check('a.c', header('GPL-2.0-only'), raw).filter((f) => f.rule === 'license-denied'));
    assert.equal(diagnostic.severity, 4);
    assert.match(
      diagnostic.message as string,
      /\(policy exception LEGAL-123, approved by Jane Doe <jane@example\.com> on 2026-03-01: https:\/\/tracker\.example\.com\/LEGAL-123\)$/,
    );
  });
});

describe('policy exceptions: bases and the list', () => {
  const baseException: RawException = { id: 'ORG-1', rules: ['license-denied'], paths: ['third_party/**'], ...approval };
  const repoException: RawException = { id: 'REPO-1', rules: ['header-missing'], paths: ['gen/**'], ...approval };

  it('a policy that extends a base has both lists, the base’s first', () => {
    const merged = mergePolicies({ version: 1, exceptions: [baseException] }, { version: 1, exceptions: [repoException] });
    assert.deepEqual(
      merged.exceptions?.map((e) => e.id),
      ['ORG-1', 'REPO-1'],
    );
    const loose = mergePolicies({ version: 1, allowOverride: true, exceptions: [baseException] }, { version: 1, exceptions: [repoException] });
    assert.deepEqual(
      loose.exceptions?.map((e) => e.id),
      ['ORG-1', 'REPO-1'],
    );
    assert.deepEqual(mergePolicies({ version: 1 }, { version: 1, exceptions: [repoException] }).exceptions, [repoException]);
    // The base's exception applies in the repository.
    const policy = mergePolicies({ version: 1, ...denyGpl, exceptions: [baseException] }, { version: 1, exceptions: [repoException] });
    assert.ok(denied(check('third_party/x.c', header('GPL-2.0-only'), policy))?.suppressed);
  });

  it('lists a policy’s exceptions with their status on a date', () => {
    const policy = toPolicy(
      withExceptions(
        { id: 'A', rules: ['license-denied'], paths: ['a/**'], ...approval },
        { id: 'B', rules: ['license-denied'], paths: ['b/**'], ...approval, expires: '2027-01-20' },
        { id: 'C', rules: ['license-denied'], paths: ['c/**'], ...approval, expires: '2027-01-01' },
      ),
      'p',
    );
    assert.deepEqual(
      listExceptions(policy, today).map((e) => [e.id, e.status, e.daysLeft]),
      [
        ['A', 'in-force', undefined],
        ['B', 'expiring', 10],
        ['C', 'expired', -9],
      ],
    );
  });

  it('the report data lists them, with how many findings each silenced', () => {
    const raw = withExceptions(
      { id: 'A', rules: ['license-denied'], paths: ['a/**'], ...approval },
      { id: 'C', rules: ['license-denied'], paths: ['c/**'], ...approval, expires: '2027-01-01' },
    );
    const policy = toPolicy(raw, 'p');
    const files = ['a/1.c', 'a/2.c', 'c/1.c'].map((file) => ({ file, findings: check(file, header('GPL-2.0-only'), raw), licenses: [], aiRegions: [] }));
    const data = buildReportData({ root: '/r', generatedAt: 'now', files, exceptions: listExceptions(policy, today) });
    assert.equal(data.version, 1);
    assert.deepEqual(
      data.exceptions?.map((e) => [e.id, e.status, e.silenced, e.ref, e.approver]),
      [
        ['A', 'in-force', 2, approval.ref, approval.approver],
        ['C', 'expired', 0, approval.ref, approval.approver],
      ],
    );
    assert.equal(data.totals.compliant, 2);
    assert.equal(buildReportData({ root: '/r', generatedAt: 'now', files }).exceptions, undefined);
  });
});
