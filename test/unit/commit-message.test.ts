import * as assert from 'node:assert/strict';
import { CodeActionKind, CodeActionParams, DiagnosticSeverity, InsertTextFormat, TextEdit as LspTextEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkCommitMessage, commitFixAll, commitFixEdits, commitFixTitle, commitRepoRoot, isCommitMessagePath } from '../../server/src/engine/ai/commit-rule';
import { setLocale } from '../../server/src/engine/l10n';
import { trailerCompletion } from '../../server/src/engine/ai/trailer-completion';
import { parseCommitMessage } from '../../server/src/engine/ai/trailers';
import type { AiMode, Policy } from '../../server/src/engine/policy/model';
import { agentInIdentity } from '../../server/src/engine/ai/agents';
import { applyEdits } from '../../server/src/engine/text';
import { commitCodeActions, commitCompletions, commitDiagnostics } from '../../server/src/lsp/commit-message';
import { policyWith } from './helpers';

// What `git commit` leaves in COMMIT_EDITMSG below the message.
const gitTemplate = [
  '# Please enter the commit message for your changes. Lines starting',
  "# with '#' will be ignored, and an empty message aborts the commit.",
  '#',
  '# On branch main',
  '# Changes to be committed:',
  '#\tmodified:   src/retry.ts',
  '#',
];

/** A commit message with `trailers` as its trailer block, and the line the first trailer is on. */
function commit(trailers: string[], eol = '\n'): { text: string; first: number } {
  const lines = ['Fix Retry-After parsing', '', 'Dates were read as seconds.', '', ...trailers, ...gitTemplate, ''];
  return { text: lines.join(eol), first: 4 };
}

const modes: AiMode[] = ['allow', 'disclose', 'review', 'forbid'];
const withoutForm: string[] = [];
const withForm = ['Assisted-by', 'Generated-by']; // as in the example of docs/design/policy.md

function policy(mode: AiMode, commitTrailers: string[]): Policy {
  return policyWith((p) => {
    p.ai.mode = mode;
    p.ai.commitTrailers = commitTrailers;
  });
}

describe('commit messages: which documents', () => {
  const cases: [string, string | undefined, boolean][] = [
    ['/repo/.git/COMMIT_EDITMSG', undefined, true],
    ['/repo/.git/MERGE_MSG', undefined, true],
    ['C:\\repo\\.git\\COMMIT_EDITMSG', undefined, true],
    ['/repo/.git/worktrees/feature/COMMIT_EDITMSG', undefined, true],
    ['/srv/repo.git/COMMIT_EDITMSG', undefined, true],
    ['/repo/.git/TAG_EDITMSG', undefined, false],
    ['/repo/COMMIT_EDITMSG', undefined, false],
    ['/repo/docs/COMMIT_EDITMSG.md', undefined, false],
    ['/repo/src/main.ts', undefined, false],
    ['/tmp/anything.txt', 'git-commit', true],
    ['/repo/.git/TAG_EDITMSG', 'git-commit', true],
    ['/repo/src/main.ts', 'typescript', false],
  ];
  for (const [fsPath, languageId, expected] of cases) {
    it(`${fsPath}${languageId ? ` (${languageId})` : ''}: ${expected ? 'a commit message' : 'not one'}`, () => {
      assert.equal(isCommitMessagePath(fsPath, languageId), expected);
    });
  }

  it('finds the working tree of a commit message under .git', () => {
    assert.equal(commitRepoRoot('/repo/.git/COMMIT_EDITMSG'), '/repo');
    assert.equal(commitRepoRoot('C:\\repo\\.git\\MERGE_MSG'), 'C:\\repo');
    assert.equal(commitRepoRoot('/srv/repo.git/COMMIT_EDITMSG'), undefined);
  });
});

