// commit-ai-attribution: AI attribution in a commit message being written (COMMIT_EDITMSG, MERGE_MSG).
// An AI cannot certify the Developer Certificate of Origin, so an AI named in `Signed-off-by` is
// always an error; an AI named as co-author, or a tool-written trailer, is rewritten into the
// policy's own trailer form when the policy names one (`ai.commitTrailers`); under `ai.mode: forbid`
// any AI trailer is an error. Pure: text and policy in, findings and edits out.
// See ../shared/design/markers.md ("Commit trailers") and rules.md.

import type { Finding, RuleId, Severity } from './findings';
import type { Policy } from './policy/model';
import { Range, splitLines, TextEdit } from './text';

// Until 'commit-ai-attribution' is in findings.ts's `ruleIds`, the id is cast; the cast is harmless after.
export const commitRuleId = 'commit-ai-attribution' as RuleId;

// Finding and fix texts of this rule. They belong with the others in messages.ts; kept here
// (with the same `{name}` placeholders) until the lead moves them.
const en = {
  signoff: "An AI cannot certify the Developer Certificate of Origin, so {agent} must not sign off: {action}, and sign off yourself (git commit -s)",
  'co-author': "{agent} is named as a co-author in '{key}': the policy records AI help as '{form}: …', so {action}",
  form: "'{key}' is not the policy's AI trailer ('{form}: …'): {action}",
  forbidden: 'The policy forbids AI-assisted changes (ai.mode: forbid), and this trailer names {agent}: leave AI-generated changes out of this commit, or ask the OSPO ({contact})',
  'forbidden.signoff': 'An AI cannot sign off, and the policy forbids AI-assisted changes (ai.mode: forbid): leave AI-generated changes out of this commit, or ask the OSPO ({contact})',
  'action.rewrite': "write '{text}' instead",
  'action.remove': "remove this line ('{text}' is already there)",
  'fix.rewrite': "Rewrite as '{text}'",
  'fix.remove': 'Remove this trailer (the policy\'s trailer for this AI is already there)',
} as const;

function say(key: keyof typeof en, args: Record<string, string> = {}): string {
  return en[key].replace(/\{(\w+)\}/g, (_, name: string) => args[name] ?? `{${name}}`);
}

// ---------------------------------------------------------------------------------------------
// Which documents are commit messages

/**
 * A commit message being written: a document whose languageId is `git-commit`, or a file named
 * COMMIT_EDITMSG or MERGE_MSG inside a git directory (`.git/`, `.git/worktrees/<name>/`, a bare `<repo>.git/`).
 * TAG_EDITMSG is not a commit message and is left alone.
 */
export function isCommitMessagePath(fsPath: string, languageId?: string): boolean {
  if (languageId === 'git-commit') return true;
  const parts = fsPath.split(/[\\/]/);
  const name = parts[parts.length - 1];
  if (name !== 'COMMIT_EDITMSG' && name !== 'MERGE_MSG') return false;
  return parts.slice(0, -1).some((p) => p === '.git' || (p.length > 4 && p.endsWith('.git')));
}

/**
 * The working tree a commit message under `<root>/.git/…` belongs to, so the server can use that
 * repository's policy when the editor was opened by `git commit` outside any workspace folder.
 * Undefined when the path is not under a `.git` folder (a bare repository has no working tree).
 */
export function commitRepoRoot(fsPath: string): string | undefined {
  const m = /[\\/]\.git(?=[\\/])/.exec(fsPath);
  return m ? fsPath.slice(0, m.index) || fsPath.slice(0, 1) : undefined;
}

// ---------------------------------------------------------------------------------------------
// AI agents and the identities they write

