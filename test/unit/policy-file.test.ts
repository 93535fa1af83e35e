import * as assert from 'node:assert/strict';
import { loadPolicy } from '../../server/src/engine/policy-file';

describe('policy file', () => {
  it('reads the keys it knows', () => {
    const { policy, problems } = loadPolicy([
      'version: 1',
      'licenses:',
      '  project: Apache-2.0',
      'headers:',
      '  maxLine: 5',
      '  copyright:',
      '    holder: "Example Corp( and contributors)?"',
      'severity:',
      '  copyright-missing: off',
    ].join('\n'), 'p.yaml');
    assert.deepEqual(problems, []);
    assert.equal(policy?.licenses.project, 'Apache-2.0');
    assert.equal(policy?.headers.maxLine, 5);
    assert.equal(policy?.severity['copyright-missing'], 'off');
  });

  it('locates a YAML syntax error and yields no policy', () => {
    const { policy, problems } = loadPolicy('version: 1\nheaders:\n  maxLine: [1,\n', 'p.yaml');
    assert.equal(policy, undefined);
    assert.equal(problems[0].severity, 'error');
    assert.ok(problems[0].line >= 2, `line ${problems[0].line}`);
  });

  it('locates type errors and bad regexes', () => {
    const { policy, problems } = loadPolicy('headers:\n  maxLine: ten\n  copyright:\n    holder: "(a"\n', 'p.yaml');
    assert.equal(policy, undefined);
    assert.deepEqual(problems.map((p) => [p.line, p.character]), [[1, 11], [3, 12]]);
  });

  it('warns about unknown keys but keeps the policy', () => {
    const { policy, problems } = loadPolicy('version: 1\nheadrs: {}\n', 'p.yaml');
    assert.ok(policy);
    assert.deepEqual(problems.map((p) => [p.severity, p.line, p.character]), [['warning', 1, 0]]);
    assert.match(problems[0].message, /Unknown key 'headrs'/);
  });
});
