// Files the product creates (issue 7/7, C): `convert-dep5` writes REUSE.toml and `init` writes
// .ospo/policy.yaml. Each is created whole or not at all (a temporary file linked into place,
// io/write-file.ts), never through a link the repository planted, never over anything that has the
// name, and a failed write leaves neither a half file nor the temporary one.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempTree } from '../temp-tree';
import { cli, describeRun, ended, ospo } from './run';

const dep5 = 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\nFiles: docs/*\nCopyright: 2020 Example\nLicense: MIT\n';
const isRoot = process.getuid?.() === 0;

describe('files ospo creates', function () {
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  const tree = (files: Record<string, string>) => {
    const dir = tempTree(files, 'ospo-create-');
    dirs.push(dir);
    return dir;
  };
  const entries = (dir: string) => fs.readdirSync(dir).sort();

  it('convert-dep5 never writes through a dangling REUSE.toml link, and keeps dep5', () => {
    const outside = tree({});
    const dir = tree({ '.reuse/dep5': dep5 });
    const target = path.join(outside, 'planted.toml');
    fs.symlinkSync(target, path.join(dir, 'REUSE.toml'));
    const r = ospo(['convert-dep5', '.'], { cwd: dir });
    assert.ok(ended(r, [2]), describeRun(r));
    assert.match(r.stderr, /REUSE\.toml exists already/);
    assert.equal(fs.existsSync(target), false, 'nothing was written where the link points');
    assert.equal(fs.readFileSync(path.join(dir, '.reuse/dep5'), 'utf8'), dep5);
    assert.deepEqual(entries(dir), ['.reuse', 'REUSE.toml']);
  });

  it('convert-dep5 writes REUSE.toml whole and removes dep5', () => {
    const dir = tree({ '.reuse/dep5': dep5 });
    const r = ospo(['convert-dep5', '.'], { cwd: dir });
    assert.ok(ended(r, [0]), describeRun(r));
    assert.match(fs.readFileSync(path.join(dir, 'REUSE.toml'), 'utf8'), /path = "docs\/\*\*"/);
    assert.equal(fs.existsSync(path.join(dir, '.reuse/dep5')), false);
    assert.deepEqual(entries(dir), ['.reuse', 'REUSE.toml'], 'no temporary file is left');
  });

  it('convert-dep5 that cannot write says so, leaves no REUSE.toml nor temporary file, and keeps dep5', function () {
    if (!isRoot) this.skip(); // run as another user in a folder it may not write
    const dir = tree({ '.reuse/dep5': dep5 });
    fs.chmodSync(dir, 0o755);
    const r = spawnSync(process.execPath, [cli, 'convert-dep5', '.'], { cwd: dir, encoding: 'utf8', uid: 65534, gid: 65534, timeout: 20_000 });
    if (/Cannot find module|EACCES.*cli\.js/.test(r.stderr)) this.skip();
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /REUSE\.toml could not be written \(EACCES\); \.reuse\/dep5 is left as it was/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    assert.deepEqual(entries(dir), ['.reuse']);
    assert.equal(fs.readFileSync(path.join(dir, '.reuse/dep5'), 'utf8'), dep5);
  });

  it('init never writes into a linked .ospo folder, nor through a planted policy.yaml link', () => {
    const outside = tree({});
    const linked = tree({});
    fs.symlinkSync(outside, path.join(linked, '.ospo'));
    const r = ospo(['init'], { cwd: linked });
    assert.ok(ended(r, [1, 2]), describeRun(r));
    assert.deepEqual(entries(outside), [], 'nothing was written in the folder the link points to');

    const planted = tree({});
    fs.mkdirSync(path.join(planted, '.ospo'));
    fs.symlinkSync(path.join(outside, 'policy.yaml'), path.join(planted, '.ospo/policy.yaml'));
    const again = ospo(['init'], { cwd: planted });
    assert.ok(ended(again, [1, 2]), describeRun(again));
    assert.match(again.stderr, /already exists; not overwritten/);
    assert.deepEqual(entries(outside), []);
  });

  it('ospo report never writes through a committed ospo-report.html link; a device the user names is written to, not replaced', () => {
    const outside = tree({ 'victim.html': 'theirs\n' });
    const dir = tree({ 'a.py': 'x = 1\n' });
    fs.symlinkSync(path.join(outside, 'victim.html'), path.join(dir, 'ospo-report.html'));
    const r = ospo(['report', '--offline'], { cwd: dir });
    assert.ok(ended(r, [0, 1]), describeRun(r));
    assert.equal(fs.readFileSync(path.join(outside, 'victim.html'), 'utf8'), 'theirs\n');
    assert.ok(fs.lstatSync(path.join(dir, 'ospo-report.html')).isFile(), 'the link is replaced by the report');
    const device = ospo(['report', '--offline', '--out', '/dev/null'], { cwd: dir });
    assert.ok(ended(device, [0, 1]), describeRun(device));
    assert.ok(fs.statSync('/dev/null').isCharacterDevice(), '/dev/null is still the device');
    // A link the user names is theirs: written through (as `--out /dev/stdout` is, to a redirected file).
    const mine = path.join(outside, 'mine.html');
    fs.writeFileSync(mine, '');
    fs.symlinkSync(mine, path.join(outside, 'named-link.html'));
    const named = ospo(['report', '--offline', '--out', path.join(outside, 'named-link.html')], { cwd: dir });
    assert.ok(ended(named, [0, 1]), describeRun(named));
    assert.match(fs.readFileSync(mine, 'utf8'), /^<!DOCTYPE html>/);
  });
});
