// ai-marker-malformed: a tag value in the wrong form, a future or impossible review date, a
// placeholder left in, an unknown AI- tag, or an AI tag outside a header or snippet.

import type { Finding } from '../findings';
import type { Tag } from '../header';
import { canonicalAiTags } from '../markers';
import { message, MessageKey } from '../messages';
import type { Policy } from '../policy/model';
import type { SourceFile } from '../source-file';
import { range } from '../text';

const placeholder = /^(TOOL:MODEL|agent:model|NAME <EMAIL>|Name <email>|TODO|TBD|XXX|FIXME)$|<[A-Z_ ]+>|\$\{\d/i;

function validDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function aiMarkerMalformed(file: SourceFile, policy: Policy, ctx: { today?: string }): Finding[] {
  const findings: Finding[] = [];
  const today = ctx.today ?? new Date().toISOString().slice(0, 10);
  const add = (t: Tag, key: MessageKey, args: Record<string, string> = {}) =>
    findings.push({ rule: 'ai-marker-malformed', severity: 'warning', range: range(t.line, t.keyStart, t.valueEnd), message: message(key, { key: t.key, ...args }) });

  for (const t of file.markers.strayAiTags) add(t, 'ai-marker-malformed.outside');
  for (const marker of file.markers.markers) {
    for (const t of marker.tags) {
      const key = t.key.toLowerCase();
      if (!canonicalAiTags[key]) { add(t, 'ai-marker-malformed.unknown'); continue; }
      if (placeholder.test(t.value)) { add(t, 'ai-marker-malformed.placeholder'); continue; }
      if ((key === 'ai-generated-by' || key === 'ai-assisted-by') && !/^[^:\s][^:]*:\S/.test(t.value)) add(t, 'ai-marker-malformed.role');
      if (key === 'ai-reviewed-by' && !/^[^<>]*[^<>\s][^<>]* <[^<>@\s]+@[^<>\s]+>$/.test(t.value)) add(t, 'ai-marker-malformed.reviewer');
      if (key === 'ai-reviewed-on') {
        if (!validDate(t.value)) add(t, 'ai-marker-malformed.date');
        else if (t.value > today) add(t, 'ai-marker-malformed.future', { date: t.value });
      }
      if (key === 'ai-approval' && policy.ai.approvalPattern && !new RegExp(`^(?:${policy.ai.approvalPattern})$`).test(t.value)) {
        add(t, 'ai-marker-malformed.approval', { pattern: policy.ai.approvalPattern });
      }
    }
  }
  return findings;
}
