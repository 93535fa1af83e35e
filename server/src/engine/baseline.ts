// The baseline, in the form of ESLint's bulk suppressions (ESLint 9.24, eslint-suppressions.json): per
// file and rule, how many findings are known and accepted today. A file with at most that many findings
// of the rule has them all marked suppressed (kind `external`); with more, all of them are reported, as
// ESLint does, since which one is new cannot be told. Read and written by io/baseline-file.ts;
// docs/design/suppressions.md.

import { isNode, parseDocument } from 'yaml';
import type { Finding } from './findings';

/** `{ "<file>": { "<rule>": { "count": n } } }`, files relative to the policy root with `/` separators. */
export type Baseline = Record<string, Record<string, { count: number }>>;

/** How many findings of each rule a file has that no comment suppresses: what a baseline entry counts. */
export function countsOf(findings: readonly Finding[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of findings) if (!f.suppressed) counts[f.rule] = (counts[f.rule] ?? 0) + 1;
  return counts;
}

/** The file's findings with those its baseline `entry` covers marked suppressed (kind `external`). */
export function withBaseline(findings: Finding[], entry: Baseline[string] | undefined): Finding[] {
  if (!entry) return findings;
  const counts = countsOf(findings);
  const covered = (rule: string) => entry[rule] !== undefined && counts[rule] <= entry[rule].count;
  return findings.map((f) => (!f.suppressed && covered(f.rule) ? { ...f, suppressed: { kind: 'external' } } : f));
}

/**
 * The rules of a file's entry that count more findings than the file has (`counts`): stale, since
 * fixed findings leave room for new ones. Pruning sets them to what is there.
 */
export function staleRules(entry: Baseline[string] | undefined, counts: Record<string, number>): string[] {
  return entry ? Object.keys(entry).filter((rule) => entry[rule].count > (counts[rule] ?? 0)) : [];
}

/** The entry with every count lowered to what the file has, rules without findings gone; undefined when none is left. */
export function prunedEntry(entry: Baseline[string], counts: Record<string, number>): Baseline[string] | undefined {
  const out: Baseline[string] = {};
  for (const [rule, { count }] of Object.entries(entry)) {
    const n = Math.min(count, counts[rule] ?? 0);
    if (n > 0) out[rule] = { count: n };
  }
  return Object.keys(out).length ? out : undefined;
}

/** The entry with today's counts recorded for `rules` (every rule with findings when undefined). */
export function recordedEntry(entry: Baseline[string] | undefined, counts: Record<string, number>, rules?: readonly string[]): Baseline[string] | undefined {
  const out: Baseline[string] = { ...entry };
  for (const [rule, n] of Object.entries(counts)) if (!rules || rules.includes(rule)) out[rule] = { count: n };
  return Object.keys(out).length ? out : undefined;
}

/** The file's text: keys sorted at both levels, two-space indented, so the same baseline is the same bytes. */
export function serializeBaseline(baseline: Baseline): string {
  const sorted: Baseline = {};
  for (const file of Object.keys(baseline).sort()) {
    const rules: Baseline[string] = {};
    for (const rule of Object.keys(baseline[file]).sort()) rules[rule] = { count: baseline[file][rule].count };
    sorted[file] = rules;
  }
  return JSON.stringify(sorted, null, 2) + '\n';
}

/** What is wrong with a baseline file, and where (a character offset into its text) when that is known. */
export interface BaselineError {
  error: string;
  offset?: number;
}

/** Whether a read baseline is an error: `error` is a string only then (a file may be named "error"). */
export function isBaselineError(read: Baseline | BaselineError): read is BaselineError {
  return typeof (read as BaselineError).error === 'string';
}

/** Where the (wrong) value at `keys` starts: JSON is YAML, and the yaml parser keeps each node's range. Only on the error path. */
function offsetOf(text: string, keys: string[]): number | undefined {
  const node = parseDocument(text).getIn(keys, true);
  return isNode(node) ? node.range?.[0] : undefined;
}

/** A parsed baseline file, or what is wrong with it. */
export function parseBaseline(text: string): Baseline | BaselineError {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    // V8 says where: "… in JSON at position 32".
    const at = /at position (\d+)/.exec(message);
    return { error: message, ...(at ? { offset: Number(at[1]) } : {}) };
  }
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(value)) return { error: 'not a JSON object', offset: text.length - text.trimStart().length };
  const out: Baseline = Object.create(null) as Baseline;
  for (const [file, rules] of Object.entries(value)) {
    if (!isObject(rules)) return { error: `"${file}": not an object of rules`, offset: offsetOf(text, [file]) };
    out[file] = Object.create(null) as Baseline[string];
    for (const [rule, entry] of Object.entries(rules)) {
      const count = isObject(entry) ? entry.count : undefined;
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 0)
        return { error: `"${file}" "${rule}": count must be a whole number`, offset: offsetOf(text, [file, rule]) };
      out[file][rule] = { count };
    }
  }
  return out;
}
