// AI disclosure in commit history (docs/design/markers.md, "Commit trailers"): which trailers of a commit say
// it had AI help, and which tool. Pure: the history itself is read by io/git-history.ts.
//
// Recognised in the trailer block (the last paragraph of the message, never the subject) and in
// paragraphs of the body made only of trailers (a squash merge keeps its commits' trailers there),
// keys case-insensitive, when the value names an AI: a listed agent, a known bot address, or the
// kernel's `AGENT:MODEL` form (`Assisted-by: Jane Doe` is a person helping, as curl and the kernel
// use it):
// - `Assisted-by`, `Generated-by`, `Co-authored-by`, `Made-with` and the others trailers.ts knows;
// - any key the policy lists in `ai.commitTrailers` (one with AI in its name counts whatever it names).
// The trailer block and the decision are trailers.ts's, the agents agents.ts's, so a commit message
// being written (commit-ai-attribution) and the history agree on what names an AI.

import { toolLines } from './disclosure-forms';
import { aiInTrailer, allTrailers, parseCommitMessage } from './trailers';
import type { Policy } from '../policy/model';

export interface AiTrailer {
  /** The key as written in the commit, e.g. `Assisted-by`; '' for a tool's own line (`value` is then the line). */
  key: string;
  /** The value as written, continuation lines unfolded. */
  value: string;
  /** The AI tool: a known agent's name ("GitHub Copilot", "Claude Code"), else the AGENT of `AGENT:MODEL` or the value without its version. */
  tool: string;
}

export interface AiCommit {
  hash: string;
  subject: string;
  /** The trailers of the commit that disclose AI help (at least one). */
  trailers: AiTrailer[];
}

/** The git history's AI evidence for one file: its commits with AI trailers, newest first. */
export interface AiHistory {
  commits: AiCommit[];
}

/** Whether one trailer discloses AI help, and with which tool. `extraKeys` are the policy's `ai.commitTrailers`. */
export function aiTrailer(key: string, value: string, extraKeys: readonly string[] = []): AiTrailer | undefined {
  // Not in the history's grep (disclosure-forms.ts, historyTrailerKeys), so not read here either: a commit counts the same whichever keys found it.
  if (key.toLowerCase() === 'signed-off-by') return undefined;
  const ai = aiInTrailer(key, value, extraKeys);
  return ai && { key, value, tool: ai.agent };
}

/**
 * The AI disclosures of a commit message: the trailers of its trailer block and of a squash merge's
 * trailer paragraphs, then a tool's own line in the body ("🤖 Generated with [Claude Code](…)").
 */
export function parseAiTrailers(message: string, extraKeys: readonly string[] = []): AiTrailer[] {
  const msg = parseCommitMessage(message);
  const trailers = allTrailers(msg);
  const found = trailers.flatMap((t) => aiTrailer(t.key, t.value, extraKeys) ?? []);
  for (const { line, ai } of toolLines(msg, trailers)) found.push({ key: '', value: msg.lines[line].trim(), tool: ai.agent });
  return found;
}

/**
 * Whether a trailer already recognised as AI (under every key of the policy and its overrides)
 * still counts under one path's policy keys: `AI-Tool: SomeNewAgent` counts only where `AI-Tool` is listed.
 */
export function countsUnder(trailer: AiTrailer, extraKeys: readonly string[]): boolean {
  return !trailer.key || !!aiTrailer(trailer.key, trailer.value, extraKeys);
}

/** The history narrowed to the trailers that count under these keys; commits left with none are dropped. */
export function aiHistoryUnder(history: AiHistory | undefined, extraKeys: readonly string[]): AiHistory | undefined {
  if (!history) return undefined;
  const commits = history.commits.map((c) => ({ ...c, trailers: c.trailers.filter((t) => countsUnder(t, extraKeys)) })).filter((c) => c.trailers.length > 0);
  return { commits };
}

/**
 * Every `ai.commitTrailers` key of a policy and its overrides: what the caller asks the history for
 * once per workspace (a rule then keeps those that count for its path, with `aiHistoryUnder`).
 */
export function allCommitTrailerKeys(policy: Policy): string[] {
  const keys = [...policy.ai.commitTrailers, ...policy.overrides.flatMap((o) => o.ai?.commitTrailers ?? [])];
  const byLower = new Map<string, string>();
  for (const k of keys) if (!byLower.has(k.toLowerCase())) byLower.set(k.toLowerCase(), k);
  return [...byLower.values()];
}
