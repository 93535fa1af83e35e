import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { reportData, runReport } from '../../server/src/cli/report';
import { defaultPolicy } from '../../server/src/engine/policy/model';
import { buildReportData, coveredLines, licenseIds, ReportData } from '../../server/src/report/data';
import { collectHistory } from '../../server/src/report/history';
import { exemptReason } from '../../server/src/engine/coverage';
import { failsAt } from '../../server/src/engine/findings';
import { GitRules } from '../../server/src/io/git-rules';
import { renderHtml } from '../../server/src/report/html';
import { contentSecurityPolicy } from '../../server/src/report/page';
import { setLocale } from '../../server/src/engine/l10n';
import { scanned } from './helpers';

const header = (license: string, lead = '//') => `${lead} SPDX-FileCopyrightText: 2026 Example Corp\n${lead} SPDX-License-Identifier: ${license}\n`;
export const hostileName = `<img src=x onerror=alert(1)>&"'.ts`;
const dates = { currentYear: 2026, today: '2026-11-30' };

/** A tree with known results: 6 files checked, 3 compliant; one exempt, one skipped. */
export const fixture: Record<string, string | Buffer> = {
  'a.ts': header('MIT') + 'export const a = 1;\n',
  'src/ok.ts':
    header('Apache-2.0') +
    [
      '',
      '// SPDX-SnippetBegin', // line 3
      '// SPDX-SnippetCopyrightText: 2026 Example Corp',
      '// SPDX-License-Identifier: Apache-2.0',
      '// AI-Generated-By: Claude Code:claude-opus-4-5',
      'export const x = 1;',
      'export const y = 2;',
      '// SPDX-SnippetEnd', // line 9: the region is lines 3-9, 7 lines
      'export const z = 3;',
    ].join('\n') +
    '\n',
  // A file-scope AI marker: all 5 lines.
  'src/dual.go': header('MIT OR Apache-2.0') + '// AI-Assisted-By: Claude Code:claude-opus-4-5\n\npackage main\n',
  'src/bad.ts': 'export const bad = 1;\n',
  [`src/${hostileName}`]: 'export const evil = 1;\n',
  'lib/x.py': header('Apache License 2.0', '#') + 'x = 1\n',
  LICENSE: 'MIT License\n\nPermission is hereby granted...\n',
  'img.bin': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x0a]),
};

export function makeTree(files: Record<string, string | Buffer>, made: string[]): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ospo-report-')));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

export function capture(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) }, cwd }, out, err };
}

/** A git repository with the machine's configuration kept out; commits get increasing dates. */
export function gitRepo(made: string[]) {
  const dir = makeTree({}, made);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: dir,
    XDG_CONFIG_HOME: dir,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: path.join(dir, '.gitconfig'),
    GIT_CEILING_DIRECTORIES: path.dirname(dir),
    LC_ALL: 'C',
  };
  for (const k of Object.keys(env))
    if (k.startsWith('GIT_') && !['GIT_CONFIG_NOSYSTEM', 'GIT_CONFIG_GLOBAL', 'GIT_CEILING_DIRECTORIES'].includes(k)) delete env[k];
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgSign=false', '-c', 'tag.gpgSign=false', ...args], {
      cwd: dir,
      env,
      stdio: 'pipe',
    }).toString();
  git('init', '-q');
  let n = 0;
  const commit = (files: Record<string, string | Buffer>, message: string) => {
    for (const [name, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), content);
    }
    git('add', '-A');
    const date = `2026-0${++n}-01T12:00:00Z`;
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgSign=false', 'commit', '-q', '-m', message], {
      cwd: dir,
      env: { ...env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
      stdio: 'pipe',
    });
  };
  return { dir, git, commit };
}

