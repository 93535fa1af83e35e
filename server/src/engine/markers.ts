// AI disclosure and SPDX snippets anywhere in a file (markers.md): snippet regions with their tags,
// nested or not; AI markers with their scope (the whole file from the header, or a snippet's
// lines); legacy markers; and leftover chatbot text. One pass over the lines that can matter:
// a few literal searches find candidate lines, so a file without markers costs a few scans.

import type { Header, Tag } from './header';
import { parseTagLine } from './header';
import { generatedWindow, isGeneratedText } from './generated';
import { blankIgnoredRegions } from './reuse/ignore-blocks';
import { snippetTag } from './reuse/snippets';

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

/** The first legacy pattern that matches the line, with its match. */
function legacyMarker(line: string): { p: (typeof legacyPatterns)[number]; m: RegExpExecArray } | undefined {
  for (const p of legacyPatterns) {
    const m = p.re.exec(line);
    if (m) return { p, m };
  }
  return undefined;
}

// Literal strings that every candidate line holds one of: a line is looked at only if it holds one
// of these (case as written) and matches `candidate`.
export const needles = [
  'SPDX-', 'AI-', 'ai-generated', 'enerated ', 'ENERATED', 'language model', 'oaicite', 'utm_source=chatgpt', 'updated code', '@generated', 'DO NOT EDIT',
];

// Scanning the text once per needle cost a fifth of a whole check. These searches find, between
// them, every line that holds a needle, in four scans: each needle contains one of their matches
// ('enerated' stands for three needles, 'X-' for 'SPDX-'). Irregexp skips through a text quickly for
// an alternation of two to four long literals, but not for more or for short ones, which indexOf
// does better (bench/engine.mjs, on the Linux sources).
const anchors: (string | RegExp)[] = [
  'X-', 'AI-', /enerated|ENERATED|DO NOT EDIT/g, /language model|updated code|oaicite|utm_source=chatgpt/g,
];

/**
 * Markers are looked for in the first 512 KiB of a file only. Scanning costs about 8 ms per MiB, and a
 * check runs on every keystroke; files this large are bundles and data, not code people annotate.
 */
export const markerScanLimit = 512 * 1024;

/** Where the lines holding an anchor start, in order, without repeats. */
function anchoredLineStarts(text: string): number[] {
  const starts: number[] = [];
  const add = (at: number) => starts.push(text.lastIndexOf('\n', at) + 1);
  for (const anchor of anchors) {
    if (typeof anchor === 'string') {
      for (let at = text.indexOf(anchor); at >= 0; at = text.indexOf(anchor, at + anchor.length)) add(at);
    } else {
      anchor.lastIndex = 0;
      for (let m; (m = anchor.exec(text)); ) add(m.index);
    }
  }
  // Usually one or two lines (the SPDX header): a sort of so few costs nothing.
  starts.sort((a, b) => a - b);
  return starts.filter((s, i) => i === 0 || s !== starts[i - 1]);
}

/** The lines that hold a needle, as [line number, text], in order (exported for tests). */
export function candidateLines(text: string): [number, string][] {
  const out: [number, string][] = [];
  let line = 0;
  let pos = 0;
  for (const start of anchoredLineStarts(text)) {
    for (let nl = text.indexOf('\n', pos); nl >= 0 && nl < start; nl = text.indexOf('\n', nl + 1)) line++;
    pos = start;
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const lineText = text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    if (needles.some((n) => lineText.includes(n))) out.push([line, lineText]);
  }
  return out;
}

function countLines(text: string): number {
  let n = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) n++;
  return n;
}

/** Markers whose line count is taken when asked for: only files with snippets or AI markers need it. */
class ScannedMarkers implements Markers {
  snippets: Snippet[] = [];
  strayEnds: number[] = [];
  markers: AiMarker[] = [];
  strayAiTags: Tag[] = [];
  legacy: Legacy[] = [];
  artifacts: Artifact[] = [];
  declare generatedLine?: number;
  #text: string;
  #lineCount?: number;

  constructor(text: string, readonly truncated: boolean) {
    this.#text = text;
  }

  get lineCount(): number {
    return (this.#lineCount ??= countLines(this.#text));
  }
}

export function parseMarkers(fullText: string, header: Header): Markers {
  const truncated = fullText.length > markerScanLimit;
  // A slice: indexOf has no end bound, so a needle that is absent would otherwise be sought in the whole text.
  // Ignore blocks (REUSE 3.3) hold examples and quotations: nothing in them is a marker, a snippet or a leftover.
  const text = blankIgnoredRegions(truncated ? fullText.slice(0, fullText.lastIndexOf('\n', markerScanLimit) + 1) : fullText);
  const result = new ScannedMarkers(text, truncated);
  const stack: Snippet[] = [];

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
    const snippet = snippetTag(line);
    if (snippet === 'begin') {
      const s: Snippet = { begin: i, tags: [], parent: stack[stack.length - 1] };
      stack.push(s);
      result.snippets.push(s);
      continue;
    }
    if (snippet === 'end') {
      const s = stack.pop();
      if (s) s.end = i;
      else result.strayEnds.push(i);
      continue;
    }
    const legacy = legacyMarker(line);
    if (legacy) {
      const { m, p } = legacy;
      result.legacy.push({ line: i, start: m.index, end: m.index + m[0].length, text: m[0], tool: p.tool?.(m)?.trim() });
      continue;
    }
    const tag = parseTagLine(line, i);
    if (!tag) continue;
    const open = stack[stack.length - 1];
    if (open) open.tags.push(tag);
    else if (/^AI-/i.test(tag.key) && !header.tags.some((t) => t.line === i)) result.strayAiTags.push(tag);
  }

  // Header AI tags count for the whole file unless they sit inside a snippet near the top.
  const inSnippet = (line: number) => result.snippets.some((s) => line > s.begin && (s.end === undefined || line < s.end));
  const headerAi = header.tags.filter((t) => /^AI-/i.test(t.key) && !inSnippet(t.line));
  const lastLine = () => Math.max(0, result.lineCount - 1 - (text.endsWith('\n') ? 1 : 0));
  if (headerAi.length) result.markers.push({ scope: 'file', startLine: 0, endLine: lastLine(), tags: headerAi });
  for (const s of result.snippets) {
    const ai = s.tags.filter((t) => /^AI-/i.test(t.key));
    if (ai.length) result.markers.push({ scope: 'region', startLine: s.begin, endLine: s.end ?? lastLine(), tags: ai, snippet: s });
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