describe('commit-ai-attribution: trailer kind × mode × policy form', () => {
  // `rewrite`: the fix with the default form (Assisted-by) when the trailer is flagged outside forbid.
  const kinds = [
    { trailer: 'Signed-off-by: Claude <noreply@anthropic.com>', rewrite: 'Assisted-by: Claude' },
    { trailer: 'Co-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>', rewrite: 'Assisted-by: GitHub Copilot' },
    { trailer: 'Co-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>', rewrite: 'Assisted-by: Claude:claude-opus-4.5' },
    { trailer: 'Co-developed-by: Claude Code <noreply@anthropic.com>', rewrite: 'Assisted-by: Claude Code' },
    { trailer: 'Co-authored-by: aider (openai/gpt-4o) <noreply@aider.chat>', rewrite: 'Assisted-by: Aider:openai/gpt-4o' },
    { trailer: 'Assisted-by: Claude Code:claude-opus-4-5 coccinelle', rewrite: undefined },
    { trailer: 'Generated-by: ChatGPT 4o', rewrite: undefined },
    { trailer: 'Made-with: Cursor', rewrite: 'Assisted-by: Cursor' },
  ];

  /** What the rule should do: nothing, an error without a fix (forbid), or an error with this fix. */
  function expected(trailer: string, mode: AiMode, commitTrailers: string[], rewrite: string | undefined): 'none' | 'no-fix' | string {
    if (mode === 'forbid') return 'no-fix';
    const key = trailer.split(':')[0].toLowerCase();
    if (key === 'signed-off-by') return rewrite!;
    if (commitTrailers.length && !commitTrailers.some((k) => k.toLowerCase() === key)) return rewrite!;
    return 'none';
  }

  for (const { trailer, rewrite } of kinds) {
    for (const mode of modes) {
      for (const commitTrailers of [withoutForm, withForm]) {
        const want = expected(trailer, mode, commitTrailers, rewrite);
        const title = `${trailer.split(':')[0]} (${trailer.split(':').slice(1).join(':').trim()}), mode ${mode}, commitTrailers [${commitTrailers.join(', ')}]: ${want === 'none' ? 'no finding' : want === 'no-fix' ? 'error, no fix' : `error, fix '${want}'`}`;
        it(title, () => {
          const { text, first } = commit(['Signed-off-by: Alice Example <alice@example.com>', trailer]);
          const p = policy(mode, commitTrailers);
          const findings = checkCommitMessage(text, p);
          if (want === 'none') {
            assert.deepEqual(findings, []);
            return;
          }
          assert.equal(findings.length, 1, JSON.stringify(findings));
          const [f] = findings;
          assert.equal(f.rule, 'commit-ai-attribution');
          assert.equal(f.severity, 'error');
          assert.deepEqual(f.range, { start: { line: first + 1, character: 0 }, end: { line: first + 1, character: trailer.length } });
          if (want === 'no-fix') {
            assert.equal(f.fix, undefined);
            assert.match(f.message, /ai\.mode: forbid/);
            return;
          }
          assert.deepEqual(f.fix, { kind: 'replace', range: f.range, text: want, safe: true });
          assert.ok(f.message.includes(`'${want}'`), f.message);
          const fixed = applyEdits(text, commitFixEdits(text, f, p));
          assert.equal(fixed, text.replace(trailer, want));
          assert.deepEqual(checkCommitMessage(fixed, p), [], 'the fixed message is clean');
        });
      }
    }
  }

  it('says what to do: sign off yourself, and write the policy form', () => {
    const { text } = commit(['Signed-off-by: Claude <noreply@anthropic.com>']);
    const [f] = checkCommitMessage(text, policy('disclose', []));
    assert.match(f.message, /cannot certify the Developer Certificate of Origin/);
    assert.match(f.message, /write 'Assisted-by: Claude' instead/);
    assert.match(f.message, /git commit -s/);
  });

  it("names the policy's contact under forbid", () => {
    const p = policy('forbid', []);
    p.meta.contact = 'ospo@example.com';
    const [f] = checkCommitMessage(commit(['Made-with: Cursor']).text, p);
    assert.match(f.message, /ospo@example\.com/);
  });
});

