// The rules of a commit message being written (COMMIT_EDITMSG, MERGE_MSG).
// commit-ai-attribution: each place the message discloses AI help (a trailer, a tool's own line) is
// a form of the catalogue (disclosure-forms.ts), and the policy says per form whether it is
// required, allowed, forbidden or converted into its trailer form (`ai.disclosure`). An AI in
// `Signed-off-by` is forbidden by default: an AI cannot certify the Developer Certificate of
// Origin. Under `ai.mode: forbid` any AI disclosure is an error.
// commit-session-link: a link to an AI tool's session, which may let anyone read the transcript.
// Pure: text and policy in, findings and edits out. See docs/rules/commit-ai-attribution.md and
// docs/rules/commit-session-link.md.

import type { Finding, FixData, RuleId } from '../findings';
import { withPolicySeverity } from '../check';
import { meta } from '../rules/commit-ai-attribution';
import { meta as sessionLinkMeta } from '../rules/commit-session-link';
import { sessionLinksIn } from './session-links';
import { finding } from '../rules/rule';
import { policyLabel, type Policy } from '../policy/model';
import { message } from '../messages';
import { offsetAt, range, Range, splitLines, TextEdit } from '../text';
import type { AgentMatch } from './agents';
import { aiInTrailer, allTrailers, CommitMessage, isPersonKey, parseCommitMessage, Trailer } from './trailers';
import { aiNotesRefs, DisclosureAction, DisclosureForm, disclosureRules, DisclosureRules, formById, formOfKey, toolLines } from './disclosure-forms';

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

/**
 * The trailer text that replaces a tool-written one: `<form>: <Agent>`, kernel form `Assisted-by: AGENT:MODEL`.
 * What it writes must count as AI help under its own key (`Generated-by: Claude claude-opus-4.5` would not,
 * and a fix must never write away a disclosure): else the agent alone, which always does.
 */
