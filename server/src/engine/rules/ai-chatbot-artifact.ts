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

/** Source files of programming languages, where a Markdown fence line can only be a leftover (not templates, notebooks, data). */
const codeFile =
  /\.(py|pyi|js|mjs|cjs|jsx|ts|tsx|mts|cts|go|rs|java|kt|kts|scala|c|h|cc|cpp|cxx|hh|hpp|cs|rb|php|swift|m|mm|sh|bash|zsh|ps1|pl|pm|lua|sql|dart|ex|exs|erl|hs|ml|clj|groovy|vue|svelte)$/i;

/** Where a Markdown fence opens a text: its first non-blank line is ```` ``` ```` or ```` ```python ````. */
export const fenceFirst = /^\uFEFF?(?:[ \t]*\r?\n)*```[\w+#.-]*[ \t]*(?:\r?\n|$)/;

/**
 * A Markdown code fence around code pasted from a chat: the first non-blank line of a source file is
 * ```` ```python ```` (or a bare ```` ``` ````), and its last ```` ``` ```` if it closes it. Only there: a
 * fence inside the file is a docstring's or a comment's example. Looked for at the two ends, never
 * through the file.
 */
function fences(file: SourceFile): Artifact[] {
  const text = file.text;
  const open = fenceFirst.exec(text);
  if (!open || !codeFile.test(file.path)) return [];
  const at = open[0].lastIndexOf('```');
  const line = (open[0].slice(0, at).match(/\n/g) ?? []).length;
  const opening = open[0].slice(at).trim();
  // A byte order mark before the fence stays (the fix deletes the line after it).
  const start = line === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const out: Artifact[] = [{ line, start, end: start + opening.length, text: opening }];
  const body = text.trimEnd();
  const lastStart = body.lastIndexOf('\n') + 1;
  if (lastStart > at && /^```[ \t]*$/.test(body.slice(lastStart).replace(/\r$/, ''))) {
    out.push({ line: (body.slice(0, lastStart).match(/\n/g) ?? []).length, start: 0, end: 3, text: '```' });
  }
  return out;
}

/** Whether the line is a comment in the file's style: a closing offer of more help counts only there. */
function inComment(line: string, style: SourceFile['style']): boolean {
  const body = line.trimStart();
  return !!style && [style.line, style.middle, style.start].some((lead) => !!lead?.trim() && body.startsWith(lead.trim()));
}

export function aiChatbotArtifact(file: SourceFile): Finding[] {
  let all: string[] | undefined;
  // The header's split holds the top of the file (its last entry may be a partial line); split the rest only when needed.
  const lineAt = (i: number) => (i < file.header.text.lines.length - 1 ? file.header.text.lines[i] : ((all ??= splitLines(file.text).lines)[i] ?? ''));
  const inProse = isProse(file.path);
  const artifacts = [...file.markers.artifacts.filter((a) => !a.phrase || (!inProse && inComment(lineAt(a.line), file.style))), ...fences(file)];
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