interface AgentDef {
  /** Canonical name, written into the policy's trailer. */
  agent: string;
  /** Names (lower case) that only an AI goes by. */
  names: string[];
  /** Names (lower case) a person may also have: an AI only without an e-mail or with one of `emails`. */
  personal?: string[];
  /** GitHub logins (lower case, `[bot]` included) of the agent's accounts and apps. */
  logins?: string[];
  /** E-mail addresses (lower case) the agent writes. */
  emails?: string[];
  /** Words in a bot login that name this agent: `my-org-claude[bot]`. */
  tokens?: string[];
  /** A model written after the name ("Claude Opus 4.5", "Gemini 2.5 Pro"), and its id prefix. */
  model?: { after: RegExp; prefix: string };
}

// A literal list, on purpose: a pattern over names would flag people (a co-author called Claude or Devin).
const agents: AgentDef[] = [
  {
    agent: 'GitHub Copilot',
    names: ['github copilot', 'copilot', 'github-copilot', 'copilot agent', 'copilot coding agent', 'copilot-swe-agent', 'github copilot chat'],
    logins: ['copilot', 'copilot-swe-agent[bot]', 'github-copilot[bot]', 'copilot-pull-request-reviewer[bot]'],
    tokens: ['copilot'],
  },
  { agent: 'Claude Code', names: ['claude code', 'claude-code'], logins: ['claude-code[bot]'] },
  {
    agent: 'Claude',
    names: ['anthropic claude', 'claude ai', 'claude.ai'],
    personal: ['claude'],
    logins: ['claude[bot]', 'anthropic-claude[bot]'],
    emails: ['noreply@anthropic.com', 'claude@anthropic.com'],
    tokens: ['claude', 'anthropic'],
    model: { after: /^(opus|sonnet|haiku|instant|\d)/i, prefix: 'claude' },
  },
  { agent: 'ChatGPT', names: ['chatgpt', 'chat gpt', 'openai chatgpt'], tokens: ['chatgpt'], model: { after: /^(\d|gpt|o\d)/i, prefix: 'chatgpt' } },
  {
    agent: 'OpenAI Codex',
    names: ['openai codex', 'codex', 'codex cli', 'codex-cli'],
    logins: ['chatgpt-codex-connector[bot]', 'openai-codex[bot]'],
    emails: ['codex@openai.com', 'noreply@openai.com'],
    tokens: ['codex', 'openai'],
  },
  {
    agent: 'Cursor',
    names: ['cursor', 'cursor agent', 'cursoragent', 'cursor ai', 'cursor-agent'],
    logins: ['cursor[bot]', 'cursor-agent[bot]', 'cursoragent'],
    emails: ['cursoragent@cursor.com'],
    tokens: ['cursor'],
  },
  { agent: 'Gemini Code Assist', names: ['gemini code assist', 'gemini-code-assist'], logins: ['gemini-code-assist[bot]'] },
  {
    agent: 'Gemini',
    names: ['google gemini', 'gemini cli', 'gemini-cli'],
    personal: ['gemini'],
    logins: ['gemini-cli[bot]'],
    tokens: ['gemini'],
    model: { after: /^(\d|pro|flash|ultra)/i, prefix: 'gemini' },
  },
  { agent: 'Jules', names: ['google jules', 'google-labs-jules'], personal: ['jules'], logins: ['google-labs-jules[bot]'], tokens: ['jules'] },
  {
    agent: 'Devin',
    names: ['devin ai', 'devin-ai', 'devin-ai-integration'],
    personal: ['devin'],
    logins: ['devin-ai-integration[bot]'],
    tokens: ['devin'],
  },
  { agent: 'Aider', names: ['aider', 'aider-chat'], emails: ['noreply@aider.chat'], tokens: ['aider'] },
  {
    agent: 'Amazon Q',
    names: ['amazon q', 'amazon q developer', 'amazon-q', 'amazon-q-developer', 'q developer', 'aws q'],
    logins: ['amazon-q-developer[bot]'],
    tokens: ['amazon-q'],
  },
  { agent: 'Windsurf', names: ['windsurf', 'windsurf cascade'], logins: ['windsurf[bot]'], tokens: ['windsurf'] },
  { agent: 'Codeium', names: ['codeium'], logins: ['codeium[bot]'], tokens: ['codeium'] },
  { agent: 'Tabnine', names: ['tabnine'], logins: ['tabnine[bot]'], tokens: ['tabnine'] },
  { agent: 'OpenHands', names: ['openhands', 'openhands-agent', 'opendevin'], logins: ['openhands-agent'], emails: ['openhands@all-hands.dev'], tokens: ['openhands'] },
  { agent: 'Sourcegraph Cody', names: ['sourcegraph cody', 'cody ai'], personal: ['cody'] },
  { agent: 'Cline', names: [], personal: ['cline'] },
  { agent: 'Sweep', names: ['sweep ai', 'sweep-ai'], logins: ['sweep-ai[bot]'], tokens: ['sweep-ai'] },
];

