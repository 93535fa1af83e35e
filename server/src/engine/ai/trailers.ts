// Commit trailers (docs/rules/commit-ai-attribution.md): the trailer block git reads from a commit
// message, and which trailers attribute the change to an AI. The one reading shared by the message
// being written (commit-rule.ts), its completion (trailer-completion.ts) and the history (history.ts),
// so all three agree on what names an AI; the forms are disclosure-forms.ts's, the agents agents.ts's.

import { Range, splitLines } from '../text';
import { AgentMatch, agentInIdentity, agentInToolValue } from './agents';
import { aiWordKey, formOfKey } from './disclosure-forms';

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
  /** The trailer block git reads: the last paragraph's. */
  trailers: Trailer[];
  /**
   * Trailers of earlier paragraphs made of nothing else: a squash merge keeps each squashed commit's
   * trailers in its body (`* Fix it`, blank, `Assisted-by: …`). Git does not read them, but they disclose.
   */
  bodyTrailers: Trailer[];
}

/** The `Key: value` lines of one paragraph, continuation lines folded in. */
function trailersOf(lines: string[], paragraph: number[]): Trailer[] {
  const trailers: Trailer[] = [];
  let last: Trailer | undefined;
  for (const i of paragraph) {
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
  return trailers;
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
  const trailers = paragraphs.length >= 2 ? trailersOf(lines, paragraphs[paragraphs.length - 1]) : [];
  const bodyTrailers: Trailer[] = [];
  for (const p of paragraphs.slice(1, -1)) {
    const found = trailersOf(lines, p);
    // Every line a trailer or its continuation: a paragraph of prose with one `Note: …` line is prose.
    if (found.length && found.reduce((n, t) => n + t.endLine - t.line + 1, 0) === p.length) for (const t of found) bodyTrailers.push(t);
  }
  return { lines, end, isContent, paragraphs, trailers, bodyTrailers };
}

/** Every trailer that discloses: the body's trailer paragraphs (a squash merge's) and then git's trailer block. */
export function allTrailers(msg: CommitMessage): Trailer[] {
  return [...msg.bodyTrailers, ...msg.trailers];
}

/** A line that is a trailer (`Key: value`) or continues one. */
export const isTrailerLine = (line: string) => trailerLine.test(line) || continuation.test(line);

// ---------------------------------------------------------------------------------------------
// Which trailers name an AI

/** A trailer key (any case) whose value is a person's identity, `Name <email>`: Signed-off-by, Co-authored-by, Co-developed-by. */
export const isPersonKey = (key: string) => formOfKey(key)?.value === 'identity';

/**
 * The agent a trailer attributes the change to, or undefined when it names none. `policyKeys` are
 * the policy's `ai.commitTrailers`, which may add keys outside the catalogue (disclosure-forms.ts).
 * How the value must name an AI is the form's: the kernel and curl write `Assisted-by: <a person>`,
 * and `Generated-by: protoc` names no AI, so a tool-form value counts only when it names a listed
 * agent, a known bot address, or is in the kernel's `AGENT:MODEL` form; a key with AI in its name
 * (`AI-Tool`) counts whatever it names; a person-form key (Co-authored-by) only for an AI identity.
 */
export function aiInTrailer(key: string, value: string, policyKeys: readonly string[] = []): AgentMatch | undefined {
  // `AI-Assisted-By: none`, `No AI.`, `n/a (by hand)` say no AI helped.
  if (!value.trim() || /^(?:none\b|no(?:\s+ai)?\b(?!-)|n\/?a\b|-+$)/i.test(value.trim())) return undefined;
  const k = key.toLowerCase();
  const listed = policyKeys.some((p) => p.trim().toLowerCase() === k);
  // Other trailers (Reviewed-by, Reported-by, Helped-by, Cc, …) say nothing about who wrote the change.
  // A key the policy lists counts whatever it names when AI is a word of it (`AI-Tool: SomeNewAgent`).
  const how = listed && aiWordKey.test(k) ? 'any' : (formOfKey(k)?.value ?? (listed ? 'tool' : undefined));
  if (!how) return undefined;
  if (how === 'identity') return agentInIdentity(value);
  const ai = agentInToolValue(value);
  return how === 'any' || ai.known || ai.kernel ? ai : undefined;
}
