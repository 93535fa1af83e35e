// A repository's score, on a rubric like CNCF CLOMonitor's (weighted checks, bands a to d at 75, 50 and 25),
// but each check is a share of files rather than pass or fail: 90 % of files with a license header scores
// 90 % of that check's weight. A check that cannot apply is exempt, with the reason, and its weight leaves
// the sum (docs/design/dashboard.md#score).

import type { Result } from './results';

export type Band = 'a' | 'b' | 'c' | 'd';
export type CheckId = 'coverage' | 'approved' | 'compliant' | 'copyright' | 'ai';
/** Why a check does not count for a repository. */
export type Exemption = 'no-files' | 'no-declared' | 'no-ai' | 'check-only';

export interface ScoreCheck {
  id: CheckId;
  weight: number;
  /** 0 to 1, when the check counts. */
  share?: number;
  exempt?: Exemption;
}

export interface Score {
  /** 0 to 100, one decimal; undefined when every check is exempt. */
  score?: number;
  band?: Band;
  checks: ScoreCheck[];
}

/** The checks and their weights: coverage and compliance weigh most, as CLOMonitor's license checks do in its legal group. */
export const rubric: readonly { id: CheckId; weight: number }[] = [
  { id: 'coverage', weight: 3 },
  { id: 'compliant', weight: 3 },
  { id: 'approved', weight: 2 },
  { id: 'copyright', weight: 1 },
  { id: 'ai', weight: 1 },
];

export function bandOf(score: number): Band {
  return score >= 75 ? 'a' : score >= 50 ? 'b' : score >= 25 ? 'c' : 'd';
}

function share(r: Result, id: CheckId): number | Exemption {
  switch (id) {
    case 'coverage':
      if (r.listed === undefined || r.declared === undefined) return 'check-only';
      return r.listed ? r.declared / r.listed : 'no-files';
    case 'compliant':
      return r.files ? r.compliant / r.files : 'no-files';
    case 'approved':
      if (!r.tiers) return 'check-only';
      return r.declared ? r.tiers.allowed / r.declared : 'no-declared';
    case 'copyright':
      return r.files ? Math.max(0, r.files - (r.ruleFiles['copyright-missing'] ?? 0)) / r.files : 'no-files';
    case 'ai':
      if (!r.ai) return 'check-only';
      return r.ai.files ? r.ai.disclosed / r.ai.files : 'no-ai';
  }
}

export function scoreOf(r: Result): Score {
  const checks: ScoreCheck[] = [];
  let sum = 0;
  let weights = 0;
  for (const { id, weight } of rubric) {
    const s = share(r, id);
    if (typeof s === 'string') {
      checks.push({ id, weight, exempt: s });
      continue;
    }
    const clamped = Math.min(1, Math.max(0, s));
    checks.push({ id, weight, share: Math.round(clamped * 1000) / 1000 });
    sum += weight * clamped;
    weights += weight;
  }
  if (!weights) return { checks };
  const score = Math.round((sum / weights) * 1000) / 10;
  return { score, band: bandOf(score), checks };
}