export function rewriteTrailer(form: string, ai: AgentMatch): string {
  const f = form.toLowerCase();
  if (isPersonKey(f)) return `${form}: ${ai.identity}`;
  const kernel = f === 'assisted-by' || f === 'ai-assisted-by';
  const named = ai.identity.replace(/<[^<>]*>/g, '').trim();
  const values = [`${ai.agent}${ai.model ? `${kernel ? ':' : ' '}${ai.model}` : ''}`, ...(kernel ? [] : [named])];
  return `${form}: ${values.find((v) => v && aiInTrailer(form, v, [form])) ?? ai.agent}`;
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
export function checkCommitMessage(text: string, policy: Policy, opts: { committed?: boolean; notes?: string } = {}): Finding[] {
  const findings = [
    ...(policy.severity[commitRuleId] === 'off' ? [] : commitFindings(text, policy, opts.notes)),
    ...sessionLinkFindings(text, !!opts.committed),
  ];
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

/** One place a message discloses AI help: a trailer, or a tool's own line in the body. */
interface Evidence {
  /** The catalogue form; undefined for a key only the policy's `ai.commitTrailers` lists. */
  form?: DisclosureForm;
  ai: AgentMatch;
  line: number;
  endLine: number;
  range: Range;
  /** The key as written, or the line's text. */
  what: string;
  trailer?: Trailer;
}

function evidenceIn(msg: CommitMessage, rules: DisclosureRules): Evidence[] {
  const found: Evidence[] = [];
  const trailers = allTrailers(msg);
  for (const { line: i, ai } of toolLines(msg, trailers)) {
    const text = msg.lines[i].trim();
    const at = msg.lines[i].indexOf(text);
    found.push({ form: formById('generated-with-line'), ai, line: i, endLine: i, range: range(i, at, at + text.length), what: text });
  }
  for (const t of trailers) {
    const ai = aiInTrailer(t.key, t.value, rules.listedKeys);
    if (ai) found.push({ form: formOfKey(t.key), ai, line: t.line, endLine: t.endLine, range: t.range, what: t.key, trailer: t });
  }
  return found.sort((a, b) => a.line - b.line);
}

/** Where a commit message discloses AI help, by form (a key outside the catalogue by itself): what a comparison counts. */
export function commitDisclosures(text: string, policy: Policy): { form: string; agent: string; line: number }[] {
  return evidenceIn(parseCommitMessage(text), disclosureRules(policy)).map((e) => ({ form: e.form?.id ?? e.what, agent: e.ai.agent, line: e.line }));
}

/** A line that stands alone as a paragraph goes with the blank line after it, so no two blank lines are left. */
function deleteParagraphLine(msg: CommitMessage, i: number): Range {
  const blank = (j: number) => j >= 0 && j < msg.lines.length && msg.lines[j].trim() === '';
  return deleteLines(msg.lines, i, blank(i - 1) && blank(i + 1) && i + 2 < msg.lines.length ? i + 1 : i);
}

/** Where a new trailer goes: after the trailer block, or as a new last paragraph. */
function appendTrailer(msg: CommitMessage, text: string, eol: string): FixData {
  const paragraph = msg.paragraphs[msg.paragraphs.length - 1];
  // Paragraphs list their lines in order: the last is the paragraph's end (no spread: one may hold 100,000 lines).
  const last = msg.trailers.length ? msg.trailers[msg.trailers.length - 1].endLine : paragraph[paragraph.length - 1];
  const at = { line: last, character: msg.lines[last].length };
  return { kind: 'replace', range: { start: at, end: at }, text: (msg.trailers.length ? eol : eol + eol) + text, safe: true };
}

/**
 * A tool's line rewritten as the trailer: in place when it stands in the trailer block, else one
 * edit from the line to the end of the trailer block, which drops the line and adds the trailer.
 */
function moveLineToTrailer(msg: CommitMessage, original: string, e: Evidence, text: string, eol: string): FixData {
  const last = msg.paragraphs[msg.paragraphs.length - 1];
  if (last.includes(e.line)) return { kind: 'replace', range: range(e.line, 0, msg.lines[e.line].length), text, safe: true };
  const gone = deleteParagraphLine(msg, e.line);
  const end = last[last.length - 1];
  // The lines kept are copied from the message as it is, line ends and all (a message may mix them),
  // and the new trailer is joined with the line end the last of them has.
  const endAt = offsetAt(original, { line: end, character: msg.lines[end].length });
  const keep = original.slice(offsetAt(original, gone.end), endAt);
  eol = /^\r?\n|^\r/.exec(original.slice(endAt, endAt + 2))?.[0] ?? eol;
  return {
    kind: 'replace',
    range: { start: { line: e.line, character: 0 }, end: { line: end, character: msg.lines[end].length } },
    text: keep + (msg.trailers.length ? eol : eol + eol) + text,
    safe: true,
  };
}

const quoteForms = (keys: string[]) => keys.map((k) => `'${k}: …'`).join(message('list.or'));

/**
 * The commit's AI notes (`notes`, known only for a commit already made): forbidden, or missing
 * where the policy requires them of a commit whose message discloses AI help. Said on the subject line.
 */
function noteFindings(msg: CommitMessage, rules: DisclosureRules, notes: string | undefined, evidence: Evidence[], policy: Policy): Finding[] {
  if (notes === undefined) return [];
  const action = rules.action('git-notes');
  const first = Math.max(
    0,
    msg.lines.findIndex((l, i) => msg.isContent(i) && l.trim() !== ''),
  );
  const at = range(first, 0, msg.lines[first]?.length ?? 0);
  const refs = aiNotesRefs.join(message('list.or'));
  if (notes && action === 'forbid') return [finding(meta, at, 'commit-ai-attribution.note.forbidden', { refs, policy: policyLabel(policy) })];
  if (!notes && action === 'require' && evidence.length) return [finding(meta, at, 'commit-ai-attribution.note.missing', { refs })];
  return [];
}

function commitFindings(text: string, policy: Policy, notes?: string): Finding[] {
  const msg = parseCommitMessage(text);
  const { eol } = splitLines(text);
  const rules = disclosureRules(policy);
  const evidence = evidenceIn(msg, rules);
  const findings: Finding[] = noteFindings(msg, rules, notes, evidence, policy);
  if (!evidence.length) return findings;
  const forbidAll = policy.ai.mode === 'forbid';
  const contact = policy.meta.contact ?? policyLabel(policy);
  const form = rules.target;
  const formKey = form.toLowerCase();
  const targetForm = formOfKey(form);
  const targetUsable = !targetForm || rules.action(targetForm.id) !== 'forbid';
  const actionOf = (e: Evidence): DisclosureAction => {
    if (!e.form) return forbidAll ? 'forbid' : 'allow';
    const a = rules.action(e.form.id);
    // A trailer already in the form it would be converted into is that form.
    if (a === 'convert' && (!targetUsable || e.trailer?.key.toLowerCase() === formKey)) return targetUsable ? 'allow' : 'forbid';
    return a;
  };
  const actions = evidence.map(actionOf);
  // The policy requires a trailer form, and none is there: a forbidden form is then rewritten into the
  // required one rather than removed, or the fixes together would strip the disclosure they ask for.
  const required = rules.required.filter((id) => formById(id).where === 'trailer');
  const missing = !forbidAll && required.length > 0 && !evidence.some((e) => e.form && required.includes(e.form.id));
  // Per agent family ("Claude Code" writes its line beside a "Claude" co-author): a forbidden form is
  // rewritten while no required trailer discloses that agent, so fix all keeps each agent's disclosure.
  const family = (ai: AgentMatch) => ai.agent.toLowerCase().split(' ')[0];
  const requiredFamilies = new Set(evidence.filter((e) => e.form && required.includes(e.form.id)).map((e) => family(e.ai)));
  const targetRequired = targetUsable && !!targetForm && required.includes(targetForm.id);
  const rewrites = (e: Evidence, i: number) =>
    actions[i] === 'convert' ||
    (actions[i] === 'forbid' && !forbidAll && targetUsable && ((targetRequired && !requiredFamilies.has(family(e.ai))) || e.form?.id === 'signed-off-by'));

  // Trailers already in the policy's form, by agent, so a rewrite never writes a second copy.
  const present = new Set(evidence.filter((e, i) => actions[i] !== 'forbid' && e.trailer?.key.toLowerCase() === formKey).map((e) => e.ai.agent.toLowerCase()));
  // Trailers that stay or become trailers, by agent family: a tool's line beside one of its own family is only removed.
  const keptFamilies = new Set(
    evidence.filter((e, i) => e.trailer && (actions[i] === 'allow' || actions[i] === 'require' || rewrites(e, i))).map((e) => family(e.ai)),
  );

  evidence.forEach((e, i) => {
    const action = actions[i];
    if (action !== 'forbid' && action !== 'convert') return;
    const k = e.what.toLowerCase();
    const signoff = e.form?.id === 'signed-off-by';
    if (forbidAll) {
      findings.push(
        finding(meta, e.range, signoff ? 'commit-ai-attribution.forbidden.signoff' : 'commit-ai-attribution.forbidden', { agent: e.ai.agent, contact }),
      );
      return;
    }
    if (action === 'forbid' && !rewrites(e, i)) {
      const what = e.trailer ? `${e.trailer.key}: …` : e.what;
      const fix = {
        kind: 'replace' as const,
        range: e.trailer ? deleteLines(msg.lines, e.line, e.endLine) : deleteParagraphLine(msg, e.line),
        text: '',
        safe: true,
      };
      findings.push(
        finding(
          meta,
          e.range,
          signoff ? 'commit-ai-attribution.signoff.forbidden' : 'commit-ai-attribution.not-accepted',
          { what, agent: e.ai.agent, policy: policyLabel(policy) },
          { fix },
        ),
      );
      return;
    }
    const suggestion = rewriteTrailer(form, e.ai);
    if (!e.trailer) {
      const keptTrailer = keptFamilies.has(family(e.ai));
      const fix = keptTrailer
        ? { kind: 'replace' as const, range: deleteParagraphLine(msg, e.line), text: '', safe: true }
        : moveLineToTrailer(msg, text, e, suggestion, eol);
      const action = message(keptTrailer ? 'commit-ai-attribution.action.drop' : 'commit-ai-attribution.action.rewrite', { text: suggestion });
      findings.push(finding(meta, e.range, 'commit-ai-attribution.line', { agent: e.ai.agent, form, action }, { fix }));
      return;
    }
    const duplicate = present.has(e.ai.agent.toLowerCase());
    present.add(e.ai.agent.toLowerCase());
    const action2 = message(duplicate ? 'commit-ai-attribution.action.remove' : 'commit-ai-attribution.action.rewrite', { text: suggestion });
    const [key, args] = signoff
      ? (['commit-ai-attribution.signoff', { agent: e.ai.agent, action: action2 }] as const)
      : isPersonKey(k)
        ? (['commit-ai-attribution.co-author', { agent: e.ai.agent, key: e.trailer.key, form, action: action2 }] as const)
        : (['commit-ai-attribution.form', { key: e.trailer.key, form, action: action2 }] as const);
    const fix = duplicate
      ? { kind: 'replace' as const, range: deleteLines(msg.lines, e.line, e.endLine), text: '', safe: true }
      : { kind: 'replace' as const, range: e.trailer.range, text: suggestion, safe: true };
    findings.push(finding(meta, e.range, key, args, { fix }));
  });

  // AI helped, so one of the required forms must be there, or come out of a rewrite.
  if (missing) {
    const converts = evidence.some(rewrites) && !!targetForm && required.includes(targetForm.id);
    if (!converts) {
      const first = evidence[0];
      const text = rewriteTrailer(form, first.ai);
      // Only a trailer of a required form satisfies the rule; adding any other would be added again on every run.
      const fixable = !!targetForm && required.includes(targetForm.id);
      const forms = quoteForms(required.map((id) => formById(id).write ?? 'AI-…'));
      findings.push(
        finding(
          meta,
          first.range,
          'commit-ai-attribution.required',
          { what: first.trailer ? `${first.trailer.key}: …` : first.what, forms, text },
          fixable ? { fix: appendTrailer(msg, text, eol) } : {},
        ),
      );
    }
  }
  return findings;
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
  const key = finding.says?.key;
  if (key === 'commit-ai-attribution.required') return message('commit-ai-attribution.fix.add', { text: fix.text.trim() });
  if (key === 'commit-ai-attribution.not-accepted' || key === 'commit-ai-attribution.signoff.forbidden')
    return message('commit-ai-attribution.fix.remove-line');
  if (key === 'commit-ai-attribution.line') return message(fix.text ? 'commit-ai-attribution.fix.move' : 'commit-ai-attribution.fix.remove-line');
  return fix.text ? message('commit-ai-attribution.fix.rewrite', { text: fix.text }) : message('commit-ai-attribution.fix.remove');
}
