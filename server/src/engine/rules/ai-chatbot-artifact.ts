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

export function aiChatbotArtifact(file: SourceFile): Finding[] {
  let all: string[] | undefined;
  // The header's split holds the top of the file (its last entry may be a partial line); split the rest only when needed.
  const lineAt = (i: number) => (i < file.header.text.lines.length - 1 ? file.header.text.lines[i] : ((all ??= splitLines(file.text).lines)[i] ?? ''));
  return file.markers.artifacts.map((a): Finding => {
    const r = range(a.line, a.start, a.end);
    const whole = chatbotOnlyComment(lineAt(a.line), a, file.style);
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
