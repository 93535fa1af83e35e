// AI disclosure and SPDX snippets anywhere in a file (markers.md): snippet regions with their tags,
// nested or not; AI markers with their scope (the whole file from the header, or a snippet's
// lines); legacy markers; and leftover chatbot text. One pass over the lines that can matter:
// a regex finds candidate lines, so a file without markers costs one scan.

import type { Header, Tag } from './header';
import { parseTagLine } from './header';
import { generatedWindow, isGeneratedText } from './generated';

export interface Snippet {
  begin: number;
  /** Undefined when the snippet is never closed. */
  end?: number;
  /** Tags directly inside this snippet (not inside a nested one). */
  tags: Tag[];
  parent?: Snippet;
}

export interface AiMarker {
  scope: 'file' | 'region';
  /** The lines the marker covers (0-based, inclusive). */
  startLine: number;
  endLine: number;
  /** The AI-* tags of the marker. */
  tags: Tag[];
  snippet?: Snippet;
}

export interface Legacy { line: number; start: number; end: number; text: string; tool?: string }
export interface Artifact { line: number; start: number; end: number; text: string }

export interface Markers {
  snippets: Snippet[];
  /** SPDX-SnippetEnd lines with no open snippet. */
  strayEnds: number[];
  markers: AiMarker[];
  /** AI-* tags outside the header and every snippet. */
  strayAiTags: Tag[];
  legacy: Legacy[];
  artifacts: Artifact[];
  /** Where a `@generated` / `DO NOT EDIT` marker stands, if any. */
  generatedLine?: number;
  lineCount: number;
  /** True when the file is larger than markerScanLimit and only its start was scanned. */
  truncated: boolean;
}

export const aiToolNames = 'ChatGPT|GitHub Copilot|Copilot|Claude(?: Code)?|Gemini|Cursor|Codex|Devin|Aider|Amazon Q|Windsurf|Codeium|Tabnine|Bard|GPT-[0-9.o]+';

const candidate = new RegExp([
  'SPDX-Snippet', 'SPDX-License-Identifier', 'SPDX-FileCopyrightText', '\\bAI-[A-Za-z]', 'SPDX-Generated-By',
  '@ai-generated', 'ai-generated:', `Generated (?:by|with) (?:${aiToolNames})`,
  'As an AI language model', 'as a large language model', 'oaicite', 'contentReference\\[', 'utm_source=chatgpt\\.com',
  "Here's the updated code", 'Here is the updated code', '@generated', 'DO NOT EDIT',
].join('|'), 'i');

// Literal, high-precision leftovers only (markers.md): no guesses about style.
const artifactPatterns = [
  /As an AI language model/i, /as a large language model/i, /:?contentReference\[oaicite:\d+\](\{index=\d+\})?/, /\boaicite:\d+/,
  /[?&]utm_source=chatgpt\.com/, /Here's the updated code/i, /Here is the updated code/i,
];

const legacyPatterns: { re: RegExp; tool?: (m: RegExpExecArray) => string | undefined }[] = [
  { re: /SPDX-Generated-By:\s*(.+?)\s*(\*\/|-->|$)/, tool: (m) => m[1] },
  { re: /@ai-generated\b/ },
  { re: /(?<![\w-])AI-GENERATED\b(?!-)/ },
  { re: new RegExp(`Generated (?:by|with) (${aiToolNames})\\b`, 'i'), tool: (m) => m[1] },
  { re: /^ai-generated:\s*true\s*$/ },
];

// Literal strings that every candidate line holds one of. indexOf over the text is far faster than
// a regex over each line, so a large file without markers costs a few scans (bench/keystroke.mjs).
const needles = [
  'SPDX-', 'AI-', 'ai-generated', 'enerated ', 'ENERATED', 'language model', 'oaicite', 'utm_source=chatgpt', 'updated code', '@generated', 'DO NOT EDIT',
];

/**
 * Markers are looked for in the first 512 KiB of a file only. Scanning costs about 8 ms per MiB, and a
 * check runs on every keystroke; files this large are bundles and data, not code people annotate.
 */
export const markerScanLimit = 512 * 1024;

/** The candidate lines, as [line number, text], in order. */
function candidateLines(text: string): [number, string][] {
  const starts = new Set<number>();
  for (const needle of needles) {
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
      starts.add(text.lastIndexOf('\n', at) + 1);
    }
  }
  const sorted = [...starts].sort((a, b) => a - b);
  const out: [number, string][] = [];
  let line = 0;
  let pos = 0;
  for (const start of sorted) {
    for (let nl = text.indexOf('\n', pos); nl >= 0 && nl < start; nl = text.indexOf('\n', nl + 1)) line++;
    pos = start;
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    out.push([line, text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end)]);
  }
  return out;
}

