// The .vsix ships the bundles, snippets and manifest only: nothing from node_modules or the sources,
// and its bundles stay small (issue 20: they were 5-6 MB each when they embedded the SPDX license texts).

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const repo = path.resolve(__dirname, '../../..');
const vsce = path.join(repo, 'node_modules/@vscode/vsce/vsce');

describe('packaging', () => {
  it('vsce ls lists only the allow-listed files', function () {
    this.timeout(60000);
    const r = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: repo, encoding: 'utf8' });
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
      'dist/scan-worker.js',
      'dist/license-texts.json.br',
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
      /^(package\.json|README\.md|CHANGELOG\.md|LICENSE(\.txt)?|dist\/(client|server|scan-worker)\.js|dist\/policy\.schema\.json|dist\/license-texts\.json\.br|snippets\/[\w.-]+\.code-snippets|images\/[\w.-]+\.png|docs\/images\/report\.png|media\/walkthrough\/[\w.-]+\.md|l10n\/bundle\.l10n\.[\w-]+\.json|package\.nls(\.[\w-]+)?\.json)$/;
    assert.deepEqual(
      files.filter((f) => !allowed.test(f)),
      [],
    );
  });

  describe('production build', () => {
    let out: string;
    before(function () {
      this.timeout(120000);
      out = fs.mkdtempSync(path.join(os.tmpdir(), 'ospo-prod-'));
      const r = spawnSync(process.execPath, ['scripts/build.mjs', '--production', '--outdir', out], { cwd: repo, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
    });
    after(() => fs.rmSync(out, { recursive: true, force: true }));

    it('ships no test hook: the production bundles have no OSPO_TEST_CRASH_ON, the development ones do', () => {
      for (const bundle of ['server.js', 'cli.js', 'client.js', 'scan-worker.js']) {
        assert.ok(!fs.readFileSync(path.join(out, bundle), 'utf8').includes('OSPO_TEST_CRASH_ON'), bundle);
      }
      assert.ok(
        fs.readFileSync(path.join(repo, 'dist/server.js'), 'utf8').includes('OSPO_TEST_CRASH_ON'),
        'the hook the protocol tests use is in the development build',
      );
    });

    // Every scan worker parses its bundle before it reads a file, and each CLI run the CLI's: the
    // license texts are data (dist/license-texts.json.br), not code.
    it('each bundle stays within its budget', () => {
      const budgetKB: Record<string, number> = { 'scan-worker.js': 400, 'cli.js': 900, 'server.js': 1200, 'client.js': 500 };
      const over = Object.entries(budgetKB)
        .map(([bundle, kb]) => ({ bundle, kb, size: Math.round(fs.statSync(path.join(out, bundle)).size / 1024) }))
        .filter(({ kb, size }) => size > kb);
      assert.deepEqual(over, []);
    });
  });

  it('the npm package ships the license texts the fix writes', function () {
    this.timeout(60000);
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repo, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const [{ files }] = JSON.parse(r.stdout) as { files: { path: string }[] }[];
    const paths = files.map((f) => f.path);
    for (const needed of ['bin/ospo.js', 'dist/cli.js', 'dist/scan-worker.js', 'dist/server.js', 'dist/license-texts.json.br']) {
      assert.ok(paths.includes(needed), `${needed} missing from ${paths.join(', ')}`);
    }
  });
});