describe("commit-ai-attribution: the policy's form", () => {
  const cases: { commitTrailers: string[]; trailer: string; fix: string | undefined }[] = [
    // ASF form: `Tool Version`.
    { commitTrailers: ['Generated-by'], trailer: 'Co-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>', fix: 'Generated-by: Claude Opus 4.5' },
    { commitTrailers: ['Generated-by'], trailer: 'Assisted-by: GitHub Copilot:gpt-4.1', fix: 'Generated-by: GitHub Copilot gpt-4.1' },
    { commitTrailers: ['Generated-by'], trailer: 'Made-with: Cursor', fix: 'Generated-by: Cursor' },
    // A policy that accepts GitHub's co-author form: the AI keeps its identity, but still may not sign off.
    { commitTrailers: ['Co-authored-by'], trailer: 'Signed-off-by: Claude <noreply@anthropic.com>', fix: 'Co-authored-by: Claude <noreply@anthropic.com>' },
    { commitTrailers: ['Co-authored-by'], trailer: 'Co-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>', fix: undefined },
    // A Signed-off-by entry is never the form: no AI may sign off.
    { commitTrailers: ['Signed-off-by', 'Assisted-by'], trailer: 'Signed-off-by: Devin', fix: 'Assisted-by: Devin' },
    // The policy's own key, as written there.
    { commitTrailers: ['AI-Tool'], trailer: 'Co-authored-by: Cursor Agent <cursoragent@cursor.com>', fix: 'AI-Tool: Cursor' },
    { commitTrailers: ['AI-Tool'], trailer: 'AI-Tool: SomeNewAgent', fix: undefined },
  ];
  for (const { commitTrailers, trailer, fix } of cases) {
    it(`[${commitTrailers.join(', ')}] ${trailer} → ${fix ?? 'no finding'}`, () => {
      const { text } = commit([trailer]);
      const findings = checkCommitMessage(text, policy('disclose', commitTrailers));
      if (!fix) {
        assert.deepEqual(findings, []);
        return;
      }
      assert.equal(findings.length, 1);
      assert.equal(findings[0].fix?.kind === 'replace' && findings[0].fix.text, fix);
    });
  }
});

describe('commit-ai-attribution: people and other bots are never flagged', () => {
  const people = [
    'Alice Example <alice@example.com>',
    'Claude Monet <claude@example.com>',
    'Claude <claude.dupont@example.com>',
    'Claude Sonnet <c.sonnet@example.com>',
    'Devin <devin@example.com>',
    'Devin Smith <devin.smith@example.com>',
    'Jules Verne <jules@example.com>',
    'Gemini Jones <gemini@example.com>',
    'Cody <cody@example.com>',
    'Alice Anthropic <alice@anthropic.com>',
    'Bob <12345+bob@users.noreply.github.com>',
    'dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>',
    'renovate[bot] <29139614+renovate[bot]@users.noreply.github.com>',
  ];
  for (const person of people) {
    it(person, () => {
      assert.equal(agentInIdentity(person), undefined);
      const { text } = commit([`Signed-off-by: ${person}`, `Co-authored-by: ${person}`, `Co-developed-by: ${person}`]);
      for (const mode of modes) {
        for (const commitTrailers of [withoutForm, withForm])
          assert.deepEqual(checkCommitMessage(text, policy(mode, commitTrailers)), [], `${mode} [${commitTrailers}]`);
      }
    });
  }

  it('does not read other trailers, a non-AI generator or a person helping as AI', () => {
    const { text } = commit([
      'Reviewed-by: GitHub Copilot',
      'Reported-by: Claude <noreply@anthropic.com>',
      'Generated-by: protoc 3.21',
      'Made-with: love',
      'Assisted-by: Jane Doe <jane@example.org>',
      'Assisted-by: Jane Doe',
      'Assisted-by: Devin Smith',
      'Helped-by: Claude Code',
    ]);
    for (const mode of modes) assert.deepEqual(checkCommitMessage(text, policy(mode, withForm)), [], mode);
  });

  it('flags AI [bot] identities, on any GitHub noreply address', () => {
    const bots = [
      ['copilot-swe-agent[bot] <198982749+Copilot@users.noreply.github.com>', 'GitHub Copilot'],
      ['devin-ai-integration[bot] <158243242+devin-ai-integration[bot]@users.noreply.github.com>', 'Devin'],
      ['gemini-code-assist[bot]', 'Gemini Code Assist'],
      ['google-labs-jules[bot] <161369871+google-labs-jules[bot]@users.noreply.github.com>', 'Jules'],
      ['chatgpt-codex-connector[bot]', 'OpenAI Codex'],
      ['amazon-q-developer[bot]', 'Amazon Q'],
      ['claude[bot] <209825114+claude[bot]@users.noreply.github.com>', 'Claude'],
      ['acme-claude-helper[bot]', 'Claude'],
      ['Cursor Agent <cursoragent@cursor.com>', 'Cursor'],
      ['Windsurf', 'Windsurf'],
      ['Codeium', 'Codeium'],
      ['Amazon Q Developer', 'Amazon Q'],
      ['ChatGPT', 'ChatGPT'],
      ['Claude', 'Claude'],
    ];
    for (const [identity, agent] of bots) {
      assert.equal(agentInIdentity(identity)?.agent, agent, identity);
      const [f] = checkCommitMessage(commit([`Signed-off-by: ${identity}`]).text, policy('disclose', []));
      assert.equal(f?.fix?.kind === 'replace' && f.fix.text, `Assisted-by: ${agent}`, identity);
    }
  });
});

