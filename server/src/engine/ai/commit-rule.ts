// The rules of a commit message being written (COMMIT_EDITMSG, MERGE_MSG).
// commit-ai-attribution: an AI cannot certify the Developer Certificate of Origin, so an AI named in
// `Signed-off-by` is always an error; an AI named as co-author, or a tool-written trailer, is
// rewritten into the policy's own trailer form when the policy names one (`ai.commitTrailers`);
// under `ai.mode: forbid` any AI trailer is an error.
// commit-session-link: a link to an AI tool's session, which may let anyone read the transcript.
// Pure: text and policy in, findings and edits out. See docs/rules/commit-ai-attribution.md and
// docs/rules/commit-session-link.md.

import type { Finding, RuleId } from '../findings';
import { withPolicySeverity } from '../check';
import { meta } from '../rules/commit-ai-attribution';
import { meta as sessionLinkMeta } from '../rules/commit-session-link';
import { sessionLinksIn } from './session-links';
import { finding } from '../rules/rule';
import { policyLabel, type Policy } from '../policy/model';
import { message } from '../messages';
import { Range, TextEdit } from '../text';
import type { AgentMatch } from './agents';
import { aiInTrailer, isPersonKey, parseCommitMessage, policyTrailerForm, policyTrailerKeys, Trailer } from './trailers';

export const commitRuleId: RuleId = meta.id;
/** The rules whose findings checkCommitMessage makes. */
export const commitRuleIds: ReadonlySet<string> = new Set<RuleId>([meta.id, sessionLinkMeta.id]);

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
export function checkCommitMessage(text: string, policy: Policy, opts: { committed?: boolean } = {}): Finding[] {
  const findings = [...(policy.severity[commitRuleId] === 'off' ? [] : commitFindings(text, policy)), ...sessionLinkFindings(text, !!opts.committed)];
  return withPolicySeverity(findings, policy).sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/**
 * Links to an AI session anywhere in the message git keeps: while it is written, not in `#` comments
 * nor below the scissors line; in a commit already made (`committed`), on every line, since git kept
 * them all. A line that holds nothing but the link, alone or as a trailer's value, is removed by the
 * fix; a link inside a sentence is only reported, since removing it may break the sentence.
 */
function sessionLinkFindings(text: string, committed: boolean): Finding[] {
  const msg = parseCommitMessage(text);
  const findings: Finding[] = [];
  for (let i = 0; i < (committed ? msg.lines.length : msg.end); i++) {
    if (!committed && !msg.isContent(i)) continue;
    const line = msg.lines[i];
    for (const link of sessionLinksIn(line)) {
      const rest = (line.slice(0, link.start) + line.slice(link.end)).trim();
      const alone = rest === '' || /^[\w-]+:$/.test(rest) || /^[\w-]+:\s*<>$/.test(rest);
      const range = { start: { line: i, character: link.start }, end: { line: i, character: link.end } };
      const setting = link.kind.setting;
      findings.push(
        finding(
          sessionLinkMeta,
          range,
          setting ? 'commit-session-link.setting' : 'commit-session-link',
          setting ? { tool: link.kind.tool, setting } : { tool: link.kind.tool },
          alone ? { fix: { kind: 'replace' as const, range: deleteLines(msg.lines, i, i), text: '', safe: true } } : {},
        ),
      );
    }
  }
  return findings;
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

/**
 * Every fix in the message at once, in order. Two fixes on one line (a trailer rewritten and the
 * session link in it removed) would overlap: the first is kept, and the next run does the other.
 */
export function commitFixAll(text: string, policy: Policy): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const f of checkCommitMessage(text, policy)) {
    if (f.fix?.kind !== 'replace') continue;
    const last = edits[edits.length - 1];
    const r = f.fix.range;
    if (last && (r.start.line < last.range.end.line || (r.start.line === last.range.end.line && r.start.character < last.range.end.character))) continue;
    edits.push({ range: r, newText: f.fix.text });
  }
  return edits;
}

/** The quick fix's title. */
export function commitFixTitle(finding: Finding): string {
  const fix = finding.fix;
  if (fix?.kind !== 'replace') return '';
  if (finding.rule === sessionLinkMeta.id) return message('commit-session-link.fix');
  return fix.text ? message('commit-ai-attribution.fix.rewrite', { text: fix.text }) : message('commit-ai-attribution.fix.remove');
}