function countLines(text: string): number {
  let n = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) n++;
  return n;
}

export function parseMarkers(fullText: string, header: Header): Markers {
  const truncated = fullText.length > markerScanLimit;
  // A slice: indexOf has no end bound, so a needle that is absent would otherwise be sought in the whole text.
  const text = truncated ? fullText.slice(0, fullText.lastIndexOf('\n', markerScanLimit) + 1) : fullText;
  const result: Markers = { snippets: [], strayEnds: [], markers: [], strayAiTags: [], legacy: [], artifacts: [], lineCount: countLines(text), truncated };
  const stack: Snippet[] = [];
  const headerLines = new Set(header.tags.map((t) => t.line));

  for (const [i, line] of candidateLines(text)) {
    if (!candidate.test(line)) continue;
    // The same rule as check.ts isGeneratedText: a generated marker counts only near the top.
    if (result.generatedLine === undefined && isGeneratedText(line) && text.indexOf(line) < generatedWindow) result.generatedLine = i;
    for (const re of artifactPatterns) {
      const m = re.exec(line);
      // One finding per piece of text: the oaicite patterns overlap.
      if (m && !result.artifacts.some((a) => a.line === i && a.start < m.index + m[0].length && m.index < a.end)) {
        result.artifacts.push({ line: i, start: m.index, end: m.index + m[0].length, text: m[0] });
      }
    }
    if (/SPDX-SnippetBegin\b/.test(line)) {
      const s: Snippet = { begin: i, tags: [], parent: stack[stack.length - 1] };
      stack.push(s);
      result.snippets.push(s);
      continue;
    }
    if (/SPDX-SnippetEnd\b/.test(line)) {
      const s = stack.pop();
      if (s) s.end = i;
      else result.strayEnds.push(i);
      continue;
    }
    const legacy = legacyPatterns.map((p) => ({ p, m: p.re.exec(line) })).find((x) => x.m);
    if (legacy?.m) {
      result.legacy.push({ line: i, start: legacy.m.index, end: legacy.m.index + legacy.m[0].length, text: legacy.m[0], tool: legacy.p.tool?.(legacy.m)?.trim() });
      continue;
    }
    const tag = parseTagLine(line, i);
    if (!tag) continue;
    const open = stack[stack.length - 1];
    if (open) open.tags.push(tag);
    else if (/^AI-/i.test(tag.key) && !headerLines.has(i)) result.strayAiTags.push(tag);
  }

  // Header AI tags count for the whole file unless they sit inside a snippet near the top.
  const inSnippet = (line: number) => result.snippets.some((s) => line > s.begin && (s.end === undefined || line < s.end));
  const headerAi = header.tags.filter((t) => /^AI-/i.test(t.key) && !inSnippet(t.line));
  const lastLine = Math.max(0, result.lineCount - 1 - (text.endsWith('\n') ? 1 : 0));
  if (headerAi.length) result.markers.push({ scope: 'file', startLine: 0, endLine: lastLine, tags: headerAi });
  for (const s of result.snippets) {
    const ai = s.tags.filter((t) => /^AI-/i.test(t.key));
    if (ai.length) result.markers.push({ scope: 'region', startLine: s.begin, endLine: s.end ?? lastLine, tags: ai, snippet: s });
  }
  return result;
}

/** The canonical AI tags (keys are case-insensitive) and the requiredFields names that ask for them. */
export const aiFields: Record<string, string[]> = {
  role: ['ai-generated-by', 'ai-assisted-by'],
  'reviewed-by': ['ai-reviewed-by'],
  'reviewed-on': ['ai-reviewed-on'],
  approval: ['ai-approval'],
  'prompt-ref': ['ai-prompt-ref'],
  session: ['ai-session'],
  'code-reference': ['ai-code-reference'],
};

export const canonicalAiTags: Record<string, string> = {
  'ai-generated-by': 'AI-Generated-By', 'ai-assisted-by': 'AI-Assisted-By', 'ai-reviewed-by': 'AI-Reviewed-By',
  'ai-reviewed-on': 'AI-Reviewed-On', 'ai-approval': 'AI-Approval', 'ai-prompt-ref': 'AI-Prompt-Ref',
  'ai-session': 'AI-Session', 'ai-code-reference': 'AI-Code-Reference',
};