describe('commit-ai-attribution: what git reads', () => {
  const p = policy('disclose', []);
  const sob = 'Signed-off-by: Claude <noreply@anthropic.com>';
  const cases: { name: string; lines: string[]; flagged: number[] }[] = [
    { name: 'a trailer in the trailer block', lines: ['Subject', '', 'Body', '', sob], flagged: [4] },
    { name: 'a commented-out trailer', lines: ['Subject', '', 'Body', '', `# ${sob}`, '#' + sob], flagged: [] },
    {
      name: 'comment lines inside the trailer block',
      lines: ['Subject', '', 'Body', '', 'Signed-off-by: Alice <alice@example.com>', '# a note', sob],
      flagged: [6],
    },
    { name: "the message above git's template comments", lines: ['Subject', '', sob, ...gitTemplate], flagged: [2] },
    {
      name: 'everything below the scissors line',
      lines: [
        'Subject',
        '',
        'Body',
        '',
        '# ------------------------ >8 ------------------------',
        '# Do not modify or remove the line above.',
        'diff --git a/x b/x',
        '',
        sob,
      ],
      flagged: [],
    },
    {
      name: 'a trailer-like line in the body, not the last paragraph',
      lines: ['Subject', '', sob, 'is what Claude wrote before.', '', 'More text.'],
      flagged: [],
    },
    { name: 'the subject line', lines: [sob, '', 'Body'], flagged: [] },
    { name: 'a subject with no body', lines: [sob], flagged: [] },
    { name: 'a folded trailer value', lines: ['Subject', '', 'Signed-off-by: Claude', '  <noreply@anthropic.com>'], flagged: [2] },
  ];
  for (const { name, lines, flagged } of cases) {
    it(name, () => {
      assert.deepEqual(
        checkCommitMessage(lines.join('\n') + '\n', p).map((f) => f.range.start.line),
        flagged,
      );
    });
  }

  it('reads the trailers git reads', () => {
    const { trailers } = parseCommitMessage(
      ['Subject', '', 'Body', '', 'Signed-off-by: Alice <alice@example.com>', '# c', 'Assisted-by: Claude Code:claude-opus-4-5', ...gitTemplate].join('\n'),
    );
    assert.deepEqual(
      trailers.map((t) => [t.key, t.value, t.line]),
      [
        ['Signed-off-by', 'Alice <alice@example.com>', 4],
        ['Assisted-by', 'Claude Code:claude-opus-4-5', 6],
      ],
    );
  });

  it('spans a folded trailer to the end of its last line', () => {
    const [f] = checkCommitMessage('Subject\n\nSigned-off-by: Claude\n  <noreply@anthropic.com>  \n', p);
    assert.deepEqual(f.range, { start: { line: 2, character: 0 }, end: { line: 3, character: 25 } });
    assert.equal(
      applyEdits(
        'Subject\n\nSigned-off-by: Claude\n  <noreply@anthropic.com>  \n',
        commitFixAll('Subject\n\nSigned-off-by: Claude\n  <noreply@anthropic.com>  \n', p),
      ),
      'Subject\n\nAssisted-by: Claude  \n',
    );
  });

  it("follows the policy's severity table", () => {
    const { text } = commit([sob]);
    assert.deepEqual(
      checkCommitMessage(
        text,
        policyWith((q) => {
          q.severity['commit-ai-attribution'] = 'off';
        }),
      ),
      [],
    );
    assert.equal(
      checkCommitMessage(
        text,
        policyWith((q) => {
          q.severity['commit-ai-attribution'] = 'warning';
        }),
      )[0].severity,
      'warning',
    );
  });
});

