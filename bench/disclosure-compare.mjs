// Which commits of a repository disclose AI help: ours (the catalogue of
// server/src/engine/ai/disclosure-forms.ts, under the built-in policy) against CHAOSS `disclosure`
// (github.com/chaoss/disclosure). Its binary needs Go 1.25, which this machine cannot install, so
// its commit detectors are ported below from its source, rule for rule and score for score
// (detection/constants.go, trailer/, committer/, toolmention/, gitnotes/; commit 90877f4). The
// branch-name detector is left out: it scores every commit by the branch checked out now.
//
//   npm run build && node bench/disclosure-compare.mjs [--max N] [--show K] REPO...
//
// REPO is a git directory or work tree. Prints, per repository, how many commits each calls
// AI-assisted (CHAOSS at its default --min-confidence low, and at medium and high), the overlap,
// and K examples of each kind of disagreement with the reason.

import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const { commitDisclosures } = require('../out/server/src/engine/ai/commit-rule.js');
const { defaultPolicy } = require('../out/server/src/engine/policy/model.js');

// ---------------------------------------------------------------------------------------------
// CHAOSS disclosure, ported (detection/constants.go)

const knownAgentCommitters = {
  '209825114+claude[bot]@users.noreply.github.com': 'Claude',
  '215619710+anthropic-claude[bot]@users.noreply.github.com': 'Claude (Anthropic)',
  '208546643+claude-code-action[bot]@users.noreply.github.com': 'Claude Code Action',
  '198982749+copilot@users.noreply.github.com': 'GitHub Copilot (agent)',
  '167198135+copilot[bot]@users.noreply.github.com': 'GitHub Copilot (chat)',
  '206951365+cursor[bot]@users.noreply.github.com': 'Cursor',
  '215057067+openai-codex[bot]@users.noreply.github.com': 'OpenAI Codex',
  '199175422+chatgpt-codex-connector[bot]@users.noreply.github.com': 'Codex via ChatGPT',
  '176961590+gemini-code-assist[bot]@users.noreply.github.com': 'Gemini Code Assist',
  '208079219+amazon-q-developer[bot]@users.noreply.github.com': 'Amazon Q Developer',
  '158243242+devin-ai-integration[bot]@users.noreply.github.com': 'Devin',
  '205137888+cline[bot]@users.noreply.github.com': 'Cline',
  '230936708+continue[bot]@users.noreply.github.com': 'Continue.dev',
  '201248094+sourcegraph-cody[bot]@users.noreply.github.com': 'Sourcegraph Cody',
  '220155983+jetbrains-ai[bot]@users.noreply.github.com': 'JetBrains AI',
  '136622811+coderabbitai[bot]@users.noreply.github.com': 'CodeRabbit',
};
const numericPrefix = new Map(Object.entries(knownAgentCommitters).map(([email, name]) => [email.slice(0, email.indexOf('+')), name]));
const knownCoAuthorEmails = {
  'noreply@anthropic.com': 'Claude Code',
  'cursoragent@cursor.com': 'Cursor',
  'noreply@aider.chat': 'Aider',
  'copilot@github.com': 'Copilot',
};
// prettier-ignore
const toolNames = ['Claude Code','Claude','GitHub Copilot','Copilot','Cursor','Aider','OpenAI Codex','Codex','Gemini Code Assist','Amazon Q Developer','Amazon Q','Devin','Cline','Continue.dev','Continue CLI','Continue AI','Sourcegraph Cody','Cody','JetBrains AI','CodeRabbit','ChatGPT','t3.chat','GPT-4','Windsurf','Antigravity','Google Gemini','Kimi','DeepSeek','Qwen','Llama','Code Llama','Mistral','Codestral','Mixtral','Magistral','Zed AI','Zhipu AI','Z.ai','GLM-4','ChatGLM','ZCode','Gemma','Yi-Coder','Yi-Lightning','Yi-Large','Yi 01.ai','Yi AI','01.ai','Phind','StarCoder','Tabnine','Codeium','Qodo','CodiumAI','Replit Agent','Replit','Sourcery','Augment Code','OpenCode','Vercel v0','Bolt.new','Lovable.dev','CodeReviewBot','CodeGPT','Bito','CodeGeeX','GitKraken AI','Glide AI','Mastra','Pieces.app','PiecesOS','Greptile','Sweep AI','Supermaven','Trae','OpenHands','PR-Agent','SWE-Agent','OpenClaw','ClawWork','ZeroClaw','NanoClaw','TinyClaw','MicroClaw','MimiClaw','IronClaw','PicoClaw','SupaClaw','OpenClaude','xAI Grok','Grok AI','Grok Code Fast','Command-R+','Command-R','Roo Code','SantaCoder','PearAI','Phi-4','Nemotron','Salesforce Codegen','CodeWhisperer'];
const entireTrailers = [
  'Entire-Metadata',
  'Entire-Metadata-Task',
  'Entire-Strategy',
  'Entire-Session',
  'Entire-Condensation',
  'Entire-Source-Ref',
  'Entire-Checkpoint',
  'Entire-Agent',
];
const quote = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// toolmention.go: words joined by [\s_-]+, a word boundary after a name ending in a letter or digit.
const toolPatterns = toolNames.map((name) => {
  const body = name.split(/[ -]/).filter(Boolean).map(quote).join('[\\s_-]+');
  const end = /[\p{L}\p{N}_]$/u.test(name) ? '\\b' : '(?:$|[^A-Za-z0-9_])';
  return { name, re: new RegExp(`\\b${body}${end}`, 'i') };
});

