// ai-marker-missing: the git history shows the file changed in commits with AI trailers
// (engine/ai/history.ts), the policy asks for disclosure in the file (`ai.disclosure.file-marker:
// require`, the default under `ai.mode` disclose or review), and no in-file AI marker covers it. Under `forbid`, ai-forbidden speaks instead.
// The evidence comes in through the context (io/git-history.ts reads it once per folder).

import { AiHistory, aiHistoryUnder, AiTrailer } from '../ai/history';
import type { Finding } from '../findings';
import { withSections, type Policy } from '../policy/model';
import { disclosureRules } from '../ai/disclosure-forms';
import type { SourceFile } from '../source-file';
import { firstTokenRange } from '../text';
import { finding, type Rule, type RuleMeta, type Translations } from './rule';

const en = {
  'ai-marker-missing': "Commit {commit} records AI help with '{trailer}', but the file has no AI marker: add AI header tags",
  'ai-marker-missing.more': "{count} commits record AI help, the newest {commit} with '{trailer}', but the file has no AI marker: add AI header tags",
};

const ja: Translations<typeof en> = {
  'ai-marker-missing':
    'Git 履歴のコミット {commit} の「{trailer}」に生成AIの利用が記録されていますが、ファイルに AI マーカーがありません。ヘッダーに AI タグを追加してください',
  'ai-marker-missing.more':
    'Git 履歴の {count} 件のコミットに生成AIの利用が記録されています (最新はコミット {commit} の「{trailer}」) が、ファイルに AI マーカーがありません。ヘッダーに AI タグを追加してください',
};

export const meta = {
  id: 'ai-marker-missing',
  scope: 'file',
  defaultSeverity: 'warning',
  fixable: false,
  wholeFile: true,
  options: ['ai.disclosure', 'ai.mode', 'ai.commitTrailers'],
  messages: { en, ja },
} as const satisfies RuleMeta;

export interface AiMarkerMissingContext {
  /** The AI commits that touched this file; undefined without a git history. */
  aiHistory?: AiHistory;
  /** An AI marker (header AI-* tags, an AI snippet, or a legacy marker) covers the file. */
  hasAiMarker: boolean;
}

/** The whole trailer as the commit wrote it (continuation lines unfolded), or the tool's line: the evidence, e-mail included. */
export function describeTrailer(t: AiTrailer): string {
  return t.key ? `${t.key}: ${t.value}` : t.value;
}

export function aiMarkerMissing(file: SourceFile, policy: Policy, ctx: AiMarkerMissingContext): Finding[] {
  if (disclosureRules(policy).action('file-marker') !== 'require' || ctx.hasAiMarker) return [];
  // Our tags never go into a third-party file, and a format without comments cannot hold them.
  if (file.thirdParty || !file.style) return [];
  const history = aiHistoryUnder(ctx.aiHistory, policy.ai.commitTrailers);
  const newest = history?.commits[0];
  if (!history || !newest) return [];
  const args = { commit: newest.hash.slice(0, 7), trailer: describeTrailer(newest.trailers[0]), count: String(history.commits.length) };
  const at = firstTokenRange(file.header.text);
  return [finding(meta, at, history.commits.length > 1 ? 'ai-marker-missing.more' : 'ai-marker-missing', args)];
}

/**
 * Whether the rule can report anywhere under this policy (its overrides included): only then is
 * the git history worth reading. `ospo check --reuse` turns it off, and a history of many thousand
 * commits took longer to read than the whole check.
 */
export function readsAiHistory(policy: Policy): boolean {
  const on = (p: Policy) => p.severity[meta.id] !== 'off' && disclosureRules(p).action('file-marker') === 'require';
  return on(policy) || policy.overrides.some((o) => on(withSections(policy, o)));
}

export default { meta, check: aiMarkerMissing } satisfies Rule;
