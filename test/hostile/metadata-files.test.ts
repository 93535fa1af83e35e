// Metadata files that are not files (issue 7/7, A): `.gitignore`, `.gitattributes`, REUSE.toml, dep5,
// `package.json`, `.editorconfig` and the baseline, committed as links to /dev/zero or left as FIFOs
// (an archive can hold both), must neither hang nor flood the CLI: each is read as git reads its own,
// a regular file only, never through a link, bounded. Each run has a timeout, so a regression fails.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempTree } from '../temp-tree';
import { describeRun, ended, ospo, serverNodeArgs } from './run';
import { TestClient } from '../protocol/lsp-client';

describe('metadata files that are links to /dev/zero or FIFOs', function () {
  this.timeout(60_000);
  let dir: string;
  before(function () {
    if (process.platform === 'win32') this.skip();
    dir = tempTree({ 'a.py': 'x = 1\n', 'LICENSES/MIT.txt': 'MIT\n', 'legacy.py': Buffer.from('# caf\xe9 \xe0 la cr\xe8me\n', 'latin1') }, 'ospo-metadata-');
    fs.mkdirSync(path.join(dir, '.reuse'));
    fs.mkdirSync(path.join(dir, '.ospo'));
    for (const link of ['.gitignore', 'package.json', '.editorconfig', '.reuse/dep5']) fs.symlinkSync('/dev/zero', path.join(dir, link));
    for (const fifo of ['.gitattributes', 'REUSE.toml', '.ospo/suppressions.json']) {
      assert.equal(spawnSync('mkfifo', [path.join(dir, fifo)]).status, 0, `mkfifo ${fifo}`);
    }
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  for (const args of [
    ['check', '.'],
    ['check', '.', '--reuse'],
    ['fix', '.', '--dry-run'],
    ['report', '--out', '-'],
  ]) {
    it(`ospo ${args.join(' ')} ends, without git`, () => {
      const r = ospo(args, { cwd: dir });
      // A baseline that is a FIFO is refused with a clear error (exit 2); everything else is checked.
      const refused = /^ospo: \.ospo\/suppressions\.json: cannot read it \(not-regular\)$/m.test(r.stderr);
      assert.ok(ended(r) || (ended(r, [2]) && refused), `${args.join(' ')}: ${describeRun(r)}`);
    });
  }

  it('and in a git repository that tracks the links', () => {
    const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: dir };
    // git itself blocks on a FIFO .gitattributes: the test's own git runs with a timeout, and the FIFOs
    // are set aside while it adds the links.
    const git = (...a: string[]) =>
      spawnSync('git', ['-c', 'user.name=Dev', '-c', 'user.email=dev@example.com', ...a], { cwd: dir, env, encoding: 'utf8', timeout: 10_000 });
    fs.renameSync(path.join(dir, '.gitattributes'), path.join(dir, '..', `${path.basename(dir)}.fifo`));
    assert.equal(git('init', '-q').status, 0);
    assert.equal(git('add', 'a.py', '.gitignore', 'package.json', '.editorconfig', '.reuse/dep5').status, 0);
    fs.renameSync(path.join(dir, '..', `${path.basename(dir)}.fifo`), path.join(dir, '.gitattributes'));
    for (const args of [
      ['check', '.'],
      ['fix', '.', '--dry-run'],
    ]) {
      const r = ospo(args, { cwd: dir, env });
      const refused = /suppressions\.json: cannot read it/.test(r.stderr);
      assert.ok(ended(r) || (ended(r, [2]) && refused), `${args.join(' ')}: ${describeRun(r)}`);
    }
  });
});

describe('the language server, in a folder whose metadata files are links to /dev/zero or FIFOs', function () {
  this.timeout(60_000);
  let dir: string;
  let client: TestClient | undefined;
  before(function () {
    if (process.platform === 'win32') this.skip();
    dir = tempTree({ 'a.py': 'x = 1\n', 'LICENSES/MIT.txt': 'MIT\n' }, 'ospo-metadata-lsp-');
    fs.mkdirSync(path.join(dir, '.reuse'));
    for (const link of ['.gitignore', 'package.json', '.editorconfig', '.reuse/dep5']) fs.symlinkSync('/dev/zero', path.join(dir, link));
    for (const fifo of ['.gitattributes', 'REUSE.toml']) assert.equal(spawnSync('mkfifo', [path.join(dir, fifo)]).status, 0, `mkfifo ${fifo}`);
  });
  after(async () => {
    await client?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers: an opened file gets its diagnostics, and a hover is answered', async () => {
    client = new TestClient(serverNodeArgs);
    await client.initialize(dir, { pull: false });
    const uri = 'file://' + path.join(dir, 'a.py');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text: 'x = 1\n' } });
    const deadline = Date.now() + 20_000;
    while (!client.pushed.get(uri)) {
      assert.ok(Date.now() < deadline, 'no diagnostics within 20 s');
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.deepEqual(
      client.pushed.get(uri)!.diagnostics.map((d) => d.code),
      ['header-missing'],
    );
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
  });
});