export interface AgentMatch {
  /** Canonical agent name ("GitHub Copilot"), or the text as written when no listed agent matched. */
  agent: string;
  model?: string;
  /** The value as a person identity (`Name <email>`), for person-form trailers. */
  identity: string;
  known: boolean;
}

const collapse = (s: string) => s.trim().replace(/\s+/g, ' ');
const lower = (s: string) => collapse(s).toLowerCase();

function byLogin(login: string): AgentDef | undefined {
  const l = login.toLowerCase();
  const exact = agents.find((a) => a.logins?.includes(l));
  if (exact) return exact;
  // Any other bot account whose login names an agent: `acme-claude-helper[bot]`.
  if (!l.endsWith('[bot]')) return undefined;
  const base = l.slice(0, -'[bot]'.length);
  return agents.find((a) => a.tokens?.some((t) => new RegExp(`(^|[-_.])${t.replace(/[-.]/g, '\\$&')}([-_.]|$)`).test(base)));
}

function emailAgent(email: string): AgentDef | undefined {
  const gh = /^(?:\d+\+)?([^@]+)@users\.noreply\.github\.com$/.exec(email);
  if (gh) return byLogin(gh[1]);
  return agents.find((a) => a.emails?.includes(email));
}

/** A listed name at the start of `text` followed by a model ("Claude Opus 4.5"), longest name first. */
function nameWithModel(text: string, allowPersonal: boolean): { def: AgentDef; model: string } | undefined {
  for (const def of agents) {
    if (!def.model) continue;
    for (const n of [...def.names, ...(allowPersonal ? def.personal ?? [] : [])]) {
      if (!text.startsWith(n + ' ')) continue;
      const rest = text.slice(n.length + 1);
      if (def.model.after.test(rest)) return { def, model: `${def.model.prefix}-${rest.replace(/\s+/g, '-')}` };
    }
  }
  return undefined;
}

/**
 * The AI agent a person-form trailer (`Signed-off-by`, `Co-authored-by`, `Co-developed-by`) names,
 * or undefined for a person. A name a person may have ("Claude", "Devin") counts only without an
 * e-mail or with the agent's own address; a personal address means a person.
 */
export function agentInIdentity(value: string): AgentMatch | undefined {
  const identity = collapse(value);
  const emailMatch = /<([^<>]*)>/.exec(identity);
  const email = emailMatch?.[1].trim().toLowerCase();
  let name = lower(identity.replace(/<[^<>]*>/g, ' '));
  const found = (def: AgentDef, model?: string): AgentMatch => ({ agent: def.agent, model, identity, known: true });
  // `aider (openai/gpt-4o) <noreply@aider.chat>`: the model in parentheses.
  let model: string | undefined;
  const paren = /^(.*?)\s*\(([^()]*)\)$/.exec(name);
  if (paren && paren[1]) { name = paren[1]; model = paren[2].trim() || undefined; }

  // The name first: `Claude Code <noreply@anthropic.com>` is Claude Code, not just Claude.
  const named = agents.find((a) => a.names.includes(name));
  if (named) return found(named, model);
  const byEmail = email ? emailAgent(email) : undefined;
  if (byEmail) return found(byEmail, model ?? nameWithModel(name, true)?.model);
  if (name.endsWith('[bot]')) {
    const bot = byLogin(name);
    return bot ? found(bot, model) : undefined;
  }
  const personal = agents.find((a) => a.personal?.includes(name));
  // "Claude <claude.dupont@example.com>" is a person; "Signed-off-by: Claude" is not.
  if (personal) return email ? undefined : found(personal, model);
  const withModel = nameWithModel(name, !email);
  return withModel ? found(withModel.def, withModel.model) : undefined;
}