describe('commit-ai-attribution: fixes', () => {
  const p = policy('disclose', withForm);

  it('keeps CRLF line ends and the final newline', () => {
    const { text } = commit(['Signed-off-by: Claude <noreply@anthropic.com>', 'Made-with: Cursor'], '\r\n');
    const fixed = applyEdits(text, commitFixAll(text, p));
    assert.equal(
      fixed,
      text.replace('Signed-off-by: Claude <noreply@anthropic.com>', 'Assisted-by: Claude').replace('Made-with: Cursor', 'Assisted-by: Cursor'),
    );
    assert.equal(fixed.split('\r\n').length, text.split('\r\n').length);
    assert.ok(!/[^\r]\n/.test(fixed), 'no bare LF');
    assert.ok(fixed.endsWith('\r\n'));
  });

  it('keeps a missing final newline', () => {
    const text = 'Subject\r\n\r\nMade-with: Cursor';
    assert.equal(applyEdits(text, commitFixAll(text, p)), 'Subject\r\n\r\nAssisted-by: Cursor');
  });

  it('changes nothing when applied twice', () => {
    for (const eol of ['\n', '\r\n']) {
      const { text } = commit(['Made-with: Cursor', 'Signed-off-by: Claude <noreply@anthropic.com>', 'Co-authored-by: Claude <noreply@anthropic.com>'], eol);
      for (const finding of checkCommitMessage(text, p)) {
        const once = applyEdits(text, commitFixEdits(text, finding, p));
        const twice = applyEdits(once, commitFixEdits(once, finding, p));
        assert.notEqual(once, text);
        assert.equal(twice, once, finding.message);
      }
      const all = applyEdits(text, commitFixAll(text, p));
      assert.equal(applyEdits(all, commitFixAll(all, p)), all);
    }
  });

  it('never writes the same trailer twice: a second one is removed', () => {
    const { text } = commit(['Signed-off-by: Claude <noreply@anthropic.com>', 'Co-Authored-By: Claude <noreply@anthropic.com>'], '\r\n');
    const findings = checkCommitMessage(text, policy('disclose', withForm));
    assert.equal(findings.length, 2);
    assert.match(findings[1].message, /remove this line \('Assisted-by: Claude' is already there\)/);
    const fixed = applyEdits(text, commitFixAll(text, p));
    assert.equal(
      fixed,
      text.replace('Signed-off-by: Claude <noreply@anthropic.com>\r\nCo-Authored-By: Claude <noreply@anthropic.com>\r\n', 'Assisted-by: Claude\r\n'),
    );
  });

  it('removes a tool-written trailer whose agent the policy form names already', () => {
    const text = 'Subject\n\nAssisted-by: Claude:claude-opus-4-5\nCo-Authored-By: Claude <noreply@anthropic.com>';
    assert.equal(applyEdits(text, commitFixAll(text, p)), 'Subject\n\nAssisted-by: Claude:claude-opus-4-5');
  });

  it('offers no edit for a finding that is gone', () => {
    const { text } = commit(['Made-with: Cursor']);
    const [finding] = checkCommitMessage(text, p);
    assert.deepEqual(commitFixEdits(commit(['Assisted-by: Cursor']).text, finding, p), []);
  });
});

