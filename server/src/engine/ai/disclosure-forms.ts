// The ways a change discloses AI help (docs/design/markers.md, "Disclosure forms"): commit
// trailers, the lines tools write into a message, git notes and the AI tags in files. One
// catalogue, read by the commit-message rule (commit-rule.ts), the git history (history.ts,
// io/git-history.ts), `ospo check --commits` and the policy (`ai.disclosure`), so each place
// agrees on what a form is and what the policy says of it. The agents are agents.ts's.

import type { AiMode, Policy } from '../policy/model';
import type { CommitMessage, Trailer } from './trailers';
import { agentInToolValue, agentNamePattern, AgentMatch } from './agents';

export type DisclosureAction = 'require' | 'allow' | 'forbid' | 'convert';

export type DisclosureFormId =
  | 'assisted-by'
  | 'generated-by'
  | 'ai-assisted-by'
  | 'ai-key'
  | 'co-authored-by'
  | 'co-authored-by-ai'
  | 'made-with'
  | 'generated-with'
  | 'signed-off-by'
  | 'generated-with-line'
  | 'git-notes'
  | 'file-marker';

export interface DisclosureForm {
  id: DisclosureFormId;
  /** Where the form is written. */
  where: 'trailer' | 'message-line' | 'git-notes' | 'file';
  /** Trailer keys, lower case; the first is the form's own, written as `write`. */
  keys: readonly string[];
  write?: string;
  /**
   * How a trailer's value names an AI: `identity`, a `Name <email>` that is an AI's; `tool`, a
   * catalogue agent or the kernel's `AGENT:MODEL` (`Assisted-by: Jane Doe` is a person helping);
   * `any`, whatever it names, since the key itself says AI.
   */
  value?: 'identity' | 'tool' | 'any';
  /** Who asks for it or writes it, for the docs and hovers. */
  usedBy: string;
  /** Actions a policy may give it: a note or a file tag cannot be rewritten into a trailer. */
  actions: readonly DisclosureAction[];
}

const all: readonly DisclosureAction[] = ['require', 'allow', 'forbid', 'convert'];
const kept: readonly DisclosureAction[] = ['require', 'allow', 'forbid'];

export const disclosureForms: readonly DisclosureForm[] = [
  {
    id: 'assisted-by',
    where: 'trailer',
    keys: ['assisted-by'],
    write: 'Assisted-by',
    value: 'tool',
    usedBy: 'Linux kernel (AGENT:MODEL), LLVM, Fedora, Node.js, OpenInfra (Assisted-By)',
    actions: all,
  },
  { id: 'generated-by', where: 'trailer', keys: ['generated-by'], write: 'Generated-by', value: 'tool', usedBy: 'ASF, OpenInfra (Generated-By)', actions: all },
  {
    id: 'ai-assisted-by',
    where: 'trailer',
    keys: ['ai-assisted-by', 'ai-generated-by'],
    write: 'AI-Assisted-By',
    value: 'any',
    usedBy: 'the AI tags of files, written as trailers',
    actions: all,
  },
  {
    // Keys are not listed: any key with AI as a word in it (`AI-assistant`, `AI-Tool`), told by aiWordKey.
    // No key of its own to write: never the form a fix writes (AI-Assisted-By is ai-assisted-by's).
    id: 'ai-key',
    where: 'trailer',
    keys: [],
    value: 'tool',
    usedBy: 'teams that name their own key (Nextcloud: AI-assistant)',
    actions: all,
  },
  {
    id: 'co-authored-by',
    where: 'trailer',
    keys: ['co-authored-by', 'co-developed-by'],
    write: 'Co-authored-by',
    value: 'identity',
    usedBy: 'Claude Code, Codex, GitHub Copilot, Aider (their defaults)',
    actions: all,
  },
  {
    id: 'co-authored-by-ai',
    where: 'trailer',
    keys: ['co-authored-by-ai'],
    write: 'Co-authored-by-AI',
    value: 'any',
    usedBy: 'some teams and tools',
    actions: all,
  },
  { id: 'made-with', where: 'trailer', keys: ['made-with'], write: 'Made-with', value: 'tool', usedBy: 'Cursor (its default)', actions: all },
  {
    id: 'generated-with',
    where: 'trailer',
    keys: ['generated-with', 'co-generated-by'],
    write: 'Generated-with',
    value: 'tool',
    usedBy: 'some tools',
    actions: all,
  },
  {
    id: 'signed-off-by',
    where: 'trailer',
    keys: ['signed-off-by'],
    write: 'Signed-off-by',
    value: 'identity',
    usedBy: 'nobody: an AI cannot certify the Developer Certificate of Origin',
    actions: all,
  },
  {
    // Never required: no project asks for a tool's own line, and a fix could not write one.
    id: 'generated-with-line',
    where: 'message-line',
    keys: [],
    usedBy: 'Claude Code ("🤖 Generated with [Claude Code](https://claude.com/claude-code)")',
    actions: ['allow', 'forbid', 'convert'],
  },
  { id: 'git-notes', where: 'git-notes', keys: [], usedBy: 'git-ai (refs/notes/ai), refs/notes/ai-attribution', actions: kept },
  { id: 'file-marker', where: 'file', keys: [], usedBy: 'AI tags in a file header or an SPDX snippet; Eclipse Tractus-X', actions: kept },
];