/**
 * The agent a tool-form trailer names: `Assisted-by: AGENT:MODEL [tools]` (kernel), `Generated-by:
 * Tool Version` (ASF), `Made-with: Cursor`. `known` is false when no listed agent matched; `agent` is then the text as written.
 */
export function agentInToolValue(value: string): AgentMatch {
  const identity = collapse(value);
  const asPerson = agentInIdentity(identity);
  if (asPerson) return asPerson;
  const text = collapse(identity.replace(/<[^<>]*>/g, ' '));
  const colon = text.indexOf(':');
  if (colon > 0) {
    // Kernel form: the agent before the colon, the model up to the first space (tools follow).
    const agentText = text.slice(0, colon).trim();
    const model = text.slice(colon + 1).trim().split(' ')[0] || undefined;
    const def = agents.find((a) => a.names.includes(agentText.toLowerCase()) || a.personal?.includes(agentText.toLowerCase()));
    return { agent: def?.agent ?? agentText, model, identity, known: !!def };
  }
  const l = text.toLowerCase();
  let best: { def: AgentDef; name: string } | undefined;
  for (const def of agents) {
    for (const n of [...def.names, ...(def.personal ?? [])]) {
      if ((l === n || l.startsWith(n + ' ')) && (!best || n.length > best.name.length)) best = { def, name: n };
    }
  }
  if (best) {
    const rest = text.slice(best.name.length).trim();
    return { agent: best.def.agent, model: rest || undefined, identity, known: true };
  }
  return { agent: text.split(' ')[0], model: text.split(' ').slice(1).join(' ') || undefined, identity, known: false };
}

// ---------------------------------------------------------------------------------------------
// The message: comments, scissors, paragraphs, trailers

/** git's `--verbose` cut line; everything below it is dropped from the commit (git's default comment char). */
const scissors = /^# -+ >8 -+\s*$/;
const trailerLine = /^([A-Za-z0-9][A-Za-z0-9-]*)[ \t]*:[ \t]*(.*)$/;
const continuation = /^[ \t]+\S/;

export interface Trailer {
  key: string;
  value: string;
  /** First and last line (continuation lines fold into the value), 0-based. */
  line: number;
  endLine: number;
  /** Exact span: from the key to the end of the value, trailing blanks excluded. */
  range: Range;
}

interface Message {
  lines: string[];
  /** Lines from here on lie below the scissors line. */
  end: number;
  /** Lines that are part of the message: not a comment, above the scissors. */
  isContent: (i: number) => boolean;
  paragraphs: number[][];
  trailers: Trailer[];
}

