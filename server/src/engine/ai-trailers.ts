// AI disclosure in commit history (markers.md, "Commit trailers"): which trailers of a commit say
// it had AI help, and which tool. Pure: the history itself is read by io/git-history.ts.
//
// Recognised, in the trailer block only (the last paragraph of the message, never the subject),
// keys case-insensitive:
// - `Assisted-by: AGENT:MODEL [tools]` (Linux kernel form) and `Generated-by: Tool Version` (ASF form);
// - `Co-authored-by:` naming a known AI agent or bot, and `Made-with:` naming a known AI tool;
// - any key the policy lists in `ai.commitTrailers`.
// The trailer block and the agent list are commit-message.ts's (commit-ai-attribution), so a
// commit message and the history agree on what names an AI: a literal list, where a person
// called Claude or Devin, with their own address, never counts.

import { agentInIdentity, agentInToolValue, commitTrailers } from './commit-message';
import type { Policy } from './policy/model';

export interface AiTrailer {
  /** The key as written in the commit, e.g. `Assisted-by`. */
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
export interface AiHistory { commits: AiCommit[] }

/** Keys whose every value discloses AI help (a `Name <email>` value must still name a known AI). */
const disclosureKeys = new Set(['assisted-by', 'generated-by']);
/** Keys that count only when the value names a known AI agent. */
const botKeys = new Set(['co-authored-by', 'made-with']);

/** The keys recognised without any policy, lower-case; io/git-history.ts greps for them. */
export const builtInTrailerKeys: readonly string[] = [...disclosureKeys, ...botKeys];

/** The tool a value names when it is not on the list: the AGENT of `AGENT:MODEL`, else the value without a trailing version. */
export function toolOf(value: string): string {
  const v = value.replace(/<[^<>]*>/g, ' ').trim();
  const kernel = /^([^:\s][^:]*?)\s*:\s*\S/.exec(v);
  if (kernel && !/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) return kernel[1];
  const words = v.split(/\s+/).filter(Boolean);
  // "Some Tool 2.0", "tool v2", "tool (beta)": drop trailing versions and remarks.
  while (words.length > 1 && /^(v?\d[\w.+-]*|\(.*\)?|.*\))$/i.test(words[words.length - 1])) words.pop();
  return words.join(' ');
}

const lower = (keys: readonly string[]) => new Set(keys.map((k) => k.trim().toLowerCase()).filter(Boolean));

/** Whether one trailer discloses AI help, and with which tool. `extraKeys` are the policy's `ai.commitTrailers`. */
export function aiTrailer(key: string, value: string, extraKeys: readonly string[] = []): AiTrailer | undefined {
  const k = key.toLowerCase();
  if (!value.trim()) return undefined;
  if (k === 'co-authored-by') {
    // Even when the policy lists the key, a human co-author must not count.
    const ai = agentInIdentity(value);
    return ai ? { key, value, tool: ai.agent } : undefined;
  }
  if (k === 'made-with') {
    const ai = agentInToolValue(value);
    return ai.known ? { key, value, tool: ai.agent } : undefined;
  }
  if (disclosureKeys.has(k) || lower(extraKeys).has(k)) {
    // `Assisted-by: Jane Doe <jane@example.com>` is a person helping, not an AI.
    if (/<[^<>]*@[^<>]*>/.test(value)) {
      const ai = agentInIdentity(value);
      return ai ? { key, value, tool: ai.agent } : undefined;
    }
    const ai = agentInToolValue(value);
    return { key, value, tool: ai.known ? ai.agent : toolOf(value) };
  }
  return undefined;
}

/** The AI trailers of a commit message (only its trailer block counts). */
export function parseAiTrailers(message: string, extraKeys: readonly string[] = []): AiTrailer[] {
  return commitTrailers(message).flatMap((t) => aiTrailer(t.key, t.value, extraKeys) ?? []);
}

/** Whether a trailer already recognised as AI still counts under a (per-path) policy's keys. */
export function countsUnder(trailer: AiTrailer, extraKeys: readonly string[]): boolean {
  const k = trailer.key.toLowerCase();
  return disclosureKeys.has(k) || botKeys.has(k) || lower(extraKeys).has(k);
}

/** The history narrowed to the trailers that count under these keys; commits left with none are dropped. */
export function aiHistoryUnder(history: AiHistory | undefined, extraKeys: readonly string[]): AiHistory | undefined {
  if (!history) return undefined;
  const commits = history.commits
    .map((c) => ({ ...c, trailers: c.trailers.filter((t) => countsUnder(t, extraKeys)) }))
    .filter((c) => c.trailers.length > 0);
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
