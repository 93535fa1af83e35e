// One repository's result, as `ospo dashboard` keeps it: what `ospo report --json` or `ospo check --format json`
// wrote, boiled down to the numbers the dashboard shows (docs/design/dashboard.md#results). Pure: parsed JSON in.
//
// A result is read from a file anyone could have written (a CI artefact), so every field is checked for its
// type, and what does not fit is left out rather than trusted: a string where a number should be counts as
// absent, an array entry of the wrong shape is skipped.

import type { Severity } from '../engine/findings';
import type { Tier } from '../engine/license-tiers';

export const severities: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

export interface ResultLicense {
  id: string;
  files: number;
  sample: string[];
  tier?: Tier;
  osi?: boolean;
}

/** A policy exception as a report lists it: a recorded decision (docs/design/policy.md#exceptions). */
export interface ResultException {
  id: string;
  ref?: string;
  approver?: string;
  date?: string;
  expires?: string;
  reason?: string;
  rules: string[];
  paths: string[];
  licenses: string[];
  /** Findings it silenced in the run, when the report says. */
  silenced?: number;
}

export interface Result {
  /** The file it was read from, as the user named it. */
  source: string;
  /** Set by the reader: from a manifest, the snapshot's repository, or the file's name. */
  repo: string;
  kind: 'report' | 'check';
  /** ISO 8601: the snapshot's date, else the report's generatedAt, else the file's modification time. */
  date: string;
  commit?: string;
  repository?: string;
  policy?: { source: string; digest: string };
  /** Files checked. */
  files: number;
  /** Files `ospo check` does not fail on: the report's count, or for a check result the files without an error. */
  compliant: number;
  /** Report results only. */
  listed?: number;
  declared?: number;
  tiers?: Record<Tier, number>;
  osi?: number;
  ai?: { files: number; disclosed: number };
  exempt?: number;
  skipped?: number;
  severities: Record<Severity, number>;
  /** Findings by rule. */
  rules: Record<string, number>;
  /** Files with at least one finding of the rule. */
  ruleFiles: Record<string, number>;
  /** findingKey(file, rule) → how many such findings: what found and resolved are counted over. */
  findingKeys: Map<number, number>;
  licenses?: ResultLicense[];
  exceptions?: ResultException[];
  /** A link to the repository's own HTML report, when one was found or named. */
  report?: string;
  /** The folder a report was made of, as it says (absolute, on the machine that made it). */
  root?: string;
  /** The folder checked within its repository (`src/`), when the result is of part of one. */
  path?: string;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const count = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : undefined);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const texts = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const isDate = (v: string | undefined): v is string => !!v && !Number.isNaN(Date.parse(v));
const tiers: readonly Tier[] = ['allowed', 'review', 'denied'];

export class ResultError extends Error {}

/**
 * The result in `json`, or a ResultError saying why it is not one. `fallbackDate` (the file's
 * modification time) dates a result that carries no date of its own.
 */