function parseMessage(text: string): Message {
  const { lines } = splitLines(text);
  let end = lines.findIndex((l) => scissors.test(l));
  if (end < 0) end = lines.length;
  // Git strips lines that start with the comment char, wherever they are, before it reads trailers.
  const isContent = (i: number) => i < end && !lines[i].replace(/^\uFEFF/, '').startsWith('#');
  const paragraphs: number[][] = [];
  let current: number[] = [];
  for (let i = 0; i < end; i++) {
    if (!isContent(i)) continue;
    if (lines[i].trim() === '') {
      if (current.length) paragraphs.push(current);
      current = [];
    } else current.push(i);
  }
  if (current.length) paragraphs.push(current);
  // The trailer block is the last paragraph, never the subject's.
  const trailers: Trailer[] = [];
  if (paragraphs.length >= 2) {
    let last: Trailer | undefined;
    for (const i of paragraphs[paragraphs.length - 1]) {
      const m = trailerLine.exec(lines[i]);
      if (m) {
        last = { key: m[1], value: m[2].trim(), line: i, endLine: i, range: { start: { line: i, character: 0 }, end: { line: i, character: lines[i].trimEnd().length } } };
        trailers.push(last);
      } else if (last && continuation.test(lines[i])) {
        last.value = collapse(`${last.value} ${lines[i]}`);
        last.endLine = i;
        last.range = { start: last.range.start, end: { line: i, character: lines[i].trimEnd().length } };
      } else last = undefined;
    }
  }
  return { lines, end, isContent, paragraphs, trailers };
}

/** The trailers git would read from the message, comments and the part below the scissors left out. */
export function commitTrailers(text: string): Trailer[] {
  return parseMessage(text).trailers;
}

// ---------------------------------------------------------------------------------------------
// The rule

const personKeys = new Set(['signed-off-by', 'co-authored-by', 'co-developed-by']);
/** Keys that disclose AI help whatever they name. */
const aiOnlyKeys = new Set(['assisted-by', 'ai-assisted-by', 'ai-generated-by']);
/** Keys that disclose AI help when they name a listed agent (`Generated-by: protoc` does not). */
const toolKeys = new Set(['generated-by', 'made-with', 'generated-with', 'co-generated-by']);

/** The trailer the policy wants AI help written as: its first `ai.commitTrailers` entry, else the kernel's `Assisted-by`. */
export function policyTrailerForm(policy: Policy): string {
  return policyTrailerKeys(policy)[0] ?? 'Assisted-by';
}

/** The policy's disclosure trailers, as written, without Signed-off-by (which no AI may use). */
function policyTrailerKeys(policy: Policy): string[] {
  const seen = new Set<string>();
  return policy.ai.commitTrailers.filter((k) => {
    const l = k.trim().toLowerCase();
    if (!l || l === 'signed-off-by' || seen.has(l)) return false;
    seen.add(l);
    return true;
  }).map((k) => k.trim());
}

/** The agent a trailer attributes to AI, or undefined when it names none (a person, `Generated-by: protoc`). */
function aiIn(t: Trailer, policyKeys: Set<string>): AgentMatch | undefined {
  const k = t.key.toLowerCase();
  if (!t.value) return undefined;
  if (personKeys.has(k)) return agentInIdentity(t.value);
  if (aiOnlyKeys.has(k)) return agentInToolValue(t.value);
  if (toolKeys.has(k)) {
    const match = agentInToolValue(t.value);
    return match.known ? match : undefined;
  }
  // A key of the policy's own (`AI-Tool: …`) discloses AI help by definition.
  if (policyKeys.has(k)) return agentInToolValue(t.value);
  // Other trailers (Reviewed-by, Reported-by, Cc, …) say nothing about who wrote the change.
  return undefined;
}

/** The trailer text that replaces a tool-written one: `<form>: <Agent>`, kernel form `Assisted-by: AGENT:MODEL`. */
export function rewriteTrailer(form: string, ai: AgentMatch): string {
  const f = form.toLowerCase();
  if (personKeys.has(f)) return `${form}: ${ai.identity}`;
  if (f === 'assisted-by' || f === 'ai-assisted-by') return `${form}: ${ai.agent}${ai.model ? `:${ai.model}` : ''}`;
  return `${form}: ${ai.agent}${ai.model ? ` ${ai.model}` : ''}`;
}

function deleteLines(lines: string[], first: number, last: number): Range {
  if (last + 1 < lines.length) return { start: { line: first, character: 0 }, end: { line: last + 1, character: 0 } };
  // The last line of a text with no final newline: take the line break before it instead.
  return first > 0
    ? { start: { line: first - 1, character: lines[first - 1].length }, end: { line: last, character: lines[last].length } }
    : { start: { line: first, character: 0 }, end: { line: last, character: lines[last].length } };
}

