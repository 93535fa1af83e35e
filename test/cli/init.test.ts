// `ospo init` and the server's CreatePolicyCommand, on real temporary folders. runInit is called
// directly: main.ts only dispatches to it.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { runInit } from '../../server/src/cli/init';
import { toPolicy } from '../../server/src/engine/policy/model';
import { parsePolicy } from '../../server/src/engine/policy/parse';
import { createPolicy } from '../../server/src/lsp/create-policy';

function capture() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    streams: {
      stdout: {
        write: (s: string) => {
          out.stdout += s;
        },
      },
      stderr: {
        write: (s: string) => {
          out.stderr += s;
        },
      },
    },
  };
}

describe('ospo init', () => {
  const made: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ospo-init-'));
    made.push(dir);
    return dir;
  };
  after(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes the chosen starter to .ospo/policy.yaml and prints its path', async () => {
    const dir = tempDir();
    const { out, streams } = capture();
    assert.equal(await runInit(dir, 'mit', streams), 0, out.stderr);
    const file = path.join(dir, '.ospo', 'policy.yaml');
    assert.equal(out.stdout, `created ${file} (mit starter policy)\n`);
    assert.equal(out.stderr, '');
    const text = fs.readFileSync(file, 'utf8');
    assert.match(text, /^# SPDX-FileCopyrightText: \d{4} .+\n# SPDX-License-Identifier: CC0-1.0\n/);
    const parsed = parsePolicy(text);
    assert.deepEqual(parsed.problems, []);
    assert.equal(toPolicy(parsed.raw!, file).licenses.project, 'MIT');
  });

  it('uses the apache starter by default', async () => {
    const dir = tempDir();
    assert.equal(await runInit(dir, undefined, capture().streams), 0);
    const parsed = parsePolicy(fs.readFileSync(path.join(dir, '.ospo', 'policy.yaml'), 'utf8'));
    assert.equal(toPolicy(parsed.raw!, 'x').licenses.project, 'Apache-2.0');
  });

  it('refuses to overwrite an existing policy and leaves it byte-identical', async () => {
    const dir = tempDir();
    const file = path.join(dir, '.ospo', 'policy.yaml');
    fs.mkdirSync(path.dirname(file));
    const original = Buffer.from('\uFEFFversion: 1\r\n# ours, hand-written\r\nai: { mode: forbid }\r\n');
    fs.writeFileSync(file, original);
    const { out, streams } = capture();
    assert.equal(await runInit(dir, 'apache', streams), 2);
    assert.equal(out.stderr, `ospo: ${file} already exists; not overwritten\n`);
    assert.equal(out.stdout, '');
    assert.ok(fs.readFileSync(file).equals(original));
  });

  it('rejects an unknown template with the list of names, and writes nothing', async () => {
    const dir = tempDir();
    const { out, streams } = capture();
    assert.equal(await runInit(dir, 'gpl', streams), 2);
    assert.equal(out.stderr, "ospo: Unknown template 'gpl': use apache, mit, reuse-strict, ai-disclose, ai-forbid, kernel, kubernetes, asf or openinfra\n");
    assert.equal(fs.existsSync(path.join(dir, '.ospo')), false);
  });

  it('rejects a folder that does not exist, and creates none', async () => {
    const dir = path.join(tempDir(), 'missing');
    const { out, streams } = capture();
    assert.equal(await runInit(dir, 'mit', streams), 2);
    assert.match(out.stderr, /No such folder/);
    assert.equal(fs.existsSync(dir), false);
  });

  it("names the git user as the policy file's copyright holder", async function () {
    const dir = tempDir();
    const git = (...args: string[]) => spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
    if (git('init', '-q').status !== 0) this.skip();
    git('config', 'user.name', 'Ada Lovelace');
    assert.equal(await runInit(dir, 'ai-forbid', capture().streams), 0);
    assert.match(fs.readFileSync(path.join(dir, '.ospo', 'policy.yaml'), 'utf8'), /^# SPDX-FileCopyrightText: \d{4} Ada Lovelace\n/);
  });
});

describe('CreatePolicyCommand (server side)', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ospo-create-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('answers the new file as a URI, then refuses a second time with the same URI', async () => {
    const uri = URI.file(path.join(dir, '.ospo', 'policy.yaml')).toString();
    assert.deepEqual(await createPolicy(dir, 'ai-disclose'), { file: uri });
    const before = fs.readFileSync(URI.parse(uri).fsPath);
    const again = await createPolicy(dir, 'ai-forbid');
    assert.equal(again.file, uri);
    assert.match(again.error ?? '', /already exists; not overwritten$/);
    assert.ok(fs.readFileSync(URI.parse(uri).fsPath).equals(before));
  });

  it('answers an unknown template with an error and no file', async () => {
    const answer = await createPolicy(dir, 'nope');
    assert.equal(answer.file, undefined);
    assert.match(answer.error ?? '', /^Unknown template 'nope': use apache, /);
  });
});
