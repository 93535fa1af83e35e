// The .vsix ships the bundles, snippets and manifest only: nothing from node_modules or the sources.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const repo = path.resolve(__dirname, '../../..');

describe('packaging', () => {
  it('vsce ls lists only the allow-listed files', function () {
    this.timeout(60000);
    const r = spawnSync(process.execPath, [path.join(repo, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: repo, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const files = r.stdout
      .trim()
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .sort();
    for (const needed of [
      'package.json',
      'README.md',
      'dist/client.js',
      'dist/server.js',
      'dist/cli.js',
      'dist/scan-worker.js',
      'snippets/line-comment.code-snippets',
      'images/icon.png',
      'LICENSE',
      'CHANGELOG.md',
      'package.nls.json',
      'package.nls.ja.json',
      'media/walkthrough/create-policy.md',
    ]) {
      assert.ok(files.includes(needed), `${needed} missing from ${files.join(', ')}`);
    }
    const allowed =
      /^(package\.json|README\.md|CHANGELOG\.md|LICENSE(\.txt)?|dist\/(client|server|cli|scan-worker)\.js|dist\/policy\.schema\.json|snippets\/[\w.-]+\.code-snippets|images\/[\w.-]+\.png|docs\/images\/[\w.-]+\.png|media\/walkthrough\/[\w.-]+\.md|l10n\/bundle\.l10n\.[\w-]+\.json|package\.nls(\.[\w-]+)?\.json)$/;
    assert.deepEqual(
      files.filter((f) => !allowed.test(f)),
      [],
    );
  });

  it('ships no test hook: the production bundles have no OSPO_TEST_CRASH_ON, the development ones do', function () {
    this.timeout(120000);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ospo-prod-'));
    try {
      const r = spawnSync(process.execPath, ['scripts/build.mjs', '--production', '--outdir', out], { cwd: repo, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      for (const bundle of ['server.js', 'cli.js', 'client.js', 'scan-worker.js']) {
        assert.ok(!fs.readFileSync(path.join(out, bundle), 'utf8').includes('OSPO_TEST_CRASH_ON'), bundle);
      }
      assert.ok(
        fs.readFileSync(path.join(repo, 'dist/server.js'), 'utf8').includes('OSPO_TEST_CRASH_ON'),
        'the hook the protocol tests use is in the development build',
      );
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