/**
 * Findings for one commit message. The policy's severity table applies (`off` drops the rule).
 * Each fixable finding carries `{ kind: 'replace', range, text, safe: true }`: the trailer
 * rewritten into the policy's form, or (text '') the whole line removed when that trailer is there already.
 */
export function checkCommitMessage(text: string, policy: Policy): Finding[] {
  const severity = (policy.severity['commit-ai-attribution'] ?? 'error');
  if (severity === 'off') return [];
  const msg = parseMessage(text);
  const keys = policyTrailerKeys(policy);
  const policyKeys = new Set(keys.map((k) => k.toLowerCase()));
  const form = policyTrailerForm(policy);
  const formKey = form.toLowerCase();
  const forbid = policy.ai.mode === 'forbid';
  const contact = policy.meta.contact ?? policy.meta.url ?? policy.meta.title ?? policy.source;

  // Trailers already in the policy's form, by agent, so a rewrite never writes a second copy.
  const present = new Set<string>();
  const flagged: { t: Trailer; ai: AgentMatch }[] = [];
  for (const t of msg.trailers) {
    const ai = aiIn(t, policyKeys);
    if (!ai) continue;
    const k = t.key.toLowerCase();
    const wrongForm = k === 'signed-off-by' || forbid || (policyKeys.size > 0 && !policyKeys.has(k));
    if (wrongForm) flagged.push({ t, ai });
    else if (k === formKey) present.add(ai.agent.toLowerCase());
  }

  return flagged.map(({ t, ai }): Finding => {
    const k = t.key.toLowerCase();
    const base = { rule: commitRuleId, severity: severity as Severity, range: t.range };
    if (forbid) {
      return { ...base, message: say(k === 'signed-off-by' ? 'forbidden.signoff' : 'forbidden', { agent: ai.agent, contact }) };
    }
    const suggestion = rewriteTrailer(form, ai);
    const duplicate = present.has(ai.agent.toLowerCase());
    present.add(ai.agent.toLowerCase());
    const action = say(duplicate ? 'action.remove' : 'action.rewrite', { text: suggestion });
    const message = k === 'signed-off-by' ? say('signoff', { agent: ai.agent, action })
      : personKeys.has(k) ? say('co-author', { agent: ai.agent, key: t.key, form, action })
        : say('form', { key: t.key, form, action });
    const fix = duplicate
      ? { kind: 'replace' as const, range: deleteLines(msg.lines, t.line, t.endLine), text: '', safe: true }
      : { kind: 'replace' as const, range: t.range, text: suggestion, safe: true };
    return { ...base, message, fix };
  });
}

const sameRange = (a: Range, b: Range) =>
  a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

/**
 * The edits that fix `finding` in `text`, computed against the text as it is now: a finding that
 * is gone (already fixed) gives none, so applying a fix twice changes nothing. Only in-line columns
 * and whole lines are touched, so CRLF line ends and the final newline stay as they are.
 */
export function commitFixEdits(text: string, finding: Finding, policy: Policy): TextEdit[] {
  const current = checkCommitMessage(text, policy).find((f) => sameRange(f.range, finding.range) && f.message === finding.message);
  const fix = current?.fix;
  return fix?.kind === 'replace' ? [{ range: fix.range, newText: fix.text }] : [];
}

/** Every fix in the message at once (they never overlap: one per trailer line). */
export function commitFixAll(text: string, policy: Policy): TextEdit[] {
  return checkCommitMessage(text, policy).flatMap((f) => (f.fix?.kind === 'replace' ? [{ range: f.fix.range, newText: f.fix.text }] : []));
}