/** Per detector, the highest score of its findings (scan.go, ConsolidateScoreByFindings), with why. */
function chaoss({ authorEmail, committerEmail, message, notes }) {
  const scores = {};
  const why = [];
  const add = (detector, score, detail) => {
    scores[detector] = Math.max(scores[detector] ?? 0, score);
    why.push(`${detector}: ${detail}`);
  };
  // committer.go
  const byEmail = (email, field) => {
    if (knownAgentCommitters[email]) return add('committer', 95, `${field} ${email}`);
    if (email.endsWith('@users.noreply.github.com') && email.includes('+')) {
      const name = numericPrefix.get(email.slice(0, email.indexOf('+')));
      if (name) add('committer', 85, `${field} ${email}`);
    }
  };
  if (authorEmail && authorEmail === committerEmail) byEmail(authorEmail, 'author and committer');
  else {
    byEmail(authorEmail, 'author');
    byEmail(committerEmail, 'committer');
  }
  // gitnotes.go: a git-ai authorship log (JSON, then ---); we only test its shape.
  if (notes) {
    const [head] = notes.split('\n---\n');
    try {
      if (notes.includes('\n---\n') && JSON.parse(head).schema_version?.startsWith('authorship/')) add('gitnotes', 75, 'git-ai note');
    } catch {
      /* not a git-ai note */
    }
  }
  // trailer.go
  for (const m of message.matchAll(/^co-authored-by:\s*([^<]*)<([^>]+)>/gim)) {
    const email = m[2].trim().toLowerCase();
    if (knownCoAuthorEmails[email]) add('trailer', 75 + (/\(.+\)/.test(m[1]) ? 10 : 0), `Co-Authored-By ${email}`);
  }
  for (const m of message.matchAll(/^assisted-by\s*:\s*([^\r\n]+?)\s*$/gim)) {
    if (m[1].replace(/\s*<[^>]+>/g, '').trim()) add('trailer', 75, `Assisted-By: ${m[1]}`);
  }
  if (message.toLowerCase().startsWith('aider:')) add('trailer', 35, 'aider: prefix');
  if (message.includes('Generated with Claude Code')) add('trailer', 35, "'Generated with Claude Code'");
  const entire = entireTrailers.filter((t) => message.includes(`\n${t}:`)).length;
  if (entire) add('trailer', 35 + (entire - 1) * 20, 'Entire trailers');
  const replit = /^Replit-Commit-Author:\s*(Agent|Assistant)(?:\r?\nReplit-Commit-Session-Id:\s*([a-fA-F0-9-]+))?(?:\r?\n|$)/m.exec(message);
  if (replit) add('trailer', 35 + (replit[2] ? 45 : 0), 'Replit');
  // toolmention.go: any supported tool's name anywhere in the message.
  for (const t of toolPatterns) if (t.re.test(message)) add('toolmention', 20, `mentions ${t.name}`);
  const score = Object.values(scores).reduce((a, b) => a + b, 0);
  // detection.go, ScoreToConfidence with the default levels 30 / 70 / 100.
  const confidence = score === 0 ? 'none' : score >= 100 ? 'high' : score <= 30 ? 'low' : Math.round(score) <= 70 ? 'medium' : 'high';
  return { confidence, why };
}

