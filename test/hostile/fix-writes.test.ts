// How `ospo fix` writes and how `ospo check` does not: atomic replacement (temporary file in the
// same folder, then a rename) keeping the file's mode, no write over a file that changed since it
// was read, no temporary file left after a failure, and never an edit outside the root through a
// symbolic link. The CLI runs as CI runs it (the bundled dist/cli.js); the replacement is also
// called directly (replaceChecked, io/write-file.ts), with its test hooks to change the file or fail
// just before the rename, or to write to the old file just after it.

import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readRegular, RegularFile } from '../../server/src/io/read-file';
import { replaceChecked, type WriteHooks } from '../../server/src/io/write-file';
import { tempTree } from '../temp-tree';

const repo = path.resolve(__dirname, '../../..');
const cli = path.join(repo, 'dist/cli.js');
const good = '// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: MIT\nexport {};\n';
const bare = 'export const x = 1;\n';
const isRoot = process.getuid?.() === 0;

function ospo(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 20_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every entry below `dir` (links not followed), with content hash, mode and mtime, for before/after comparisons. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const abs = path.join(d, e.name);
      const rel = path.relative(dir, abs);
      const st = fs.lstatSync(abs, { bigint: true });
      if (e.isDirectory()) {
        out[rel + '/'] = `dir ${st.mode}`;
        walk(abs);
        continue;
      }
      const body = e.isSymbolicLink() ? `-> ${fs.readlinkSync(abs)}` : fs.readFileSync(abs).toString('base64');
      out[rel] = `${st.mode} ${st.mtimeNs} ${st.ino} ${body}`;
    }
  };
  walk(dir);
  return out;
}

const temps = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'));

/** Fixes `file` to `good`, as ospo fix would; the reason when refused. */
const writeAtomically = async (file: string, content: string, read: RegularFile, hooks?: WriteHooks) =>
  (await replaceChecked(file, Buffer.from(content), read, hooks)).refused;

