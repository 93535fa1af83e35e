import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { aiHistoryUnder, allCommitTrailerKeys, parseAiTrailers } from '../../server/src/engine/ai/history';
import { checkText } from '../../server/src/engine/check';
import { checkCommitMessage } from '../../server/src/engine/ai/commit-rule';
import { toPolicy } from '../../server/src/engine/policy/model';
import { GitHistory, GitHistoryOptions, parseGitLog } from '../../server/src/io/git-history';
import { runBounded, runGit, type GitRunner } from '../../server/src/io/git-run';
import { tempTree } from '../temp-tree';
import { policyWith } from './helpers';

/** A policy that states `ai.mode: disclose`, so files the history shows as AI-assisted need AI tags (the built-in default asks for none). */
const disclosing = toPolicy({ ai: { mode: 'disclose' } }, 'policy');

describe('AI commit trailers', () => {
  const one = (message: string, extra: string[] = []) => parseAiTrailers(message, extra);

  it('reads the kernel form Assisted-by: AGENT:MODEL [tools]', () => {
    assert.deepEqual(one('Fix the parser\n\nAssisted-by: Claude Code:claude-opus-4-5\n'), [
      { key: 'Assisted-by', value: 'Claude Code:claude-opus-4-5', tool: 'Claude Code' },
    ]);
    assert.equal(one('Fix\n\nAssisted-by: Claude:claude-3-opus coccinelle sparse')[0].tool, 'Claude');
    assert.equal(one('Fix\n\nAssisted-by: AcmeBot:acme-1 lint')[0].tool, 'AcmeBot', 'an agent not on the list, as written');
  });

  it('reads the ASF form Generated-by: Tool Version', () => {
    assert.deepEqual(one('Add tests\n\nGenerated-by: ChatGPT 4o'), [{ key: 'Generated-by', value: 'ChatGPT 4o', tool: 'ChatGPT' }]);
    assert.equal(one('Add tests\n\nGenerated-by: Claude Code 1.0.3')[0].tool, 'Claude Code');
    assert.equal(one('Add tests\n\nGenerated-by: GitHub Copilot')[0].tool, 'GitHub Copilot');
  });

  it('counts Co-authored-by and Made-with only when they name a known AI', () => {
    const cases: [string, string | undefined][] = [
      ['Co-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>', 'GitHub Copilot'],
      ['Co-authored-by: copilot-swe-agent[bot] <198982749+Copilot@users.noreply.github.com>', 'GitHub Copilot'],
      ['Co-Authored-By: Claude <noreply@anthropic.com>', 'Claude'],
      ['Co-authored-by: Claude Sonnet 4.5 <noreply@anthropic.com>', 'Claude'],
      ['Co-authored-by: Claude Code <noreply@anthropic.com>', 'Claude Code'],
      ['Co-authored-by: Cursor Agent <cursoragent@cursor.com>', 'Cursor'],
      ['Co-authored-by: aider (openai/gpt-4o) <noreply@aider.chat>', 'Aider'],
      ['Co-authored-by: gemini-code-assist[bot] <176961590+gemini-code-assist[bot]@users.noreply.github.com>', 'Gemini Code Assist'],
      ['Co-authored-by: devin-ai-integration[bot] <158243242+devin-ai-integration[bot]@users.noreply.github.com>', 'Devin'],
      ['Co-authored-by: Amazon Q Developer <amazon-q-developer[bot]@users.noreply.github.com>', 'Amazon Q'],
      ['Made-with: Cursor', 'Cursor'],
      // People: first names shared with AI products, and ordinary co-authors.
      ['Co-authored-by: Claude Dupont <claude.dupont@example.com>', undefined],
      ['Co-authored-by: Claude <claude@example.org>', undefined],
      ['Co-authored-by: Devin Smith <devin@example.com>', undefined],
      ['Co-authored-by: Jane Doe <jane@example.com>', undefined],
      ['Co-authored-by: Gemini Jones-Copilotti <gj@example.com>', undefined],
      ['Made-with: love', undefined],
      ['Assisted-by: Jane Doe <jane@example.com>', undefined],
      ['Signed-off-by: Claude <noreply@anthropic.com>', undefined],
    ];
    for (const [trailer, tool] of cases) assert.equal(one(`Change\n\n${trailer}`)[0]?.tool, tool, trailer);
  });

  it('a human co-author next to an AI one: only the AI counts', () => {
    const found = one(
      'Change\n\nCo-authored-by: Jane Doe <jane@example.com>\nCo-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>\nSigned-off-by: Jane Doe <jane@example.com>',
    );
    assert.deepEqual(
      found.map((t) => t.tool),
      ['GitHub Copilot'],
    );
  });

  it('a person helping is not AI help: only a listed agent, a bot address or AGENT:MODEL counts', () => {
    const cases: [string, string | undefined][] = [
      // People, as projects write them in Assisted-by, Co-authored-by and Helped-by.
      ['Assisted-by: Jane Doe <jane@example.org>', undefined],
      ['Assisted-by: Jane Doe', undefined],
      ['Assisted-by: jdoe on github', undefined],
      ['Assisted-by: jdoe@users.noreply.github.com', undefined],
      ['Assisted-by: Devin Smith', undefined],
      ['Assisted-by: Claude Dupont', undefined],
      ['Assisted-by: Claude <claude@example.org>', undefined],
      ['Assisted-by: Jane Doe: the retry logic', undefined],
      ['Assisted-by: https://example.org/review/12', undefined],
      ['Assisted-by: Jane Doe, at 10:30', undefined],
      ['Co-authored-by: John <j@x.org>', undefined],
      ['Helped-by: Claude Code', undefined],
      ['Generated-by: Some Tool 2.0', undefined],
      // AI: a listed agent (with a model or version), the kernel form, an agent's address.
      ['Assisted-by: Claude:claude-opus-4', 'Claude'],
      ['Assisted-by: AcmeBot:acme-1', 'AcmeBot'],
      ['Assisted-by: Claude', 'Claude'],
      ['Assisted-by: Cline', 'Cline'],
      ['Assisted-by: Claude Opus 4.6', 'Claude'],
      ['Assisted-by: OpenCode (vendor/some-model)', 'OpenCode'],
      ['Assisted-by: Claude <claude@anthropic.com>', 'Claude'],
      ['Co-authored-by: Claude <noreply@anthropic.com>', 'Claude'],
      ['Co-authored-by: Claude <noreply+claude@anthropic.com>', 'Claude'],
      ['Co-authored-by: GPT-4o', 'ChatGPT'],
    ];
    for (const [trailer, tool] of cases) assert.equal(one(`Change\n\n${trailer}`)[0]?.tool, tool, trailer);
    // A policy key that names no AI (Helped-by) needs an AI in its value too; one with AI in its name does not.
    assert.deepEqual(one('Change\n\nHelped-by: Jane Doe', ['Helped-by']), []);
    assert.equal(one('Change\n\nHelped-by: Claude Code', ['Helped-by'])[0]?.tool, 'Claude Code');
    assert.equal(one('Change\n\nAI-Tool: In-house Helper 3', ['AI-Tool'])[0]?.tool, 'In-house Helper');
  });

  it('keys are case-insensitive', () => {
    assert.equal(one('Change\n\nASSISTED-BY: Claude Code:claude-opus-4-5').length, 1);
    assert.equal(one('Change\n\nco-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>').length, 1);
    assert.equal(one('Change\n\nai-tool: Foo', ['AI-Tool']).length, 1);
  });

  it('counts trailers in the last paragraph and in paragraphs of trailers only, never in the subject or prose', () => {
    // A paragraph of nothing but trailers discloses wherever it stands: a squash merge keeps its commits' trailers there.
    assert.equal(one('Change\n\nAssisted-by: Claude Code:claude-opus-4-5\n\nMore prose after it.').length, 1);
    assert.deepEqual(one('Change\n\nWe tried\nAssisted-by: Claude Code:claude-opus-4-5\nin the prose.\n\nMore prose after it.'), []);
    assert.deepEqual(one('Assisted-by: Claude Code:claude-opus-4-5'), []);
    assert.deepEqual(one('Assisted-by: Claude Code:claude-opus-4-5\nsecond line of the subject'), []);
    assert.deepEqual(one('Change\n\nWe did not use Generated-by: ChatGPT here, said the prose line that goes on and on.\nAnd on.\nAnd on.\nAnd on.'), []);
    // A trailer block with some other lines (git's 25% threshold), trailing blank lines, CRLF.
    assert.equal(one('Change\r\n\r\nFixes #12\r\nAssisted-by: Claude Code:claude-opus-4-5\r\n\r\n\r\n').length, 1);
  });

  it('unfolds continuation lines and ignores comments and the scissors', () => {
    assert.deepEqual(one('Change\n\nGenerated-by: GitHub\n  Copilot 1.2')[0], { key: 'Generated-by', value: 'GitHub Copilot 1.2', tool: 'GitHub Copilot' });
    const editing =
      'Change\n\nAssisted-by: Claude Code:claude-opus-4-5\n# Please enter the commit message\n# ------------------------ >8 ------------------------\n\nGenerated-by: X';
    assert.deepEqual(
      one(editing).map((t) => t.key),
      ['Assisted-by'],
    );
  });

  it("counts the policy's extra keys (ai.commitTrailers), and only those", () => {
    const msg = 'Change\n\nAI-Tool: SomeNewAgent 1.2\nReviewed-by: Jane Doe <jane@example.com>';
    assert.deepEqual(one(msg), []);
    assert.deepEqual(one(msg, ['AI-Tool']), [{ key: 'AI-Tool', value: 'SomeNewAgent 1.2', tool: 'SomeNewAgent' }]);
    // A key with AI as a word counts unlisted when it names a catalogue agent (Nextcloud writes AI-assistant).
    assert.deepEqual(
      one('Change\n\nAI-assistant: Claude Code v2.1.143 (Claude Sonnet 4.6)').map((t) => t.tool),
      ['Claude Code'],
    );
    // A listed Co-authored-by still needs an AI name.
    assert.deepEqual(one('Change\n\nCo-authored-by: Jane Doe <jane@example.com>', ['Co-authored-by']), []);
  });

  it('collects the keys of a policy and its overrides; narrows a history to one path’s keys', () => {
    const policy = toPolicy({ ai: { commitTrailers: ['AI-Tool'] }, overrides: [{ paths: ['x/**'], ai: { commitTrailers: ['LLM-Used', 'ai-tool'] } }] }, 'p');
    assert.deepEqual(allCommitTrailerKeys(policy), ['AI-Tool', 'LLM-Used']);
    const history = {
      commits: [
        { hash: 'a'.repeat(40), subject: 's', trailers: [{ key: 'LLM-Used', value: 'X', tool: 'X' }] },
        {
          hash: 'b'.repeat(40),
          subject: 's',
          trailers: [
            { key: 'Assisted-by', value: 'Y:m', tool: 'Y' },
            { key: 'LLM-Used', value: 'X', tool: 'X' },
          ],
        },
      ],
    };
    assert.deepEqual(
      aiHistoryUnder(history, ['AI-Tool'])!.commits.map((c) => [c.hash[0], c.trailers.length]),
      [['b', 1]],
    );
    assert.equal(aiHistoryUnder(undefined, []), undefined);
  });
});

