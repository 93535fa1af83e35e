// Hostile trees: files and folders a checker must survive without crashing or blocking, each
// skipped or checked with a reason the CLI's `skipped` list shows. The CLI runs as CI runs it (the
// bundled dist/cli.js, spawned with a timeout so a hang fails the test instead of the run); the
// scanner is called directly. Anything that could block the thread (a FIFO) runs in a child
// process, because a blocked event loop would stop mocha's own timeout as well.
// Scanner behaviour already covered by scanner.test.ts (symlink loops, vanishing files, the basic
// content skips) is not repeated here.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkText } from '../../server/src/engine/check';
import { toPolicy } from '../../server/src/engine/policy/model';
import { readForCheck, readSidecar } from '../../server/src/io/read-file';
import { checkFile, ScanSettings } from '../../server/src/scan/check-file';
import { inThreadLimit } from '../../server/src/scan/pool';
import { listFiles } from '../../server/src/scan/walk';
import { tempTree } from '../temp-tree';
import { scanned } from './helpers';

const repo = path.resolve(__dirname, '../../..');
const cli = path.join(repo, 'dist/cli.js');
const good = '// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: MIT\nexport {};\n';
const bare = 'export const x = 1;\n';
const dates = { currentYear: 2026, today: '2026-11-30' };
const isRoot = process.getuid?.() === 0;
const policy = toPolicy({}, 'test');
const MB = 1024 * 1024;

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  timedOut: boolean;
}

/** Runs the bundled CLI; a run that takes longer than `timeout` is killed and reported as timed out. */
function ospo(args: string[], cwd: string, timeout = 20_000): CliRun {
  const started = Date.now();
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout, maxBuffer: 64 * MB });
  return {
    code: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    ms: Date.now() - started,
    timedOut: (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT' || r.signal === 'SIGTERM',
  };
}

/** `ospo check --format json` in `cwd`: skipped files as a map from path to reason. */
function checkJson(
  cwd: string,
  args: string[] = ['.'],
): {
  json: { files: number; findings: { file: string; rule: string }[]; skipped: { file: string; reason: string }[] };
  skipped: Record<string, string>;
  run: CliRun;
} {
  const run = ospo(['check', ...args, '--format', 'json'], cwd);
  assert.equal(run.timedOut, false, 'the CLI hung');
  assert.ok(run.code === 0 || run.code === 1, `exit ${run.code}: ${run.stderr}`);
  const json = JSON.parse(run.stdout);
  return { json, skipped: Object.fromEntries(json.skipped.map((s: { file: string; reason: string }) => [s.file, s.reason])), run };
}

/** Runs `code` (CommonJS, with the compiled modules at hand) in a child process, killed after `timeout`. */
function inChild(code: string, timeout = 10_000): { out: string; timedOut: boolean; ms: number } {
  const started = Date.now();
  const r = spawnSync(process.execPath, ['-e', code], { cwd: path.join(repo, 'out'), encoding: 'utf8', timeout });
  const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT' || r.signal === 'SIGTERM';
  if (!timedOut) assert.equal(r.status, 0, r.stderr);
  return { out: r.stdout, timedOut, ms: Date.now() - started };
}

function mkfifo(file: string): boolean {
  return spawnSync('mkfifo', [file]).status === 0;
}

