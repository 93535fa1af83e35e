// Output adapters over the same findings: text, JSON, SARIF 2.1.0, GitHub workflow commands and JUnit XML.

import { createHash } from 'node:crypto';
import type { FixContext } from '../engine/context';
import { skipText, type SkipReason } from '../engine/coverage';
import { relatedMessage, withRelated, type Finding, type Severity } from '../engine/findings';
import { defaultSeverity, docsUrl, ruleIds, wholeFileRules } from '../engine/rules';
import { editsFor, fixTitle, isSafe } from '../engine/fixes';
import { message } from '../engine/messages';
import { isThirdParty } from '../engine/paths';
import type { Policy } from '../engine/policy/model';
import { policyForPath } from '../engine/policy/overrides';
import { parseSourceFile } from '../engine/source-file';
import { splitLines, TextEdit } from '../engine/text';
import { ruleHelp } from './rule-help';
import { PackedFindings, packedCount, unpackFindings } from '../scan/compact';
import type { Snapshot } from '../io/snapshot';

/** A safe quick fix of a finding, as edits against the file's text (0-based lines, UTF-16 characters). */
export interface ReportFix {
  description: string;
  edits: TextEdit[];
}

/** A finding as the report carries it: SARIF writes `fixes` as `result.fixes[]` when present. */
export type ReportFinding = Finding & { fixes?: ReportFix[] };

export interface FileFindings {
  /** Path relative to the folder the CLI ran in, with `/` separators. */
  file: string;
  findings: ReportFinding[];
  /** The file's lines, without terminators: SARIF fingerprints hash the line of each finding. */
  lines?: string[];
}

/**
 * A file's findings kept packed (scan/compact.ts) until a format reads them, and made anew at each
 * read: a report of a large tree never holds its 100,000 findings as objects at once.
 */
export class PackedFileFindings implements FileFindings {
  constructor(
    readonly file: string,
    private readonly packed: PackedFindings,
    private readonly strings: readonly string[],
  ) {}

  get findings(): Finding[] {
    return unpackFindings(this.packed, this.strings);
  }

  get count(): number {
    return packedCount(this.packed);
  }
}

/** How many findings an entry of the report has, without unpacking a packed one. */
export const findingCount = (r: FileFindings) => (r instanceof PackedFileFindings ? r.count : r.findings.length);

export interface Report {
  /** How many files were checked, with findings or not. */
  files: number;
  /** Files with findings, in path order. */
  results: FileFindings[];
  skipped: { file: string; reason: SkipReason }[];
  /** Every checked file (as in `results[].file`), findings or not: JUnit lists the clean ones as passing test cases. */
  checked?: string[];
  /**
   * How many findings a suppression comment or the baseline covered and the results leave out
   * (text, JSON, GitHub, JUnit). SARIF keeps them in `results`, marked (`Finding.suppressed`).
   */
  suppressed?: number;
  /** The policy exceptions that silenced findings, with how many each (`suppressed` counts these too); JSON writes them. */
  exceptions?: { id: string; ref: string; approver: string; suppressed: number }[];
  /** The policies in force, as the text output names them: a file from the current folder, or the built-in default. */
  policies?: string[];
  /** The commit, time and policy digest of the run (io/snapshot.ts): JSON writes it. */
  snapshot?: Snapshot;
}

export const formats = ['text', 'json', 'sarif', 'github', 'junit'] as const;
export type Format = (typeof formats)[number];

/**
 * What SARIF needs beyond the findings, from the file's text: its lines (for fingerprints) and the
 * edits of each safe quick fix, computed as `ospo fix` would (policy overrides for the path included).
 * `path` is relative to the policy root, as the scan checked it; `ctx` is `fixContextFor(root)`.
 */
export function withSarifDetails(
  entry: FileFindings,
  input: { path: string; text: string; sidecarText?: string },
  policy: Policy,
  ctx: FixContext,
): FileFindings {
  const local = policyForPath(policy, input.path);
  const file = parseSourceFile(input.path, input.text, local, input.sidecarText, isThirdParty(input.path, local));
  const findings = entry.findings.map((f): ReportFinding => {
    // With the safe fixes of the findings folded into this one (engine/check.ts withPrecedence): a deprecated id is still fixed.
    const fixes = withRelated([f])
      .filter(isSafe)
      .flatMap((g) => {
        const edits = editsFor(g, file, local, ctx);
        return edits.length ? [{ description: fixTitle(g), edits }] : [];
      });
    return fixes.length ? { ...f, fixes } : f;
  });
  return { ...entry, findings, lines: splitLines(input.text).lines };
}

/** A finding as the JSON output writes it, and the text, GitHub and JUnit lines read it: 1-based lines and columns. */
interface Row {
  file: string;
  rule: string;
  severity: Severity;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  /** The findings folded into this one (`Finding.related`, engine/check.ts withPrecedence), as rows themselves. */
  related?: Row[];
}