// A repository in a temp folder, with the machine's git configuration kept out.
const temps: string[] = [];
function sandbox(): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ospo-history-')));
  temps.push(dir);
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
  return { dir, env };
}

function makeRepo(): { repo: string; env: NodeJS.ProcessEnv } {
  const { dir, env } = sandbox();
  const repo = path.join(dir, 'repo');
  fs.mkdirSync(repo);
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgSign=false', ...args], {
      cwd: repo,
      env,
      stdio: 'pipe',
    });
  const commit = (files: Record<string, string>, message: string) => {
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(repo, name)), { recursive: true });
      fs.writeFileSync(path.join(repo, name), text);
    }
    git('add', '-A');
    git('commit', '-q', '-m', message);
  };
  git('init', '-q');
  commit({ 'README.md': 'hello\n', 'src/b.ts': 'b0\n' }, 'Initial commit');
  commit(
    { 'src/a.ts': 'a\n', 'src/b.ts': 'b\n', 'src/ünïcode name.ts': 'u\n' },
    'Add a and b\n\nWritten with an agent.\n\nAssisted-by: Claude Code:claude-opus-4-5',
  );
  commit({ 'src/b.ts': 'b2\n', 'src/c.ts': 'c\n' }, 'Pair on b and c\n\nCo-authored-by: Jane Doe <jane@example.com>');
  commit({ 'docs/d.md': 'd\n' }, 'Docs\n\nCo-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>');
  commit({ 'docs/d.md': 'd2\n', 'src/c.ts': 'c2\n' }, 'Docs again\n\nMade-with: Cursor');
  commit({ 'src/e.ts': 'e\n' }, 'Custom key\n\nAI-Tool: SomeNewAgent 1.2');
  commit(
    { 'src/f.ts': 'f\n' },
    'Not a trailer\n\nWe tried\nAssisted-by: Claude Code:claude-opus-4-5\nin the prose of a paragraph.\n\nAnd more prose after it.',
  );
  commit({ 'src/g.ts': 'g\n' }, 'Assisted-by: Claude Code:claude-opus-4-5');
  commit({ 'src/h.ts': 'h\n' }, 'Only the line\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)');
  git('mv', 'src/a.ts', 'src/a-renamed.ts');
  git('commit', '-q', '-m', 'Rename a by hand');
  return { repo, env };
}

