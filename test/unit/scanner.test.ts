import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { toPolicy } from '../../server/src/engine/policy/model';
import type { Policy } from '../../server/src/engine/policy/model';
import type { Finding } from '../../server/src/engine/findings';
import { skipText, type SkipReason } from '../../server/src/engine/coverage';
import { GitRules } from '../../server/src/io/git-rules';
import { ScanCache } from '../../server/src/scan/cache';
import { checkFile, FileJob, FileResult, headerWindowBytes, ScanSettings } from '../../server/src/scan/check-file';
import { Cancellation, CheckPool, checkFiles, inThreadLimit } from '../../server/src/scan/pool';
import { listFiles } from '../../server/src/scan/walk';
import { tempTree } from '../temp-tree';
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { reusePolicy } from '../../server/src/engine/reuse/policy';
import { setLocale } from '../../server/src/engine/l10n';
import { resultsOf, scanned } from './helpers';

const good = '// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: MIT\nexport {};\n';
const bare = 'export const x = 1;\n';
const dates = { currentYear: 2026, today: '2026-11-30' };
const isRoot = process.getuid?.() === 0;

describe('workspace scanner', () => {
  const made: string[] = [];
  const locked: string[] = [];

  function tree(files: Record<string, string | Buffer>): string {
    const dir = tempTree(files, 'ospo-scan-');
    made.push(dir);
    return dir;
  }

  /** chmod 000, undone in `after` so the tree can be removed. */
  function lock(file: string): void {
    fs.chmodSync(file, 0o000);
    locked.push(file);
  }

  function settings(root: string, policy: Policy, extra: Partial<ScanSettings> = {}): ScanSettings {
    return { root, policy, scope: 'all', ...dates, ...extra };
  }

  const rules = (findings: Finding[]) => findings.map((f) => f.rule);
  const byRel = (a: FileResult, b: FileResult) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0);

  after(() => {
    for (const file of locked) {
      try {
        fs.chmodSync(file, 0o755);
      } catch {
        /* already gone */
      }
    }
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('listFiles: ignore rules', () => {
    let root: string;
    const policy = toPolicy({ files: { exclude: ['dist/**', '**/*.min.js'] } }, 'test');

    before(() => {
      root = tree({
        '.gitignore': 'build/\n*.log\n!keep.log\n',
        'build/.gitignore': '!out.js\n',
        'build/out.js': good,
        'src/.gitignore': 'gen/*\n!gen/keep.ts\n*.tmp\n',
        'src/a.ts': good,
        'src/gen/x.ts': good,
        'src/gen/keep.ts': good,
        'src/notes.tmp': '',
        'notes.tmp': '',
        'debug.log': '',
        'keep.log': '',
        'dist/bundle.js': '',
        'dist/sub/deep.js': '',
        'lib/a.js': '',
        'lib/a.min.js': '',
        'lib/deep/b.min.js': '',
        '.git/config': '',
        '.git/info/exclude': 'local.md\n',
        'local.md': '',
        'node_modules/pkg/index.js': '',
        'pkg/node_modules/dep/index.js': '',
        'pkg/index.js': '',
        'sub/one.ts': '',
        'sub/inner/two.ts': '',
        'sub/debug.log': '',
        'subway.ts': '',
      });
    });

    it('follows nested .gitignore files with negation, .git/info/exclude and files.exclude', async () => {
      const { files, skipped } = await listFiles(root, policy, new GitRules(root));
      assert.deepEqual(files, [
        '.gitignore',
        'keep.log',
        'lib/a.js',
        'notes.tmp',
        'pkg/index.js',
        'src/.gitignore',
        'src/a.ts',
        'src/gen/keep.ts',
        'sub/inner/two.ts',
        'sub/one.ts',
        'subway.ts',
      ]);
      assert.deepEqual(skipped, []);
    });

    it('does not enter an ignored folder: a negation inside it does not bring its file back', async () => {
      const git = new GitRules(root);
      // Asked on its own, the entry passes (build/.gitignore un-ignores it): only not walking build/ keeps it out.
      assert.equal(git.matches('build/out.js'), false);
      assert.equal(git.isIgnored('build/out.js'), true);
      const { files } = await listFiles(root, policy, git);
      assert.ok(!files.some((f) => f.startsWith('build/')), files.join(', '));
    });

    it('files.exclude drops dist/** and **/*.min.js, which are listed without it', async () => {
      const { files } = await listFiles(root, policy, new GitRules(root));
      const { files: unexcluded } = await listFiles(root, toPolicy({}, 'test'), new GitRules(root));
      const excluded = ['dist/bundle.js', 'dist/sub/deep.js', 'lib/a.min.js', 'lib/deep/b.min.js'];
      for (const f of excluded) {
        assert.ok(!files.includes(f), `${f} is excluded`);
        assert.ok(unexcluded.includes(f), `${f} is listed without files.exclude`);
      }
      assert.ok(files.includes('lib/a.js'), 'a folder holding *.min.js files is still walked');
    });

    it('files.respectGitignore: false lists ignored files, but never .git/ or node_modules/', async () => {
      const raw = toPolicy({ files: { respectGitignore: false } }, 'test');
      const { files } = await listFiles(root, raw, new GitRules(root));
      for (const f of ['debug.log', 'build/out.js', 'build/.gitignore', 'src/gen/x.ts', 'src/notes.tmp', 'local.md', 'sub/debug.log']) {
        assert.ok(files.includes(f), `${f} is listed when .gitignore is not respected`);
      }
      assert.deepEqual(
        files.filter((f) => /(^|\/)(\.git|node_modules)\//.test(f)),
        [],
      );
    });

    it('never lists .git/ or node_modules/, with or without git rules, even when included explicitly', async () => {
      const p = toPolicy({ files: { include: ['**/*', '.git/**', 'node_modules/**'], respectGitignore: false } }, 'test');
      for (const git of [undefined, new GitRules(root)]) {
        const { files } = await listFiles(root, p, git);
        assert.ok(files.includes('pkg/index.js'));
        assert.deepEqual(
          files.filter((f) => /(^|\/)(\.git|node_modules)\//.test(f)),
          [],
        );
      }
    });

    it('lists only under a subfolder, with paths relative to the root and the root rules applied', async () => {
      const git = new GitRules(root);
      assert.deepEqual((await listFiles(root, policy, git, 'sub')).files, ['sub/inner/two.ts', 'sub/one.ts']);
      assert.deepEqual((await listFiles(root, policy, git, 'sub/')).files, ['sub/inner/two.ts', 'sub/one.ts']);
      assert.deepEqual((await listFiles(root, policy, git, 'src/gen')).files, ['src/gen/keep.ts']);
      assert.deepEqual(await listFiles(root, policy, git, 'build'), { files: [], skipped: [] }, 'an ignored folder');
    });

    it('does not read excluded or ignored folders at all (an unreadable one is not reported)', async function () {
      if (isRoot) this.skip(); // root reads a chmod 000 folder anyway
      const dir = tree({ '.gitignore': 'build/\n', 'build/x/a.ts': '', 'dist/x/a.ts': '', 'ok/a.ts': '' });
      lock(path.join(dir, 'build/x'));
      lock(path.join(dir, 'dist/x'));
      const { files, skipped } = await listFiles(dir, policy, new GitRules(dir));
      assert.deepEqual(files, ['.gitignore', 'ok/a.ts']);
      assert.deepEqual(skipped, []);
    });
  });

  describe('symbolic links', () => {
    let root: string;

    before(() => {
      root = tree({ 'real/a.ts': good, 'target.ts': good, 'a/b.ts': bare });
      fs.symlinkSync('target.ts', path.join(root, 'link.ts'));
      fs.symlinkSync('real', path.join(root, 'linkdir'));
      fs.symlinkSync('..', path.join(root, 'a/loop'));
    });

    it('reports links as skipped, does not follow a linked folder, and survives a loop', async () => {
      const { files, skipped } = await listFiles(root, toPolicy({}, 'test'), new GitRules(root));
      assert.deepEqual(files, ['a/b.ts', 'real/a.ts', 'target.ts']);
      assert.deepEqual(skipped, [
        { file: 'a/loop', reason: { id: 'symlink' } },
        { file: 'link.ts', reason: { id: 'symlink' } },
        { file: 'linkdir', reason: { id: 'symlink' } },
      ]);
    });

    // Regression: fs.walk started on root/linkdir read through the link, while a scan of the whole
    // root reports linkdir as a skipped symbolic link.
    it('scanning under a symlinked folder does not follow it either', async () => {
      const listing = await listFiles(root, toPolicy({}, 'test'), new GitRules(root), 'linkdir');
      assert.deepEqual(listing.files, []);
    });

    it('a whole scan of the tree with the loop finishes', async () => {
      const report = await scanned({ root, policy: toPolicy({}, 'test'), git: new GitRules(root), workers: 0, ...dates });
      assert.deepEqual(
        report.files.map((f) => f.rel),
        ['a/b.ts', 'real/a.ts', 'target.ts'],
      );
      assert.deepEqual(rules(report.files[0].findings), ['header-missing']);
      assert.deepEqual(
        report.skipped.map((s) => s.file),
        ['a/loop', 'link.ts', 'linkdir'],
      );
      assert.equal(report.cancelled, false);
    });
  });

  describe('unreadable and vanishing files', () => {
    const policy = toPolicy({}, 'test');

    it('an unreadable file is listed, then skipped with the error', async function () {
      if (isRoot) this.skip(); // root reads a chmod 000 file anyway
      const root = tree({ 'locked.ts': good, 'open.ts': good });
      lock(path.join(root, 'locked.ts'));
      const { files } = await listFiles(root, policy, undefined);
      assert.deepEqual(files, ['locked.ts', 'open.ts']);
      const r = checkFile({ rel: 'locked.ts' }, settings(root, policy));
      assert.deepEqual(r.skipped, { id: 'unreadable', args: { error: 'EACCES' } });
      const report = await scanned({ root, policy, workers: 0, ...dates });
      assert.deepEqual(report.skipped, [{ file: 'locked.ts', reason: { id: 'unreadable', args: { error: 'EACCES' } } }]);
      assert.deepEqual(report.files, [{ rel: 'open.ts', findings: [] }]);
    });

    it('an unreadable folder is skipped with the error and the walk goes on', async function () {
      if (isRoot) this.skip(); // root reads a chmod 000 folder anyway
      const root = tree({ 'closed/x.ts': good, 'closed/deeper/y.ts': good, 'open/z.ts': good, 'top.ts': good });
      lock(path.join(root, 'closed'));
      const { files, skipped } = await listFiles(root, policy, new GitRules(root));
      assert.deepEqual(files, ['open/z.ts', 'top.ts']);
      assert.deepEqual(skipped, [{ file: 'closed', reason: { id: 'unreadable-folder', args: { error: 'EACCES' } } }]);
    });

    it('a file deleted between listing and checking is skipped as gone, without throwing', async () => {
      const root = tree({ 'a.ts': good, 'b.ts': bare, 'c.ts': good });
      const { files } = await listFiles(root, policy, undefined);
      assert.deepEqual(files, ['a.ts', 'b.ts', 'c.ts']);
      fs.rmSync(path.join(root, 'b.ts'));
      const s = settings(root, policy);
      assert.deepEqual(checkFile({ rel: 'b.ts' }, s), { rel: 'b.ts', size: 0, mtimeMs: 0, findings: [], skipped: { id: 'gone' } });
      const run = await checkFiles(
        files.map((rel) => ({ rel })),
        s,
        { workers: 0 },
      );
      assert.equal(run.cancelled, false);
      assert.deepEqual(
        run.results.map((r) => [r.rel, r.skipped]),
        [
          ['a.ts', undefined],
          ['b.ts', { id: 'gone' }],
          ['c.ts', undefined],
        ],
      );
    });

    it('files deleted after listing are skipped as gone on worker threads too', async () => {
      const names = Array.from({ length: inThreadLimit + 44 }, (_, i) => `f${String(i).padStart(4, '0')}.ts`);
      const root = tree(Object.fromEntries(names.map((n) => [n, good])));
      const { files } = await listFiles(root, policy, undefined);
      assert.equal(files.length, names.length);
      const gone = [files[3], files[200], files[files.length - 1]];
      for (const f of gone) fs.rmSync(path.join(root, f));
      const run = await checkFiles(
        files.map((rel) => ({ rel })),
        settings(root, policy),
        { workers: 2 },
      );
      assert.equal(run.results.length, files.length);
      const skipped = run.results
        .filter((r) => r.skipped)
        .map((r) => [r.rel, r.skipped])
        .sort();
      assert.deepEqual(
        skipped,
        gone.map((f) => [f, { id: 'gone' }]),
      );
    });
  });

  describe("the CLI's thread helping the workers", () => {
    const policy = toPolicy({}, 'test');
    it('checks part of the queue here and part on a worker, each file once, with the same results as workers alone', async function () {
      // On one core this thread does not help (scan/pool.ts): nothing to see there.
      if (availableParallelism() < 2) this.skip();
      const names = Array.from({ length: inThreadLimit + 88 }, (_, i) => `f${String(i).padStart(4, '0')}.ts`);
      const root = tree(Object.fromEntries(names.map((n, i) => [n, i % 3 ? good : bare])));
      const jobs = names.map((rel) => ({ rel }));
      const helped = await checkFiles(jobs, settings(root, policy), { workers: 1, helpInThread: true });
      const alone = await checkFiles(jobs, settings(root, policy), { workers: 1 });
      const byPath = (run: typeof helped) =>
        resultsOf(run)
          .map((r) => [r.rel, r.findings.map((f) => f.rule), r.skipped])
          .sort();
      assert.deepEqual(byPath(helped), byPath(alone));
      assert.equal(helped.results.length, names.length);
      assert.ok(helped.inThread > 0 && helped.inThread < names.length, `${helped.inThread} of ${names.length} checked here`);
      assert.equal(alone.inThread, 0);
    });

    it('when every batch ends after one file, what is left goes back to the queue: each file is checked once, here or on the worker', async function () {
      if (availableParallelism() < 2) this.skip();
      const names = Array.from({ length: inThreadLimit + 40 }, (_, i) => `g${String(i).padStart(4, '0')}.ts`);
      const root = tree(Object.fromEntries(names.map((n, i) => [n, i % 3 ? good : bare])));
      const jobs = names.map((rel) => ({ rel }));
      const batches: number[] = [];
      const sliced = await checkFiles(jobs, settings(root, policy), { workers: 1, helpInThread: true, sliceMs: 0, onResults: (b) => batches.push(b.length) });
      const inThread = await checkFiles(jobs, settings(root, policy), { workers: 0 });
      assert.deepEqual(sliced.results.map((r) => r.rel).sort(), names, 'each file once');
      assert.deepEqual(resultsOf(sliced).sort(byRel), resultsOf(inThread).sort(byRel));
      assert.ok(
        batches.every((n) => n === 1),
        `batches: ${batches}`,
      );
      assert.ok(sliced.inThread < names.length, 'the worker checked some');
    });
  });

  describe("the language server's workers", () => {
    const policy = toPolicy({}, 'test');
    /** The nice value of each thread of this process, read while a worker is alive. */
    const nices = () =>
      fs.readdirSync('/proc/self/task').flatMap((tid) => {
        let stat: string;
        try {
          stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        } catch {
          return []; // the thread ended since the listing
        }
        // The fields after the command name's closing parenthesis: nice is the 19th field of the line, the 17th of these.
        return [Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])];
      });

    it('run at a lower priority than the thread that answers the editor, where the CLI’s do not (Linux)', async function () {
      if (process.platform !== 'linux') this.skip();
      // Past the limit below which the pool checks in its own thread, with no worker.
      const names = Array.from({ length: inThreadLimit + 40 }, (_, i) => `n${i}.ts`);
      const root = tree(Object.fromEntries(names.map((n) => [n, good])));
      const jobs = names.map((rel) => ({ rel }));
      const own = nices()[0];
      const seen = { server: [] as number[], cli: [] as number[] };
      await checkFiles(jobs, settings(root, policy), { workers: 1, sliceMs: 0, onResults: () => seen.server.push(...nices()) });
      await checkFiles(jobs, settings(root, policy), { workers: 1, helpInThread: true, sliceMs: 0, onResults: () => seen.cli.push(...nices()) });
      const values = (ns: number[]) => [...new Set(ns)].join(', ');
      assert.ok(seen.server.includes(Math.min(19, own + 10)), `threads' nice values: ${values(seen.server)}`);
      assert.ok(
        seen.cli.every((n) => n === own),
        `threads' nice values: ${values(seen.cli)}`,
      );
    });
  });

  describe('content that is not checked', () => {
    const policy = toPolicy({}, 'test');
    const utf16 = (bom: number[], text: string, be = false) => {
      const body = Buffer.from(text, 'utf16le');
      if (be) body.swap16();
      return Buffer.concat([Buffer.from(bom), body]);
    };
    const contents: Record<string, string | Buffer> = {
      'bin.dat': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x00, 0x00, 0x01, 0x02]),
      'nul.ts': good + '\u0000tail\n',
      'latin1.ts': Buffer.concat([Buffer.from(good), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])]),
      'utf16le.ts': utf16([0xff, 0xfe], good),
      'utf16be.ts': utf16([0xfe, 0xff], good, true),
      'empty.ts': '',
      // Without git-lfs installed, the checkout holds the pointer: a header written into it would break it.
      'logo.png': 'version https://git-lfs.github.com/spec/v1\noid sha256:' + 'ab'.repeat(32) + '\nsize 4096\n',
      'notes.txt': 'version https://git-lfs.github.com/spec/v1 is the format we use\n' + bare,
      'big.ts': good + '// ' + 'x'.repeat(2000) + '\n',
      'good.ts': good,
      'bare.ts': bare,
    };
    const expected: Record<string, SkipReason | undefined> = {
      'bin.dat': { id: 'binary' },
      'nul.ts': { id: 'binary' },
      // Read in their own encodings (io/encoding.ts): a guess, and a byte order mark.
      'latin1.ts': undefined,
      'utf16le.ts': undefined,
      'utf16be.ts': undefined,
      'empty.ts': { id: 'empty' },
      'logo.png': { id: 'lfs-pointer' },
      'notes.txt': undefined,
      // maxBytes 1000 is 0 MB, rounded.
      'big.ts': { id: 'too-large', args: { size: '0' } },
      'good.ts': undefined,
      'bare.ts': undefined,
    };

    it('binary, empty, Git LFS pointer and too large files are skipped with the reason; Latin-1 and UTF-16 are read', async () => {
      const root = tree(contents);
      const run = await checkFiles(
        Object.keys(contents).map((rel) => ({ rel })),
        settings(root, policy, { maxBytes: 1000 }),
        { workers: 0 },
      );
      const got = Object.fromEntries(run.results.map((r) => [r.rel, r.skipped]));
      for (const [rel, reason] of Object.entries(expected)) assert.deepEqual(got[rel], reason, rel);
      const big = run.results.find((r) => r.rel === 'big.ts')!;
      assert.equal(big.size, fs.statSync(path.join(root, 'big.ts')).size, 'a skipped file still reports its size');
      assert.deepEqual(rules(resultsOf(run).find((r) => r.rel === 'bare.ts')!.findings), ['header-missing']);
      assert.deepEqual(resultsOf(run).find((r) => r.rel === 'good.ts')!.findings, []);
      for (const rel of ['latin1.ts', 'utf16le.ts', 'utf16be.ts']) assert.deepEqual(resultsOf(run).find((r) => r.rel === rel)!.findings, [], rel);
    });

    it('without maxBytes the big file is checked; a whole scan reports the others as skipped', async () => {
      const root = tree(contents);
      const report = await scanned({ root, policy, workers: 0, ...dates });
      assert.deepEqual(
        report.files.map((f) => f.rel),
        ['bare.ts', 'big.ts', 'good.ts', 'latin1.ts', 'notes.txt', 'utf16be.ts', 'utf16le.ts'],
      );
      assert.deepEqual(report.files.find((f) => f.rel === 'big.ts')!.findings, []);
      assert.deepEqual(
        Object.fromEntries(report.skipped.map((s) => [s.file, s.reason])),
        Object.fromEntries(Object.entries(expected).filter(([rel, r]) => r && rel !== 'big.ts')),
      );
    });
  });

  describe('cancellation and worker threads', () => {
    const policy = toPolicy({}, 'test');
    const count = inThreadLimit * 2 + 100;
    let root: string;
    let jobs: FileJob[];

    before(() => {
      const files: Record<string, string | Buffer> = {};
      for (let i = 0; i < count; i++) {
        const name = `d${i % 7}/f${String(i).padStart(4, '0')}.ts`;
        files[name] = i % 3 === 0 ? bare : i % 50 === 1 ? Buffer.from([0, 1, 2]) : good;
      }
      root = tree(files);
      jobs = Object.keys(files)
        .sort()
        .map((rel) => ({ rel }));
    });

    async function cancelAfterFirst(workers: number) {
      const token = { isCancellationRequested: false };
      const batches: number[] = [];
      const run = await checkFiles(jobs, settings(root, policy), {
        workers,
        token: token as Cancellation,
        onResults: (batch) => {
          batches.push(batch.length);
          token.isCancellationRequested = true;
        },
      });
      return { run, batches };
    }

    it('on worker threads, a cancelled run stops early and says so', async () => {
      const { run, batches } = await cancelAfterFirst(2);
      assert.equal(run.cancelled, true);
      assert.ok(run.results.length > 0, 'the results before the cancellation are kept');
      assert.ok(run.results.length < jobs.length, `${run.results.length} of ${jobs.length}`);
      assert.equal(
        batches.reduce((a, b) => a + b, 0),
        run.results.length,
      );
      assert.equal(run.inThread, 0, 'ran on worker threads');
    });

    it('in this thread, a cancelled run stops early and says so', async () => {
      const { run, batches } = await cancelAfterFirst(0);
      assert.equal(run.cancelled, true);
      assert.ok(run.results.length > 0);
      assert.ok(run.results.length < jobs.length, `${run.results.length} of ${jobs.length}`);
      assert.deepEqual(batches, [run.results.length]);
    });

    it('a worker that fails loses the batch it was checking, reported check-failed; the batch waiting in its port is checked', async () => {
      // jobs[5] is in the first batch; the second batch waits in the worker's port when it fails.
      const boom = jobs[5].rel;
      try {
        // A thrown error, then an exit without one: both with one worker and with two.
        for (const [hook, workers] of [
          [boom, 1],
          [boom, 2],
          [`exit:${boom}`, 1],
          [`exit:${boom}`, 2],
        ] as const) {
          process.env.OSPO_TEST_WORKER_CRASH_ON = hook;
          const run = await checkFiles(jobs, settings(root, policy), { workers, sliceMs: 1e9 });
          assert.deepEqual(
            run.results.map((r) => r.rel).sort(),
            jobs.map((j) => j.rel),
            'every file once',
          );
          const failed = run.results.filter((r) => r.skipped?.id === 'check-failed').map((r) => r.rel);
          assert.ok(failed.includes(boom), `${hook}, ${workers} worker(s): ${boom} failed`);
          // Only the failing batch: the first 128 files.
          assert.deepEqual(
            failed.sort(),
            jobs.slice(0, 128).map((j) => j.rel),
            `${hook}, ${workers} worker(s)`,
          );
        }
      } finally {
        delete process.env.OSPO_TEST_WORKER_CRASH_ON;
      }
    });

    it('a run that fails in this thread ends its workers, and none is started again to keep the process alive', async function () {
      if (availableParallelism() < 2) this.skip();
      const pool = new CheckPool(settings(root, policy), { workers: 1, helpInThread: true });
      // This thread's part fails while the worker holds its two batches: ending it must not read as its failure.
      (pool as unknown as { help: () => Promise<void> }).help = async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        throw new Error('failed in this thread');
      };
      pool.add(jobs);
      await assert.rejects(pool.finish(), /failed in this thread/);
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal((pool as unknown as { workers: unknown[] }).workers.length, 0);
    });

    it('a token never set does not cancel', async () => {
      const run = await checkFiles(jobs, settings(root, policy), { workers: 2, token: { isCancellationRequested: false } });
      assert.equal(run.cancelled, false);
      assert.equal(run.results.length, jobs.length);
    });

    it('workers and this thread give the same results', async () => {
      const s = settings(root, policy);
      const onWorkers = await checkFiles(jobs, s, { workers: 2 });
      const inThread = await checkFiles(jobs, s, { workers: 0 });
      assert.equal(onWorkers.inThread, 0, 'ran on worker threads');
      assert.equal(inThread.inThread, jobs.length);
      assert.equal(onWorkers.results.length, jobs.length);
      assert.deepEqual(
        onWorkers.results.map((r) => r.rel).sort(),
        jobs.map((j) => j.rel),
      );
      assert.deepEqual(resultsOf(onWorkers).sort(byRel), resultsOf(inThread).sort(byRel));
      const missing = resultsOf(inThread).filter((r) => rules(r.findings).includes('header-missing')).length;
      assert.equal(missing, Math.ceil(count / 3), 'the bare files are flagged');
      assert.ok(inThread.results.some((r) => r.skipped?.id === 'binary'));
    });

    it('a whole scan on workers equals one in this thread, and reports progress to the end', async () => {
      const progress: [number, number][] = [];
      const a = await scanned({ root, policy, workers: 2, onProgress: (d, t) => progress.push([d, t]), ...dates });
      const b = await scanned({ root, policy, workers: 0, ...dates });
      assert.deepEqual(a, b);
      assert.equal(a.files.length + a.skipped.length, count);
      assert.equal(a.checkedNow, count);
      assert.ok(
        progress.every(([d, t]) => d <= t),
        'never more checked than found',
      );
      assert.deepEqual(progress[progress.length - 1], [count, count]);
    });

    it('workers write the messages in the language of the process, and the cache gives them back in the language of the day', async () => {
      const header = (r: { files: { findings: Finding[] }[] }) => r.files.flatMap((f) => f.findings).find((f) => f.rule === 'header-missing')!.message;
      const cache = new ScanCache();
      setLocale('ja');
      try {
        const ja = await scanned({ root, policy, workers: 2, cache, ...dates });
        assert.match(header(ja), /ライセンスヘッダー/, header(ja));
        assert.deepEqual(ja, { ...(await scanned({ root, policy, workers: 0, ...dates })), checkedNow: ja.checkedNow }, 'in this thread the same');
        setLocale('en');
        // The cache keeps message ids and arguments: a new language needs no file checked again.
        const en = await scanned({ root, policy, workers: 2, cache, ...dates });
        assert.equal(en.checkedNow, 0, 'every file from the cache');
        assert.match(header(en), /^No license header/);
        assert.deepEqual(en, { ...(await scanned({ root, policy, workers: 0, ...dates })), checkedNow: 0 }, 'what a fresh English scan finds');
      } finally {
        setLocale(undefined);
      }
    });

    it('a whole scan cancelled midway says so', async () => {
      const token = { isCancellationRequested: false };
      const report = await scanned({
        root,
        policy,
        workers: 2,
        token,
        ...dates,
        onProgress: (done) => {
          if (done > 0) token.isCancellationRequested = true;
        },
      });
      assert.equal(report.cancelled, true);
      assert.ok(report.files.length + report.skipped.length < count);
    });
  });

  describe('the scan cache', () => {
    const policy = toPolicy({}, 'test');
    let root: string;
    const scan = (cache: ScanCache, p: Policy = policy) => scanned({ root, policy: p, git: new GitRules(root), cache, workers: 0, ...dates });

    before(() => {
      root = tree({ 'a.ts': good, 'b.ts': bare, 'c.ts': good, 'd/e.ts': bare, 'bin.dat': Buffer.from([0, 0, 1]) });
    });

    it('a second scan checks nothing, a touched file is checked again, a deleted one goes', async () => {
      const cache = new ScanCache();
      const first = await scan(cache);
      assert.equal(first.checkedNow, 5);
      assert.deepEqual(
        first.files.map((f) => f.rel),
        ['a.ts', 'b.ts', 'c.ts', 'd/e.ts'],
      );
      assert.deepEqual(first.skipped, [{ file: 'bin.dat', reason: { id: 'binary' } }]);
      assert.deepEqual(rules(first.files[1].findings), ['header-missing']);
      assert.equal(cache.size, 5);

      const second = await scan(cache);
      assert.equal(second.checkedNow, 0);
      assert.deepEqual(second, { ...first, checkedNow: 0 });

      // b.ts gets its header: new content, new mtime.
      fs.writeFileSync(path.join(root, 'b.ts'), good + bare);
      const later = new Date('2026-11-30T12:00:00Z');
      fs.utimesSync(path.join(root, 'b.ts'), later, later);
      const third = await scan(cache);
      assert.equal(third.checkedNow, 1);
      assert.deepEqual(third.files.find((f) => f.rel === 'b.ts')!.findings, []);
      assert.deepEqual(
        third.files.filter((f) => f.rel !== 'b.ts'),
        first.files.filter((f) => f.rel !== 'b.ts'),
      );

      // Same size, new mtime only: still checked again.
      fs.utimesSync(path.join(root, 'a.ts'), later, later);
      assert.equal((await scan(cache)).checkedNow, 1);

      fs.rmSync(path.join(root, 'c.ts'));
      const fourth = await scan(cache);
      assert.equal(fourth.checkedNow, 0);
      assert.deepEqual(
        fourth.files.map((f) => f.rel),
        ['a.ts', 'b.ts', 'd/e.ts'],
      );
      assert.equal(cache.get('c.ts'), undefined);
      assert.equal(cache.size, 4);
    });

    it('a different policy checks everything again; an equal one does not', async () => {
      const cache = new ScanCache();
      const first = await scan(cache);
      assert.equal(first.checkedNow, first.files.length + first.skipped.length);
      assert.equal((await scan(cache, toPolicy({}, 'test'))).checkedNow, 0, 'an equal policy, another object');
      const other = toPolicy({ headers: { copyright: { holder: 'Other Corp' } } }, 'test');
      const changed = await scan(cache, other);
      assert.equal(changed.checkedNow, first.files.length + first.skipped.length);
      assert.ok(
        changed.files.some((f) => rules(f.findings).includes('copyright-holder')),
        'the new policy is applied',
      );
      assert.equal((await scan(cache, other)).checkedNow, 0);
    });

    it('a different date or scope checks everything again', async () => {
      const cache = new ScanCache();
      const total = (await scan(cache)).checkedNow;
      const base = { root, policy, git: new GitRules(root), cache, workers: 0 };
      assert.equal((await scanned({ ...base, ...dates, today: '2026-12-01' })).checkedNow, total);
      assert.equal((await scanned({ ...base, ...dates, today: '2026-12-01', scope: 'header' })).checkedNow, total);
    });

    // Regression: the findings also depend on the `<file>.license` sidecar, so the cache entry must
    // cover it; it once held on the file's own size and mtime only.
    it('a new .license sidecar is seen by the next cached scan', async () => {
      const dir = tree({ 'x.ts': bare, 'y.ts': bare });
      const cache = new ScanCache();
      const run = () => scanned({ root: dir, policy, git: new GitRules(dir), cache, workers: 0, ...dates });
      assert.deepEqual(rules((await run()).files.find((f) => f.rel === 'x.ts')!.findings), ['header-missing']);
      fs.writeFileSync(path.join(dir, 'x.ts.license'), 'SPDX-FileCopyrightText: 2026 Example Corp\nSPDX-License-Identifier: MIT\n');
      const fresh = await scanned({ root: dir, policy, git: new GitRules(dir), workers: 0, ...dates });
      assert.deepEqual(fresh.files.find((f) => f.rel === 'x.ts')!.findings, [], 'uncached, the sidecar licenses x.ts');
      const cached = await run();
      assert.deepEqual(cached.files, fresh.files);
    });

    // Regression: the same for .gitattributes: marking a file `linguist-generated` exempts it, so
    // the generated flag is part of the cache entry.
    it('a file newly marked linguist-generated is seen by the next cached scan', async () => {
      const dir = tree({ 'g.ts': bare });
      const cache = new ScanCache();
      const run = () => scanned({ root: dir, policy, git: new GitRules(dir), cache, workers: 0, ...dates });
      assert.deepEqual(rules((await run()).files.find((f) => f.rel === 'g.ts')!.findings), ['header-missing']);
      fs.writeFileSync(path.join(dir, '.gitattributes'), 'g.ts linguist-generated\n');
      const fresh = await scanned({ root: dir, policy, git: new GitRules(dir), workers: 0, ...dates });
      assert.deepEqual(fresh.files.find((f) => f.rel === 'g.ts')!.findings, [], 'uncached, g.ts is exempt as generated');
      assert.deepEqual((await run()).files, fresh.files);
    });

    it('save and load round-trip; a corrupt or missing cache file loads empty', async () => {
      const cache = new ScanCache();
      const first = await scan(cache);
      const file = path.join(tree({}), '.cache', 'nested', 'scan.json'); // outside the scanned tree
      await cache.save(file);
      assert.deepEqual(fs.readdirSync(path.dirname(file)), ['scan.json'], 'no temporary file left behind');

      const loaded = await ScanCache.load(file);
      assert.equal(loaded.size, cache.size);
      assert.deepEqual(loaded.get('b.ts'), JSON.parse(JSON.stringify(cache.get('b.ts'))));
      // The reason is kept as its id, not as a text: it reads in the language of whoever shows it.
      assert.deepEqual(loaded.get('bin.dat')?.skipped, { id: 'binary' });
      setLocale('ja');
      try {
        assert.equal(skipText(loaded.get('bin.dat')!.skipped!), 'バイナリファイル');
      } finally {
        setLocale(undefined);
      }
      const again = await scan(loaded);
      assert.equal(again.checkedNow, 0);
      assert.deepEqual(again.files, first.files);
      assert.deepEqual(again.skipped, first.skipped);

      for (const text of ['{"key": "abc", "entries": [', 'null', '{"key": 1, "entries": []}', '']) {
        fs.writeFileSync(file, text);
        const empty = await ScanCache.load(file);
        assert.equal(empty.size, 0, JSON.stringify(text));
        assert.equal((await scan(empty)).checkedNow, first.checkedNow);
      }
      assert.equal((await ScanCache.load(path.join(path.dirname(file), 'no-such-cache.json'))).size, 0);
    });
  });

  describe('REUSE: which files and uses count', () => {
    const git = (dir: string, ...args: string[]) => {
      const r = spawnSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: dir, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
    };
    const reuseScan = (root: string) => scanned({ root, policy: reusePolicy(), git: new GitRules(root), reuse: 'always', workers: 0, ...dates });
    const found = (report: { files: { rel: string; findings: Finding[] }[] }, rule: string) =>
      report.files.flatMap((f) => f.findings.filter((x) => x.rule === rule).map((x) => `${f.rel}: ${x.message}`));
    const bsd = '// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: BSD-3-Clause\nint x;\n';

    it("the policy's severity table applies to every finding: from REUSE.toml licensing, project metadata and binary files", async () => {
      const root = tree({
        'REUSE.toml': 'version = 1\n\n[[annotations]]\npath = "docs/**"\nSPDX-License-Identifier = "CC-BY-4.0"\n',
        'LICENSES/ISC.txt': 'ISC\n',
        'docs/a.md': 'Text\n',
        'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
        'src/a.c': bsd.replace('BSD-3-Clause', 'ISC'),
      });
      const base = await reuseScan(root);
      const ruleSet = (report: typeof base): string[] => [...new Set(report.files.flatMap((f) => f.findings.map((x) => x.rule)))].sort();
      // CC-BY-4.0 has no text (REUSE.toml), docs/a.md has no copyright, logo.png no licensing, ISC.txt is used.
      assert.deepEqual(ruleSet(base), ['copyright-missing', 'header-missing', 'license-text-missing']);
      const quiet = reusePolicy();
      for (const rule of ['license-text-missing', 'license-text-unused', 'copyright-missing', 'header-missing'] as const) quiet.severity[rule] = 'off';
      const off = await scanned({ root, policy: quiet, git: new GitRules(root), reuse: 'always', workers: 0, ...dates });
      assert.deepEqual(ruleSet(off), []);
      const louder = reusePolicy();
      louder.severity['license-text-missing'] = 'error';
      const loud = await scanned({ root, policy: louder, git: new GitRules(root), reuse: 'always', workers: 0, ...dates });
      assert.ok(
        loud.files
          .flatMap((f) => f.findings)
          .filter((x) => x.rule === 'license-text-missing')
          .every((x) => x.severity === 'error'),
      );
    });

    it('a tracked file matched by .gitignore is part of the project; an untracked ignored one is not', async () => {
      const root = tree({ '.gitignore': '*-*-*\n', 'LICENSES/BSD-3-Clause.txt': 'BSD text\n', 'src/a.c': bsd, 'notes-to-self.c': bare, 'gone.c': bsd });
      git(root, 'init', '-q');
      git(root, 'add', '-f', 'LICENSES/BSD-3-Clause.txt');
      git(root, 'add', '.gitignore', 'src/a.c', 'gone.c');
      git(root, 'commit', '-qm', 'init');
      fs.rmSync(path.join(root, 'gone.c'));
      const report = await reuseScan(root);
      assert.deepEqual(found(report, 'license-text-missing'), []);
      assert.deepEqual(found(report, 'license-text-unused'), []);
      const rels = report.files.map((f) => f.rel);
      assert.ok(rels.includes('src/a.c') && rels.includes('LICENSES/BSD-3-Clause.txt'), rels.join());
      assert.ok(!rels.includes('notes-to-self.c'), 'an untracked ignored file stays out');
      assert.ok(
        !rels.includes('gone.c') && !report.skipped.some((s) => s.file === 'gone.c'),
        'a tracked file deleted from the work tree is not there to check',
      );
      // git lists a deleted tracked file from its index (the reader finds it gone): looking at every file would cost more.
      assert.deepEqual((await listFiles(root, toPolicy({}, 'test'), new GitRules(root))).files, [
        '.gitignore',
        'LICENSES/BSD-3-Clause.txt',
        'gone.c',
        'src/a.c',
      ]);
    });

    it('a license is used by sidecars of binary files, REUSE.toml tables that reach a file, snippets and tags anywhere', async () => {
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]);
      const root = tree({
        'LICENSES/MIT.txt': 'MIT\n',
        'LICENSES/CC0-1.0.txt': 'CC0\n',
        'LICENSES/Apache-2.0.txt': 'Apache\n',
        'LICENSES/BSD-2-Clause.txt': 'BSD\n',
        'LICENSES/ISC.txt': 'ISC\n',
        'img/logo.png': png,
        'img/logo.png.license': 'SPDX-FileCopyrightText: 2026 Artist\nSPDX-License-Identifier: CC0-1.0\n',
        'REUSE.toml':
          'version = 1\n\n[[annotations]]\npath = "docs/**"\nSPDX-FileCopyrightText = "2026 Example Corp"\nSPDX-License-Identifier = "Apache-2.0"\n',
        'docs/guide.md': '# Guide\n',
        'src/a.c':
          good +
          'int x;\n'.repeat(30) +
          '/* SPDX-SnippetBegin */\n/* SPDX-SnippetCopyrightText: 2020 Someone */\n/* SPDX-License-Identifier: BSD-2-Clause */\nint y;\n/* SPDX-SnippetEnd */\n',
      });
      for (const settingsReuse of ['always', 'auto'] as const) {
        const report = await scanned({
          root,
          policy: settingsReuse === 'always' ? reusePolicy() : toPolicy({}, 'test'),
          git: new GitRules(root),
          reuse: settingsReuse,
          workers: 0,
          ...dates,
        });
        assert.deepEqual(found(report, 'license-text-unused'), ['LICENSES/ISC.txt: No file is licensed under ISC: remove the license text'], settingsReuse);
      }
    });

    it('a REUSE.toml table that matches no file asks for no license text, and gets a note of its own', async () => {
      const root = tree({
        'LICENSES/MIT.txt': 'MIT\n',
        'src/a.ts': good,
        'REUSE.toml':
          'version = 1\n\n[[annotations]]\npath = "vendor/removed/**"\nSPDX-FileCopyrightText = "Other"\nSPDX-License-Identifier = "LicenseRef-Gone"\n',
      });
      const report = await reuseScan(root);
      assert.deepEqual(found(report, 'license-text-missing'), []);
      const notes = report.files.flatMap((f) => f.findings.filter((x) => x.rule === 'reuse-invalid').map((x) => [f.rel, x.severity, x.range.start.line]));
      assert.deepEqual(notes, [['REUSE.toml', 'info', 3]]);
      // The same table once it reaches a file: its license needs a text.
      fs.mkdirSync(path.join(root, 'vendor/removed'), { recursive: true });
      fs.writeFileSync(path.join(root, 'vendor/removed/lib.c'), 'int z;\n');
      const again = await reuseScan(root);
      assert.ok(
        found(again, 'license-text-missing').some((m) => m.startsWith('REUSE.toml: ') && m.includes('LicenseRef-Gone')),
        found(again, 'license-text-missing').join(),
      );
      assert.ok(!again.files.some((f) => f.findings.some((x) => x.rule === 'reuse-invalid')));
    });
  });

  describe('the header scope', () => {
    const policy = toPolicy({ headers: { copyright: { year: 'current' } } }, 'test');
    const body = Array.from({ length: 300 }, (_, i) => `export const value${i} = ${i};\n`).join('');
    const leftover = '// As an AI language model, I cannot run this code.\n';
    let root: string;

    before(() => {
      root = tree({
        'long.ts': good + body + leftover,
        'old.ts': good.replace('2026', '2019') + body + leftover,
        'bare.ts': bare + body + leftover,
      });
    });

    it('the test files are longer than the header window', () => {
      for (const f of ['long.ts', 'old.ts', 'bare.ts']) assert.ok(fs.statSync(path.join(root, f)).size > headerWindowBytes, f);
    });

    for (const rel of ['long.ts', 'old.ts', 'bare.ts']) {
      it(`${rel}: scope 'all' finds the chatbot leftover, 'header' does not; header findings are the same`, () => {
        const all = checkFile({ rel }, settings(root, policy, { scope: 'all' }));
        const header = checkFile({ rel }, settings(root, policy, { scope: 'header' }));
        assert.equal(all.skipped, undefined);
        assert.equal(header.skipped, undefined);
        const artifact = all.findings.filter((f) => f.rule === 'ai-chatbot-artifact');
        assert.equal(artifact.length, 1);
        assert.equal(artifact[0].range.start.line, (all.rel === 'bare.ts' ? 1 : 3) + 300);
        assert.deepEqual(
          header.findings.filter((f) => f.rule.startsWith('ai-')),
          [],
        );
        const headerOnly = (fs_: Finding[]) => fs_.filter((f) => !f.rule.startsWith('ai-') && !f.rule.startsWith('snippet-'));
        assert.deepEqual(header.findings, headerOnly(all.findings));
      });
    }

    it('the header findings are real: a stale year and a missing header are found in both scopes', () => {
      for (const scope of ['all', 'header'] as const) {
        assert.ok(rules(checkFile({ rel: 'old.ts' }, settings(root, policy, { scope })).findings).includes('copyright-year'), scope);
        assert.ok(rules(checkFile({ rel: 'bare.ts' }, settings(root, policy, { scope })).findings).includes('header-missing'), scope);
        assert.deepEqual(
          checkFile({ rel: 'long.ts' }, settings(root, policy, { scope })).findings.filter((f) => !f.rule.startsWith('ai-')),
          [],
          scope,
        );
      }
    });

    it('the header scope reads on when the header runs past the first 4 KiB, or a license stands further down', () => {
      const banner =
        '/*\n' + ' * A long banner line that goes on and on.\n'.repeat(150) + ' * SPDX-FileCopyrightText: 2026 A\n * SPDX-License-Identifier: MIT\n */\n';
      const late = body + '// SPDX-FileCopyrightText: 2026 A\n// SPDX-License-Identifier: MIT\n';
      const dir = tree({ 'banner.c': banner + body, 'late.ts': late, 'none.ts': body });
      for (const [rel, expected] of [
        ['banner.c', []],
        ['late.ts', ['header-misplaced']],
        ['none.ts', ['header-missing']],
      ] as const) {
        const header = checkFile({ rel }, settings(dir, policy, { scope: 'header' }));
        const all = checkFile({ rel }, settings(dir, policy, { scope: 'all' }));
        assert.deepEqual(rules(header.findings), expected, rel);
        assert.deepEqual(
          rules(header.findings),
          rules(all.findings).filter((r) => !r.startsWith('ai-')),
          `${rel}: the same header findings as a full check`,
        );
      }
    });

    it('the header scope reads only the top of a long file: a Latin-1 byte at its end is read as both scopes read it', () => {
      const dir = tree({ 'tail.ts': Buffer.concat([Buffer.from(bare + body), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])]) });
      const all = checkFile({ rel: 'tail.ts' }, settings(dir, policy, { scope: 'all' }));
      assert.equal(all.skipped, undefined);
      assert.deepEqual(rules(all.findings), ['header-missing']);
      const header = checkFile({ rel: 'tail.ts' }, settings(dir, policy, { scope: 'header' }));
      assert.equal(header.skipped, undefined);
      assert.deepEqual(rules(header.findings), ['header-missing']);
      assert.equal(header.size, fs.statSync(path.join(dir, 'tail.ts')).size, 'the size is the whole file');
    });

    it('a whole scan with scope header leaves out ai-* findings', async () => {
      const all = await scanned({ root, policy, workers: 0, scope: 'all', ...dates });
      const header = await scanned({ root, policy, workers: 0, scope: 'header', ...dates });
      assert.equal(all.files.filter((f) => rules(f.findings).includes('ai-chatbot-artifact')).length, 3);
      assert.deepEqual(
        header.files.flatMap((f) => f.findings).filter((f) => f.rule.startsWith('ai-')),
        [],
      );
      assert.deepEqual(
        header.files.map((f) => f.rel),
        all.files.map((f) => f.rel),
      );
    });
  });
});