export const disclosureFormIds: readonly DisclosureFormId[] = disclosureForms.map((f) => f.id);

const byKey = new Map(disclosureForms.flatMap((f) => f.keys.map((k) => [k, f] as const)));
const aiKeyForm = disclosureForms.find((f) => f.id === 'ai-key')!;

export const formById = (id: DisclosureFormId): DisclosureForm => disclosureForms.find((f) => f.id === id)!;

/** A trailer key with AI as a word in it: `AI-assistant`, `Used-AI`, but not `Email` or `Maintainer`. */
export const aiWordKey = /(^|-)ai(-|$)/i;

/** The catalogue form a trailer key belongs to (any case), if any. */
export const formOfKey = (key: string): DisclosureForm | undefined => byKey.get(key.toLowerCase()) ?? (aiWordKey.test(key) ? aiKeyForm : undefined);

/**
 * Every catalogue trailer key, lower case, for reading the history, as extended regular expressions
 * for `git log --grep`: Signed-off-by is left out, since nearly every commit of a DCO project has one
 * and grepping for it would cost a diff per commit; `ai-key`'s keys are a pattern.
 */
export const historyTrailerKeys: readonly string[] = [
  ...disclosureForms.filter((f) => f.where === 'trailer' && f.id !== 'signed-off-by').flatMap((f) => f.keys),
  '([a-z0-9]+-)*ai(-[a-z0-9]+)*',
];

/** The git notes refs that hold AI attribution (git-ai writes `refs/notes/ai`). */
export const aiNotesRefs: readonly string[] = ['refs/notes/ai', 'refs/notes/ai-attribution'];

// ---------------------------------------------------------------------------------------------
// A tool's own line in the message body

// "🤖 Generated with [Claude Code](https://claude.com/claude-code)" as tools write it: the whole line,
// the agent as a Markdown link or after the robot emoji. "Written by Devin" or "Generated with Claude"
// alone could be a person's sentence, and a sentence that mentions the phrase is not the line.
// As a surrogate pair, so the pattern needs no `u` flag: with it, V8 takes over 100 ms to compile the agents' names case-insensitively.
const robot = '\uD83E\uDD16';
const verbs = '(?:Generated|Created|Written|Co-authored) (?:with|by|using) ';
const generatedWithLine = new RegExp(
  `^(?:${robot}\uFE0F? ?)?${verbs}\\[(${agentNamePattern})\\]\\([^()\\s]+\\)\\.?$|^${robot}\uFE0F? ?${verbs}(${agentNamePattern})\\.?$`,
  'i',
);

/** What `git log --grep` looks for to find such lines (an extended regular expression): the same two shapes. */
export const toolLineGrep = `(Generated|Created|Written|Co-authored) (with|by|using) \\[|${robot}`;

/** The agent a tool-written "Generated with [Agent](url)" line names, or undefined when the line is not one. */
export function generatedWithAgent(line: string): AgentMatch | undefined {
  // The shape is short: a long line is prose, and is not run through the pattern at all.
  if (line.length > 300 || !/generated|created|written|co-authored/i.test(line)) return undefined;
  const m = generatedWithLine.exec(line.trim());
  if (!m) return undefined;
  const ai = agentInToolValue(m[1] ?? m[2]);
  return ai.known ? ai : undefined;
}