describe('commit messages: trailer completion', () => {
  /** The completion labels at the `|` line of `lines`. */
  function labelsAt(lines: string[], pol: Policy = policy('disclose', [])): string[] {
    const line = lines.findIndex((l) => l.includes('|'));
    const text = lines.map((l) => l.replace('|', '')).join('\n');
    return trailerCompletion(text, line, pol).map((i) => i.label);
  }

  const cases: { name: string; lines: string[]; want: string[] }[] = [
    { name: 'an empty line after the body', lines: ['Subject', '', 'Body', '', '|', ...gitTemplate], want: ['Assisted-by'] },
    { name: 'below existing trailers', lines: ['Subject', '', 'Body', '', 'Signed-off-by: Alice <alice@example.com>', '|'], want: ['Assisted-by'] },
    { name: 'above existing trailers', lines: ['Subject', '', 'Body', '', '|', 'Signed-off-by: Alice <alice@example.com>'], want: ['Assisted-by'] },
    { name: 'a started key', lines: ['Subject', '', 'Body', '', 'Ass|'], want: ['Assisted-by'] },
    { name: 'a started key of another trailer', lines: ['Subject', '', 'Body', '', 'Sig|'], want: [] },
    { name: 'right below the subject', lines: ['Subject', '|'], want: [] },
    { name: 'a conventional-commit subject', lines: ['fix: retry parsing', '|'], want: [] },
    { name: 'the line after the body text', lines: ['Subject', '', 'Body', '|'], want: [] },
    { name: 'a blank line before more body text', lines: ['Subject', '', '|', 'Body'], want: [] },
    { name: 'a line of prose', lines: ['Subject', '', 'Body', '', 'Some words|'], want: [] },
    { name: 'a comment line', lines: ['Subject', '', 'Body', '', '# |'], want: [] },
    { name: 'an empty message', lines: ['|'], want: [] },
    { name: 'below the scissors', lines: ['Subject', '', 'Body', '', '# ------------------------ >8 ------------------------', '|'], want: [] },
  ];
  for (const { name, lines, want } of cases) {
    it(`${name}: ${want.length ? want.join(', ') : 'nothing'}`, () => assert.deepEqual(labelsAt(lines), want));
  }

  it("offers the policy's trailers, its form first, with snippet placeholders", () => {
    const items = trailerCompletion('Subject\n\nBody\n\n', 4, policy('review', withForm));
    assert.deepEqual(
      items.map((i) => [i.label, i.insertText]),
      [
        ['Assisted-by', 'Assisted-by: ${1:AGENT}:${2:MODEL}'],
        ['Generated-by', 'Generated-by: ${1:TOOL} ${2:VERSION}'],
      ],
    );
  });

  it('offers the allowed tools as a choice', () => {
    const pol = policyWith((q) => {
      q.ai.tools.allow = ['GitHub Copilot', 'Claude Code'];
    });
    assert.equal(trailerCompletion('Subject\n\nBody\n\n', 4, pol)[0].insertText, 'Assisted-by: ${1|GitHub Copilot,Claude Code|}:${2:MODEL}');
  });

  it('offers nothing under forbid', () => {
    assert.deepEqual(labelsAt(['Subject', '', 'Body', '', '|'], policy('forbid', withForm)), []);
  });
});