describe('hostile files', function () {
  this.timeout(30_000);
  const made: string[] = [];
  const locked: string[] = [];

  function tree(files: Record<string, string | Buffer>): string {
    const dir = tempTree(files, 'ospo-hostile-');
    made.push(dir);
    return dir;
  }

  function settings(root: string, extra: Partial<ScanSettings> = {}): ScanSettings {
    return { root, policy, scope: 'all', ...dates, ...extra };
  }

  after(() => {
    for (const file of locked) {
      try {
        fs.chmodSync(file, 0o755);
      } catch {
        /* already gone */
      }
    }
    for (const dir of made) {
      try {
        fs.rmSync(dir, { recursive: true, force: true });
      } catch {
        /* a tree too deep to remove by path */
      }
    }
  });

  describe('content', () => {
    const utf16 = (bom: number[], text: string, be = false) => {
      const body = Buffer.from(text, 'utf16le');
      if (be) body.swap16();
      return Buffer.concat([Buffer.from(bom), body]);
    };

    it('binary files are in the CLI skipped list with the reason; Latin-1 and truncated UTF-8 are read as text (io/encoding.ts)', function () {
      this.timeout(20_000);
      const root = tree({
        'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
        'nul.ts': bare + '\u0000\n',
        'latin1.ts': Buffer.concat([Buffer.from('// caf'), Buffer.from([0xe9]), Buffer.from('\n' + bare)]),
        'truncated-utf8.ts': Buffer.concat([Buffer.from(bare), Buffer.from([0xe2, 0x82])]),
        'ok.ts': good,
      });
      const { skipped, json } = checkJson(root);
      assert.deepEqual(skipped, { 'logo.png': 'binary file', 'nul.ts': 'binary file' });
      assert.equal(json.files, 3);
    });

    it('UTF-16 LE and BE with a BOM are checked, and ospo fix writes them back in UTF-16, every original byte kept', function () {
      this.timeout(20_000);
      const le = utf16([0xff, 0xfe], bare);
      const be = utf16([0xfe, 0xff], bare, true);
      const root = tree({ 'le.ts': le, 'be.ts': be, 'bare.ts': bare });
      const { skipped, json } = checkJson(root);
      assert.deepEqual(skipped, {});
      assert.equal(json.files, 3);
      const fix = ospo(['fix', '.'], root);
      assert.equal(fix.code, 0, fix.stderr);
      for (const [name, before, encoding] of [
        ['le.ts', le, 'utf-16le'],
        ['be.ts', be, 'utf-16be'],
      ] as const) {
        assert.match(fix.stdout, new RegExp(`^fixed ${name.replace('.', '\\.')} `, 'm'));
        const after = fs.readFileSync(path.join(root, name));
        assert.ok(after.subarray(0, 2).equals(before.subarray(0, 2)), `${name}: the BOM stays first`);
        assert.ok(after.subarray(after.length - (before.length - 2)).equals(before.subarray(2)), `${name}: the original text follows the header`);
        const text = new TextDecoder(encoding).decode(after);
        assert.match(text, /^\/\/ SPDX-FileCopyrightText: .*\n\/\/ SPDX-License-Identifier: /, name);
      }
      assert.match(ospo(['fix', '.'], root).stdout, /^0 files changed$/m);
    });

    it('a 200 MB (sparse) file is skipped by size without being read, quickly', function () {
      const root = tree({ 'ok.ts': good });
      const fd = fs.openSync(path.join(root, 'huge.ts'), 'w');
      fs.ftruncateSync(fd, 200 * MB);
      fs.closeSync(fd);
      const started = Date.now();
      const r = checkFile({ rel: 'huge.ts' }, settings(root));
      assert.deepEqual(r.skipped, { id: 'too-large', args: { size: '10' } });
      assert.equal(r.size, 200 * MB);
      assert.ok(Date.now() - started < 500, `checkFile took ${Date.now() - started} ms`);
      const { skipped, run } = checkJson(root);
      assert.deepEqual(skipped, { 'huge.ts': 'larger than 10 MB' });
      assert.ok(run.ms < 10_000, `ospo check took ${run.ms} ms`);
      console.log(`      200 MB sparse file: skipped by size, checkFile ${Date.now() - started} ms, ospo check ${run.ms} ms`);
    });

    it('readForCheck skips a 200 MB file by size too (the editor and `ospo fix` path)', async () => {
      const root = tree({});
      fs.writeFileSync(path.join(root, 'huge.ts'), '');
      fs.truncateSync(path.join(root, 'huge.ts'), 200 * MB);
      const started = Date.now();
      assert.deepEqual(await readForCheck(path.join(root, 'huge.ts')), { skipped: { id: 'too-large', args: { size: '10' } } });
      assert.ok(Date.now() - started < 500);
    });

    it('a single 50 MB line: skipped by size on disk; as text, checkText takes bounded time', function () {
      const line = 'var a=' + 'x'.repeat(50 * MB) + ';';
      const root = tree({ 'one-line.js': line });
      const { skipped } = checkJson(root);
      assert.deepEqual(skipped, { 'one-line.js': 'larger than 10 MB' });
      // The same text as an open document (lsp/diagnostics.ts skips buffers above 10 MB; this is the engine's own time).
      const started = Date.now();
      const result = checkText({ path: 'one-line.js', text: line, ...dates }, policy);
      const ms = Date.now() - started;
      assert.deepEqual(
        result.findings.map((f) => f.rule),
        ['header-missing'],
      );
      assert.ok(ms < 5_000, `checkText on a 50 MB line took ${ms} ms`);
      // 10 MB, just under the limit the editor checks as you type.
      const started10 = Date.now();
      checkText({ path: 'one-line.js', text: line.slice(0, 10 * MB - 1), ...dates }, policy);
      const ms10 = Date.now() - started10;
      assert.ok(ms10 < 2_000, `checkText on a 10 MB line took ${ms10} ms`);
      console.log(`      50 MB single line: checkText ${ms} ms (10 MB: ${ms10} ms)`);
    });

    it('minified bundles (one long line) are checked, and quickly', function () {
      const body = Array.from({ length: 40_000 }, (_, i) => `function f${i}(a,b){return a+b*${i}}`).join(';');
      const root = tree({ 'dist-like/bundle.js': `/*! SPDX-License-Identifier: MIT */${body}\n`, 'vendor.js': body, 'ok.ts': good });
      assert.ok(body.length > 1 * MB);
      const started = Date.now();
      const { json, skipped, run } = checkJson(root);
      assert.deepEqual(skipped, {});
      assert.equal(json.files, 3);
      assert.deepEqual(
        json.findings.filter((f) => f.file === 'vendor.js').map((f) => f.rule),
        ['header-missing'],
      );
      assert.deepEqual(
        json.findings.filter((f) => f.file === 'dist-like/bundle.js').map((f) => f.rule),
        ['copyright-missing'],
      );
      assert.ok(run.ms < 10_000, `took ${run.ms} ms`);
      console.log(`      minified bundles (${(body.length / MB).toFixed(1)} MB one line each): ospo check ${Date.now() - started} ms`);
    });
  });

  describe('files that change during a scan', () => {
    it('a scan on worker threads survives files rewritten, truncated, grown, replaced and deleted under it', async function () {
      this.timeout(30_000);
      const n = inThreadLimit + 300;
      const names = Array.from({ length: n }, (_, i) => `src/f${String(i).padStart(4, '0')}.ts`);
      const root = tree(Object.fromEntries(names.map((f) => [f, good + '// filler\n'.repeat(200)])));
      // Another process changes the files the whole time the scan runs.
      const mutator = `
        const fs = require('fs'), path = require('path');
        const root = ${JSON.stringify(root)}, names = ${JSON.stringify(names)};
        const end = Date.now() + 8000;
        let i = 0;
        while (Date.now() < end) {
          const f = path.join(root, names[i++ % names.length]);
          try {
            switch (i % 6) {
              case 0: fs.writeFileSync(f, ''); break;
              case 1: fs.appendFileSync(f, '// more\\n'.repeat(50)); break;
              case 2: fs.truncateSync(f, 10); break;
              case 3: fs.rmSync(f, { force: true }); break;
              case 4: fs.writeFileSync(f + '.tmp', 'export {};\\n'); fs.renameSync(f + '.tmp', f); break;
              case 5: fs.writeFileSync(f, Buffer.from([0, 1, 2, 3])); break;
            }
          } catch {}
        }`;
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const child = require('node:child_process').spawn(process.execPath, ['-e', mutator], { stdio: 'ignore' });
      try {
        await new Promise((resolve) => setTimeout(resolve, 100));
        for (let round = 0; round < 3; round++) {
          const report = await scanned({ root, policy, workers: 2, ...dates });
          assert.equal(report.cancelled, false);
          // Every file the walk found is either checked or skipped with a reason; none is lost.
          const seen = new Set([...report.files.map((f) => f.rel), ...report.skipped.map((s) => s.file)]);
          for (const s of report.skipped) assert.match(s.reason.id, /^(empty|binary|gone|not-utf8)$/, `${s.file}: ${s.reason.id}`);
          assert.ok(seen.size <= n);
          assert.ok(seen.size > n / 2, `only ${seen.size} of ${n} files seen`);
        }
      } finally {
        child.kill();
      }
    });
  });

  describe('permissions', () => {
    it('a permission-denied file and folder are in the CLI skipped list, and the rest is checked', function () {
      if (isRoot) this.skip(); // root reads chmod 000 files and folders anyway
      const root = tree({ 'locked.ts': good, 'closed/inner.ts': good, 'open.ts': bare });
      for (const f of ['locked.ts', 'closed']) {
        fs.chmodSync(path.join(root, f), 0o000);
        locked.push(path.join(root, f));
      }
      const { json, skipped } = checkJson(root);
      assert.deepEqual(skipped, { 'locked.ts': 'unreadable: EACCES', closed: 'unreadable folder: EACCES' });
      assert.equal(json.files, 1);
      const fix = ospo(['fix', '.'], root);
      assert.equal(fix.code, 0, fix.stderr);
      assert.match(fix.stderr, /skipped locked\.ts: unreadable: EACCES/);
    });
  });

  describe('symbolic links out of the workspace', () => {
    let outside: string;
    let root: string;

    before(() => {
      outside = tree({ 'secret.ts': bare, 'dir/deep.ts': bare });
      root = tree({ 'ok.ts': good });
      fs.symlinkSync(path.join(outside, 'secret.ts'), path.join(root, 'secret-link.ts'));
      fs.symlinkSync(path.join(outside, 'dir'), path.join(root, 'outdir'));
      fs.symlinkSync('/etc/passwd', path.join(root, 'passwd.ts'));
      fs.symlinkSync(path.join(outside, 'secret.ts'), path.join(root, 'ok.ts.license'));
    });

    it('are listed as skipped and never followed by a scan', async () => {
      const report = await scanned({ root, policy, workers: 0, ...dates });
      assert.deepEqual(
        report.files.map((f) => f.rel),
        ['ok.ts'],
      );
      assert.deepEqual(Object.fromEntries(report.skipped.map((s) => [s.file, s.reason.id])), {
        'ok.ts.license': 'symlink',
        outdir: 'symlink',
        'passwd.ts': 'symlink',
        'secret-link.ts': 'symlink',
      });
    });

    it('a link named on the command line is not read through either (O_NOFOLLOW)', () => {
      const { skipped, json } = checkJson(root, ['secret-link.ts']);
      assert.deepEqual(skipped, { 'secret-link.ts': 'symbolic link' });
      assert.equal(json.files, 0);
      assert.deepEqual(checkFile({ rel: 'passwd.ts' }, settings(root)).skipped, { id: 'symlink' });
    });

    it('a linked .license sidecar is not read', async () => {
      assert.equal(await readSidecar(path.join(root, 'ok.ts')), undefined);
      assert.deepEqual(await readForCheck(path.join(root, 'secret-link.ts')), { skipped: { id: 'symlink' } });
    });

    it('ospo fix changes nothing outside the workspace', () => {
      const before = fs.readFileSync(path.join(outside, 'secret.ts'), 'utf8');
      for (const args of [
        ['fix', '.'],
        ['fix', 'secret-link.ts'],
        ['fix', 'outdir/deep.ts'],
        ['fix', 'outdir'],
      ]) {
        const r = ospo(args, root);
        assert.equal(r.timedOut, false);
        assert.doesNotMatch(r.stdout, /^fixed /m, `${args.join(' ')}: ${r.stdout}`);
      }
      assert.equal(fs.readFileSync(path.join(outside, 'secret.ts'), 'utf8'), before);
      assert.equal(fs.readFileSync(path.join(outside, 'dir/deep.ts'), 'utf8'), bare);
    });
  });

  describe('FIFOs and devices', () => {
    let root: string;
    let hasFifo = false;

    before(function () {
      root = tree({ 'ok.ts': good, 'with-pipe-sidecar.ts': good });
      hasFifo = mkfifo(path.join(root, 'pipe.ts')) && mkfifo(path.join(root, 'with-pipe-sidecar.ts.license'));
      if (!hasFifo) this.skip();
    });

    it('the walk lists a FIFO as skipped, and a whole CLI check does not block on it', () => {
      const { skipped, json } = checkJson(root);
      assert.deepEqual(skipped, { 'pipe.ts': 'not a regular file', 'with-pipe-sidecar.ts.license': 'not a regular file' });
      assert.equal(json.files, 2);
    });

    it('a FIFO named on the command line is skipped, not opened for a blocking read', () => {
      const { skipped } = checkJson(root, ['pipe.ts']);
      assert.deepEqual(skipped, { 'pipe.ts': 'not a regular file' });
      const fix = ospo(['fix', 'pipe.ts'], root, 10_000);
      assert.equal(fix.timedOut, false, 'ospo fix blocked on a FIFO');
    });

    it('checkFile and readForCheck never block on a FIFO, as the file or as its sidecar', () => {
      const r = inChild(`
        const { checkFile } = require('./server/src/scan/check-file');
        const { readForCheck, readSidecar } = require('./server/src/io/read-file');
        const { toPolicy } = require('./server/src/engine/policy/model');
        const s = { root: ${JSON.stringify(root)}, policy: toPolicy({}, 't'), scope: 'all', currentYear: 2026, today: '2026-11-30' };
        (async () => {
          const out = {
            pipe: checkFile({ rel: 'pipe.ts' }, s).skipped,
            sidecar: checkFile({ rel: 'with-pipe-sidecar.ts', sidecar: true }, s).findings.map((f) => f.rule),
            read: await readForCheck(${JSON.stringify(path.join(root, 'pipe.ts'))}),
            side: await readSidecar(${JSON.stringify(path.join(root, 'with-pipe-sidecar.ts'))}),
          };
          console.log(JSON.stringify(out));
        })();`);
      assert.equal(r.timedOut, false, 'blocked on a FIFO');
      assert.deepEqual(JSON.parse(r.out), { pipe: { id: 'not-regular' }, sidecar: [], read: { skipped: { id: 'not-regular' } } });
    });

    it('device files are never read: /dev/zero and /dev/urandom are skipped at once', async () => {
      const r = inChild(`
        const { checkFile } = require('./server/src/scan/check-file');
        const { toPolicy } = require('./server/src/engine/policy/model');
        const s = { root: '/dev', policy: toPolicy({}, 't'), scope: 'all', currentYear: 2026, today: '2026-11-30' };
        console.log(JSON.stringify(['zero', 'urandom', 'null'].map((rel) => checkFile({ rel }, s).skipped)));`);
      assert.equal(r.timedOut, false, 'read a device');
      assert.deepEqual(JSON.parse(r.out), [{ id: 'not-regular' }, { id: 'not-regular' }, { id: 'not-regular' }]);
      assert.deepEqual(await readForCheck('/dev/zero'), { skipped: { id: 'not-regular' } });
      const dev = checkJson('/dev', ['/dev/zero']);
      assert.deepEqual(Object.values(dev.skipped), ['not a regular file']);
    });

    it('a device node inside the tree is listed as skipped (when mknod is allowed)', function () {
      const dir = tree({ 'ok.ts': good });
      if (spawnSync('mknod', [path.join(dir, 'zero.ts'), 'c', '1', '5']).status !== 0) this.skip();
      const { skipped } = checkJson(dir);
      assert.deepEqual(skipped, { 'zero.ts': 'not a regular file' });
      const named = checkJson(dir, ['zero.ts']);
      assert.deepEqual(named.skipped, { 'zero.ts': 'not a regular file' });
    });
  });

  describe('very deep trees', () => {
    it('300 nested folders are walked and the file at the bottom is checked', async function () {
      const root = tree({});
      const deep = path.join(root, ...Array.from({ length: 300 }, () => 'd'));
      fs.mkdirSync(deep, { recursive: true });
      fs.writeFileSync(path.join(deep, 'bottom.ts'), bare);
      fs.writeFileSync(path.join(root, 'top.ts'), good);
      const started = Date.now();
      const { files } = await listFiles(root, policy, undefined);
      assert.deepEqual(files, [Array.from({ length: 300 }, () => 'd').join('/') + '/bottom.ts', 'top.ts']);
      const { json } = checkJson(root);
      assert.equal(json.files, 2);
      assert.deepEqual(
        json.findings.map((f) => f.rule),
        ['header-missing'],
      );
      console.log(`      300 levels deep: listed and checked in ${Date.now() - started} ms`);
    });

    it('a tree deeper than PATH_MAX: the walk reports what it cannot open and goes on', function () {
      const root = tree({ 'top.ts': good });
      // Built with relative mkdirs from inside (in a child: chdir is per process), as no single path may be this long.
      const r = spawnSync(process.execPath, [
        '-e',
        `
        const fs = require('fs'); process.chdir(process.argv[1]);
        for (let i = 0; i < 30; i++) { fs.mkdirSync('${'a'.repeat(200)}'); process.chdir('${'a'.repeat(200)}'); }
        fs.writeFileSync('deep.ts', 'x\\n');`,
        root,
      ]);
      if (r.status !== 0) this.skip();
      const run = checkJson(root);
      assert.equal(run.json.files, 1);
      const reasons = Object.values(run.skipped);
      assert.ok(reasons.length >= 1);
      assert.deepEqual([...new Set(reasons.map((reason) => reason.replace(/: .*/, '')))], ['unreadable folder']);
      // fs.rmSync cannot remove it by path; rm -rf walks it relative to each folder.
      spawnSync('rm', ['-rf', root]);
    });
  });
});
