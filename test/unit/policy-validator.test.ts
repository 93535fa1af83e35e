// The policy is validated by code ajv generates from policy.schema.json at build time
// (scripts/policy-validator.mjs): it must be the code of the schema as it is now.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import Ajv from 'ajv';
import schemaJson from '../../server/src/engine/policy/policy.schema.json';
import { validate } from '../../server/src/engine/policy/schema';

const repo = path.resolve(__dirname, '../../..');

describe('generated policy validator', () => {
  it('is up to date with policy.schema.json', function () {
    this.timeout(30000);
    const check = spawnSync(process.execPath, ['scripts/policy-validator.mjs', '--check'], { cwd: repo, encoding: 'utf8' });
    assert.equal(check.status, 0, check.stdout + check.stderr);
  });

  it('gives the errors ajv gives when it compiles the schema at run time', () => {
    const compiled = new Ajv({ allErrors: true, strict: false }).compile(schemaJson);
    for (const policy of [
      {},
      { version: 1, headers: { required: 'yes', maxLine: 0, copyright: { year: 'sometimes', extra: 1 } } },
      { licenses: { allow: ['MIT', 3] }, ai: { requiredFields: ['role', 'nope'] }, overrides: [{ files: {} }] },
      { extends: [{ sha256: 'xyz' }], severity: { 'header-missing': 'loud', 'no-such-rule': 'error' } },
    ]) {
      compiled(policy);
      assert.deepEqual(validate(policy), compiled.errors ?? [], JSON.stringify(policy));
    }
  });
});
