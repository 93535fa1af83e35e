// commit-ai-attribution: AI attribution in a commit message being written (COMMIT_EDITMSG, MERGE_MSG).
// An AI cannot certify the Developer Certificate of Origin, so an AI named in `Signed-off-by` is
// always an error; an AI named as co-author, or a tool-written trailer, is rewritten into the
// policy's own trailer form when the policy names one (`ai.commitTrailers`); under `ai.mode: forbid`
// any AI trailer is an error. Pure: text and policy in, findings and edits out.
// See ../shared/design/markers.md ("Commit trailers") and rules.md.

import type { Finding, RuleId, Severity } from '../findings';
import type { Policy } from '../policy/model';
import { AgentMatch, agentInIdentity, agentInToolValue } from './agents';
import { Range, splitLines, TextEdit } from '../text';

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
// The message: comments, scissors, paragraphs, trailers

/** git's `--verbose` cut line; everything below it is dropped from the commit (git's default comment char). */
const scissors = /^# -+ >8 -+\s*$/;
const trailerLine = /^([A-Za-z0-9][A-Za-z0-9-]*)[ \t]*:[ \t]*(.*)$/;
const continuation = /^[ \t]+\S/;
const collapse = (s: string) => s.trim().replace(/\s+/g, ' ');

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
/** Keys that say AI in their own name: they disclose AI help whatever tool they name. */
const aiKeys = new Set(['ai-assisted-by', 'ai-generated-by']);
/** Keys that record help or a generator, which may be a person or a non-AI tool (`Generated-by: protoc`). */
const toolKeys = new Set(['assisted-by', 'generated-by', 'made-with', 'generated-with', 'co-generated-by']);

/**
 * The trailer keys that can attribute a change to AI without any policy, lower case. Signed-off-by
 * is left out: nearly every commit of a DCO project has one, so grepping the history for it would
 * cost a diff per commit, and an AI signing off is this rule's error when the message is written.
 */
export const aiTrailerKeys: readonly string[] = [...aiKeys, ...toolKeys, ...[...personKeys].filter((k) => k !== 'signed-off-by')];

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

/**
 * The agent a trailer attributes the change to, or undefined when it names none. `policyKeys` are
 * the policy's `ai.commitTrailers`. The kernel and curl write `Assisted-by: <a person>`, and
 * `Generated-by: protoc` names no AI, so a value counts only when it names a listed agent, a known
 * bot address, or is in the kernel's `AGENT:MODEL` form; a key with AI in its name (`AI-Tool`) counts
 * whatever it names. A person-form key (Co-authored-by) counts only for an AI identity, even when listed.
 */
export function aiInTrailer(key: string, value: string, policyKeys: readonly string[] = []): AgentMatch | undefined {
  const k = key.toLowerCase();
  if (!value.trim()) return undefined;
  if (personKeys.has(k)) return agentInIdentity(value);
  const listed = policyKeys.some((p) => p.trim().toLowerCase() === k);
  // Other trailers (Reviewed-by, Reported-by, Helped-by, Cc, …) say nothing about who wrote the change.
  if (!aiKeys.has(k) && !toolKeys.has(k) && !listed) return undefined;
  const ai = agentInToolValue(value);
  return ai.known || ai.kernel || /(^|-)ai(-|$)/.test(k) ? ai : undefined;
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
    const ai = aiInTrailer(t.key, t.value, keys);
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