/** The quick fix's title. */
export function commitFixTitle(finding: Finding): string {
  const fix = finding.fix;
  if (fix?.kind !== 'replace') return '';
  return fix.text ? say('fix.rewrite', { text: fix.text }) : say('fix.remove');
}

// ---------------------------------------------------------------------------------------------
// Completion of the policy's trailer

export interface TrailerCompletion {
  label: string;
  /** Snippet syntax: `Assisted-by: ${1:AGENT}:${2:MODEL}`. */
  insertText: string;
  detail: string;
}

const escapeChoice = (s: string) => s.replace(/[$}\\,|]/g, (c) => '\\' + c);

/** A snippet choice of the policy's allowed tools, when they are literal names, else a placeholder. */
function agentPlaceholder(policy: Policy, n: number, fallback: string): string {
  const tools = policy.ai.tools.allow.map((t) => t.trim()).filter(Boolean);
  if (tools.length && tools.every((t) => !/[*?[\]{}]/.test(t))) return `\${${n}|${tools.map(escapeChoice).join(',')}|}`;
  return `\${${n}:${fallback}}`;
}

function snippetFor(key: string, policy: Policy): string {
  const k = key.toLowerCase();
  if (k === 'assisted-by' || k === 'ai-assisted-by') return `${key}: ${agentPlaceholder(policy, 1, 'AGENT')}:\${2:MODEL}`;
  if (k === 'generated-by') return `${key}: ${agentPlaceholder(policy, 1, 'TOOL')} \${2:VERSION}`;
  if (personKeys.has(k)) return `${key}: \${1:NAME} <\${2:EMAIL}>`;
  return `${key}: ${agentPlaceholder(policy, 1, 'AGENT')}`;
}

const isTrailerish = (line: string) => trailerLine.test(line) || continuation.test(line);

/**
 * The policy's AI trailers, offered on `line` when it is empty or holds the start of a trailer key,
 * and a trailer written there would be part of the trailer block: below the subject's paragraph,
 * after a blank line or other trailers, with nothing but trailers after it. Nothing under `ai.mode: forbid`.
 */
export function trailerCompletion(text: string, line: number, policy: Policy): TrailerCompletion[] {
  if (policy.ai.mode === 'forbid') return [];
  const msg = parseMessage(text);
  if (line < 0 || line >= msg.end || !msg.isContent(line)) return [];
  const typed = msg.lines[line].trim();
  if (typed !== '' && !/^[A-Za-z][A-Za-z0-9-]*$/.test(typed)) return [];
  const content = (from: number, step: 1 | -1) => {
    const out: string[] = [];
    for (let i = from; i >= 0 && i < msg.end; i += step) if (msg.isContent(i)) out.push(msg.lines[i]);
    return out;
  };
  const before = content(line - 1, -1);
  const after = content(line + 1, 1);
  const blank = (l: string) => l.trim() === '';
  // Above: a blank line under some text (a new last paragraph), or trailers of a paragraph that is not the subject's.
  const above = before.findIndex((l) => !isTrailerish(l));
  if (above < 0) return []; // nothing but trailer-like lines above: no subject yet
  if (!blank(before[above])) return [];
  if (!before.slice(above).some((l) => !blank(l))) return [];
  // Below: only blank lines, or trailers straight away (then blank lines).
  const firstBlank = after.findIndex(blank);
  const rest = firstBlank < 0 ? after : after.slice(0, firstBlank);
  if (!rest.every(isTrailerish) || (firstBlank >= 0 && !after.slice(firstBlank).every(blank))) return [];

  const keys = policyTrailerKeys(policy);
  const offered = keys.length ? keys : ['Assisted-by'];
  const prefix = typed.toLowerCase();
  return offered
    .filter((k) => k.toLowerCase().startsWith(prefix))
    .map((k) => ({
      label: k,
      insertText: snippetFor(k, policy),
      detail: k === offered[0] ? "AI disclosure trailer (the policy's form)" : 'AI disclosure trailer (accepted by the policy)',
    }));
}
