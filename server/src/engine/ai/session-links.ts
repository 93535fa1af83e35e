// Links to an AI tool's session or shared conversation, left in a commit message: Claude Code writes
// `Claude-Session: https://claude.ai/code/session_…` by default, and anyone who can open such a link
// may read the transcript, with whatever was pasted into it. One table of the links we know, each
// with the tool's setting that stops it where there is one (docs/rules/commit-session-link.md).

export interface SessionLinkKind {
  tool: string;
  /** Matches the link, from its scheme on. */
  pattern: RegExp;
  /** The tool's setting that stops it writing such links, when it writes them itself. */
  setting?: string;
}

export const sessionLinkKinds: readonly SessionLinkKind[] = [
  { tool: 'Claude Code', pattern: /https?:\/\/claude\.ai\/code\/session_[\w-]+/, setting: 'attribution.sessionUrl' },
  { tool: 'Claude', pattern: /https?:\/\/claude\.ai\/(?:share|chat)\/[\w-]+/ },
  { tool: 'Codex', pattern: /https?:\/\/chatgpt\.com\/codex\/tasks\/[\w-]+/ },
  { tool: 'ChatGPT', pattern: /https?:\/\/(?:chatgpt\.com|chat\.openai\.com)\/(?:share|c|g\/[\w-]+\/c)\/[\w-]+/ },
  { tool: 'Gemini', pattern: /https?:\/\/(?:gemini\.google\.com\/(?:share|app)|g\.co\/gemini\/share)\/[\w-]+/ },
  { tool: 'Microsoft Copilot', pattern: /https?:\/\/copilot\.microsoft\.com\/shares\/[\w-]+/ },
  { tool: 'Perplexity', pattern: /https?:\/\/(?:www\.)?perplexity\.ai\/search\/[\w.-]+/ },
  { tool: 'Grok', pattern: /https?:\/\/grok\.com\/(?:share|chat)\/[\w-]+/ },
];

export interface SessionLink {
  kind: SessionLinkKind;
  url: string;
  /** Where the link is on its line. */
  start: number;
  end: number;
}

/** The session links on a line, in order. A cheap test first: most lines hold no `://`. */
export function sessionLinksIn(line: string): SessionLink[] {
  if (!line.includes('://')) return [];
  const found: SessionLink[] = [];
  for (const kind of sessionLinkKinds) {
    const re = new RegExp(kind.pattern.source, 'g');
    for (const m of line.matchAll(re)) found.push({ kind, url: m[0], start: m.index, end: m.index + m[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}