/** The lines of a message that are a tool's own line: below the subject, outside the trailers given. */
export function toolLines(msg: CommitMessage, trailers: readonly Trailer[]): { line: number; ai: AgentMatch }[] {
  const inTrailers = new Set(trailers.flatMap((t) => Array.from({ length: t.endLine - t.line + 1 }, (_, i) => t.line + i)));
  const subject = new Set(msg.paragraphs[0] ?? []);
  const found: { line: number; ai: AgentMatch }[] = [];
  for (let i = 0; i < msg.end; i++) {
    if (!msg.isContent(i) || subject.has(i) || inTrailers.has(i)) continue;
    const ai = generatedWithAgent(msg.lines[i]);
    if (ai) found.push({ line: i, ai });
  }
  return found;
}

/** What a stated `ai.mode` implies for AI tags in files, when the policy does not say `file-marker` itself. */
export function fileMarkerForMode(mode: AiMode): DisclosureAction {
  return mode === 'disclose' || mode === 'review' ? 'require' : mode === 'forbid' ? 'forbid' : 'allow';
}

// ---------------------------------------------------------------------------------------------
// What the policy says of each form

export interface DisclosureRules {
  action: (form: DisclosureFormId) => DisclosureAction;
  /** Forms set to `require`: when AI helped, at least one of them must be there. */
  required: DisclosureFormId[];
  /** The trailer key (as written) that `convert` rewrites into and completion offers first. */
  target: string;
  /** Keys the policy lists in `ai.commitTrailers`, as written, in order: what completion offers. */
  listedKeys: string[];
}

/** The `ai.commitTrailers` keys, as written, without Signed-off-by (which no AI may use) or repeats. */
function listedTrailerKeys(policy: Policy): string[] {
  const seen = new Set<string>();
  return policy.ai.commitTrailers
    .map((k) => k.trim())
    .filter((k) => {
      const l = k.toLowerCase();
      if (!l || l === 'signed-off-by' || seen.has(l)) return false;
      seen.add(l);
      return true;
    });
}

/**
 * The action for each form. `ai.disclosure` says it per form; a form it leaves out keeps what
 * older policies meant: under `ai.mode: forbid` every commit form is forbidden; with
 * `ai.commitTrailers`, the listed forms are allowed and the other trailer forms converted into the
 * first listed; an AI in Signed-off-by is forbidden; the file's AI tags are required where
 * `ai.mode` is disclose or review; everything else is allowed, so what tools write today passes.
 */
export function disclosureRules(policy: Policy): DisclosureRules {
  // Asked per file by the file rules: resolved once per policy object (policyForPath keeps one per override).
  let rules = resolved.get(policy);
  if (!rules) resolved.set(policy, (rules = resolveRules(policy)));
  return rules;
}

const resolved = new WeakMap<Policy, DisclosureRules>();

function resolveRules(policy: Policy): DisclosureRules {
  const explicit = policy.ai.disclosure ?? {};
  const listed = listedTrailerKeys(policy);
  const listedForms = new Set(listed.map((k) => formOfKey(k)?.id));
  const { mode } = policy.ai;
  const action = (id: DisclosureFormId): DisclosureAction => {
    const form = formById(id);
    if (mode === 'forbid' && form.where !== 'file') return 'forbid';
    const set = explicit[id];
    if (set && form.actions.includes(set)) return set;
    if (id === 'file-marker') return fileMarkerForMode(mode);
    if (id === 'signed-off-by') return 'forbid';
    if (listed.length && form.where !== 'git-notes' && !listedForms.has(id)) return 'convert';
    return 'allow';
  };
  const required = disclosureFormIds.filter((id) => action(id) === 'require');
  const requiredTrailer = (Object.keys(explicit) as DisclosureFormId[]).find((id) => formById(id)?.write && action(id) === 'require');
  const listedUsable = listed.find((k) => {
    const f = formOfKey(k);
    return !f || action(f.id) !== 'forbid';
  });
  // The required form as the policy spells it in ai.commitTrailers (OpenInfra writes Generated-By), else the form's own.
  const spelled = (id: DisclosureFormId) => listed.find((k) => formOfKey(k)?.id === id) ?? formById(id).write!;
  const target = requiredTrailer ? spelled(requiredTrailer) : (listedUsable ?? 'Assisted-by');
  return { action, required, target, listedKeys: listed };
}