describe('git history', function () {
  this.timeout(30_000);
  const { repo, env } = makeRepo();
  const options: GitHistoryOptions = { env };
  after(() => {
    for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
  });

  function counting(): { run: GitRunner; calls: () => number } {
    let calls = 0;
    return {
      run: (git, args, o) => {
        calls++;
        return runGit(git, args, o);
      },
      calls: () => calls,
    };
  }

  it('finds the files that AI commits touched, newest first', async () => {
    const history = new GitHistory(repo, options);
    const hashes = (await history.forFile('docs/d.md'))!.commits.map((c) => c.subject);
    assert.deepEqual(hashes, ['Docs again', 'Docs']);
    const a = (await history.forFile('src/a.ts'))!;
    assert.equal(a.commits.length, 1);
    assert.match(a.commits[0].hash, /^[0-9a-f]{40}$/);
    assert.deepEqual(a.commits[0].trailers, [{ key: 'Assisted-by', value: 'Claude Code:claude-opus-4-5', tool: 'Claude Code' }]);
    assert.equal(a.commits[0].subject, 'Add a and b');
    // b: the AI commit counts, the human pairing does not; c: only Made-with.
    assert.deepEqual(
      (await history.forFile('src/b.ts'))!.commits.map((c) => c.subject),
      ['Add a and b'],
    );
    assert.deepEqual(
      (await history.forFile('src/c.ts'))!.commits.map((c) => c.trailers[0].tool),
      ['Cursor'],
    );
    assert.equal((await history.forFile('src/ünïcode name.ts'))!.commits.length, 1);
    assert.equal((await history.forFile('src\\a.ts'))!.commits.length, 1, 'Windows separators');
  });

  it('gives no evidence for untouched files, prose and subjects', async () => {
    const history = new GitHistory(repo, options);
    for (const f of ['README.md', 'src/f.ts', 'src/g.ts', 'src/e.ts', 'src/nope.ts']) {
      assert.deepEqual(await history.forFile(f), { commits: [] }, f);
    }
  });

  it("finds a commit whose only disclosure is a tool's own line", async () => {
    const history = new GitHistory(repo, options);
    const h = await history.forFile('src/h.ts');
    assert.deepEqual(
      h!.commits.map((c) => [c.subject, c.trailers[0].tool]),
      [['Only the line', 'Claude Code']],
    );
  });

  it('a rename after the AI commit loses the evidence (documented limit)', async () => {
    const history = new GitHistory(repo, options);
    assert.deepEqual(await history.forFile('src/a-renamed.ts'), { commits: [] });
  });

  it('runs git once for many files, again after refresh() or for a new policy key', async () => {
    const spy = counting();
    const history = new GitHistory(repo, { ...options, run: spy.run });
    const files = ['src/a.ts', 'src/b.ts', 'src/c.ts', 'docs/d.md', 'README.md', 'src/e.ts'];
    await Promise.all([...files, ...files].map((f) => history.forFile(f)));
    for (const f of files) await history.forFile(f);
    assert.equal(spy.calls(), 1);
    history.refresh();
    await history.forFile('src/a.ts');
    assert.equal(spy.calls(), 2);
    const e = await history.forFile('src/e.ts', ['AI-Tool']);
    assert.deepEqual(
      e!.commits.map((c) => c.trailers[0]),
      [{ key: 'AI-Tool', value: 'SomeNewAgent 1.2', tool: 'SomeNewAgent' }],
    );
    await history.forFile('src/a.ts', ['ai-tool']);
    assert.equal(spy.calls(), 3, 'a key already looked for costs no run');
    // Without the key the same trailer no longer counts.
    assert.deepEqual(await history.forFile('src/e.ts'), { commits: [] });
    // The key set follows the policy exactly: a dropped (or half-typed) key is not grepped for good.
    assert.equal(spy.calls(), 4);
    await history.forFile('src/a.ts');
    assert.equal(spy.calls(), 4);
  });

  it('works from a subfolder of the repository, with paths relative to it', async () => {
    const history = new GitHistory(path.join(repo, 'src'), options);
    assert.equal((await history.forFile('a.ts'))!.commits.length, 1);
    assert.equal((await history.forFile('c.ts'))!.commits.length, 1);
    assert.deepEqual(await history.forFile('docs/d.md'), { commits: [] });
  });

  it("the user's git settings do not change the result", async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ospo-home-'));
    temps.push(home);
    const config = path.join(home, '.gitconfig');
    fs.writeFileSync(
      config,
      [
        '[log]',
        '  follow = true',
        '  showSignature = true',
        '  decorate = full',
        '[color]',
        '  ui = always',
        '[diff]',
        '  relative = true',
        '  noprefix = true',
        '[core]',
        '  quotePath = true',
        '[grep]',
        '  patternType = fixed',
        '[format]',
        '  pretty = oneline',
        '[i18n]',
        '  logOutputEncoding = ISO-8859-1',
        '',
      ].join('\n'),
    );
    const history = new GitHistory(repo, { env: { ...env, HOME: home, GIT_CONFIG_GLOBAL: config } });
    assert.deepEqual(
      (await history.forFile('docs/d.md'))!.commits.map((c) => c.subject),
      ['Docs again', 'Docs'],
    );
    assert.equal((await history.forFile('src/ünïcode name.ts'))!.commits.length, 1);
  });

  it('a folder that is not a repository has no history', async () => {
    const { dir, env: bare } = sandbox();
    const history = new GitHistory(dir, { env: bare });
    assert.equal(await history.forFile('x.ts'), undefined);
  });

  it('without a git executable: undefined, no throw', async () => {
    assert.equal(await new GitHistory(repo, { ...options, git: path.join(os.tmpdir(), 'no-such-dir', 'git') }).forFile('src/a.ts'), undefined);
    assert.equal(await new GitHistory(repo, { env: { ...env, PATH: '' } }).forFile('src/a.ts'), undefined);
    assert.equal(await new GitHistory(path.join(repo, 'no-such-folder'), options).forFile('a.ts'), undefined);
    const throwing: GitRunner = () => {
      throw new Error('boom');
    };
    assert.equal(await new GitHistory(repo, { ...options, run: throwing }).forFile('src/a.ts'), undefined);
  });

  it('keeps the newest commits, complete, when the output is cut short', async () => {
    const full = await runGit('git', new GitHistory(repo).logArgs([]), { cwd: repo, env, timeoutMs: 10_000, maxBytes: 1 << 20 });
    assert.ok(full && !full.truncated);
    const all = parseGitLog(full.stdout, []);
    assert.deepEqual(
      all.map((c) => c.subject),
      ['Only the line', 'Docs again', 'Docs', 'Add a and b'],
    );
    const seen = new Set<number>();
    for (let n = 0; n <= full.stdout.length; n++) {
      const kept = parseGitLog(full.stdout.slice(0, n), [], true);
      seen.add(kept.length);
      assert.deepEqual(kept, all.slice(0, kept.length), `cut at ${n}`);
    }
    assert.deepEqual([...seen].sort(), [0, 1, 2, 3], 'the last commit of a cut output is never kept');
    // The runner stops at the cap and says so; the history keeps what it has.
    const cut = await runGit('git', new GitHistory(repo).logArgs([]), { cwd: repo, env, timeoutMs: 10_000, maxBytes: 100 });
    assert.equal(cut?.truncated, true);
    const partial: GitRunner = async () => ({ stdout: full.stdout.slice(0, full.stdout.indexOf(`\x1e${all[2].hash}`) + 41), truncated: true });
    const history = new GitHistory(repo, { ...options, run: partial });
    assert.equal((await history.forFile('docs/d.md'))!.commits.length, 1);
    assert.deepEqual(await history.forFile('src/a.ts'), { commits: [] });
  });

  it('stops git at the time budget without throwing', async () => {
    // A `git` that never answers: node itself, waiting.
    const slow: GitRunner = (_git, _args, o) => runBounded(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], o);
    const started = Date.now();
    const history = new GitHistory(repo, { ...options, run: slow, timeoutMs: 200 });
    assert.deepEqual(await history.forFile('src/a.ts'), { commits: [] });
    assert.ok(Date.now() - started < 5000);
  });

  it('parses by position, so a body with the record mark cannot break it', () => {
    const h1 = '1'.repeat(40),
      h2 = '2'.repeat(40);
    const out = `\x1e${h1}\0odd\0odd\n\nbody \x1e${'3'.repeat(40)} here\n\nAssisted-by: X:y\n\0\0\nsrc/a.ts\0src/b.ts\0\x1e${h2}\0plain\0plain\n\nMade-with: Cursor\n\0\0\nsrc/c.ts\0`;
    const commits = parseGitLog(out, []);
    assert.deepEqual(
      commits.map((c) => [c.hash, c.files]),
      [
        [h1, ['src/a.ts', 'src/b.ts']],
        [h2, ['src/c.ts']],
      ],
    );
  });
});

