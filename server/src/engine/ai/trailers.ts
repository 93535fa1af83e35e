// Commit trailers (docs/rules/commit-ai-attribution.md): the trailer block git reads from a commit
// message, and which trailers attribute the change to an AI. The one reading shared by the message
// being written (commit-rule.ts), its completion (trailer-completion.ts) and the history (history.ts),
// so all three agree on what names an AI; the agents themselves are agents.ts's.

import type { Policy } from '../policy/model';
import { Range, splitLines } from '../text';
import { AgentMatch, agentInIdentity, agentInToolValue } from './agents';

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

export interface CommitMessage {
  lines: string[];
  /** Lines from here on lie below the scissors line. */
  end: number;
  /** Lines that are part of the message: not a comment, above the scissors. */
  isContent: (i: number) => boolean;
  paragraphs: number[][];
  trailers: Trailer[];
}

export function parseCommitMessage(text: string): CommitMessage {
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
        last = {
          key: m[1],
          value: m[2].trim(),
          line: i,
          endLine: i,
          range: { start: { line: i, character: 0 }, end: { line: i, character: lines[i].trimEnd().length } },
        };
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
  return parseCommitMessage(text).trailers;
}

/** A line that is a trailer (`Key: value`) or continues one. */
export const isTrailerLine = (line: string) => trailerLine.test(line) || continuation.test(line);

// ---------------------------------------------------------------------------------------------
// Which trailers name an AI

const personKeys = new Set(['signed-off-by', 'co-authored-by', 'co-developed-by']);
/** Keys that say AI in their own name: they disclose AI help whatever tool they name. */
const aiKeys = new Set(['ai-assisted-by', 'ai-generated-by']);
/** Keys that record help or a generator, which may be a person or a non-AI tool (`Generated-by: protoc`). */
const toolKeys = new Set(['assisted-by', 'generated-by', 'made-with', 'generated-with', 'co-generated-by']);

/** A trailer key (any case) whose value is a person's identity, `Name <email>`: Signed-off-by, Co-authored-by, Co-developed-by. */
export const isPersonKey = (key: string) => personKeys.has(key.toLowerCase());

/**
 * The trailer keys that can attribute a change to AI without any policy, lower case. Signed-off-by
 * is left out: nearly every commit of a DCO project has one, so grepping the history for it would
 * cost a diff per commit, and an AI signing off is commit-ai-attribution's error when the message is written.
 */
export const aiTrailerKeys: readonly string[] = [...aiKeys, ...toolKeys, ...[...personKeys].filter((k) => k !== 'signed-off-by')];

/** The trailer the policy wants AI help written as: its first `ai.commitTrailers` entry, else the kernel's `Assisted-by`. */
export function policyTrailerForm(policy: Policy): string {
  return policyTrailerKeys(policy)[0] ?? 'Assisted-by';
}

/** The policy's disclosure trailers, as written, without Signed-off-by (which no AI may use). */
export function policyTrailerKeys(policy: Policy): string[] {
  const seen = new Set<string>();
  return policy.ai.commitTrailers
    .filter((k) => {
      const l = k.trim().toLowerCase();
      if (!l || l === 'signed-off-by' || seen.has(l)) return false;
      seen.add(l);
      return true;
    })
    .map((k) => k.trim());
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
