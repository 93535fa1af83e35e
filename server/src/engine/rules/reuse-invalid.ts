// reuse-invalid: REUSE.toml or .reuse/dep5 that does not follow REUSE 3.3, and entries that apply to
// no file. A finding about the project: engine/reuse/project.ts makes it, on the metadata file.

import type { Rule, RuleMeta, Translations } from './rule';

const en = {
  'reuse-invalid': '{detail}',
  'reuse-annotation-unmatched':
    'This entry applies to no file (its path matches none, or a later entry takes its files): its licenses need no text in LICENSES/. Remove it or fix its path',
};

const ja: Translations<typeof en> = {
  'reuse-invalid': '{detail}',
  'reuse-annotation-unmatched':
    'このエントリはどのファイルにも適用されません (path に一致するファイルがないか、後のエントリが同じファイルを扱っています)。そのライセンスのテキストは LICENSES/ には不要です。削除するか path を修正してください',
};

export const meta = {
  id: 'reuse-invalid',
  scope: 'project',
  defaultSeverity: 'error',
  fixable: 'suggestion',
  reuse: true,
  options: [],
  messages: { en, ja },
} as const satisfies RuleMeta;

export default { meta } satisfies Rule;