describe('AI evidence from a real history: people are not AI', function () {
  this.timeout(30_000);
  const head = '// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: Apache-2.0\n';
  // One file per commit, each commit with one trailer; the files carry no AI marker.
  const commits: [string, string][] = [
    ['src/person.ts', 'Assisted-by: Jane Doe <jane@example.org>'],
    ['src/person-no-email.ts', 'Assisted-by: Jane Doe'],
    ['src/co-author.ts', 'Co-authored-by: John <j@x.org>'],
    ['src/helped.ts', 'Helped-by: Jane Doe'],
    ['src/kernel.ts', 'Assisted-by: Claude:claude-opus-4'],
    ['src/bot-email.ts', 'Co-authored-by: Claude <noreply@anthropic.com>'],
    ['src/parens.ts', 'Assisted-by: Claude Code:claude-opus-4 (plan mode) via tmux'],
  ];
  let repo: string;
  let env: NodeJS.ProcessEnv;
  before(() => {
    env = sandbox().env;
    repo = tempTree(Object.fromEntries(commits.map(([file]) => [file, `${head}export const x = 1;\n`])), 'ospo-people-');
    temps.push(repo);
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgSign=false', ...args], {
        cwd: repo,
        env,
        stdio: 'pipe',
      });
    git('init', '-q');
    for (const [file, trailer] of commits) {
      git('add', file);
      git('commit', '-q', '-m', `Change ${file}\n\nWhy it changed.\n\n${trailer}`);
    }
  });
  after(() => {
    for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
  });

  async function markerMissing(file: string): Promise<string[]> {
    const aiHistory = await new GitHistory(repo, { env }).forFile(file);
    const { findings } = checkText({ path: file, text: fs.readFileSync(path.join(repo, file), 'utf8'), aiHistory }, disclosing);
    return findings.filter((f) => f.rule === 'ai-marker-missing').map((f) => f.message);
  }

  for (const file of ['src/person.ts', 'src/person-no-email.ts', 'src/co-author.ts', 'src/helped.ts']) {
    it(`${file}: no ai-marker-missing`, async () => assert.deepEqual(await markerMissing(file), []));
  }

  for (const [file, trailer] of commits.slice(4)) {
    it(`${file}: ai-marker-missing quotes '${trailer}' in full`, async () => {
      const [m, ...more] = await markerMissing(file);
      assert.equal(more.length, 0);
      assert.ok(m?.includes(`'${trailer}'`), m);
    });
  }

  it('the commit-message check agrees with the history on every trailer', () => {
    const forbid = policyWith((p) => {
      p.ai.mode = 'forbid';
    });
    for (const [, trailer] of commits) {
      const message = `Change\n\nWhy it changed.\n\n${trailer}\n`;
      assert.equal(checkCommitMessage(message, forbid).length > 0, parseAiTrailers(message).length > 0, trailer);
    }
  });
});