// Terminal control: C0 and C1 controls (ANSI and OSC escapes, a line break that would forge an output line
// or a GitHub `::error` command) and the bidirectional overrides that make text read other than it is.
const control = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const controls = new RegExp(control.source, 'g');
const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

/**
 * A file name or a text from a repository as a human-readable output prints it: as it is when it holds no
 * control character, else quoted as git quotes a path, `"a\nb"`, with every control written as an escape.
 */
export function printable(s: string): string {
  if (!control.test(s)) return s;
  const escaped = s.replace(/[\\"]/g, '\\$&').replace(controls, (c) => named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `"${escaped}"`;
}

function row(file: string, f: Finding): Row {
  return {
    file,
    rule: f.rule,
    severity: f.severity,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    message: f.message,
    ...(f.related?.length ? { related: f.related.map((r) => row(file, r)) } : {}),
  };
}

function* rows(report: Report) {
  for (const { file, findings } of report.results) for (const f of findings) yield row(file, f);
}

/**
 * The message with one indented line per folded finding below it (`  2:29: spdx-deprecated …`), as compilers
 * print related information under an error. The folded findings are not findings of their own: they add no
 * line that reads as one (no path, no severity), so counts, problem matchers and `--fail-on` see the main one only.
 */
const withRelatedLines = (r: Row, text = (s: string) => s) =>
  [text(r.message), ...(r.related ?? []).map((x) => `  ${x.line}:${x.column}: ${x.rule} ${text(x.message)}`)].join('\n');

// Text and JSON come in pieces, written as they are made (cli/main.ts): the kernel's JSON report is
// 58 MB, which as one string (and its copy as bytes) was the CLI's peak memory.

export function* formatText(report: Report): Generator<string> {
  // File names and messages quote what a repository wrote: printed so that it cannot drive the terminal.
  for (const r of rows(report)) yield `${printable(r.file)}:${r.line}:${r.column}: ${r.severity} ${r.rule} ${withRelatedLines(r, printable)}\n`;
}

/**
 * Byte for byte what `JSON.stringify({ version, files, findings, skipped, suppressed, exceptions }, null, 2)` writes,
 * one item at a time; `suppressed` (how many findings were suppressed) only when there were some, and `exceptions`
 * (which policy exceptions silenced how many: their id, ref and approver) only when some did.
 */
export function* formatJson(report: Report): Generator<string> {
  const snapshot = report.snapshot ? `\n  "snapshot": ${JSON.stringify(report.snapshot, null, 2).replace(/\n/g, '\n  ')},` : '';
  yield `{\n  "version": 1,${snapshot}\n  "files": ${JSON.stringify(report.files)},\n  "findings": `;
  yield* jsonArray(rows(report), rowJson);
  yield ',\n  "skipped": ';
  // `reason` in the user's language, as each finding's `message`; `reasonId` the same in every language.
  yield* jsonArray(report.skipped.map((s) => ({ file: s.file, reason: skipText(s.reason), reasonId: s.reason.id })));
  if (report.suppressed) yield `,\n  "suppressed": ${JSON.stringify(report.suppressed)}`;
  if (report.exceptions?.length) {
    yield ',\n  "exceptions": ';
    yield* jsonArray(report.exceptions);
  }
  yield '\n}\n';
}

/** An item of an array at the second level of a two-space indented document. */
const indented = (item: object) => JSON.stringify(item, null, 2).replace(/\n/g, '\n    ');

/**
 * A row as `indented` writes it, without the pretty printer and the regex over its output for the
 * common row (a large report has 100,000 of them); a row with folded findings goes to `indented`.
 */
function rowJson(r: Row): string {
  if (r.related) return indented(r);
  const s = JSON.stringify;
  return `{\n      "file": ${s(r.file)},\n      "rule": ${s(r.rule)},\n      "severity": ${s(r.severity)},\n      "line": ${r.line},\n      "column": ${r.column},\n      "endLine": ${r.endLine},\n      "endColumn": ${r.endColumn},\n      "message": ${s(r.message)}\n    }`;
}

/** An array as the second level of a two-space indented document. */
function* jsonArray<T extends object>(items: Iterable<T>, render: (item: T) => string = indented): Generator<string> {
  let first = true;
  for (const item of items) {
    yield (first ? '[\n    ' : ',\n    ') + render(item);
    first = false;
  }
  yield first ? '[]' : '\n  ]';
}

// ---------------------------------------------------------------------------------------------
// SARIF 2.1.0

const sarifLevel: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
const srcRoot = '%SRCROOT%';
/** A relative URI reference: each segment percent-encoded (spaces, `#`, `?`, `%`, `:`), sub-delimiters such as `,` kept. */
const toUri = (file: string) =>
  file
    .split('\\')
    .join('/')
    .split('/')
    .map((seg) => encodeURIComponent(seg).replace(/%(2C|3B|3D|40|24|26|2B)/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))))
    .join('/');

