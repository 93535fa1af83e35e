// commit-ai-attribution: AI attribution in a commit message being written (COMMIT_EDITMSG, MERGE_MSG).
// An AI cannot certify the Developer Certificate of Origin, so an AI named in `Signed-off-by` is
// always an error; an AI named as co-author, or a tool-written trailer, is rewritten into the
// policy's own trailer form when the policy names one (`ai.commitTrailers`); under `ai.mode: forbid`
// any AI trailer is an error. Pure: text and policy in, findings and edits out.
// See docs/rules/commit-ai-attribution.md.

import type { Finding, RuleId } from '../findings';
import { withPolicySeverity } from '../check';
import { meta } from '../rules/commit-ai-attribution';
import { finding } from '../rules/rule';
import { policyLabel, type Policy } from '../policy/model';
import { message } from '../messages';
import { Range, TextEdit } from '../text';
import type { AgentMatch } from './agents';
import { aiInTrailer, isPersonKey, parseCommitMessage, policyTrailerForm, policyTrailerKeys, Trailer } from './trailers';

export const commitRuleId: RuleId = meta.id;

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
// The rule

/** The trailer text that replaces a tool-written one: `<form>: <Agent>`, kernel form `Assisted-by: AGENT:MODEL`. */
export function rewriteTrailer(form: string, ai: AgentMatch): string {
  const f = form.toLowerCase();
  if (isPersonKey(f)) return `${form}: ${ai.identity}`;
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
  if (policy.severity[commitRuleId] === 'off') return [];
  return withPolicySeverity(commitFindings(text, policy), policy);
}

function commitFindings(text: string, policy: Policy): Finding[] {
  const msg = parseCommitMessage(text);
  const keys = policyTrailerKeys(policy);
  const policyKeys = new Set(keys.map((k) => k.toLowerCase()));
  const form = policyTrailerForm(policy);
  const formKey = form.toLowerCase();
  const forbid = policy.ai.mode === 'forbid';
  const contact = policy.meta.contact ?? policyLabel(policy);

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
    if (forbid) {
      return finding(meta, t.range, k === 'signed-off-by' ? 'commit-ai-attribution.forbidden.signoff' : 'commit-ai-attribution.forbidden', {
        agent: ai.agent,
        contact,
      });
    }
    const suggestion = rewriteTrailer(form, ai);
    const duplicate = present.has(ai.agent.toLowerCase());
    present.add(ai.agent.toLowerCase());
    const action = message(duplicate ? 'commit-ai-attribution.action.remove' : 'commit-ai-attribution.action.rewrite', { text: suggestion });
    const [key, args] =
      k === 'signed-off-by'
        ? (['commit-ai-attribution.signoff', { agent: ai.agent, action }] as const)
        : isPersonKey(k)
          ? (['commit-ai-attribution.co-author', { agent: ai.agent, key: t.key, form, action }] as const)
          : (['commit-ai-attribution.form', { key: t.key, form, action }] as const);
    const fix = duplicate
      ? { kind: 'replace' as const, range: deleteLines(msg.lines, t.line, t.endLine), text: '', safe: true }
      : { kind: 'replace' as const, range: t.range, text: suggestion, safe: true };
    return finding(meta, t.range, key, args, { fix });
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
  return fix.text ? message('commit-ai-attribution.fix.rewrite', { text: fix.text }) : message('commit-ai-attribution.fix.remove');
}
