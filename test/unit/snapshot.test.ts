import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultPolicy, toPolicy } from '../../server/src/engine/policy/model';
import { policyDigest, repositoryName, runDate, snapshotOf } from '../../server/src/io/snapshot';
import { gitRepo, makeTree } from './report.test';

describe('snapshot: what a result was taken of', () => {
  const made: string[] = [];
  after(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('dates a run by SOURCE_DATE_EPOCH when it is a whole number of seconds, else now', () => {
    assert.equal(runDate({ SOURCE_DATE_EPOCH: '1767225600' }), '2026-01-01T00:00:00.000Z');
    for (const bad of ['', 'soon', '-5', '1.5']) {
      const before = Date.now();
      const date = Date.parse(runDate({ SOURCE_DATE_EPOCH: bad }));
      assert.ok(date >= before - 1000 && date <= Date.now() + 1000, bad);
    }
  });

  it('digests what a policy says, not where it was read from nor the order of its keys', () => {
    const a = toPolicy({ licenses: { allow: ['MIT'], deny: ['GPL-3.0-only'] } }, '/one/.ospo/policy.yaml');
    const b = toPolicy({ licenses: { deny: ['GPL-3.0-only'], allow: ['MIT'] } }, '/two/.ospo/policy.yaml');
    assert.equal(policyDigest(a), policyDigest(b));
    assert.match(policyDigest(a), /^[0-9a-f]{64}$/);
    const c = toPolicy({ licenses: { allow: ['MIT', 'ISC'], deny: ['GPL-3.0-only'] } }, '/one/.ospo/policy.yaml');
    assert.notEqual(policyDigest(a), policyDigest(c));
    assert.notEqual(policyDigest(a), policyDigest(defaultPolicy()));
    // How the policy names itself is not what it asks.
    const titled = toPolicy(
      { policy: { title: 'Our policy', contact: 'ospo@example.com' }, licenses: { allow: ['MIT'], deny: ['GPL-3.0-only'] } },
      '/one/.ospo/policy.yaml',
    );
    assert.equal(policyDigest(titled), policyDigest(a));
  });

  it('names the commit checked out and its date in a git work tree, and the policy relative to the root', async () => {
    const repo = gitRepo(made);
    repo.commit({ 'a.ts': 'export {};\n' }, 'First');
    const head = repo.git('rev-parse', 'HEAD').trim();
    const policy = toPolicy({}, `${repo.dir}/.ospo/policy.yaml`);
    const snap = await snapshotOf(repo.dir, [policy], { SOURCE_DATE_EPOCH: '1767225600' });
    assert.deepEqual(snap, {
      commit: head,
      commitDate: '2026-01-01T12:00:00+00:00',
      date: '2026-01-01T00:00:00.000Z',
      policy: { source: '.ospo/policy.yaml', digest: policyDigest(policy) },
    });
  });

  it('names the repository by its remote, without credentials, else by the CI; never by a local path', async () => {
    for (const [url, name] of [
      ['git@github.com:Acme/api.git', 'github.com/Acme/api'],
      ['https://user:ghp_secret@github.com/acme/api.git', 'github.com/acme/api'],
      ['ssh://git@gitlab.example.com:2222/group/sub/api', 'gitlab.example.com/group/sub/api'],
      ['https://GitHub.com/acme/api/', 'github.com/acme/api'],
      ['/srv/git/api.git', undefined],
      ['file:///srv/git/api.git', undefined],
      ['', undefined],
    ] as const) {
      assert.equal(repositoryName(url), name, url);
    }
    const repo = gitRepo(made);
    repo.commit({ 'a.ts': 'export {};\n' }, 'First');
    const ci = { GITHUB_REPOSITORY: 'acme/dashboard', GITHUB_SERVER_URL: 'https://github.com' };
    assert.equal((await snapshotOf(repo.dir, [defaultPolicy()], ci)).repository, 'github.com/acme/dashboard');
    repo.git('remote', 'add', 'origin', 'https://x-access-token:secret@github.com/acme/api.git');
    // A job that checked out another repository: the folder's remote wins over the job's own variables.
    assert.equal((await snapshotOf(repo.dir, [defaultPolicy()], ci)).repository, 'github.com/acme/api');
    // Part of the repository: the folder from the top.
    fs.mkdirSync(path.join(repo.dir, 'src/lib'), { recursive: true });
    assert.equal((await snapshotOf(path.join(repo.dir, 'src/lib'), [defaultPolicy()], ci)).path, 'src/lib/');
    assert.equal((await snapshotOf(repo.dir, [defaultPolicy()], ci)).path, undefined);
  });

  it('has no commit outside git; several policies give one digest of theirs and every source', async () => {
    const dir = makeTree({ 'a.ts': 'export {};\n' }, made);
    const one = toPolicy({ licenses: { allow: ['MIT'] } }, `${dir}/x/.ospo/policy.yaml`);
    const two = toPolicy({ licenses: { allow: ['ISC'] } }, `${dir}/y/.ospo/policy.yaml`);
    const snap = await snapshotOf(dir, [one, two, one]);
    assert.equal(snap.commit, undefined);
    assert.equal(snap.policy.source, 'x/.ospo/policy.yaml, y/.ospo/policy.yaml');
    assert.notEqual(snap.policy.digest, policyDigest(one));
    assert.equal(snap.policy.digest, (await snapshotOf(dir, [two, one])).policy.digest);
  });
});