/** `header-missing` → `HeaderMissing`: SARIF wants a Pascal-case friendly name beside the id. */
const friendlyName = (id: string) =>
  id
    .split('-')
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');

/**
 * `primaryLocationLineHash`, the fingerprint GitHub code scanning tracks an alert by: a hash of the
 * rule, the file and the text of the finding's line (trimmed, so reindenting keeps it), then `:n` for
 * the n-th finding of that rule on an identical line of the file. It does not use the line number,
 * so a finding keeps its fingerprint when lines are inserted or removed above it.
 */
function fingerprints(file: string, findings: ReportFinding[], lines: string[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    // Findings about the whole file (`meta.wholeFile`) sit at the top (or just below a shebang) whatever
    // the file holds, so the line there says nothing about them and must not move their fingerprint.
    const text = wholeFileRules.has(f.rule) ? '' : (lines[f.range.start.line] ?? '').replace(/^\uFEFF/, '').trim();
    const hash = createHash('sha256').update(`${f.rule}\0${file}\0${text}`).digest('hex').slice(0, 16);
    const n = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, n);
    return `${hash}:${n}`;
  });
}

function region(range: TextEdit['range']) {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

/**
 * The report as a SARIF 2.1.0 log, for GitHub code scanning and other SARIF viewers. Paths are
 * relative to `%SRCROOT%`, the folder the CLI ran in; columns count UTF-16 code units, as the engine does.
 * Fingerprints need `lines`, fixes need `fixes` on the findings (see `withSarifDetails`); without them those are left out.
 */
export function formatSarif(report: Report, toolVersion: string): string {
  const ruleIndex = new Map<string, number>(ruleIds.map((id, i) => [id, i]));
  const results = report.results.flatMap(({ file, findings, lines }) => {
    const uri = toUri(file);
    const prints = lines && fingerprints(uri, findings, lines);
    return findings.map((f, i) => ({
      ruleId: f.rule,
      ruleIndex: ruleIndex.get(f.rule),
      level: sarifLevel[f.severity],
      message: { text: f.message },
      locations: [{ physicalLocation: { artifactLocation: { uri, uriBaseId: srcRoot }, region: region(f.range) } }],
      // SARIF 2.1.0 §3.27.22: the findings folded into this one (engine/check.ts withPrecedence) are where it is
      // understood, not results of their own; worded as the editor's related information (lsp/diagnostics.ts).
      ...(f.related?.length
        ? {
            relatedLocations: f.related.map((r, id) => ({
              id,
              physicalLocation: { artifactLocation: { uri, uriBaseId: srcRoot }, region: region(r.range) },
              message: { text: relatedMessage(r) },
            })),
          }
        : {}),
      ...(prints ? { partialFingerprints: { primaryLocationLineHash: prints[i] } } : {}),
      // SARIF 2.1.0 §3.27.23 and §3.35: a comment in the file (`inSource`) or the baseline (`external`).
      ...(f.suppressed
        ? { suppressions: [{ kind: f.suppressed.kind, ...(f.suppressed.justification ? { justification: f.suppressed.justification } : {}) }] }
        : {}),
      ...(f.fixes?.length
        ? {
            fixes: f.fixes.map((fix) => ({
              description: { text: fix.description },
              artifactChanges: [
                {
                  artifactLocation: { uri, uriBaseId: srcRoot },
                  replacements: fix.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
                },
              ],
            })),
          }
        : {}),
    }));
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ospo',
            informationUri: 'https://github.com/ospo-compliance/ospo-compliance',
            version: toolVersion,
            semanticVersion: toolVersion,
            rules: ruleIds.map((id) => {
              const help = ruleHelp[id];
              return {
                id,
                name: friendlyName(id),
                shortDescription: { text: help?.summary ?? id },
                fullDescription: help ? { text: help.text, markdown: help.markdown } : { text: id },
                help: help ? { text: help.text, markdown: help.page } : { text: docsUrl(id) },
                helpUri: docsUrl(id),
                defaultConfiguration: { level: sarifLevel[defaultSeverity[id]] },
              };
            }),
          },
        },
        // Paths are relative to the folder the CLI ran in. Its absolute path is left out on purpose:
        // the log is then the same on every machine, and a CI runner's folders do not leak into it.
        originalUriBaseIds: { [srcRoot]: { description: { text: 'The folder ospo check ran in (usually the repository root).' } } },
        invocations: [
          {
            executionSuccessful: true,
            ...(report.skipped.length
              ? {
                  toolExecutionNotifications: report.skipped.map((s) => ({
                    level: 'note',
                    message: { text: message('cli.sarif.not-checked', { reason: skipText(s.reason) }) },
                    locations: [{ physicalLocation: { artifactLocation: { uri: toUri(s.file), uriBaseId: srcRoot } } }],
                    properties: { reasonId: s.reason.id },
                  })),
                }
              : {}),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

// ---------------------------------------------------------------------------------------------
// GitHub workflow commands

// Escaped as @actions/core does (toolkit's command.ts): `%`, CR and LF everywhere; `:` and `,` in
// property values too, since they separate the properties.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
const githubLevel: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

export function* formatGithub(report: Report): Generator<string> {
  for (const r of rows(report))
    yield `::${githubLevel[r.severity]} file=${escapeProperty(r.file)},line=${r.line},col=${r.column},endLine=${r.endLine},endColumn=${r.endColumn},title=${escapeProperty(r.rule)}::${escapeData(withRelatedLines(r))}\n`;
}

// ---------------------------------------------------------------------------------------------
// JUnit XML

// Characters XML 1.0 cannot hold at all (control characters, lone surrogates, U+FFFE/U+FFFF) become U+FFFD.
const notXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const xmlText = (s: string) => s.replace(notXml, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
// In attributes, quotes and line breaks are escaped too: a parser would otherwise fold a line break into a space.
const xmlAttr = (s: string) =>
  xmlText(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');

/**
 * The report as JUnit XML, for CI test-report views (GitLab `artifacts:reports:junit`, Jenkins'
 * `junit` step, Azure Pipelines, CircleCI). One `<testsuite name="ospo">`:
 * - a failing `<testcase>` per finding, `classname` the file and `name` "<rule> at line L": GitLab
 *   and Jenkins group test cases by class name, so findings group by file, and each names what and where;
 *   `<failure type="<rule>" message="…">` carries the message, the body the full `file:line:col` line;
 * - a passing `<testcase name="no findings">` per clean file when the report lists the checked files:
 *   the counts then read "3 failed of 120" rather than "3 of 3", and the pass trend over builds means
 *   something; a report with no test case at all is an error for Jenkins' `junit` step, so a clean run
 *   without the list still writes one passing test case;
 * - a `<skipped>` test case per file not checked (binary, not UTF-8, too large), so those are seen.
 * Every finding is a failure whatever its severity (as ESLint's JUnit formatter does); the severity is
 * in the body, and whether the job fails is still `--fail-on`'s decision.
 */
export function formatJunit(report: Report): string {
  const cases: string[] = [];
  let failures = 0;
  const byFile = new Map(report.results.map((r) => [r.file, r.findings]));
  const checked = new Set(report.checked);
  const files = [...checked, ...report.results.map((r) => r.file).filter((f) => !checked.has(f))];
  for (const file of files) {
    const findings = byFile.get(file) ?? [];
    if (!findings.length) {
      cases.push(`  <testcase classname="${xmlAttr(file)}" name="no findings" file="${xmlAttr(file)}"/>`);
      continue;
    }
    const names = new Map<string, number>();
    for (const f of findings) {
      const line = f.range.start.line + 1;
      let name = `${f.rule} at line ${line}`;
      // Test cases are told apart by class name and name: a second finding of a rule on one line gets a number.
      const n = (names.get(name) ?? 0) + 1;
      names.set(name, n);
      if (n > 1) name += ` (${n})`;
      const where = `${file}:${line}:${f.range.start.character + 1}`;
      const text = withRelatedLines(row(file, f));
      failures++;
      cases.push(
        `  <testcase classname="${xmlAttr(file)}" name="${xmlAttr(name)}" file="${xmlAttr(file)}" line="${line}">\n` +
          `    <failure type="${xmlAttr(f.rule)}" message="${xmlAttr(text)}">${xmlText(`${where}: ${f.severity} ${f.rule} ${text}`)}</failure>\n` +
          '  </testcase>',
      );
    }
  }
  if (!cases.length && !report.skipped.length) {
    cases.push(`  <testcase classname="ospo" name="${report.files} file${report.files === 1 ? '' : 's'} checked, no findings"/>`);
  }
  for (const s of report.skipped) {
    cases.push(
      `  <testcase classname="${xmlAttr(s.file)}" name="not checked" file="${xmlAttr(s.file)}">\n    <skipped message="${xmlAttr(skipText(s.reason))}"/>\n  </testcase>`,
    );
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuite name="ospo" tests="${cases.length}" failures="${failures}" errors="0" skipped="${report.skipped.length}" time="0">\n` +
    cases.map((c) => c + '\n').join('') +
    '</testsuite>\n'
  );
}
