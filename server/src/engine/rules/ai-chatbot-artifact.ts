// ai-chatbot-artifact: leftover chatbot text, by literal high-precision patterns only (docs/design/markers.md).
// A comment line that holds only chatbot text goes as a whole line; elsewhere only the text goes.

import type { CommentStyle } from '../comments';
import type { Artifact } from '../ai/markers';
import type { Finding } from '../findings';
import type { SourceFile } from '../source-file';
import { range, splitLines } from '../text';
import { finding, type Rule, type RuleMeta, type Translations } from './rule';

const en = {
  'ai-chatbot-artifact': "Leftover chatbot text '{text}': delete it",
};

const ja: Translations<typeof en> = {
  'ai-chatbot-artifact': "チャットボットの応答文 '{text}' が残っています。削除してください",
};

export const meta = {
  id: 'ai-chatbot-artifact',
  scope: 'file',
  defaultSeverity: 'warning',
  fixable: 'suggestion',
  options: [],
  messages: { en, ja },
} as const satisfies RuleMeta;

// Phrases that open a chatbot sentence: the rest of the comment is that sentence.
const sentence = /^(As an AI language model|as a large language model|Here's the updated code|Here is the updated code)/i;

/** Whether `line` is a comment whose whole content is the artifact (and, for a phrase, its sentence). */
export function chatbotOnlyComment(line: string, a: Artifact, style: CommentStyle | undefined): boolean {
  if (!style) return false;
  const text = line.replace(/^\uFEFF/, '');
  const offset = line.length - text.length;
  const indent = /^\s*/.exec(text)![0].length;
  const body = text.slice(indent);
  // Styles carry their layout (` *`, ` */`); the line is matched without its indent.
  const [lineLead, middle, end, blockStart] = [style.line, style.middle, style.end, style.start].map((x) => x?.trim() || undefined);
  let lead: string | undefined;
  let tail = '';
  const trimmed = body.trimEnd();
  if (lineLead && body.startsWith(lineLead)) {
    lead = lineLead;
    // Styles such as Jinja's `{# … #}` close each line.
    if (!blockStart && end && trimmed.endsWith(end)) tail = end;
  } else if (blockStart && body.startsWith(blockStart) && end && trimmed.endsWith(end) && trimmed.length >= blockStart.length + end.length) {
    lead = blockStart;
    tail = end; // a one-line block comment: deleting it keeps the code balanced
  } else if (middle && body.startsWith(middle) && !(end && body.includes(end))) {
    lead = middle; // a line inside a block comment, not its closer
  }
  if (lead === undefined) return false;
  let from = offset + indent + lead.length;
  while (from < line.length && /[\s]/.test(line[from])) from++;
  if (from !== a.start) return false;
  const rest = line.slice(a.end, line.trimEnd().length - tail.length).trim();
  return /^[.,;:!?]*$/.test(rest) || sentence.test(a.text);
}

/**
 * Prose files: a closing offer of more help ("Let me know if you have any other questions") is what
 * people write there too. So are Markdown fences. So are files named in capitals with no extension (README, NEWS, AUTHORS).
 */
const isProse = (path: string) =>
  /(^|\/)[A-Z][A-Z0-9_-]*$/.test(path) || /\.(md|markdown|mdx|rst|txt|text|adoc|asciidoc|org|tex|html?|xml|po|pot)$/i.test(path);

/** Formats where a Markdown fence is part of the language (its docs, its string literals are Markdown), not a leftover. */
const fencesAllowed = /\.(ipynb|r?md|qmd|jl)$/i;

/**
 * A Markdown code fence around code pasted from a chat: the first non-blank line of a source file is
 * ```` ```python ```` (or a bare ```` ``` ````), or its last is ```` ``` ```` after an opening one. Only
 * there: a fence inside the file is a docstring's or a comment's example.
 */
function fences(file: SourceFile): Artifact[] {
  if (!file.style || isProse(file.path) || fencesAllowed.test(file.path) || !file.text.includes('```')) return [];
  const { lines } = splitLines(file.text);
  const first = lines.findIndex((l) => l.trim() !== '');
  let last = lines.length - 1;
  while (last > first && lines[last].trim() === '') last--;
  if (first < 0 || !/^\uFEFF?```[\w+#.-]*\s*$/.test(lines[first])) return [];
  const out: Artifact[] = [
    { line: first, start: lines[first].indexOf('`'), end: lines[first].trimEnd().length, text: lines[first].trim().replace(/^\uFEFF/, '') },
  ];
  if (last > first && /^```\s*$/.test(lines[last])) out.push({ line: last, start: 0, end: lines[last].trimEnd().length, text: '```' });
  return out;
}

export function aiChatbotArtifact(file: SourceFile): Finding[] {
  let all: string[] | undefined;
  // The header's split holds the top of the file (its last entry may be a partial line); split the rest only when needed.
  const lineAt = (i: number) => (i < file.header.text.lines.length - 1 ? file.header.text.lines[i] : ((all ??= splitLines(file.text).lines)[i] ?? ''));
  const inProse = isProse(file.path);
  const artifacts = [...file.markers.artifacts.filter((a) => !(a.phrase && inProse)), ...fences(file)];
  return artifacts.map((a): Finding => {
    const r = range(a.line, a.start, a.end);
    const fence = a.text.startsWith('```');
    const whole = fence || chatbotOnlyComment(lineAt(a.line), a, file.style);
    return finding(
      meta,
      r,
      'ai-chatbot-artifact',
      { text: a.text },
      {
        fix: whole ? { kind: 'delete-lines', lines: [a.line], safe: false } : { kind: 'replace', range: r, text: '', safe: false },
      },
    );
  });
}

export default { meta, check: aiChatbotArtifact } satisfies Rule;