describe('commit messages: LSP helpers', () => {
  const uri = 'file:///repo/.git/COMMIT_EDITMSG';
  const p = policy('disclose', withForm);

  it('reports diagnostics with the rule id, source and docs link', () => {
    const doc = TextDocument.create(uri, 'git-commit', 1, commit(['Made-with: Cursor']).text);
    const [d] = commitDiagnostics(doc, p);
    assert.equal(d.code, 'commit-ai-attribution');
    assert.equal(d.source, 'ospo');
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.match(d.codeDescription!.href, /docs\/rules\/commit-ai-attribution\.md$/);
    assert.deepEqual(d.range, { start: { line: 4, character: 0 }, end: { line: 4, character: 17 } });
  });

  it('offers a preferred quick fix, and fix-all when asked', () => {
    const doc = TextDocument.create(uri, 'git-commit', 1, commit(['Made-with: Cursor', 'Signed-off-by: Claude <noreply@anthropic.com>'], '\r\n').text);
    const diagnostics = commitDiagnostics(doc, p);
    const params = (only?: string[]): CodeActionParams => ({
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics: [diagnostics[0]], only },
    });
    const [quick] = commitCodeActions(params(), doc, p);
    assert.equal(quick.title, "Rewrite as 'Assisted-by: Cursor'");
    assert.equal(quick.kind, CodeActionKind.QuickFix);
    assert.equal(quick.isPreferred, true);
    assert.deepEqual(quick.edit?.changes?.[uri], [{ range: diagnostics[0].range, newText: 'Assisted-by: Cursor' }]);
    const fixAll = commitCodeActions(params(['source.fixAll.ospo']), doc, p);
    assert.deepEqual(
      fixAll.map((a) => a.kind),
      ['source.fixAll.ospo'],
    );
    const fixed = TextDocument.applyEdits(doc, fixAll[0].edit!.changes![uri] as LspTextEdit[]);
    assert.ok(fixed.includes('Assisted-by: Cursor\r\nAssisted-by: Claude\r\n'));
  });

  it('completes the trailer over the typed part of the key', () => {
    const doc = TextDocument.create(uri, 'git-commit', 1, 'Subject\r\n\r\nBody\r\n\r\nAss\r\n');
    const [item] = commitCompletions(doc, { line: 4, character: 3 }, p);
    assert.equal(item.label, 'Assisted-by');
    assert.equal(item.insertTextFormat, InsertTextFormat.Snippet);
    assert.deepEqual(item.textEdit, {
      range: { start: { line: 4, character: 0 }, end: { line: 4, character: 3 } },
      newText: 'Assisted-by: ${1:AGENT}:${2:MODEL}',
    });
  });
});

describe('commit-ai-attribution: the locale', () => {
  afterEach(() => setLocale(undefined));

  it('writes findings, fix titles and completion details in Japanese under a ja locale', () => {
    setLocale('ja');
    const p = policy('disclose', withForm);
    const { text } = commit([
      'Signed-off-by: Claude <noreply@anthropic.com>',
      'Co-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>',
      'Assisted-by: Claude',
    ]);
    const findings = checkCommitMessage(text, p);
    assert.deepEqual(
      findings.map((f) => f.message),
      [
        "AI は Developer Certificate of Origin を証明できないため、Claude はサインオフできません。この行を削除してください ('Assisted-by: Claude' は既にあります)。そのうえで自分でサインオフしてください (git commit -s)",
        "GitHub Copilot が 'Co-authored-by' で共同作成者として記載されています。ポリシーでは生成AIの利用を 'Assisted-by: …' として記録するため、代わりに 'Assisted-by: GitHub Copilot' と記述してください",
      ],
    );
    assert.deepEqual(findings.map(commitFixTitle), [
      'このトレーラーを削除 (この AI に対するポリシーのトレーラーは既にあります)',
      "'Assisted-by: GitHub Copilot' に書き換え",
    ]);
    assert.deepEqual(
      trailerCompletion('Subject\n\nBody\n\n', 4, p).map((i) => i.detail),
      ['AI 開示のトレーラー (ポリシーの形式)', 'AI 開示のトレーラー (ポリシーで認められた形式)'],
    );
    const forbid = checkCommitMessage(commit(['Made-with: Cursor']).text, policy('forbid', []));
    assert.match(forbid[0].message, /^ポリシーで生成AIを利用した変更は禁止されています \(ai\.mode: forbid\)。このトレーラーには Cursor が記載されています/);
  });
});