describe('ospo fix and check: writes', function () {
  this.timeout(30_000);
  const made: string[] = [];

  function tree(files: Record<string, string | Buffer>): string {
    const dir = tempTree(files, 'ospo-fixw-');
    made.push(dir);
    return dir;
  }

  after(() => {
    for (const dir of made) {
      try {
        fs.chmodSync(dir, 0o755);
      } catch {
        /* gone */
      }
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  async function original(file: string): Promise<RegularFile> {
    const read = await readRegular(file, 10 * 1024 * 1024);
    if ('skipped' in read) throw new Error(read.skipped.id);
    return read;
  }

  it('ospo check never writes: every file, mode and mtime is the same after it, and nothing is added', () => {
    const root = tree({ 'a.ts': bare, 'src/b.ts': bare, 'c.ts': good, 'd.py': '# no header\nprint(1)\n', 'e.ts.license': 'SPDX-License-Identifier: MIT\n' });
    fs.symlinkSync('a.ts', path.join(root, 'link.ts'));
    const before = snapshot(root);
    for (const args of [
      ['check', '.'],
      ['check', '.', '--format', 'json'],
      ['check', 'a.ts'],
      ['check', '.', '--format', 'sarif'],
      ['check', '.', '--rules', 'header'],
    ]) {
      const r = ospo(args, root);
      assert.equal(r.code, 1, `${args.join(' ')}: ${r.stderr}`);
    }
    assert.deepEqual(snapshot(root), before);
  });

  it('ospo fix replaces the file by a rename: new inode, same mode, no temporary file left', () => {
    const root = tree({ 'run.sh': '#!/bin/sh\necho hi\n', 'lib.ts': bare, 'ok.ts': good });
    fs.chmodSync(path.join(root, 'run.sh'), 0o754);
    fs.chmodSync(path.join(root, 'lib.ts'), 0o600);
    const inode = (f: string) => fs.statSync(path.join(root, f)).ino;
    const [shIno, libIno, okIno] = [inode('run.sh'), inode('lib.ts'), inode('ok.ts')];
    const r = ospo(['fix', '.'], root);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^fixed lib\.ts /m);
    assert.match(r.stdout, /^fixed run\.sh /m);
    assert.match(fs.readFileSync(path.join(root, 'lib.ts'), 'utf8'), /SPDX-License-Identifier/);
    assert.match(fs.readFileSync(path.join(root, 'run.sh'), 'utf8'), /^#!\/bin\/sh\n/, 'the shebang stays first');
    assert.equal(fs.statSync(path.join(root, 'run.sh')).mode & 0o7777, 0o754);
    assert.equal(fs.statSync(path.join(root, 'lib.ts')).mode & 0o7777, 0o600);
    assert.notEqual(inode('run.sh'), shIno, 'replaced by a rename');
    assert.notEqual(inode('lib.ts'), libIno, 'replaced by a rename');
    assert.equal(inode('ok.ts'), okIno, 'a file with nothing to fix is not touched');
    assert.deepEqual(temps(root), []);
    // A second run has nothing left to do.
    assert.match(ospo(['fix', '.'], root).stdout, /^0 files changed$/m);
  });

  it('ospo fix --dry-run writes nothing', () => {
    const root = tree({ 'a.ts': bare });
    const before = snapshot(root);
    assert.match(ospo(['fix', '.', '--dry-run'], root).stdout, /^would fix a\.ts /m);
    assert.deepEqual(snapshot(root), before);
  });

  it('refuses to write over a file changed since it was read, and says so', async () => {
    const root = tree({ 'a.ts': bare });
    const file = path.join(root, 'a.ts');
    const read = await original(file);
    const theirs = 'export const theirs = 2;\n';
    const refused = await writeAtomically(file, good, read, { beforeRename: () => fs.writeFileSync(file, theirs) });
    assert.match(refused ?? '', /changed since it was read/);
    assert.equal(fs.readFileSync(file, 'utf8'), theirs, 'the other change is kept');
    assert.deepEqual(temps(root), []);
  });

  it('a change that keeps size and mtime is still seen (the content is compared)', async () => {
    const root = tree({ 'a.ts': 'export const x = 1;\n' });
    const file = path.join(root, 'a.ts');
    const read = await original(file);
    const refused = await writeAtomically(file, good, read, {
      beforeRename: () => {
        fs.writeFileSync(file, 'export const y = 1;\n');
        fs.utimesSync(file, new Date(read.mtimeMs), new Date(read.mtimeMs));
      },
    });
    assert.match(refused ?? '', /changed since it was read/);
    assert.equal(fs.readFileSync(file, 'utf8'), 'export const y = 1;\n');
  });

  it('a file replaced or deleted meanwhile is not written either', async () => {
    const root = tree({ 'a.ts': bare, 'b.ts': bare });
    const a = path.join(root, 'a.ts');
    const b = path.join(root, 'b.ts');
    const readA = await original(a);
    const readB = await original(b);
    // Same content, new file: another tool replaced it.
    assert.match(
      (await writeAtomically(a, good, readA, {
        beforeRename: () => {
          fs.rmSync(a);
          fs.writeFileSync(a, bare);
        },
      })) ?? '',
      /changed since it was read/,
    );
    assert.match(
      (await writeAtomically(b, good, readB, { beforeRename: () => fs.rmSync(b) })) ?? '',
      /changed while being fixed \(now: gone before it was read\)/,
    );
    assert.equal(fs.existsSync(b), false, 'a deleted file is not brought back');
    assert.deepEqual(temps(root), []);
  });

  it('a failure before the rename leaves no temporary file and the file as it was', async () => {
    const root = tree({ 'a.ts': bare });
    const file = path.join(root, 'a.ts');
    const read = await original(file);
    let tmpSeen = '';
    const refused = await writeAtomically(file, good, read, {
      beforeRename: (tmp) => {
        tmpSeen = tmp;
        throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
      },
    });
    assert.equal(refused, 'could not write it: ENOSPC');
    assert.equal(path.dirname(tmpSeen), root, 'the temporary file is in the same folder');
    assert.equal(fs.existsSync(tmpSeen), false);
    assert.equal(fs.readFileSync(file, 'utf8'), bare);
    assert.deepEqual(temps(root), []);
  });

  it('a folder that cannot be written: the file is reported, not fixed, and the exit code says so', function () {
    if (isRoot) this.skip(); // root writes into a read-only folder anyway
    const root = tree({ 'ro/a.ts': bare, 'b.ts': bare });
    fs.chmodSync(path.join(root, 'ro'), 0o555);
    const r = ospo(['fix', '.'], root);
    fs.chmodSync(path.join(root, 'ro'), 0o755);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /not fixed ro\/a\.ts: could not write it: EACCES/);
    assert.match(r.stdout, /^fixed b\.ts /m);
    assert.equal(fs.readFileSync(path.join(root, 'ro/a.ts'), 'utf8'), bare);
    assert.deepEqual(temps(path.join(root, 'ro')), []);
  });

  it('a write to the old file just after the rename is not lost: appended bytes are carried over, and said', async () => {
    const root = tree({ 'a.ts': bare });
    const file = path.join(root, 'a.ts');
    const read = await original(file);
    let fd = -1;
    const result = await replaceChecked(file, Buffer.from(good), read, {
      // A writer that opened the file before the rename and writes after it, as `echo >> a.ts` can.
      beforeRename: () => void (fd = fs.openSync(file, 'a')),
      afterRename: () => {
        fs.writeSync(fd, 'late();\n');
        fs.closeSync(fd);
      },
    });
    assert.equal(result.refused, undefined);
    assert.match(result.note ?? '', /kept 8 bytes/);
    assert.equal(fs.readFileSync(file, 'utf8'), good + 'late();\n');
    assert.deepEqual(temps(root), []);
  });

  it('a rewrite of the old file just after the rename is put back, with what reached the new one, and refused', async () => {
    const root = tree({ 'a.ts': bare });
    const file = path.join(root, 'a.ts');
    fs.chmodSync(file, 0o750);
    const read = await original(file);
    let fd = -1;
    const result = await replaceChecked(file, Buffer.from(good), read, {
      beforeRename: () => void (fd = fs.openSync(file, 'r+')),
      afterRename: () => {
        fs.writeSync(fd, 'EXPORT', 0);
        fs.closeSync(fd);
        fs.appendFileSync(file, 'new();\n');
      },
    });
    assert.match(result.refused ?? '', /put back as the other writer left it/);
    assert.equal(fs.readFileSync(file, 'utf8'), 'EXPORT const x = 1;\nnew();\n');
    assert.equal(fs.statSync(file).mode & 0o7777, 0o750, 'the mode is kept when the content is put back');
  });

  it('never replaces a read-only or hard-linked file, and says why', () => {
    const root = tree({ 'ro.ts': bare, 'linked.ts': bare, 'ok.ts': bare });
    fs.chmodSync(path.join(root, 'ro.ts'), 0o444);
    fs.linkSync(path.join(root, 'linked.ts'), path.join(root, 'other-name.ts'));
    const r = ospo(['fix', 'ro.ts', 'linked.ts', 'ok.ts'], root);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /not fixed ro\.ts: it is read-only/);
    assert.match(r.stderr, /not fixed linked\.ts: it has 2 hard links/);
    assert.equal(fs.readFileSync(path.join(root, 'ro.ts'), 'utf8'), bare);
    assert.equal(fs.readFileSync(path.join(root, 'other-name.ts'), 'utf8'), bare, 'the other link is untouched');
    assert.equal(fs.statSync(path.join(root, 'linked.ts')).nlink, 2);
    assert.match(fs.readFileSync(path.join(root, 'ok.ts'), 'utf8'), /SPDX/);
  });

  it('keeps the owner, the mode and extended attributes (ACLs are ones) of the file it replaces', function () {
    if (!isRoot || process.platform !== 'linux') this.skip();
    const root = tree({ 'a.ts': bare });
    const file = path.join(root, 'a.ts');
    fs.chownSync(file, 65534, 65534);
    fs.chmodSync(file, 0o640);
    const xattr = (code: string) => spawnSync('python3', ['-c', code, file], { encoding: 'utf8' });
    const set = xattr("import os, sys; os.setxattr(sys.argv[1], 'user.ospo-test', b'kept')");
    if (set.status !== 0) this.skip(); // no python3, or a file system without user xattrs
    const ino = fs.statSync(file).ino;
    const r = ospo(['fix', 'a.ts'], root);
    assert.equal(r.code, 0, r.stderr);
    const st = fs.statSync(file);
    assert.notEqual(st.ino, ino, 'replaced');
    assert.deepEqual([st.uid, st.gid, st.mode & 0o7777], [65534, 65534, 0o640]);
    assert.equal(xattr("import os, sys; print(os.getxattr(sys.argv[1], 'user.ospo-test').decode())").stdout.trim(), 'kept');
  });

  it('run as another user in a shared folder: a file it may not write, or that is not its own, is refused', function () {
    if (!isRoot) this.skip();
    const root = tree({ 'root-owned.ts': bare, 'shared.ts': bare, 'mine.ts': bare, 'other-group.ts': bare });
    fs.chmodSync(root, 0o777);
    fs.chmodSync(path.join(root, 'shared.ts'), 0o666);
    fs.chownSync(path.join(root, 'mine.ts'), 65534, 65534);
    // Theirs, in a group they are not in: a copy could not keep the group.
    fs.chownSync(path.join(root, 'other-group.ts'), 65534, 0);
    fs.chmodSync(path.join(root, 'other-group.ts'), 0o664);
    const before = snapshot(root);
    const r = spawnSync(process.execPath, [cli, 'fix', '.'], {
      cwd: root,
      encoding: 'utf8',
      uid: 65534,
      gid: 65534,
      env: { ...process.env, HOME: root },
      timeout: 20_000,
    });
    if (/EACCES/.test(r.stderr) && !/not fixed/.test(r.stderr)) this.skip(); // the CLI itself is not readable by that user here
    assert.match(r.stderr, /not fixed root-owned\.ts: you may not write it/);
    assert.match(r.stderr, /not fixed shared\.ts: it belongs to another user/);
    assert.match(r.stdout, /^fixed mine\.ts /m);
    assert.match(r.stderr, /not fixed other-group\.ts: its owner, group or mode could not be kept/);
    for (const f of ['root-owned.ts', 'shared.ts', 'other-group.ts']) assert.equal(snapshot(root)[f], before[f], `${f} is as it was`);
    assert.equal(fs.statSync(path.join(root, 'root-owned.ts')).uid, 0);
  });

  it('a 255-byte file name is fixed: temporary names are short', () => {
    const name = 'x'.repeat(252) + '.ts';
    const root = tree({ [name]: bare });
    const r = ospo(['fix', '.'], root);
    assert.equal(r.code, 0, r.stderr);
    assert.match(fs.readFileSync(path.join(root, name), 'utf8'), /SPDX/);
  });

  it('temporary files of a killed run are removed the next time; those of a running one, or younger than an hour, are not', () => {
    const root = tree({ 'a.ts': bare });
    const dead = '.ospo-999999999-deadbeef.tmp';
    const alive = `.ospo-${process.pid}-0badcafe.tmp`;
    fs.writeFileSync(path.join(root, dead), 'half a file');
    fs.writeFileSync(path.join(root, alive), 'being written');
    // Only an hour old or more: a pid alone may be another machine's, on a shared folder.
    const hoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    for (const name of [dead, alive]) fs.utimesSync(path.join(root, name), hoursAgo, hoursAgo);
    const young = '.ospo-999999998-0000cafe.tmp';
    fs.writeFileSync(path.join(root, young), 'another machine, maybe');
    assert.equal(ospo(['fix', 'a.ts'], root).code, 0);
    assert.deepEqual(temps(root).sort(), [alive, young].sort());
  });

  it('under a process appending to every file during the fix, no append is lost', async function () {
    this.timeout(120_000);
    const files: Record<string, string> = {};
    for (let i = 0; i < 200; i++) files[`f${i}.ts`] = bare;
    const root = tree(files);
    const names = Object.keys(files);
    // Each append opens, writes one numbered line and closes, as `echo >> f` does, until told to stop.
    const appender = spawn(
      process.execPath,
      [
        '-e',
        `const fs=require('fs');const names=${JSON.stringify(names)};let n=0;let stop=false;process.on('SIGTERM',()=>{stop=true});` +
          `(function loop(){for(let k=0;k<50&&!stop;k++){fs.appendFileSync(names[n%names.length],'// line '+n+'\\n');n++}if(stop){fs.writeFileSync('.count',String(n));process.exit(0)}setImmediate(loop)})()`,
      ],
      { cwd: root },
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const r = spawnSync(process.execPath, [cli, 'fix', '.'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    appender.kill('SIGTERM');
    await new Promise((resolve) => appender.on('exit', resolve));
    const count = Number(fs.readFileSync(path.join(root, '.count'), 'utf8'));
    assert.ok(count > 1000, `only ${count} appends`);
    const seen = new Set<number>();
    for (const name of names) for (const m of fs.readFileSync(path.join(root, name), 'utf8').matchAll(/^\/\/ line (\d+)$/gm)) seen.add(Number(m[1]));
    const lost = [...Array(count).keys()].filter((n) => !seen.has(n));
    assert.deepEqual(lost, [], `${lost.length} of ${count} appends lost; ${r.stderr.slice(0, 500)}`);
  });

  it('never fixes through a symbolic link: linked files and linked folders pointing outside stay as they are', () => {
    const outside = tree({ 'victim.ts': bare, 'dir/deep.ts': bare });
    const root = tree({ 'mine.ts': bare });
    fs.symlinkSync(path.join(outside, 'victim.ts'), path.join(root, 'victim.ts'));
    fs.symlinkSync(path.join(outside, 'dir'), path.join(root, 'linked'));
    const before = snapshot(outside);
    for (const args of [
      ['fix', '.'],
      ['fix', 'victim.ts'],
      ['fix', 'linked'],
      ['fix', 'linked/deep.ts'],
      ['fix', path.join(root, 'linked/deep.ts')],
    ]) {
      const r = ospo(args, root);
      assert.ok(r.code === 0 || r.code === 1, `${args.join(' ')}: ${r.stderr}`);
      assert.doesNotMatch(r.stdout, /^fixed (victim|linked|.*deep)/m, args.join(' '));
    }
    assert.deepEqual(snapshot(outside), before);
    assert.ok(fs.lstatSync(path.join(root, 'victim.ts')).isSymbolicLink(), 'the link itself is not replaced by a file');
    assert.match(fs.readFileSync(path.join(root, 'mine.ts'), 'utf8'), /SPDX-License-Identifier/, 'the real file in the root is fixed');
    const named = ospo(['fix', 'linked/deep.ts'], root);
    assert.match(named.stderr, /reached through a symbolic link/);
    const link = ospo(['fix', 'victim.ts'], root);
    assert.match(link.stderr, /skipped victim\.ts: symbolic link/);
  });
});
