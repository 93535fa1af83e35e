// Hostile policies (issue "Robustness and security"): a policy may come from a repository just
// opened, so nothing in it may hang or crash the server. Regexes run in linear time (RE2), YAML
// is capped in size, nesting and alias expansion, extends cannot loop or explode, and remote
// bases are https-only, pinned, size-capped, time-limited and fetched only when trusted.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { parsePolicy, maxPolicyDepth } from '../../server/src/engine/policy/parse';
import { compilePolicyRegex, policyRegexProblem } from '../../server/src/engine/policy/safe-regex';
import { loadPolicyText, maxBases, maxExtendsDepth, readPolicy } from '../../server/src/io/policy-source';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'ospo-hostile-'));
const timed = <T>(f: () => T): [T, number] => {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
};
const located = (problems: { severity: string; line: number; message: string }[]) => problems.map((p) => [p.severity, p.line, p.message]);

describe('hostile policies: regexes', () => {
  const evil = 'a'.repeat(50) + '!';

  it('runs a catastrophic pattern in linear time', () => {
    // JavaScript's backtracking engine needs about 2^50 steps for this; RE2 needs a few hundred.
    const [matched, ms] = timed(() => [
      compilePolicyRegex('(a+)+$').test(evil),
      compilePolicyRegex('(a|a)*$', 'search').test('a'.repeat(100000) + '!'),
      compilePolicyRegex('.*.*.*.*x').test('a'.repeat(20000)),
    ]);
    assert.deepEqual(matched, [false, true, false]);
    assert.ok(ms < 1000, `${ms} ms`);
    assert.equal(compilePolicyRegex('(a+)+$').test('aaaa'), true);
  });

  it('keeps the meaning of ordinary policy patterns', () => {
    const holder = compilePolicyRegex('Example Corp(,? Inc\\.?)?( and (its )?affiliates)?');
    assert.equal(holder.test('Example Corp, Inc. and its affiliates'), true);
    assert.equal(holder.test('Example Corp and friends'), false, 'whole mode matches in full');
    assert.equal(compilePolicyRegex('OSRB-[0-9]+', 'search').test('// License review: OSRB-123 ok'), true);
    assert.equal(compilePolicyRegex('[\\w. -]+ <[^<>@\\s]+@example\\.com>').test('Ann Lee <ann@example.com>'), true);
    assert.equal(compilePolicyRegex('caf\\u00e9 (?<who>\\w+)').test('café x'), true);
  });

  it('a policy with (a+)+$ as holder loads, and a file with a hostile holder checks in well under a second', function () {
    const parsed = parsePolicy('version: 1\nheaders:\n  copyright:\n    holder: "(a+)+$"\n');
    assert.deepEqual(parsed.problems, []);
    // In a child process, so that a backtracking engine anywhere on the path fails this test instead of hanging the suite.
    const script = `
      const { checkText } = require(${JSON.stringify(path.resolve(__dirname, '../../server/src/engine/check'))});
      const { toPolicy } = require(${JSON.stringify(path.resolve(__dirname, '../../server/src/engine/policy/model'))});
      const policy = toPolicy({ headers: { copyright: { holder: '(a+)+$' } }, licenses: { review: ['MPL-2.0'], reviewEvidence: '(a+)+$' },
        ai: { mode: 'review', reviewer: { pattern: '(a+)+$' }, approvalPattern: '(a+)+$' } }, 'p');
      const evil = ${JSON.stringify(evil)};
      const text = '// SPDX-FileCopyrightText: 2026 ' + evil + '\\n// SPDX-License-Identifier: MPL-2.0\\n// ' + evil + '\\n' +
        '// AI-assisted-by: Copilot: completion\\n// AI-reviewed-by: ' + evil + '\\n// AI-approval: ' + evil + '\\nexport {};\\n';
      const t0 = Date.now();
      const rules = checkText({ path: 'src/a.ts', text, currentYear: 2026 }, policy).findings.map((f) => f.rule);
      process.stdout.write(JSON.stringify({ ms: Date.now() - t0, rules }));`;
    const child = spawnSync(process.execPath, ['-e', script], { timeout: 5000, killSignal: 'SIGKILL', encoding: 'utf8' });
    assert.equal(child.signal, null, 'the check hung: every policy regex must be compiled by compilePolicyRegex (engine/policy/safe-regex.ts), not new RegExp');
    assert.equal(child.status, 0, child.stderr);
    const { ms, rules } = JSON.parse(child.stdout) as { ms: number; rules: string[] };
    assert.ok(ms < 1000, `${ms} ms`);
    assert.ok(rules.includes('copyright-holder'), rules.join());
  });

  it('refuses what needs backtracking, with a located policy problem at the value', () => {
    const at = (field: string, pattern: string) => {
      const text =
        field === 'holder'
          ? `version: 1\nheaders:\n  copyright:\n    holder: ${JSON.stringify(pattern)}\n`
          : `version: 1\nai:\n  mode: review\n  approvalPattern: ${JSON.stringify(pattern)}\n`;
      const parsed = parsePolicy(text);
      assert.equal(parsed.raw, undefined, pattern);
      assert.equal(parsed.problems.length, 1, pattern);
      const [p] = parsed.problems;
      return [p.line, p.character, p.message];
    };
    assert.deepEqual(at('holder', '(a)\\1'), [
      3,
      12,
      "Invalid regular expression in 'headers.copyright.holder': /(a)\\1/ uses a backreference, which policy regexes do not support: they run in linear time (RE2), without backreferences or lookarounds",
    ]);
    assert.match(String(at('holder', '(?<n>a)\\k<n>')[2]), /uses a backreference/);
    assert.match(String(at('approval', 'OSRB-(?=\\d)\\d+')[2]), /^Invalid regular expression in 'ai\.approvalPattern': .* uses a lookaround/);
    assert.match(String(at('approval', '(?<!x)y')[2]), /uses a lookaround/);
    assert.deepEqual(at('approval', 'OSRB-[0-9+').slice(0, 2), [3, 19]);
    assert.match(String(at('approval', 'OSRB-[0-9+')[2]), /: \/OSRB-\[0-9\+\/: Unterminated character class$/);
    assert.match(String(at('holder', '((a{100}){100}){100}')[2]), /invalid repeat count.*RE2/);
    assert.match(String(at('holder', 'a'.repeat(2000))[2]), /longer than 1024 characters/);
    // Escaped and bracketed look-alikes are not refused.
    assert.equal(policyRegexProblem('\\(?=x\\)[(?=]\\\\1'), undefined);
    assert.throws(() => compilePolicyRegex('(a)\\1'), /backreference/);
  });

  it('checks regexes in overrides too', () => {
    const parsed = parsePolicy('version: 1\noverrides:\n  - paths: ["x/**"]\n    ai:\n      reviewer:\n        pattern: "(?=a)a"\n');
    assert.deepEqual(
      located(parsed.problems).map((p) => p.slice(0, 2)),
      [['error', 5]],
    );
    assert.match(parsed.problems[0].message, /'overrides\[0\]\.ai\.reviewer\.pattern'.*lookaround/);
  });
});

describe('hostile policies: YAML', () => {
  it('refuses a file over 256 KiB, counted in UTF-8 bytes', () => {
    const [parsed, ms] = timed(() => parsePolicy(`policy:\n  title: "${'é'.repeat(140 * 1024)}"\n`));
    assert.deepEqual(located(parsed.problems), [['error', 0, 'The policy file is larger than 256 KiB: a policy should be a page of YAML']]);
    assert.ok(ms < 200, `${ms} ms`);
    assert.deepEqual(parsePolicy(`policy:\n  title: "${'é'.repeat(100 * 1024)}"\n`).problems, [], '200 KiB is fine');
  });

  it('refuses deep flow nesting before building it, at the place it gets too deep', () => {
    const [parsed, ms] = timed(() => parsePolicy('version: 1\nfiles:\n  include: ' + '['.repeat(100000) + ']'.repeat(100000) + '\n'));
    assert.equal(parsed.raw, undefined);
    assert.equal(parsed.problems.length, 1);
    assert.equal(parsed.problems[0].message, `The policy nests lists and mappings more than ${maxPolicyDepth} levels deep: a policy needs a few levels`);
    assert.equal(parsed.problems[0].line, 2);
    assert.ok(parsed.problems[0].character > 60 && parsed.problems[0].character < 80, String(parsed.problems[0].character));
    assert.ok(ms < 500, `${ms} ms`);
    const flowMaps = parsePolicy('x: ' + '{a: '.repeat(50000) + '1' + '}'.repeat(50000));
    assert.match(flowMaps.problems[0].message, /more than 64 levels deep/);
  });

  it('refuses deep block nesting: indented mappings and compact sequences', () => {
    const maps = Array.from({ length: 100 }, (_, i) => ' '.repeat(i) + `k${i}:`).join('\n') + ' x\n';
    const deepMaps = parsePolicy(maps);
    assert.match(deepMaps.problems[0].message, /more than 64 levels deep/);
    assert.ok(deepMaps.problems[0].line >= 60 && deepMaps.problems[0].line <= 70, String(deepMaps.problems[0].line));
    const [seqs, ms] = timed(() => parsePolicy('- '.repeat(100000) + 'x\n'));
    assert.match(seqs.problems[0].message, /more than 64 levels deep/);
    assert.ok(ms < 500, `${ms} ms`);
    // 60 levels is allowed by this cap (the schema then has its say).
    const ok = parsePolicy('version: 1\nfiles:\n  include: ' + '['.repeat(60) + ']'.repeat(60) + '\n');
    assert.ok(!ok.problems.some((p) => /levels deep/.test(p.message)));
  });

  it('refuses a billion-laughs alias bomb quickly', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++)
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill('*' + String.fromCharCode(96 + i))
          .join(',')}]`,
      );
    const [parsed, ms] = timed(() => parsePolicy(lines.join('\n') + '\n'));
    assert.deepEqual(located(parsed.problems), [
      ['error', 0, 'The policy cannot be read: its YAML aliases (*name) expand too much: write the values out instead'],
    ]);
    assert.ok(ms < 500, `${ms} ms`);
    // A few aliases are fine.
    const few = parsePolicy('version: 1\nlicenses:\n  allow: &ok [MIT]\noverrides:\n  - paths: ["x/**"]\n    licenses:\n      allow: *ok\n');
    assert.deepEqual(few.problems, []);
  });

  it('finds duplicate keys in linear time, where they are', () => {
    const keys = Array.from({ length: 20000 }, (_, i) => `  k${i}: 1`);
    keys.splice(15000, 0, '  k7: 2');
    const [parsed, ms] = timed(() => parsePolicy('severity:\n' + keys.join('\n') + '\n'));
    assert.deepEqual(located(parsed.problems), [['error', 15001, "YAML syntax error: the key 'k7' appears twice in this mapping: merge the two into one"]]);
    assert.equal(parsed.problems[0].character, 2);
    // The yaml package's own check compares every pair: about 7 s for these 20,000 keys.
    assert.ok(ms < 3000, `${ms} ms`);
    assert.deepEqual(located(parsePolicy('a: {"x": 1, x: 2}\n').problems), [
      ['error', 0, "YAML syntax error: the key 'x' appears twice in this mapping: merge the two into one"],
    ]);
  });

  it('never throws on a hostile mix', () => {
    for (const text of [
      '!!binary x',
      '&a [*a]',
      '? [a, b]\n: c',
      '%YAML 1.1\n---\nx: 1',
      'a: *nope',
      '---\n---\n',
      '\u0000\uFFFE',
      '{'.repeat(65),
      '['.repeat(64) + ']'.repeat(64),
    ]) {
      assert.doesNotThrow(() => parsePolicy(text), text);
    }
  });
});

describe('hostile policies: extends', () => {
  it('detects a policy that extends itself, at the extends entry', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.yaml');
    const text = 'version: 1\nextends:\n  - ./a.yaml\n';
    fs.writeFileSync(file, text);
    const loaded = await loadPolicyText(file, text, { allowFetch: false });
    assert.deepEqual(
      loaded.problems.map((p) => [p.line, p.character, p.message]),
      [[2, 4, "Cannot use base policy './a.yaml': extends cycle: a.yaml → a.yaml"]],
    );
    assert.ok(loaded.policy, 'the rest of the policy still applies');
  });

  it("detects a → b → a, reported at a's extends entry", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'b.yaml'), 'version: 1\nextends: [a.yaml]\n');
    const text = 'version: 1\nlicenses:\n  deny: [MIT]\nextends:\n  - b.yaml\n';
    const loaded = await loadPolicyText(path.join(dir, 'a.yaml'), text, { allowFetch: false });
    assert.equal(loaded.problems.length, 1);
    assert.equal(loaded.problems[0].line, 4);
    assert.match(
      loaded.problems[0].message,
      /^Base policy 'b\.yaml' has an error at line 2, column 11: Cannot use base policy 'a\.yaml': extends cycle: a\.yaml → b\.yaml → a\.yaml$/,
    );
    assert.deepEqual(loaded.policy?.licenses.deny, ['MIT']);
  });

  it('caps a diamond of extends (each base read many times) and a long chain', async () => {
    const dir = tempDir();
    // d0 extends d1 four times, d1 extends d2 four times…: 4^10 reads without a cap.
    for (let i = 0; i < 10; i++)
      fs.writeFileSync(
        path.join(dir, `d${i}.yaml`),
        `version: 1\nextends: [${Array(4)
          .fill(`d${i + 1}.yaml`)
          .join(', ')}]\n`,
      );
    fs.writeFileSync(path.join(dir, 'd10.yaml'), 'version: 1\n');
    const t0 = performance.now();
    const diamond = await loadPolicyText(path.join(dir, 'root.yaml'), 'extends: [d0.yaml]\n', { allowFetch: false });
    assert.ok(performance.now() - t0 < 2000);
    assert.equal(diamond.problems.length, 1);
    assert.match(diamond.problems[0].message, new RegExp(`at most ${maxBases} bases in all|longer than ${maxExtendsDepth}`));

    for (let i = 0; i < 12; i++) fs.writeFileSync(path.join(dir, `c${i}.yaml`), `version: 1\nextends: [c${i + 1}.yaml]\n`);
    fs.writeFileSync(path.join(dir, 'c12.yaml'), 'version: 1\n');
    const chain = await loadPolicyText(path.join(dir, 'root.yaml'), 'extends: [c0.yaml]\n', { allowFetch: false });
    assert.equal(chain.problems.length, 1);
    assert.match(chain.problems[0].message, new RegExp(`the chain of extends is longer than ${maxExtendsDepth}: root\\.yaml → c0\\.yaml`));
  });

  it('reads only regular files of at most 256 KiB: not a device, a FIFO or a huge file', async function () {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'big.yaml'), '#'.repeat(300 * 1024));
    const load = (entry: string) => loadPolicyText(path.join(dir, 'policy.yaml'), `extends:\n  - ${entry}\n`, { allowFetch: false });
    assert.match((await load('/dev/zero')).problems[0].message, /'\/dev\/zero': it is not a regular file/);
    assert.match((await load('./big.yaml')).problems[0].message, /'\.\/big\.yaml': larger than 256 KiB/);
    if (spawnSync('mkfifo', [path.join(dir, 'fifo')]).status === 0) {
      assert.match((await load('./fifo')).problems[0].message, /not a regular file/);
    }
    // The policy file itself too: a symlink to /dev/zero must not be read forever.
    fs.mkdirSync(path.join(dir, '.ospo'));
    fs.symlinkSync('/dev/zero', path.join(dir, '.ospo', 'policy.yaml'));
    const root = await readPolicy(dir, undefined, { allowFetch: false });
    assert.deepEqual(
      root.problems.map((p) => p.message),
      ['Cannot read the policy file: it is not a regular file'],
    );
  });
});

describe('hostile policies: remote bases', () => {
  const base = 'version: 1\nai:\n  mode: review\n';
  let server: http.Server;
  let url: string;
  let hits = 0;
  const open = new Set<http.ServerResponse>();
  before(async () => {
    server = http.createServer((req, res) => {
      hits++;
      if (req.url === '/base.yaml') res.end(base);
      else if (req.url === '/hang.yaml') {
        open.add(res);
        res.writeHead(200);
        res.write('version: 1\n');
      } else if (req.url === '/declared-big.yaml') {
        res.writeHead(200, { 'content-length': String(2 * 1024 * 1024) });
        res.write('#');
        open.add(res);
      } else if (req.url === '/chunked-big.yaml') {
        res.writeHead(200);
        let sent = 0;
        const more = () => {
          while (sent < 4 * 1024 * 1024 && !res.destroyed) {
            sent += 64 * 1024;
            if (!res.write('#'.repeat(64 * 1024))) {
              res.once('drain', more);
              return;
            }
          }
          res.end();
        };
        res.on('error', () => undefined);
        more();
      } else if (req.url === '/redirect.yaml') {
        res.writeHead(302, { location: '/base.yaml' });
        res.end();
      } else {
        res.statusCode = 404;
        res.end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    for (const res of open) res.destroy();
    server.closeAllConnections();
    server.close();
  });

  const file = () => path.join(tempDir(), 'policy.yaml');
  const load = (entry: string, opts: { allowFetch?: boolean; fetchTimeoutMs?: number } = {}) =>
    loadPolicyText(file(), `version: 1\nextends:\n  - ${entry}\n`, {
      allowFetch: opts.allowFetch ?? true,
      cacheDir: tempDir(),
      fetchTimeoutMs: opts.fetchTimeoutMs,
    });
  const pinned = (name: string, hash = sha(base)) => `{ source: "${url}/${name}", sha256: "${hash}" }`;

  it('gives up on a server that does not finish within the time limit, located at the entry', async () => {
    const t0 = performance.now();
    const loaded = await load(pinned('hang.yaml'), { fetchTimeoutMs: 300 });
    assert.ok(performance.now() - t0 < 3000);
    assert.deepEqual(
      loaded.problems.map((p) => [p.line, p.character]),
      [[2, 4]],
    );
    assert.match(loaded.problems[0].message, /hang\.yaml': no answer within 0\.3 s$/);
  });

  it('stops reading past 256 KiB, whether the size is declared or not', async () => {
    assert.match((await load(pinned('declared-big.yaml'))).problems[0].message, /declared-big\.yaml': larger than 256 KiB$/);
    assert.match((await load(pinned('chunked-big.yaml'))).problems[0].message, /chunked-big\.yaml': larger than 256 KiB$/);
  });

  it('refuses plain http (but for loopback), other schemes, redirects, and unpinned or mispinned bases', async () => {
    hits = 0;
    const msg = async (entry: string) => (await load(entry)).problems.map((p) => [p.line, p.message])[0];
    assert.deepEqual(await msg(`{ source: "http://example.com/base.yaml", sha256: "${sha(base)}" }`), [
      2,
      "Cannot use base policy 'http://example.com/base.yaml': only https URLs can be extended",
    ]);
    assert.match(String((await msg(`{ source: "ftp://example.com/base.yaml", sha256: "${sha(base)}" }`))[1]), /only https URLs/);
    assert.match(String((await msg(`{ source: "file:///etc/passwd", sha256: "${sha(base)}" }`))[1]), /only https URLs/);
    assert.equal(hits, 0);
    assert.match(String((await msg(`"${url}/base.yaml"`))[1]), /needs its sha256/);
    assert.match(String((await msg(pinned('base.yaml', 'f'.repeat(64))))[1]), /sha256 mismatch/);
    assert.match(String((await msg(pinned('redirect.yaml')))[1]), /redirect.yaml': /);
    const ok = await load(pinned('base.yaml'));
    assert.deepEqual(ok.problems, []);
    assert.equal(ok.policy?.ai.mode, 'review');
  });

  it("never fetches when allowFetch is false (an untrusted workspace), nor through a remote base's own extends", async () => {
    hits = 0;
    const untrusted = await load(pinned('base.yaml'), { allowFetch: false });
    assert.match(untrusted.problems[0].message, /only in a trusted workspace/);
    assert.equal(hits, 0);
    // A fetch function that counts: it must not be called either.
    let called = 0;
    const counted = await loadPolicyText(file(), `extends:\n  - ${pinned('base.yaml')}\n`, {
      allowFetch: false,
      cacheDir: tempDir(),
      fetch: (async () => {
        called++;
        throw new Error('no');
      }) as typeof fetch,
    });
    assert.equal(counted.problems.length, 1);
    assert.equal(called, 0);
  });

  it('a remote base cannot reach local files: its relative and absolute entries resolve against its URL', async () => {
    const remoteText = 'version: 1\nextends:\n  - /etc/passwd\n';
    const served = new Map([['/r.yaml', remoteText]]);
    const fetchFake = (async (u: URL | string) => {
      const p = new URL(String(u)).pathname;
      return served.has(p) ? new Response(served.get(p)) : new Response('', { status: 404 });
    }) as typeof fetch;
    const loaded = await loadPolicyText(file(), `extends:\n  - { source: "https://policies.test/r.yaml", sha256: "${sha(remoteText)}" }\n`, {
      allowFetch: true,
      cacheDir: tempDir(),
      fetch: fetchFake,
    });
    assert.equal(loaded.problems.length, 1);
    assert.match(loaded.problems[0].message, /Cannot use base policy '\/etc\/passwd': a URL needs its sha256/);
  });
});
