// What a rule is: its metadata and, for a rule that reads one file, its check. The registry
// (rules/index.ts) derives every list of rules from these; docs/design/rules.md says how to add one.

import type { AiHistory } from '../ai/history';
import type { Undecodable } from '../coverage';
import type { Finding, RuleId, Severity } from '../findings';
import { message, usedArgs, type MessageArgs, type MessageKey } from '../messages';
import type { Policy } from '../policy/model';
import type { ReuseInput } from '../reuse/input';
import type { SourceFile } from '../source-file';
import type { Range } from '../text';

export interface RuleContext {
  currentYear: number;
  /** Today as YYYY-MM-DD, for review dates. */
  today?: string;
  /** AI commits that touched the file, from git history (computed by the caller, once per workspace). */
  aiHistory?: AiHistory;
  /** Whether an in-file AI marker (canonical or legacy) covers the file. */
  hasAiMarker: boolean;
  /** The project's REUSE metadata, when it follows REUSE. */
  reuse?: ReuseInput;
  /** Set when no encoding reads the file and its text is UTF-8 with the bad bytes replaced (text-undecodable). */
  undecodable?: Undecodable;
}

/** A rule's Japanese table: exactly the keys of its English one, so `tsc -b` fails on a missing or misspelt key. */
export type Translations<En> = { readonly [K in keyof En]: string };

export interface RuleMeta {
  id: string;
  /**
   * What a finding is about: one file (checkText runs the rule's `check`), the project's REUSE
   * metadata (engine/reuse/project.ts) or a commit message (engine/ai/commit-rule.ts).
   */
  scope: 'file' | 'project' | 'commit';
  /** The severity of its findings before the policy's `severity:` table (check.ts `withPolicySeverity`). */
  defaultSeverity: Severity;
  /**
   * `auto`: some of its fixes are safe, and fix-all and `ospo fix` apply them (fixes.ts `isSafe`);
   * `suggestion`: its fixes are quick fixes a person chooses; `false`: no fix.
   */
  fixable: false | 'auto' | 'suggestion';
  /** Reads only the license header: a header-scope check (a fast scan of the top of each file) runs it. */
  headerOnly?: boolean;
  /** About the file's own license and copyright tags: dropped where a REUSE.toml `override` replaces them. */
  ownTag?: boolean;
  /** Asked for by REUSE 3.3: `ospo check --reuse` reports it and turns every other rule off. */
  reuse?: boolean;
  /** Its findings are about the whole file: a SARIF fingerprint ignores the text of their line. */
  wholeFile?: boolean;
  /** The policy settings it reads, as dotted paths (`headers.copyright.year`). */
  options: readonly string[];
  /** Its finding texts, keyed `<id>` or `<id>.<variant>`: messages.ts merges them into the one table. */
  messages: { readonly en: Readonly<Record<string, string>>; readonly ja: Readonly<Record<string, string>> };
}

export type Check = (file: SourceFile, policy: Policy, ctx: RuleContext) => Finding[];

export interface Rule<M extends RuleMeta = RuleMeta> {
  meta: M;
  /** File rules only. Project and commit rules have their findings made elsewhere (see `scope`). */
  check?: Check;
}

/** What a finding may carry beside its text: a fix, and the rare severity other than the rule's default. */
export type FindingExtra = Partial<Pick<Finding, 'severity' | 'fix' | 'alternatives' | 'ownCopyright' | 'licenses'>>;

/**
 * A finding of the rule `meta`, with its id and default severity, and its text from one of the rule's
 * own message keys (as ESLint's `context.report` takes a `messageId`).
 */
export function finding<M extends RuleMeta & { id: RuleId }>(
  meta: M,
  range: Range,
  key: keyof M['messages']['en'] & MessageKey,
  args?: MessageArgs,
  extra?: FindingExtra,
): Finding {
  const used = usedArgs(key, args);
  return { rule: meta.id, severity: meta.defaultSeverity, range, message: message(key, args), says: used ? { key, args: used } : { key }, ...extra };
}