/** Three commits: 0% (two bare files and a binary), 50%, 100%; tags v1 and v3 on the first and last. */
export function historyRepo(made: string[]) {
  const repo = gitRepo(made);
  repo.commit(
    { 'a.ts': 'export const a = 1;\n', 'src/b.ts': 'export const b = 2;\n', 'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]) },
    'Two files without headers',
  );
  repo.git('tag', 'v1');
  repo.commit({ 'a.ts': header('MIT') + 'export const a = 1;\n' }, 'Header for a');
  repo.commit({ 'src/b.ts': header('Apache-2.0') + 'export const b = 2;\n' }, 'Header for b');
  repo.git('tag', '-a', '-m', 'Release 3', 'v3');
  return repo;
}

describe('ospo report', () => {
  const made: string[] = [];
  after(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('ReportData', () => {
    let data: ReportData;
    let root: string;
    before(async () => {
      root = makeTree(fixture, made);
      data = await reportData([], { cwd: root, io: capture(root).io, ...dates });
    });

    it('counts compliant files (no error finding) overall and per top-level folder', () => {
      assert.equal(data.root, root);
      assert.deepEqual(data.totals, {
        files: 6,
        compliant: 3,
        percent: 50,
        exempt: 1,
        skipped: 1,
        findings: data.findings.length,
        suppressed: 0,
        // The 6 checked and img.bin; a.ts, src/ok.ts and src/dual.go declare an SPDX license, all allowed by
        // the built-in policy (no lists) and OSI-approved.
        listed: 7,
        declared: 3,
        tiers: { allowed: 3, review: 0, denied: 0 },
        osi: 3,
        severities: { error: 3, warning: 0, info: 0, hint: 0 },
        // src/ok.ts (a snippet) and src/dual.go (the whole file), both with no ai-* finding.
        ai: { files: 2, disclosed: 2 },
      });
      assert.deepEqual(
        data.folders.map((f) => [f.name, f.files, f.compliant, f.percent]),
        [
          ['.', 1, 1, 100],
          ['lib', 1, 0, 0],
          ['src', 4, 2, 50],
        ],
      );
      assert.deepEqual(data.skipped, [{ file: 'img.bin', reason: 'binary file', reasonId: 'binary' }]);
    });

    it('says why a file is skipped in the language of the report, with an id the same in every language', async () => {
      setLocale('ja');
      let ja: ReportData;
      try {
        ja = await reportData([], { cwd: root, io: capture(root).io, ...dates });
      } finally {
        setLocale(undefined);
      }
      assert.deepEqual(ja.skipped, [{ file: 'img.bin', reason: 'バイナリファイル', reasonId: 'binary' }]);
    });

    it('splits license expressions into ids and counts files without a valid one', () => {
      // img.bin is binary: not counted for compliance, but in the mix, with no licensing of its own.
      assert.deepEqual(data.licenses, [
        { id: '(none)', files: 3, sample: [`src/${hostileName}`, 'img.bin', 'src/bad.ts'].sort() },
        { id: 'Apache-2.0', files: 2, sample: ['src/dual.go', 'src/ok.ts'], tier: 'allowed', osi: true },
        { id: 'MIT', files: 2, sample: ['a.ts', 'src/dual.go'], tier: 'allowed', osi: true },
        { id: '(not SPDX)', files: 1, sample: ['lib/x.py'] },
      ]);
    });

    it("counts declared files by the policy's tiers, OSI approval and AI help disclosed as asked", async () => {
      const policy = ['licenses:', '  allow: [MIT]', '  review: [Apache-2.0]', '  deny: [GPL-3.0-only]', ''].join('\n');
      const tree = makeTree(
        {
          '.ospo/policy.yaml': policy,
          'm.ts': header('MIT') + 'export {};\n',
          'either.ts': header('MIT OR LicenseRef-Own') + 'export {};\n',
          'a.ts': header('Apache-2.0') + 'export {};\n',
          'g.ts': header('GPL-3.0-only') + 'export {};\n',
          'own.ts': header('LicenseRef-Own') + 'export {};\n',
          'both.ts': header('MIT AND GPL-3.0-only') + 'export {};\n',
          'chat.py': header('MIT', '#') + '# As an AI language model, I cannot run this.\n',
          'bare.ts': 'export {};\n',
        },
        made,
      );
      const d = await reportData([], { cwd: tree, io: capture(tree).io, ...dates });
      // Denied: g.ts, own.ts (not on the allow list) and both.ts (an AND with a denied license).
      assert.deepEqual(d.totals.tiers, { allowed: 3, review: 1, denied: 3 });
      assert.equal(d.totals.declared, 7);
      // Only own.ts needs a license OSI has not approved (GPL-3.0-only is approved; either.ts can be MIT).
      assert.equal(d.totals.osi, 6);
      // chat.py has leftover chatbot text and no marker: AI-assisted, not disclosed.
      assert.deepEqual(d.totals.ai, { files: 1, disclosed: 0 });
      // g.ts again with its denial suppressed in the file: counted apart, not listed, as `ospo check` does.
      assert.equal(d.totals.suppressed, 0);
      fs.writeFileSync(path.join(tree, 'g.ts'), header('GPL-3.0-only') + '// ospo-disable-file license-denied -- kept for a test\nexport {};\n');
      const quiet = await reportData([], { cwd: tree, io: capture(tree).io, ...dates });
      assert.equal(quiet.totals.suppressed, 1);
      assert.equal(quiet.findings.filter((f) => f.file === 'g.ts' && f.rule === 'license-denied').length, 0);
      assert.equal(d.findings.filter((f) => f.file === 'g.ts' && f.rule === 'license-denied').length, 1);
      assert.equal(quiet.totals.findings, d.totals.findings - 1);
      const byId = new Map(d.licenses.map((l) => [l.id, l]));
      assert.equal(byId.get('MIT')?.tier, 'allowed');
      assert.equal(byId.get('Apache-2.0')?.tier, 'review');
      assert.equal(byId.get('GPL-3.0-only')?.tier, 'denied');
      assert.equal(byId.get('LicenseRef-Own')?.osi, false);
      assert.equal(byId.get('MIT')?.osi, true);
      assert.equal(
        Object.values(d.totals.severities).reduce((a, b) => a + b, 0),
        d.findings.length,
      );
    });

    it('counts AI-disclosed regions and the lines they cover per folder', () => {
      const src = data.folders.find((f) => f.name === 'src')!;
      assert.equal(src.aiRegions, 2);
      assert.equal(src.aiLines, 7 + 5);
      assert.ok(data.folders.filter((f) => f.name !== 'src').every((f) => f.aiRegions === 0 && f.aiLines === 0));
    });

    it('lists every finding with 1-based positions and counts them per rule', () => {
      assert.deepEqual(
        data.findings.map((f) => [f.file, f.line, f.column, f.rule, f.severity]),
        [
          ['lib/x.py', 2, 28, 'spdx-invalid', 'error'],
          [`src/${hostileName}`, 1, 1, 'header-missing', 'error'],
          ['src/bad.ts', 1, 1, 'header-missing', 'error'],
        ],
      );
      assert.match(data.findings[0].message, /Apache License 2\.0/);
      assert.equal(data.rules.find((r) => r.rule === 'header-missing')?.count, 2);
      assert.equal(
        data.rules.reduce((n, r) => n + r.count, 0),
        data.findings.length,
      );
    });

    it('names files relative to the folder asked for', async () => {
      const sub = await reportData(['src'], { cwd: root, io: capture(root).io, ...dates });
      assert.equal(sub.root, path.join(root, 'src'));
      assert.deepEqual(
        sub.folders.map((f) => [f.name, f.files, f.compliant]),
        [['.', 4, 2]],
      );
    });

    it('buildReportData: overlapping regions count their lines once; no files is 100%', () => {
      assert.equal(
        coveredLines([
          { startLine: 0, endLine: 9 },
          { startLine: 3, endLine: 5 },
          { startLine: 8, endLine: 12 },
        ]),
        13,
      );
      assert.deepEqual(licenseIds('GPL-2.0-or-later WITH Classpath-exception-2.0 OR (MIT AND BSD-3-Clause)'), [
        'GPL-2.0-or-later WITH Classpath-exception-2.0',
        'MIT',
        'BSD-3-Clause',
      ]);
      assert.equal(licenseIds('Apache License 2.0'), undefined);
      const empty = buildReportData({ root: '/x', generatedAt: 't', files: [] });
      assert.deepEqual(empty.totals, {
        files: 0,
        compliant: 0,
        percent: 100,
        exempt: 0,
        skipped: 0,
        findings: 0,
        suppressed: 0,
        listed: 0,
        declared: 0,
        tiers: { allowed: 0, review: 0, denied: 0 },
        osi: 0,
        severities: { error: 0, warning: 0, info: 0, hint: 0 },
        ai: { files: 0, disclosed: 0 },
      });
    });
  });

  describe('HTML', () => {
    let data: ReportData;
    let html: string;
    before(async () => {
      const root = makeTree(fixture, made);
      data = await reportData([], { cwd: root, io: capture(root).io, ...dates });
      html = renderHtml(data, { linkBase: '' });
    });

    it('makes no network reference: no URL at all, no src/href to a network, no CSS url() or @import, a strict CSP', () => {
      assert.doesNotMatch(html, /https?:\/\//i);
      const refs = [...html.matchAll(/\b(?:src|href|action|formaction|srcset|poster|xlink:href|data)\s*=\s*["']?([^"'\s>]*)/gi)].map((m) => m[1]);
      assert.deepEqual(
        refs.filter((r) => /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(r)),
        [],
      );
      assert.doesNotMatch(html, /url\s*\(|@import/i);
      assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">`));
      assert.equal(contentSecurityPolicy, "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:");
    });

    it('escapes a hostile file name, and embeds exactly the data --json writes', () => {
      assert.ok(data.findings.some((f) => f.file === `src/${hostileName}`));
      assert.ok(!html.includes('<img'), 'no markup from a file name');
      assert.ok(!html.includes(hostileName));
      const m = /<script type="application\/json" id="ospo-data">([\s\S]*?)<\/script>/.exec(html);
      assert.ok(m);
      assert.deepEqual(JSON.parse(m[1]), JSON.parse(JSON.stringify(data)));
      // Only three script elements: the data, the view settings and the page's code.
      assert.equal(html.match(/<script/g)?.length, 3);
    });

    it('is in the current language: <html lang>, the markup and the texts for the script', () => {
      const view = (page: string) => JSON.parse(/id="ospo-view">([\s\S]*?)<\/script>/.exec(page)![1]);
      assert.match(html, /<html lang="en">/);
      assert.match(html, /<h1>OSPO compliance report<\/h1>/);
      assert.match(html, /<th data-key="line" class="num"><button type="button">Line<\/button><\/th>/);
      assert.deepEqual(view(html).strings.plurals.findings, { one: '{count} finding', other: '{count} findings' });
      setLocale('ja');
      let ja: string;
      try {
        ja = renderHtml(data, { linkBase: '' });
      } finally {
        setLocale(undefined);
      }
      assert.match(ja, /<html lang="ja">/);
      assert.match(ja, /<h1>OSPO コンプライアンスレポート<\/h1>/);
      assert.match(ja, /<div class="label">準拠しているファイル<\/div>/);
      assert.match(ja, /<th data-key="line" class="num"><button type="button">行<\/button><\/th>/);
      // Markup stays markup, text stays escaped: the note's code and emphasis, with no tag in the table.
      assert.match(ja, /<code>ospo check<\/code> が失敗しないファイル、つまり重大度 <em>error<\/em> の指摘がないファイルを<strong>準拠<\/strong>とみなします/);
      assert.deepEqual(view(ja).strings.plurals.findings, { other: '{count} 件' });
      assert.equal(view(ja).strings.openTitle, 'VS Code で {line} 行目を開く');
      assert.equal(view(ja).linkBase, '');
      // The data is the same JSON in both languages.
      assert.equal(/id="ospo-data">([\s\S]*?)<\/script>/.exec(ja)![1], /id="ospo-data">([\s\S]*?)<\/script>/.exec(html)![1]);
    });

    it('escapes the title', () => {
      const page = renderHtml({ ...data, root: `/tmp/<b>x&"'` });
      assert.ok(page.includes(`<title>OSPO compliance report: &lt;b&gt;x&amp;&quot;&#39;</title>`));
      assert.ok(!page.includes('<b>'));
    });
  });

  describe('CLI', () => {
    it('writes the HTML and the JSON twin; exit 0 even with findings', async () => {
      const root = makeTree(fixture, made);
      const c = capture(root);
      assert.equal(await runReport(['.', '--out', 'out/r.html', '--json', 'out/r.json'], c.io), 0, c.err.join(''));
      const json = JSON.parse(fs.readFileSync(path.join(root, 'out/r.json'), 'utf8')) as ReportData;
      const html = fs.readFileSync(path.join(root, 'out/r.html'), 'utf8');
      assert.equal(json.totals.percent, 50);
      const embedded = JSON.parse(/id="ospo-data">([\s\S]*?)<\/script>/.exec(html)![1]);
      assert.deepEqual(embedded, json);
      // Links are relative to where the page is: out/ is one folder below the root.
      assert.equal(JSON.parse(/id="ospo-view">([\s\S]*?)<\/script>/.exec(html)![1]).linkBase, '..');
      assert.match(c.err.join(''), /^50% compliant \(3 of 6 files without errors\)/);
    });

    it('--json - writes the data to stdout', async () => {
      const root = makeTree({ 'a.ts': 'x\n' }, made);
      const c = capture(root);
      assert.equal(await runReport(['--json', '-', '--out', path.join(root, 'r.html')], c.io), 0);
      assert.equal(JSON.parse(c.out.join('')).totals.files, 1);
    });

    it('usage errors exit 2', async () => {
      const root = makeTree({ 'a.ts': 'x\n' }, made);
      const out = path.join(root, 'r.html');
      const cases: [string[], RegExp][] = [
        [['--history', 'abc', '--out', out], /--history takes a number/],
        [['--history', '0', '--out', out], /--history takes a number/],
        [['--nope', '--out', out], /Unknown option '--nope'/],
        [['no-such-folder', '--out', out], /No such file or folder: no-such-folder/],
        [['--out', '-', '--json', '-'], /cannot both write to stdout/],
        [['--history', '3', '--out', out], /--history needs a git repository/],
      ];
      for (const [args, message] of cases) {
        const c = capture(root);
        assert.equal(await runReport(args, c.io), 2, args.join(' '));
        assert.match(c.err.join(''), message);
      }
      assert.ok(!fs.existsSync(out), 'nothing written');
    });
  });

  describe('the same provenance as ospo check', () => {
    // REUSE.toml licenses docs/ (no headers there), the image has a sidecar, src/bad.ts has nothing.
    const reuseTree: Record<string, string | Buffer> = {
      'REUSE.toml': 'version = 1\n\n[[annotations]]\npath = "docs/**"\nSPDX-FileCopyrightText = "2026 Example Corp"\nSPDX-License-Identifier = "CC-BY-4.0"\n',
      'LICENSES/CC-BY-4.0.txt': 'Creative Commons Attribution 4.0\n',
      'LICENSES/MIT.txt': 'MIT License\n',
      'docs/guide.md': '# Guide\n',
      'docs/intro.md': '# Intro\n',
      'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]),
      'logo.png.license': 'SPDX-FileCopyrightText: 2026 Example Corp\nSPDX-License-Identifier: MIT\n',
      'src/a.ts': header('MIT') + 'export const a = 1;\n',
      'src/bad.ts': 'export const bad = 1;\n',
    };

    /** What `ospo check` says of the tree: its scan, and the files it fails on (failsAt, --fail-on error). */
    async function checkOf(root: string) {
      const scan = await scanned({ root, policy: defaultPolicy(), git: new GitRules(root), workers: 1, ...dates });
      const counted = scan.files.filter((f) => !exemptReason(f.rel));
      const failing = counted.filter((f) => failsAt(f.findings)).map((f) => f.rel);
      return { files: counted.length, failing, percent: Math.round(((counted.length - failing.length) / counted.length) * 1000) / 10 };
    }

    it('the license mix counts REUSE.toml and sidecar licensing; the headline is the share of files check finds clean', async () => {
      const root = makeTree(reuseTree, made);
      const data = await reportData([], { cwd: root, io: capture(root).io, ...dates });
      assert.deepEqual(
        data.licenses.map(({ id, files, sample }) => ({ id, files, sample })),
        [
          { id: 'CC-BY-4.0', files: 2, sample: ['docs/guide.md', 'docs/intro.md'] },
          { id: 'MIT', files: 2, sample: ['logo.png', 'src/a.ts'] },
          { id: '(none)', files: 1, sample: ['src/bad.ts'] },
        ],
      );
      const check = await checkOf(root);
      assert.deepEqual(
        data.findings.filter((f) => f.severity === 'error').map((f) => f.file),
        check.failing,
      );
      assert.deepEqual([data.totals.files, data.totals.percent], [check.files, check.percent]);
    });

    it("the trend reads each commit's REUSE.toml and sidecars; its newest point equals the headline", async () => {
      const repo = gitRepo(made);
      const { 'REUSE.toml': toml, ...rest } = reuseTree;
      repo.commit(rest, 'Without REUSE.toml');
      repo.commit({ 'REUSE.toml': toml }, 'REUSE.toml for docs');
      const c = capture(repo.dir);
      // Written outside the repository, so that check sees the same files afterwards.
      const out = makeTree({}, made);
      assert.equal(await runReport(['--history', '2', '--json', path.join(out, 'r.json'), '--out', path.join(out, 'r.html')], c.io), 0, c.err.join(''));
      const json = JSON.parse(fs.readFileSync(path.join(out, 'r.json'), 'utf8')) as ReportData;
      assert.deepEqual(
        json.history!.map((h) => [h.files, h.compliant]),
        [
          [4, 1],
          [4, 3],
        ],
        'docs/ is licensed from the second commit on',
      );
      const head = json.history![1];
      assert.deepEqual([head.files, head.compliant, head.percent], [json.totals.files, json.totals.compliant, json.totals.percent]);
      assert.equal(json.totals.percent, (await checkOf(repo.dir)).percent);
    });
  });

  describe('--history', () => {
    /** Reports the repository with one history point, which must agree with the headline; gives the report data. */
    async function newestPointIsTheHeadline(dir: string): Promise<ReportData> {
      const c = capture(dir);
      const out = makeTree({}, made);
      assert.equal(await runReport(['--history', '1', '--json', path.join(out, 'r.json'), '--out', path.join(out, 'r.html')], c.io), 0, c.err.join(''));
      const json = JSON.parse(fs.readFileSync(path.join(out, 'r.json'), 'utf8')) as ReportData;
      const head = json.history![0];
      assert.deepEqual([head.files, head.compliant, head.percent], [json.totals.files, json.totals.compliant, json.totals.percent]);
      return json;
    }

    it('skips a Git LFS pointer in history as the headline skips the binary it stands for in the working tree', async () => {
      const repo = gitRepo(made);
      const pointer = 'version https://git-lfs.github.com/spec/v1\noid sha256:' + 'ab'.repeat(32) + '\nsize 4096\n';
      repo.commit({ 'a.ts': header('MIT') + 'export const a = 1;\n', 'art/logo.png': pointer }, 'A logo in Git LFS');
      // What git-lfs's smudge filter puts in the working tree: the binary itself.
      fs.writeFileSync(path.join(repo.dir, 'art/logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]));
      const json = await newestPointIsTheHeadline(repo.dir);
      assert.equal(json.totals.percent, 100);
    });

    it('counts a tracked file that .gitignore matches, as the headline does: git never ignores a tracked file', async () => {
      const repo = gitRepo(made);
      repo.commit({ 'a.ts': header('MIT') + 'export const a = 1;\n', 'bin/tool.sh': '#!/bin/sh\necho hi\n' }, 'A script under bin/');
      // Ignored from now on, but still tracked: git ls-files lists it, and so the scan checks it.
      repo.commit({ '.gitignore': 'bin/\n' }, 'Ignore bin/');
      const json = await newestPointIsTheHeadline(repo.dir);
      assert.ok(
        json.findings.some((f) => f.file === 'bin/tool.sh'),
        'the tracked, ignored script is checked',
      );
    });

    it('gives the percent at each of the last N commits, oldest first, from git objects (the working tree is not used)', async () => {
      const repo = historyRepo(made);
      // Uncommitted: a.ts loses its header again. The present says 50%, the history is unchanged.
      fs.writeFileSync(path.join(repo.dir, 'a.ts'), 'export const a = 1;\n');
      const c = capture(repo.dir);
      assert.equal(await runReport(['--history', '3', '--json', 'r.json', '--out', 'r.html'], c.io), 0, c.err.join(''));
      const json = JSON.parse(fs.readFileSync(path.join(repo.dir, 'r.json'), 'utf8')) as ReportData;
      assert.deepEqual(
        json.history!.map((h) => h.percent),
        [0, 50, 100],
      );
      assert.deepEqual(
        json.history!.map((h) => h.subject),
        ['Two files without headers', 'Header for a', 'Header for b'],
      );
      assert.deepEqual(
        json.history!.map((h) => [h.files, h.compliant]),
        [
          [2, 0],
          [2, 1],
          [2, 2],
        ],
        'the binary logo.png is skipped',
      );
      assert.equal(json.history![2].date.slice(0, 10), '2026-03-01');
      assert.equal(json.totals.percent, 50);
      assert.equal(fs.readFileSync(path.join(repo.dir, 'a.ts'), 'utf8'), 'export const a = 1;\n', 'no checkout');
      assert.equal(repo.git('status', '--porcelain', '--untracked-files=no'), ' M a.ts\n');
    });

    it('N limits the commits; tags gives the tagged commits by name', async () => {
      const repo = historyRepo(made);
      const policy = defaultPolicy();
      const targets = [{ root: repo.dir, scope: repo.dir, policy }];
      assert.deepEqual(
        (await collectHistory({ targets, which: 2, ...dates })).map((h) => h.percent),
        [50, 100],
      );
      const tags = await collectHistory({ targets, which: 'tags', ...dates });
      assert.deepEqual(
        tags.map((h) => [h.ref, h.percent]),
        [
          ['v1', 0],
          ['v3', 100],
        ],
      );
    });

    it('caps the files per commit and says so', async () => {
      const repo = historyRepo(made);
      const points = await collectHistory({
        targets: [{ root: repo.dir, scope: repo.dir, policy: defaultPolicy() }],
        which: 3,
        maxFilesPerCommit: 1,
        ...dates,
      });
      assert.deepEqual(
        points.map((h) => [h.files, h.percent, h.truncated]),
        [
          [1, 0, true],
          [1, 100, true],
          [1, 100, true],
        ],
      );
    });

    it('a subfolder counts its own files, at the commits that touched it', async () => {
      const repo = historyRepo(made);
      const src = path.join(repo.dir, 'src');
      const points = await collectHistory({ targets: [{ root: repo.dir, scope: src, policy: defaultPolicy() }], which: 10, ...dates });
      assert.deepEqual(
        points.map((h) => [h.subject, h.files, h.percent]),
        [
          ['Two files without headers', 1, 0],
          ['Header for b', 1, 100],
        ],
      );
    });
  });
});