describe('commit-session-link', () => {
  const p = policy('disclose', withoutForm);
  const links = (text: string) => checkCommitMessage(text, p).filter((f) => f.rule === 'commit-session-link');

  it('finds each tool’s session and share links, on trailers and in the body, and names the setting that stops Claude Code', () => {
    const urls = [
      'https://claude.ai/code/session_01AbCdEf',
      'https://claude.ai/share/1a2b-3c4d',
      'https://chatgpt.com/share/6789-abcd',
      'https://chat.openai.com/share/abcd',
      'https://chatgpt.com/codex/tasks/task_e_123',
      'https://gemini.google.com/share/abc123',
      'https://g.co/gemini/share/xyz',
      'https://copilot.microsoft.com/shares/QwErTy',
      'https://www.perplexity.ai/search/why-is-the-sky-blue-abc.123',
      'https://grok.com/share/bGVnYWN5',
    ];
    const { text } = commit(urls.map((u, i) => (i % 2 ? `Session: ${u}` : u)));
    const found = links(text);
    assert.deepEqual(
      found.map((f) => text.split('\n')[f.range.start.line].slice(f.range.start.character, f.range.end.character)),
      urls,
    );
    assert.match(found[0].message, /Claude Code session.*set attribution\.sessionUrl to false/);
    assert.ok(found.every((f) => f.severity === 'error' && f.fix?.kind === 'replace'));
  });

  it('leaves alone links that are not sessions, comment lines and what lies below the scissors line', () => {
    const text = [
      'Use the API described at https://docs.anthropic.com/claude/docs and https://chatgpt.com/',
      '',
      'See https://github.com/o/r/pull/1 and https://claude.ai/ for more.',
      '# https://claude.ai/code/session_commented',
      '# ------------------------ >8 ------------------------',
      'https://claude.ai/code/session_belowscissors',
      '',
    ].join('\n');
    assert.deepEqual(links(text), []);
  });

  it('removes the line byte for byte (CRLF, no final newline), leaves a link inside a sentence with no fix, and fixing twice changes nothing', () => {
    for (const eol of ['\n', '\r\n']) {
      const { text } = commit(['Assisted-by: Claude:claude-opus-4-5', 'Claude-Session: https://claude.ai/code/session_01AbCd'], eol);
      const fixed = applyEdits(text, commitFixAll(text, p));
      assert.equal(fixed, commit(['Assisted-by: Claude:claude-opus-4-5'], eol).text);
      assert.deepEqual(commitFixAll(fixed, p), []);
    }
    const last = 'Subject\n\nClaude-Session: https://claude.ai/code/session_01AbCd';
    assert.equal(applyEdits(last, commitFixAll(last, p)), 'Subject\n');
    const prose = 'Subject\n\nWorked this out in https://chatgpt.com/share/abcd with help.\n';
    const [f] = links(prose);
    assert.equal(f.fix, undefined);
    assert.equal(commitFixTitle(links(commit(['Claude-Session: https://claude.ai/code/session_x']).text)[0]), 'Remove this session link');
  });

  it('follows the policy’s severity table, and reports with commit-ai-attribution off', () => {
    const { text } = commit(['Signed-off-by: Claude <noreply@anthropic.com>', 'Claude-Session: https://claude.ai/code/session_x']);
    const off = policyWith((q) => {
      q.severity['commit-ai-attribution'] = 'off';
    });
    assert.deepEqual(
      checkCommitMessage(text, off).map((f) => f.rule),
      ['commit-session-link'],
    );
    const warn = policyWith((q) => {
      q.severity['commit-session-link'] = 'warning';
      q.severity['commit-ai-attribution'] = 'off';
    });
    assert.deepEqual(
      checkCommitMessage(text, warn).map((f) => f.severity),
      ['warning'],
    );
  });

  it('is offered as a quick fix in the editor, and in Japanese under a ja locale', () => {
    const { text } = commit(['Claude-Session: https://claude.ai/code/session_x']);
    const doc = TextDocument.create('file:///r/.git/COMMIT_EDITMSG', 'git-commit', 1, text);
    const diagnostics = commitDiagnostics(doc, p);
    const actions = commitCodeActions({ textDocument: { uri: doc.uri }, range: diagnostics[0].range, context: { diagnostics } } as CodeActionParams, doc, p);
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Remove this session link'],
    );
    setLocale('ja');
    try {
      assert.match(links(text)[0].message, /^Claude Code のセッションへのリンクです/);
    } finally {
      setLocale(undefined);
    }
  });
});
