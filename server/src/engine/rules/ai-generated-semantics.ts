// ai-generated-semantics: AI markers on a file also marked @generated / DO NOT EDIT. Not run with the
// other file rules: check.ts asks for it also on a generated file the policy exempts from checking,
// since the contradiction is worth saying there too.

import type { Finding } from '../findings';
import type { Policy } from '../policy/model';
import { parseSourceFile, SourceFile } from '../source-file';
import { range } from '../text';
import { finding, type Rule, type RuleMeta, type Translations } from './rule';

const en = {
  'ai-generated-semantics':
    "AI-marked code is also marked generated ('@generated' / 'DO NOT EDIT'): that marks machine output nobody edits; drop the generated marker",
};

const ja: Translations<typeof en> = {
  'ai-generated-semantics':
    "AI マーカーのあるコードに自動生成のマーカー ('@generated' / 'DO NOT EDIT') も付いています。これは人が編集しない機械出力を表すため、自動生成のマーカーを削除してください",
};

export const meta = {
  id: 'ai-generated-semantics',
  scope: 'file',
  defaultSeverity: 'warning',
  fixable: false,
  options: ['files.generated'],
  messages: { en, ja },
} as const satisfies RuleMeta;

/** Its findings on a file; `parsed` when the caller has parsed it already. */
export function aiGeneratedSemantics(path: string, text: string, policy: Policy, parsed?: SourceFile): Finding[] {
  const file = parsed ?? parseSourceFile(path, text, policy);
  const { markers, generatedLine } = file.markers;
  if (generatedLine === undefined || (!markers.length && !file.markers.legacy.length)) return [];
  const line = text.split('\n', generatedLine + 1)[generatedLine].replace(/\r$/, '');
  return [finding(meta, range(generatedLine, 0, line.length), 'ai-generated-semantics')];
}

export default { meta } satisfies Rule;