export function parseResult(json: unknown, source: string, fallbackDate: string): Result {
  if (!isObject(json)) throw new ResultError('not an ospo result: not a JSON object');
  if (json.version !== 1) {
    const isOurs = isObject(json.totals) || (typeof json.files === 'number' && Array.isArray(json.findings));
    throw new ResultError(
      isOurs ? `an ospo result of version ${JSON.stringify(json.version)}: this ospo reads version 1` : 'not an ospo result (no version 1)',
    );
  }
  const isReport = isObject(json.totals) && Array.isArray(json.licenses);
  const isCheck = !isReport && typeof json.files === 'number' && Array.isArray(json.findings);
  if (!isReport && !isCheck) throw new ResultError('not an ospo result: neither `ospo report --json` nor `ospo check --format json` output');

  const snapshot = isObject(json.snapshot) ? json.snapshot : {};
  const partial = text(snapshot.partial);
  if (partial) throw new ResultError(`a partial result (${partial}): not the state of the repository`);
  const policy = isObject(snapshot.policy) ? snapshot.policy : undefined;
  const date = [text(snapshot.date), text(json.generatedAt)].find(isDate) ?? fallbackDate;
  const result: Result = {
    source,
    repo: '',
    kind: isReport ? 'report' : 'check',
    date: new Date(date).toISOString(),
    files: 0,
    compliant: 0,
    severities: { error: 0, warning: 0, info: 0, hint: 0 },
    // Keyed by rule names from the file: `constructor` or `__proto__` must be a rule like any other.
    rules: Object.create(null) as Record<string, number>,
    ruleFiles: Object.create(null) as Record<string, number>,
    findingKeys: new Map(),
  };
  const commit = text(snapshot.commit);
  if (commit && /^[0-9a-f]{7,64}$/.test(commit)) result.commit = commit;
  const repository = text(snapshot.repository);
  if (repository) result.repository = repository;
  const part = text(snapshot.path);
  if (part) result.path = part;
  if (policy && typeof policy.digest === 'string') result.policy = { source: text(policy.source) ?? '', digest: policy.digest };

  // Findings: the same fields in both outputs. Suppressed ones are already left out of both.
  const filesWithError = new Set<string>();
  const ruleFiles = new Map<string, Set<string>>();
  for (const f of json.findings as unknown[]) {
    if (!isObject(f)) continue;
    const file = text(f.file);
    const rule = text(f.rule);
    const severity = text(f.severity) as Severity | undefined;
    if (file === undefined || !rule || !severity || !severities.includes(severity)) continue;
    result.severities[severity]++;
    result.rules[rule] = (result.rules[rule] ?? 0) + 1;
    const key = findingKey(file, rule);
    result.findingKeys.set(key, (result.findingKeys.get(key) ?? 0) + 1);
    let files = ruleFiles.get(rule);
    if (!files) ruleFiles.set(rule, (files = new Set()));
    files.add(file);
    if (severity === 'error') filesWithError.add(file);
  }
  for (const [rule, files] of ruleFiles) result.ruleFiles[rule] = files.size;

  result.exceptions = exceptionsIn(json.exceptions);
  if (isCheck) {
    result.files = count(json.files) ?? 0;
    result.compliant = Math.max(0, result.files - filesWithError.size);
    return result;
  }

  const totals = json.totals as Json;
  const root = text(json.root);
  if (root) result.root = root;
  result.files = count(totals.files) ?? 0;
  result.compliant = Math.min(result.files, count(totals.compliant) ?? Math.max(0, result.files - filesWithError.size));
  result.exempt = count(totals.exempt);
  result.skipped = count(totals.skipped);
  const listed = count(totals.listed);
  const declared = count(totals.declared);
  if (listed !== undefined && declared !== undefined) {
    result.listed = listed;
    result.declared = Math.min(declared, listed);
  }
  if (isObject(totals.tiers)) {
    const t = totals.tiers;
    result.tiers = { allowed: count(t.allowed) ?? 0, review: count(t.review) ?? 0, denied: count(t.denied) ?? 0 };
  }
  result.osi = count(totals.osi);
  if (isObject(totals.ai)) {
    const files = count(totals.ai.files) ?? 0;
    result.ai = { files, disclosed: Math.min(files, count(totals.ai.disclosed) ?? 0) };
  }
  result.licenses = [];
  for (const l of json.licenses as unknown[]) {
    if (!isObject(l) || typeof l.id !== 'string') continue;
    const entry: ResultLicense = { id: l.id, files: count(l.files) ?? 0, sample: texts(l.sample) };
    if (typeof l.tier === 'string' && tiers.includes(l.tier as Tier)) entry.tier = l.tier as Tier;
    if (typeof l.osi === 'boolean') entry.osi = l.osi;
    result.licenses.push(entry);
  }
  return result;
}

/** The exceptions a result lists (a report all of its policy's; a check those that silenced something), or undefined. */
function exceptionsIn(list: unknown): ResultException[] | undefined {
  if (!Array.isArray(list)) return undefined;
  const out: ResultException[] = [];
  for (const e of list as unknown[]) {
    if (!isObject(e)) continue;
    const id = text(e.id) ?? text(e.ref);
    if (!id) continue;
    const entry: ResultException = { id, rules: texts(e.rules), paths: texts(e.paths), licenses: texts(e.licenses) };
    for (const key of ['ref', 'approver', 'date', 'expires', 'reason'] as const) {
      const value = text(e[key]);
      if (value !== undefined) entry[key] = value;
    }
    const silenced = count(e.silenced) ?? count(e.suppressed);
    if (silenced !== undefined) entry.silenced = silenced;
    out.push(entry);
  }
  return out;
}

/**
 * A finding's file and rule as a number: two 32-bit FNV-1a hashes of `file\0rule` in 53 bits. A dashboard of a
 * thousand repositories keeps every result's findings by this key until it has compared each with the one
 * before; numbers take a fraction of the memory of the strings (one collision in about 10^12 pairs of keys).
 */
export function findingKey(file: string, rule: string): number {
  const text = file + '\0' + rule;
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

/** Whether a license mix entry is an SPDX license (not `(none)`, `(not SPDX)`, NONE or NOASSERTION). */
export const isLicense = (id: string) => !id.startsWith('(') && id !== 'NONE' && id !== 'NOASSERTION';
