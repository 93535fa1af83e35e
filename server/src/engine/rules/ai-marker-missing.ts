// ai-marker-missing: the git history shows the file changed in commits with AI trailers
// (engine/ai/history.ts), the policy asks for disclosure in the file (`ai.mode` disclose or
// review), and no in-file AI marker covers it. Under `forbid`, ai-forbidden speaks instead.
// The evidence comes in through the context (io/git-history.ts reads it once per folder).

import { AiHistory, aiHistoryUnder, AiTrailer } from '../ai/history';
import { message } from '../messages';
import type { Finding } from '../findings';
import type { Policy } from '../policy/model';
import type { SourceFile } from '../source-file';
import { BOM, range } from '../text';

export interface AiMarkerMissingContext {
  /** The AI commits that touched this file; undefined without a git history. */
  aiHistory?: AiHistory;
  /** An AI marker (header AI-* tags, an AI snippet, or a legacy marker) covers the file. */
  hasAiMarker: boolean;
}

/** The whole trailer as the commit wrote it (continuation lines unfolded): the evidence, e-mail included. */
export function describeTrailer(t: AiTrailer): string {
  return `${t.key}: ${t.value}`;
}

export function aiMarkerMissing(file: SourceFile, policy: Policy, ctx: AiMarkerMissingContext): Finding[] {
  const { mode } = policy.ai;
  if ((mode !== 'disclose' && mode !== 'review') || ctx.hasAiMarker) return [];
  // Our tags never go into a third-party file, and a format without comments cannot hold them.
  if (file.thirdParty || !file.style) return [];
  const history = aiHistoryUnder(ctx.aiHistory, policy.ai.commitTrailers);
  const newest = history?.commits[0];
  if (!history || !newest) return [];
  const first = file.header.text.at(0) ?? '';
  const args = { commit: newest.hash.slice(0, 7), trailer: describeTrailer(newest.trailers[0]), count: String(history.commits.length) };
  return [{
    rule: 'ai-marker-missing',
    severity: 'warning',
    range: range(0, 0, first.startsWith(BOM) ? first.length - 1 : first.length),
    message: message(history.commits.length > 1 ? 'ai-marker-missing.more' : 'ai-marker-missing', args),
  }];
}