// ---------------------------------------------------------------------------------------------

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { max: { type: 'string', default: '50000' }, show: { type: 'string', default: '3' } },
});
const policy = defaultPolicy();
const rank = { none: 0, low: 1, medium: 2, high: 3 };

for (const repo of positionals) {
  const log = execFileSync(
    'git',
    ['-C', repo, 'log', `--max-count=${values.max}`, '-z', '--format=%H%x00%ae%x00%ce%x00%B%x00%N', '--notes=refs/notes/ai', 'HEAD'],
    { maxBuffer: 1 << 30, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const t = log.split('\0');
  const rows = [];
  for (let i = 0; i + 4 < t.length; i += 5) {
    const commit = {
      hash: t[i].replace(/^\n/, ''),
      authorEmail: t[i + 1].toLowerCase(),
      committerEmail: t[i + 2].toLowerCase(),
      message: t[i + 3],
      notes: t[i + 4].trim(),
    };
    const ours = commitDisclosures(commit.message, policy);
    rows.push({ ...commit, ours, theirs: chaoss(commit) });
  }
  const at = (level) => rows.filter((r) => rank[r.theirs.confidence] >= rank[level]);
  const ours = rows.filter((r) => r.ours.length);
  console.log(`\n## ${repo}: ${rows.length} commits`);
  console.log(`ours: ${ours.length}; CHAOSS low+: ${at('low').length}, medium+: ${at('medium').length}, high: ${at('high').length}`);
  for (const level of ['low', 'medium', 'high']) {
    const theirs = new Set(at(level).map((r) => r.hash));
    const both = ours.filter((r) => theirs.has(r.hash)).length;
    console.log(`  at ${level}+: both ${both}, only ours ${ours.length - both}, only CHAOSS ${theirs.size - both}`);
  }
  const show = Number(values.show);
  const reasons = (list, of) => {
    const counts = new Map();
    for (const r of list) for (const w of new Set(of(r))) counts.set(w, (counts.get(w) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1]).slice(0, 12);
  };
  const onlyOurs = ours.filter((r) => r.theirs.confidence === 'none');
  const oursTheirsLow = ours.filter((r) => r.theirs.confidence === 'low');
  const onlyTheirs = at('medium').filter((r) => !r.ours.length);
  const onlyTheirsLow = at('low').filter((r) => !r.ours.length && r.theirs.confidence === 'low');
  console.log(`  only ours, by form: ${JSON.stringify(reasons(onlyOurs, (r) => r.ours.map((d) => d.form)))}`);
  console.log(`  ours, CHAOSS low only, by form: ${JSON.stringify(reasons(oursTheirsLow, (r) => r.ours.map((d) => d.form)))}`);
  console.log(
    `  only CHAOSS (medium+), by reason: ${JSON.stringify(reasons(onlyTheirs, (r) => r.theirs.why.map((w) => w.replace(/: .*/, ': ') + w.split(': ')[1]?.split(' ')[0])))}`,
  );
  console.log(`  only CHAOSS (low), by reason: ${JSON.stringify(reasons(onlyTheirsLow, (r) => r.theirs.why))}`);
  const example = (r) =>
    `    ${r.hash.slice(0, 12)} ${r.message.split('\n')[0].slice(0, 70)} | ours: ${r.ours.map((d) => `${d.form} ${d.agent}`).join(', ') || '-'} | CHAOSS ${r.theirs.confidence}: ${r.theirs.why.join('; ') || '-'}`;
  for (const [what, list] of [
    ['only ours', onlyOurs],
    ['ours, CHAOSS low only', oursTheirsLow],
    ['only CHAOSS medium+', onlyTheirs],
    ['only CHAOSS low', onlyTheirsLow],
  ]) {
    if (!list.length) continue;
    console.log(`  examples, ${what}:`);
    for (const r of list.slice(0, show)) console.log(example(r));
  }
}
