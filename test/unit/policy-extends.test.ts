// extends: local bases, remote bases pinned by sha256 (served from 127.0.0.1), the on-disk cache,
// trust, and cycles. Problems land on the extends entry.

import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { licenseTier } from '../../server/src/engine/license-tiers';
import { loadPolicyText } from '../../server/src/io/policy-source';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const base = 'version: 1\nlicenses:\n  deny: ["GPL-*"]\n  allow: [MIT, Apache-2.0, GPL-3.0-only]\nai:\n  mode: review\n';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'ospo-extends-'));
}

describe('policy extends', () => {
  let server: http.Server;
  let url: string;
  let hits = 0;
  before(async () => {
    server = http.createServer((req, res) => {
      hits++;
      if (req.url === '/base.yaml') res.end(base);
      else if (req.url === '/big.yaml') res.end('#'.repeat(300 * 1024));
      else {
        res.statusCode = 404;
        res.end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());

  it('merges a local base relative to the file: the repo tightens but cannot loosen', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'org'));
    fs.writeFileSync(path.join(dir, 'org/base.yaml'), base);
    const file = path.join(dir, 'repo/.ospo/policy.yaml');
    const text = 'extends: [../../org/base.yaml]\nlicenses:\n  deny: []\n  allow: [MIT]\nai:\n  mode: allow\n';
    const loaded = await loadPolicyText(file, text, { allowFetch: false, cacheDir: tempDir() });
    assert.deepEqual(loaded.problems, []);
    assert.deepEqual(loaded.policy?.licenses.deny, ['GPL-*']);
    assert.deepEqual(loaded.policy?.licenses.allow, ['MIT']);
    assert.equal(loaded.policy?.ai.mode, 'review');
    assert.ok(loaded.dependencies.includes(path.join(dir, 'org/base.yaml')), 'the base is watched');
  });

  it("warns on the line of an allow entry that would loosen the base, and keeps the base's tier", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'base.yaml'), 'version: 1\nlicenses:\n  review: [MPL-2.0]\n');
    const text = 'extends: [base.yaml]\nlicenses:\n  allow:\n    - MIT\n    - MPL-2.0\n';
    const loaded = await loadPolicyText(path.join(dir, 'policy.yaml'), text, { allowFetch: false });
    assert.deepEqual(
      loaded.problems.map((p) => [p.severity, p.line, p.character, p.endCharacter]),
      [['warning', 4, 6, 13]],
    );
    assert.match(
      loaded.problems[0].message,
      /The base policy puts 'MPL-2\.0' in its review tier: a policy that extends another may tighten it but not loosen it/,
    );
    assert.equal(licenseTier('MPL-2.0', loaded.policy!.licenses).tier, 'review');
  });

  it('reports an unreadable base on its extends line and goes on with the rest', async () => {
    const file = path.join(tempDir(), 'policy.yaml');
    const loaded = await loadPolicyText(file, 'version: 1\nextends:\n  - ./missing.yaml\nlicenses:\n  deny: [MIT]\n', { allowFetch: false });
    assert.deepEqual(
      loaded.problems.map((p) => [p.line, p.character, p.message]),
      [[2, 4, "Cannot use base policy './missing.yaml': no such file"]],
    );
    assert.deepEqual(loaded.policy?.licenses.deny, ['MIT']);
  });

  it('detects cycles', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.yaml'), 'extends: [b.yaml]\n');
    fs.writeFileSync(path.join(dir, 'b.yaml'), 'extends: [a.yaml]\n');
    const loaded = await loadPolicyText(path.join(dir, 'a.yaml'), 'extends: [b.yaml]\n', { allowFetch: false });
    assert.equal(loaded.problems.length, 1);
    assert.match(loaded.problems[0].message, /Base policy 'b\.yaml' has an error .*extends cycle: a\.yaml → b\.yaml → a\.yaml/);
  });

  it('fetches a pinned remote base once, then works offline from the cache', async () => {
    const cacheDir = tempDir();
    const file = path.join(tempDir(), 'policy.yaml');
    const text = `extends:\n  - { source: "${url}/base.yaml", sha256: "${sha(base)}" }\n`;
    hits = 0;
    const first = await loadPolicyText(file, text, { allowFetch: true, cacheDir });
    assert.deepEqual(first.problems, []);
    assert.equal(first.policy?.ai.mode, 'review');
    assert.equal(hits, 1);
    const offline = await loadPolicyText(file, text, { allowFetch: false, cacheDir });
    assert.deepEqual(offline.problems, []);
    assert.equal(offline.policy?.ai.mode, 'review');
    assert.equal(hits, 1, 'served from the cache');
  });

  it('refuses a remote base without sha256, with a wrong hash, too large, or in an untrusted workspace', async () => {
    const file = path.join(tempDir(), 'policy.yaml');
    const load = (entry: string, allowFetch = true) => loadPolicyText(file, `extends:\n  - ${entry}\n`, { allowFetch, cacheDir: tempDir() });
    assert.match((await load(`"${url}/base.yaml"`)).problems[0].message, /needs its sha256/);
    assert.match((await load(`{ source: "${url}/base.yaml", sha256: "${'0'.repeat(64)}" }`)).problems[0].message, /sha256 mismatch: the file has [0-9a-f]{64}/);
    assert.match((await load(`{ source: "${url}/big.yaml", sha256: "${'0'.repeat(64)}" }`)).problems[0].message, /larger than 256 KiB/);
    hits = 0;
    assert.match((await load(`{ source: "${url}/base.yaml", sha256: "${sha(base)}" }`, false)).problems[0].message, /only in a trusted workspace/);
    assert.equal(hits, 0, 'nothing fetched when untrusted');
    assert.match((await load(`{ source: "http://example.com/base.yaml", sha256: "${sha(base)}" }`)).problems[0].message, /only https URLs/);
  });
});
