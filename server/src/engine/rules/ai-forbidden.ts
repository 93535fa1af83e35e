// ai-forbidden: an AI marker (canonical or legacy) on a path where the policy says `ai.mode: forbid`.

import type { Finding } from '../findings';
import { message } from '../messages';
import type { Policy } from '../policy/model';
import type { SourceFile } from '../source-file';
import { range } from '../text';

export function aiForbidden(file: SourceFile, policy: Policy): Finding[] {
  if (policy.ai.mode !== 'forbid') return [];
  const where = policy.meta.url ?? policy.source;
  const at = [
    ...file.markers.markers.map((m) => m.tags[0]).map((t) => range(t.line, t.keyStart, t.valueEnd)),
    ...file.markers.legacy.map((l) => range(l.line, l.start, l.end)),
  ];
  return at.map((r): Finding => ({ rule: 'ai-forbidden', severity: 'error', range: r, message: message('ai-forbidden', { where }) }));
}
