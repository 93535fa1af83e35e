// `ospo`: the same engine as the editor, for CI and the terminal.
//   ospo check [paths…] [--policy FILE] [--format text|json|sarif|github|junit] [--fail-on error|warning|info]
//              [--changed [REF]] [--staged] [--rules all|header]
//   ospo fix   [paths…] [--policy FILE] [--dry-run]
//   ospo init  [folder] [--template NAME]
//   ospo rules [--json]
// Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or policy error.

import { slashed } from '../io/fs-paths';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type { CheckScope } from '../engine/check';
import { failsAt, Severity } from '../engine/findings';
import { fixPlan, fixTitle, type Unfixed } from '../engine/fixes';
import type { Finding } from '../engine/findings';
import { ruleMeta } from '../engine/rules';
import { builtInSource, type Policy } from '../engine/policy/model';
import { applyEdits } from '../engine/text';
import { fixContextFor } from '../io/fix-context';
import { checkRoot, readPolicy } from '../io/policy-source';
import { defaultMaxBytes, readForCheck, readMetadata, readRegular, readSidecar, RegularFile } from '../io/read-file';
import { createFile, replaceChecked } from '../io/write-file';
import { aboutContent, skipText, type SkipId, type SkipReason } from '../engine/coverage';
import { encodingName, textOf } from '../io/encoding';
import { editorconfigCharset } from '../io/editorconfig';
import { encodeFixed } from '../io/encode-text';
import { GitRules } from '../io/git-rules';
import { GitHistory } from '../io/git-history';
import { changedFiles, commitMessages, isCommit, stagedFiles } from '../io/git-changed';
import { checkCommitMessage } from '../engine/ai/commit-rule';
import { listFiles } from '../scan/walk';
import { findingsOf, rescanFile, scanFolder, scanSettings } from '../scan/scanner';
import { PackedFindings, packedCount, suppressedCount, unpackFindings, withoutSuppressed } from '../scan/compact';
import { argsError, didYouMean } from './did-you-mean';
import { runInit } from './init';
import { version } from '../version';
import { countOf, message } from '../engine/messages';
import { setLocale } from '../engine/l10n';
import { localeFor, withoutLocale } from './locale';
import { runReport } from './report';
import { runDashboard } from './dashboard';
import { commonFolder } from '../report/report';
import { snapshotOf } from '../io/snapshot';
import { runRules } from './rules';
import { runSbom } from './sbom';
import { runPolicy } from './policy';
import { reusePolicy } from '../engine/reuse/policy';
import { dep5ToReuseToml, parseDep5 } from '../engine/reuse/dep5';
import { unreadFileFindings, withProjectLicensing } from '../engine/check';
import { loadReuseContext, loadReuseInput } from '../io/reuse-source';
import { templateNames } from '../engine/policy/templates';
import type { FixContext } from '../engine/context';
import { checkInput } from '../io/check-input';
import { Baseline, countsOf, prunedEntry, recordedEntry, staleRules, withBaseline } from '../engine/baseline';
import { baselineFile, readBaseline, writeBaseline } from '../io/baseline-file';
import {
  FileFindings,
  findingCount,
  Format,
  formatGithub,
  formatJson,
  formatJunit,
  formats,
  formatSarif,
  formatText,
  PackedFileFindings,
  printable,
  Report,
  withSarifDetails,
} from './formats';

const usage = `Usage:
  ospo check [paths…] [--policy FILE] [--format text|json|sarif|github|junit] [--fail-on error|warning|info]
             [--changed [REF]] [--staged] [--rules all|header] [--reuse] [--commits RANGE] [--encoding NAME]
  ospo fix   [paths…] [--policy FILE] [--dry-run] [--encoding NAME]
  ospo init  [folder] [--template ${templateNames.join('|')}]
  ospo report [paths…] [--out FILE] [--json FILE] [--history N|tags]   (see ospo report --help)
  ospo dashboard [results…] [--manifest FILE] [--out FILE] [--json FILE] [--csv FILE]   (see ospo dashboard --help)
  ospo sbom  [paths…] [--format spdx-json|spdx3|spdx-lite|cyclonedx] [--out FILE]   (see ospo sbom --help)
  ospo policy render [folder] [--lang en|ja] [--format md|html] [--out FILE]   the policy as a document (see ospo policy --help)
  ospo convert-dep5 [folder]   write REUSE.toml from the deprecated .reuse/dep5, and remove it
  ospo rules [--json]          list the rules: scope, default severity, fixable (--json: all their metadata)

Options:
  --changed [REF]  check only files changed against REF (default HEAD), and untracked files
  --staged         check only the files staged for commit (for a pre-commit hook)
  --encoding NAME  read files that are not UTF-8 and declare no encoding in NAME (shift_jis, euc-kr, …),
                   instead of guessing (check and fix)
  --commits RANGE  check the messages of the commits in RANGE (main..HEAD), not files: AI trailers and
                   session links, as in the editor (for a pull request gate)
  --reuse          check REUSE 3.3 compliance only (headers, sidecars, REUSE.toml, dep5, LICENSES/), not the policy;
                   fails on warnings too (default --fail-on warning): info notes are advice
  --rules header   run the license-header rules only, reading just the top of each file
  --offline        never fetch a remote base policy; use the cache only
  --suppress-all   record every finding in .ospo/suppressions.json (the baseline): later runs report only new ones
  --suppress-rule ID  the same for rule ID only (repeatable)
  --prune-suppressions  remove baseline entries whose findings are gone
  --pass-on-unpruned-suppressions  do not fail (exit 2) on stale baseline entries
  --locale LANG    messages in LANG (en, ja); default: from LC_ALL, LC_MESSAGES or LANG

With no paths, the current folder is checked. Without --policy, the nearest .ospo/policy.yaml
at or above each path applies, else the built-in default policy. Folders are walked from the
policy's folder, else the top of the git repository, else the top of its REUSE project, so
.gitignore and REUSE.toml files there apply.
\`ospo init\` writes a commented starter policy to <folder>/.ospo/policy.yaml (default template: apache);
it never overwrites one.
Exit codes: 0 clean, 1 findings at or above --fail-on (default error), 2 usage or policy error.
`;

const commands = ['check', 'fix', 'init', 'report', 'dashboard', 'sbom', 'policy', 'convert-dep5', 'rules'];

const unknownCommand = (word: string) => `Unknown command '${word}'.${didYouMean(word, commands)}`;

class UsageError extends Error {}

/** What one path argument asks for: a folder under `root`, or a single file. */
interface Target {
  root: string;
  under: string;
  file?: string;
  policy: Policy;
  git: GitRules;
  history: GitHistory;
}

/** `--encoding NAME` as a decoder label; a name the runtime does not know is a usage error. */
function encodingOption(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  return encodingName(name) ?? fail(`Unknown --encoding '${name}': use an encoding name such as shift_jis, euc-jp, gb18030, big5, euc-kr or windows-1252`);
}

function fail(message: string): never {
  throw new UsageError(message);
}

interface Options {
  policy?: string;
  offline: boolean;
  /** `--encoding`: what a file that is neither UTF-8 nor declares its encoding is read in, instead of a guess (io/encoding.ts). */
  encoding?: string;
}

async function resolveTargets(paths: string[], opts: Options): Promise<Target[]> {
  const policyFlag = opts.policy;
  const targets: Target[] = [];
  for (const p of paths) {
    const abs = path.resolve(p);
    const stat = await fs.stat(abs).catch(() => undefined);
    if (!stat) fail(`No such file or folder: ${p}`);
    const start = stat.isDirectory() ? abs : path.dirname(abs);
    const root = await checkRoot(start, process.cwd(), !!policyFlag);
    const loaded = await readPolicy(root, policyFlag ? path.resolve(policyFlag) : undefined, { allowFetch: !opts.offline });
    // The policy's problems quote what the policy file says: printed as text only.
    const where = printable(path.relative(process.cwd(), loaded.file ?? '') || loaded.file || '');
    // In CI a broken policy, or a base that cannot be read, must stop the run rather than check less.
    if (!loaded.policy || loaded.problems.some((x) => x.severity === 'error')) {
      fail(
        loaded.problems
          .filter((x) => x.severity === 'error')
          .map((x) => `${where}:${x.line + 1}:${x.character + 1}: ${printable(x.message)}`)
          .join('\n'),
      );
    }
    for (const w of loaded.problems) process.stderr.write(`${where}:${w.line + 1}:${w.character + 1}: ${w.severity} ${printable(w.message)}\n`);
    targets.push({
      root,
      under: relativeTo(root, start),
      file: stat.isDirectory() ? undefined : relativeTo(root, abs),
      policy: loaded.policy,
      git: new GitRules(root),
      history: new GitHistory(root),
    });
  }
  return targets;
}

const display = (abs: string) => slashed(path.relative(process.cwd(), abs)) || '.';
/** `display` for a line a person reads: a name with control characters comes out quoted and escaped. */
const printed = (abs: string) => printable(display(abs));

/** `display` for the files of one root, without a path.relative per file (a scan can list 80,000). */
function displayUnder(root: string): (rel: string) => string {
  const here = slashed(path.relative(root, process.cwd()));
  if (here === '') return (rel) => rel;
  if (here !== '..' && !here.startsWith('../') && !path.isAbsolute(here)) {
    // Run from a folder inside the root: its files are shown from there, the others as display() shows them.
    const inside = here + '/';
    return (rel) => (rel.startsWith(inside) ? rel.slice(inside.length) : display(path.join(root, rel)));
  }
  const prefix = display(root) + '/';
  return (rel) => prefix + rel;
}
const relativeTo = (root: string, abs: string) => slashed(path.relative(root, abs));

interface CheckOptions extends Options {
  changed?: string;
  /** A range of commits whose messages are checked instead of files. */
  commits?: string;
  staged?: boolean;
  scope: CheckScope;
  reuse?: boolean;
  format: Format;
  /** The baseline: record today's findings (every rule, or these), or prune stale entries. */
  baseline: { record?: 'all' | string[]; prune: boolean };
}

/** One policy root's baseline during a run: as read, as changed, and the counts of the files checked. */
interface BaselineRun {
  entries: Baseline;
  changed: boolean;
  checked: Map<string, Record<string, number>>;
  /** The whole root was checked: entries of files not seen are stale too. */
  whole: boolean;
}

/**
 * The baseline (.ospo/suppressions.json) over one file's findings: records or prunes its entry when
 * asked, and marks what the entry covers suppressed (docs/design/suppressions.md).
 */
function baselined(run: BaselineRun, rel: string, findings: FileFindings['findings'], opts: CheckOptions['baseline']): FileFindings['findings'] {
  // Nothing to record, and no entry to apply or prune: the counts are read only for files with an entry (staleEntries).
  if (!opts.record && !Object.hasOwn(run.entries, rel)) return findings;
  const counts = countsOf(findings);
  run.checked.set(rel, counts);
  let entry: Baseline[string] | undefined = run.entries[rel];
  const update = (next: Baseline[string] | undefined) => {
    if (JSON.stringify(next) === JSON.stringify(entry)) return;
    if (next) run.entries[rel] = next;
    else delete run.entries[rel];
    entry = next;
    run.changed = true;
  };
  if (opts.record) update(recordedEntry(entry, counts, opts.record === 'all' ? undefined : opts.record));
  if (opts.prune && entry) update(prunedEntry(entry, counts));
  return withBaseline(findings, entry);
}

/** The stale entries of a root's baseline after the run, as `file: rule` lines; with `prune`, removed. */
function staleEntries(run: BaselineRun, prune: boolean): string[] {
  const stale: string[] = [];
  for (const file of Object.keys(run.entries)) {
    const counts = run.checked.get(file);
    if (!counts && !run.whole) continue;
    for (const rule of staleRules(run.entries[file], counts ?? {})) stale.push(`${file}: ${rule}`);
    if (prune && !counts) {
      delete run.entries[file];
      run.changed = true;
    }
  }
  return prune ? [] : stale;
}

async function check(paths: string[], opts: CheckOptions): Promise<{ report: Report; stale: string[] }> {
  const targets = await resolveTargets(paths, opts);
  // JUnit lists the clean files as passing test cases.
  const report: Report = { files: 0, results: [], skipped: [], checked: opts.format === 'junit' ? [] : undefined };
  report.policies = [...new Set(targets.map((t) => (t.policy.source === builtInSource ? message('policy.built-in') : printed(t.policy.source))))];
  if (opts.format === 'json') {
    report.snapshot = await snapshotOf(
      commonFolder(targets.map((t) => t.root)),
      targets.map((t) => (opts.reuse ? reusePolicy() : t.policy)),
      process.env,
      // The folders asked about: a check of `src/` is not a check of the repository.
      commonFolder(targets.map((t) => path.join(t.root, t.file ? path.dirname(t.file) : t.under))),
    );
    // A run that looked at some files or some rules only: not the state of the folder, which a dashboard must know.
    const partial = [
      opts.commits !== undefined && '--commits',
      opts.reuse && '--reuse',
      opts.changed !== undefined && '--changed',
      opts.staged && '--staged',
      opts.scope !== 'all' && `--rules ${opts.scope}`,
      targets.some((t) => t.file) && 'a file named',
    ].filter((x): x is string => !!x);
    if (partial.length) report.snapshot.partial = partial.join(', ');
  }
  if (opts.commits !== undefined) {
    await checkCommits(targets, opts.commits, report);
    return { report, stale: [] };
  }
  const baselines = new Map<string, BaselineRun>();
  for (const target of targets) {
    let run = baselines.get(target.root);
    if (!run) {
      const read = await readBaseline(target.root);
      if ('error' in read && typeof read.error === 'string') fail(`${printed(baselineFile(target.root))}: ${read.error}`);
      run = { entries: read as Baseline, changed: false, checked: new Map(), whole: false };
      baselines.set(target.root, run);
    }
    const baselineRun = run;
    let only: Set<string> | undefined;
    if (opts.changed || opts.staged) {
      try {
        only = opts.staged ? await stagedFiles(target.root) : await changedFiles(target.root, opts.changed!);
      } catch (err) {
        fail((err as Error).message);
      }
    }
    // --reuse: REUSE 3.3 and nothing of the organisation's policy.
    const policy = opts.reuse ? reusePolicy() : target.policy;
    // SARIF: each finding's line (fingerprints) and safe quick fix, from the file's text.
    const sarif = opts.format === 'sarif' ? { policy, ctx: await fixContextFor(target.root), encoding: opts.encoding } : undefined;
    const scanOptions = {
      root: target.root,
      policy,
      git: target.git,
      history: target.history,
      scope: opts.scope,
      reuse: opts.reuse ? ('always' as const) : ('auto' as const),
      encoding: opts.encoding,
      // Nothing else runs in the CLI's thread while it waits for the workers.
      helpInThread: true,
    };
    const withBaselineOf = <F extends { rel: string; findings: FileFindings['findings'] }>(f: F): F => ({
      ...f,
      findings: baselined(baselineRun, f.rel, f.findings, opts.baseline),
    });
    if (target.file) {
      // A file named on the command line is checked even when ignored: it was asked for.
      if (only && !only.has(target.file)) continue;
      const listed = new Set(existsSync(path.join(target.root, target.file + '.license')) ? [target.file + '.license'] : []);
      const settings = await scanSettings(scanOptions);
      const one = rescanFile(target.file, settings, listed, target.git);
      // A file not read as text is judged by its licensing from outside, as a folder's scan judges it.
      const unread =
        'reason' in one && settings.reuse && !opts.reuse && aboutContent(one.reason)
          ? unreadFileFindings(one.file, await readSidecar(path.join(target.root, one.file)), await loadReuseContext(target.root), policy, settings.today)
          : [];
      // Without SARIF's text details: the file is not text.
      if (unread.length)
        await addFile(report, target.root, displayUnder(target.root), withBaselineOf({ rel: target.file, findings: unread }), undefined, policy);
      else if ('reason' in one) report.skipped.push({ file: display(path.join(target.root, one.file)), reason: one.reason });
      else
        await addFile(
          report,
          target.root,
          displayUnder(target.root),
          withBaselineOf(
            settings.reuse
              ? {
                  ...one,
                  findings: withProjectLicensing(
                    one.findings,
                    one.rel,
                    { context: await loadReuseContext(target.root), licenseFiles: settings.reuse.licenseFiles },
                    policy,
                    settings.today,
                  ),
                }
              : one,
          ),
          sarif,
          policy,
        );
      continue;
    }
    const scan = await scanFolder({ ...scanOptions, under: target.under, only });
    if (!only && !target.under && opts.scope === 'all' && !opts.reuse) run.whole = true;
    const shown = displayUnder(target.root);
    for (const s of scan.skipped) report.skipped.push({ file: shown(s.file), reason: s.reason });
    // A clean file's entry is stale: it counts findings that are gone.
    for (const f of scan.files) {
      // As objects only where the baseline or SARIF needs them: the rest stay packed until written.
      const added =
        sarif || opts.baseline.record || Object.hasOwn(baselineRun.entries, f.rel)
          ? addFile(report, target.root, shown, withBaselineOf({ rel: f.rel, findings: findingsOf(scan, f) }), sarif, policy)
          : addPacked(report, shown(f.rel), f.packed, scan.strings.strings, policy);
      if (added) await added;
    }
  }
  const stale: string[] = [];
  for (const [root, run] of baselines) {
    stale.push(...staleEntries(run, opts.baseline.prune).map((e) => `${printed(baselineFile(root))}: ${printable(e)}`));
    if (run.changed) await writeBaseline(root, run.entries);
  }
  return { report, stale };
}

/**
 * `--commits RANGE`: each commit's message checked as the editor checks one being written, under the
 * path's policy. git runs in the folder named (not the policy's, which may be a parent repository's).
 * A commit is reported as `commit <sha>`, its lines those of its message. A range too long to read
 * whole is an error: a gate that checked part of it would pass what it did not read.
 */
async function checkCommits(targets: Target[], range: string, report: Report): Promise<void> {
  const seen = new Set<string>();
  for (const target of targets) {
    const at = path.join(target.root, target.file ? path.dirname(target.file) : target.under);
    let read;
    try {
      read = await commitMessages(at, range);
    } catch (err) {
      fail((err as Error).message);
    }
    if (read.truncated) fail(`${range} has more than ${read.commits.length} commits to read: check a shorter range`);
    for (const { sha, message: text, notes } of read.commits) {
      if (seen.has(sha)) continue;
      seen.add(sha);
      const shown = `commit ${sha.slice(0, 12)}`;
      report.files++;
      report.checked?.push(shown);
      const findings = checkCommitMessage(text, target.policy, { committed: true, notes });
      if (findings.length) report.results.push({ file: shown, findings });
    }
  }
}

/** Counts the findings each policy exception silenced, for the JSON output's `exceptions` (docs/design/suppressions.md). */
function countExcepted(report: Report, findings: readonly Finding[], policy: Policy): void {
  for (const f of findings) {
    const id = f.suppressed?.exception;
    if (id === undefined) continue;
    const entry = (report.exceptions ??= []).find((e) => e.id === id);
    if (entry) entry.suppressed++;
    else {
      const e = policy.exceptions.find((x) => x.id === id);
      report.exceptions.push({ id, ref: e?.ref ?? id, approver: e?.approver ?? '', suppressed: 1 });
    }
  }
}

/** Adds a checked file whose findings stay packed (no baseline entry, not SARIF) to the report. */
function addPacked(report: Report, shown: string, packed: PackedFindings, strings: readonly string[], policy: Policy): undefined {
  report.files++;
  report.checked?.push(shown);
  const suppressed = suppressedCount(packed);
  if (suppressed) report.suppressed = (report.suppressed ?? 0) + suppressed;
  // Unpacked only when some are suppressed and the policy has exceptions that may be why: rare.
  if (suppressed && policy.exceptions.length) countExcepted(report, unpackFindings(packed, strings), policy);
  if (packed.length && suppressed < packedCount(packed)) report.results.push(new PackedFileFindings(shown, withoutSuppressed(packed), strings));
  return undefined;
}

/** Adds a checked file to the report. Returns a promise only when it has to read the file (SARIF): a scan adds tens of thousands. */
function addFile(
  report: Report,
  root: string,
  shownOf: (rel: string) => string,
  file: { rel: string; findings: FileFindings['findings'] },
  sarif: { policy: Policy; ctx: FixContext; encoding?: string } | undefined,
  policy: Policy,
): Promise<void> | undefined {
  report.files++;
  const shown = shownOf(file.rel);
  report.checked?.push(shown);
  countExcepted(report, file.findings, policy);
  // Suppressed findings stay in SARIF, marked; the other formats leave them out and count them.
  const findings = sarif ? file.findings : file.findings.filter((f) => !f.suppressed);
  if (findings.length < file.findings.length) report.suppressed = (report.suppressed ?? 0) + file.findings.length - findings.length;
  if (!findings.length) return undefined;
  const entry: FileFindings = { file: shown, findings };
  if (!sarif) {
    report.results.push(entry);
    return undefined;
  }
  return readForCheck(path.join(root, file.rel), undefined, { setting: sarif.encoding }).then((read) => {
    report.results.push(
      'skipped' in read ? entry : withSarifDetails(entry, { path: file.rel, text: read.text, sidecarText: read.sidecarText }, sarif.policy, sarif.ctx),
    );
  });
}

async function fix(paths: string[], opts: Options, dryRun: boolean): Promise<number> {
  const targets = await resolveTargets(paths, opts);
  let changed = 0;
  let notFixed = 0;
  const left: string[] = [];
  const skip = (abs: string, reason: SkipReason) => process.stderr.write(`${message('cli.fix.skipped', { file: printed(abs), reason: skipText(reason) })}\n`);
  for (const target of targets) {
    const ctx = await fixContextFor(target.root);
    // The licensing the check sees: a file REUSE.toml or dep5 licenses gets no header.
    const reuse = await loadReuseInput(target.root);
    // Fixes stay inside the root: a file reached through a linked folder is someone else's.
    const seen = new Map<string, boolean>();
    const files = target.file ? [target.file] : (await listFiles(target.root, target.policy, target.git, target.under)).files;
    for (const abs of files.map((f) => path.join(target.root, f))) {
      const rel = relativeTo(target.root, abs);
      if (!(await reachedWithoutLinks(target.root, abs, seen))) {
        skip(abs, { id: 'through-symlink' });
        continue;
      }
      const read = await readForFix(abs, opts.encoding);
      if ('skipped' in read) {
        // Files with nothing to fix need no word; files that cannot be read as text are said to be left alone.
        if (!quietSkips.has(read.skipped.id)) skip(abs, read.skipped);
        continue;
      }
      // No AI history: the rule that reads it (ai-marker-missing) has no fix.
      const { edits, unfixed } = fixPlan(
        checkInput({
          path: rel,
          text: read.text,
          sidecarText: read.sidecarText,
          generated: target.git.isGenerated(rel),
          reuse,
          aiHistory: undefined,
          undecodable: undefined,
        }),
        target.policy,
        ctx,
      );
      for (const u of unfixed) left.push(unfixedLine(printed(abs), u.finding, u.why));
      if (!edits.length) continue;
      // Written back in the file's own encoding from text that kept its BOM and line endings: only the edited spans change.
      const bytes = encodeFixed(applyEdits(read.text, edits), read.text, read.file.bytes, read.encoding);
      if ('skipped' in bytes) {
        skip(abs, bytes.skipped);
        notFixed++;
        continue;
      }
      if (!dryRun) {
        const { refused, note } = await replaceChecked(abs, bytes, read.file);
        if (refused) {
          notFixed++;
          process.stderr.write(`ospo: not fixed ${printed(abs)}: ${printable(refused)}\n`);
          continue;
        }
        if (note) process.stderr.write(`ospo: ${printed(abs)}: ${printable(note)}\n`);
      }
      changed++;
      process.stdout.write(`${message(dryRun ? 'cli.fix.would-fix' : 'cli.fix.fixed', { file: printed(abs), edits: countOf('count.edits', edits.length) })}\n`);
    }
  }
  for (const line of left) process.stdout.write(`${line}\n`);
  process.stdout.write(`${message(dryRun ? 'cli.fix.would-change' : 'cli.fix.changed', { files: countOf('count.files', changed) })}\n`);
  if (left.length) process.stdout.write(`${message('cli.fix.left-summary', { findings: countOf('count.findings', left.length) })}\n`);
  if (notFixed) process.stderr.write(`ospo: ${message('cli.fix.not-written', { files: countOf('count.files', notFixed) })}\n`);
  // A fix that could not be written is a failure a script must see.
  return notFixed ? 1 : 0;
}

// Rules whose fixes rewrite the license a file declares: which license applies is for a person to say.
const licenseRules = new Set(['license-mismatch', 'spdx-invalid', 'spdx-deprecated']);

/** One finding fix-all leaves, with where, the rule and why (docs/design/architecture.md, fix guarantees). */
function unfixedLine(file: string, finding: Finding, why: Unfixed): string {
  const where = `${file}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
  return message('cli.fix.left', { where, rule: finding.rule, reason: unfixedReason(finding, why) });
}

function unfixedReason(finding: Finding, why: Unfixed): string {
  if (why === 'overlap') return message('cli.fix.reason.overlap');
  if (why === 'no-edit') return message('cli.fix.reason.no-edit');
  const fix = finding.fix;
  if (why === 'no-fix' || !fix)
    return message(ruleMeta(finding.rule)?.fixable ? 'cli.fix.reason.no-fix' : 'cli.fix.reason.no-fix-rule', { message: finding.message });
  if (fix.kind === 'create-license-text') return message('cli.fix.reason.other-file', { title: fixTitle(finding) });
  if (fix.kind === 'replace' && licenseRules.has(finding.rule)) {
    const choices = [fix, ...(finding.alternatives ?? [])].flatMap((f) => (f.kind === 'replace' ? [`'${f.text}'`] : []));
    return message('cli.fix.reason.license', { choices: choices.join(message('list.or')) });
  }
  return message('cli.fix.reason.choice', { title: fixTitle(finding) });
}

/** Skip reasons not worth a line in `ospo fix`: nothing there a fix could edit (images and the like are common). */
const quietSkips = new Set<SkipId>(['empty', 'binary']);

/**
 * Whether the way down to `abs`'s folder goes through no symbolic link: from the current folder
 * when the file is below it (`ospo fix src/a.ts`), else from the root the file belongs to, which
 * then must not be a link itself. A file reached through a linked folder lives elsewhere, and a fix
 * must not edit it. Folders already judged are remembered (`seen`): a whole tree costs one
 * realpath per folder.
 */
async function reachedWithoutLinks(root: string, abs: string, seen: Map<string, boolean>): Promise<boolean> {
  const dir = path.dirname(abs);
  const known = seen.get(dir);
  if (known !== undefined) return known;
  const cwd = process.cwd();
  const underCwd = !path.relative(cwd, dir).startsWith('..') && !path.isAbsolute(path.relative(cwd, dir));
  const base = underCwd ? cwd : root;
  let ok = false;
  try {
    const baseIsLink = !underCwd && (await fs.lstat(root)).isSymbolicLink();
    const [realBase, realDir] = await Promise.all([fs.realpath(base), fs.realpath(dir)]);
    ok = !baseIsLink && realDir === path.join(realBase, path.relative(base, dir));
  } catch {
    /* gone or unreadable: not fixed */
  }
  seen.set(dir, ok);
  return ok;
}

/** The text to fix, with what the file was like when read, so the write can tell whether it changed since. */
async function readForFix(
  abs: string,
  setting?: string,
): Promise<{ text: string; encoding: string; sidecarText?: string; file: RegularFile } | { skipped: SkipReason }> {
  const file = await readRegular(abs, defaultMaxBytes);
  if ('skipped' in file) return file;
  const decoded = textOf(file.bytes, defaultMaxBytes, { setting, project: () => editorconfigCharset(abs) });
  if ('skipped' in decoded) return decoded;
  // A copy: the bytes are compared with the file again just before it is replaced.
  return { text: decoded.text, encoding: decoded.encoding, sidecarText: await readSidecar(abs), file: { ...file, bytes: Buffer.from(file.bytes) } };
}

/**
 * `--changed` takes an optional ref, which parseArgs cannot express: the word after it is the ref
 * when it names a commit, else a path, and the ref is HEAD. `--changed=REF` is never ambiguous.
 */
async function withChangedRef(argv: string[]): Promise<string[]> {
  const at = argv.indexOf('--changed');
  if (at < 0) return argv;
  const next = argv[at + 1];
  const takesNext = next !== undefined && !next.startsWith('-') && (await isCommit(process.cwd(), next));
  return [...argv.slice(0, at), `--changed=${takesNext ? next : 'HEAD'}`, ...argv.slice(at + (takesNext ? 2 : 1))];
}

/** `ospo convert-dep5 [folder]`: writes REUSE.toml from .reuse/dep5 and removes dep5 (REUSE 3.3 deprecates it); never overwrites. */
async function convertDep5(folder: string): Promise<number> {
  const dep5File = path.join(folder, '.reuse', 'dep5');
  const tomlFile = path.join(folder, 'REUSE.toml');
  const text = (await readMetadata(dep5File))?.toString('utf8') ?? fail(`No .reuse/dep5 in ${folder}`);
  const dep5 = parseDep5(text);
  for (const p of dep5.problems) process.stderr.write(`${printed(dep5File)}:${p.line + 1}:${p.character + 1}: ${printable(p.message)}\n`);
  try {
    // Created whole or not at all, never over anything that has the name (a dangling link included).
    await createFile(tomlFile, dep5ToReuseToml(dep5));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') fail(`${printed(tomlFile)} exists already: merge .reuse/dep5 into it by hand`);
    fail(`${printed(tomlFile)} could not be written (${code ?? (err as Error).message}); .reuse/dep5 is left as it was`);
  }
  await fs.rm(dep5File);
  process.stdout.write(`wrote ${printed(tomlFile)} and removed ${printed(dep5File)}\n`);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  // Messages follow --locale, else LC_ALL / LC_MESSAGES / LANG (ja_JP.UTF-8 gives Japanese).
  setLocale(localeFor(argv, process.env));
  argv = withoutLocale(argv);
  // `report` has options of its own (cli/report.ts), which the strict parse below would refuse.
  if (argv[0] === 'report') return runReport(argv.slice(1), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() });
  if (argv[0] === 'dashboard') return runDashboard(argv.slice(1), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() });
  if (argv[0] === 'rules') return runRules(argv.slice(1), process);
  if (argv[0] === 'policy') return runPolicy(argv.slice(1), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() });
  if (argv[0] === 'sbom') return runSbom(argv.slice(1), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env });
  // A misspelt command is named before its options are judged: `ospo reprot --out x` is about the command.
  if (argv[0] !== undefined && !argv[0].startsWith('-') && !commands.includes(argv[0])) {
    process.stderr.write(`ospo: ${unknownCommand(argv[0])}\n\n${usage}`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: await withChangedRef(argv),
      allowPositionals: true,
      options: {
        policy: { type: 'string' },
        format: { type: 'string', default: 'text' },
        'fail-on': { type: 'string', default: 'error' },
        'dry-run': { type: 'boolean', default: false },
        offline: { type: 'boolean', default: false },
        template: { type: 'string' },
        changed: { type: 'string' },
        encoding: { type: 'string' },
        commits: { type: 'string' },
        staged: { type: 'boolean', default: false },
        reuse: { type: 'boolean', default: false },
        rules: { type: 'string', default: 'all' },
        'suppress-all': { type: 'boolean', default: false },
        'suppress-rule': { type: 'string', multiple: true },
        'prune-suppressions': { type: 'boolean', default: false },
        'pass-on-unpruned-suppressions': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (err) {
    process.stderr.write(`ospo: ${argsError(err, argv, usage)}\n\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  const [command, ...paths] = positionals;
  if (values.help || !command) {
    (values.help ? process.stdout : process.stderr).write(usage);
    return values.help ? 0 : 2;
  }
  try {
    if (command === 'check') {
      const format = values.format as Format;
      if (!formats.includes(format)) fail(`Unknown --format '${values.format}': use ${formats.join(', ')}`);
      // --reuse fails on what breaks REUSE 3.3 (errors and warnings, unused license texts among them,
      // as reuse lint counts them); notes at info, such as the deprecated but valid dep5, do not.
      const failOn = (values.reuse && !argv.some((a) => a.startsWith('--fail-on')) ? 'warning' : values['fail-on']) as Severity;
      if (!['error', 'warning', 'info', 'hint'].includes(failOn)) fail(`Unknown --fail-on '${failOn}': use error, warning or info`);
      if (values.commits !== undefined && (values.changed !== undefined || values.staged || values.reuse))
        fail('--commits checks the messages of commits, not files: it does not go with --changed, --staged or --reuse');
      const scope = values.rules as CheckScope;
      if (scope !== 'all' && scope !== 'header') fail(`Unknown --rules '${values.rules}': use all or header`);
      const { report, stale } = await check(paths.length ? paths : ['.'], {
        policy: values.policy,
        offline: !!values.offline,
        encoding: encodingOption(values.encoding),
        changed: values.changed,
        staged: values.staged,
        commits: values.commits,
        scope,
        reuse: values.reuse,
        format,
        baseline: {
          record: values['suppress-all'] ? 'all' : values['suppress-rule'],
          prune: !!values['prune-suppressions'],
        },
      });
      const out =
        format === 'json'
          ? formatJson(report)
          : format === 'sarif'
            ? [formatSarif(report, version)]
            : format === 'github'
              ? formatGithub(report)
              : format === 'junit'
                ? [formatJunit(report)]
                : formatText(report);
      await writePieces(process.stdout, out);
      if (format === 'text') {
        const count = report.results.reduce((n, r) => n + findingCount(r), 0);
        const counts = {
          findings: countOf('count.findings', count),
          files: countOf('count.files', report.files),
          skipped: countOf('count.files', report.skipped.length),
        };
        // The policy in force is named: one planted where it should not be would otherwise govern unseen.
        if (report.policies?.length) process.stderr.write(`${message('cli.policy', { policy: report.policies.join(', ') })}\n`);
        process.stderr.write(`${message(report.skipped.length ? 'cli.summary.skipped' : 'cli.summary', counts)}\n`);
      }
      const failing = report.results.some((r) => failsAt(r.findings, failOn));
      // As ESLint: stale baseline entries would let new findings in unseen, so they fail the run until pruned.
      if (stale.length && !values['pass-on-unpruned-suppressions']) {
        process.stderr.write(`${message('cli.baseline.stale', { count: String(stale.length) })}\n${stale.map((e) => `  ${e}\n`).join('')}`);
        return 2;
      }
      return failing ? 1 : 0;
    }
    if (command === 'fix')
      return await fix(
        paths.length ? paths : ['.'],
        { policy: values.policy, offline: !!values.offline, encoding: encodingOption(values.encoding) },
        values['dry-run'] ?? false,
      );
    if (command === 'convert-dep5') {
      if (paths.length > 1) fail('convert-dep5 takes one folder');
      return await convertDep5(path.resolve(paths[0] ?? '.'));
    }
    if (command === 'init') {
      if (paths.length > 1) fail('init takes one folder');
      return await runInit(paths[0] ?? '.', values.template, process);
    }
    fail(unknownCommand(command));
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`ospo: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

/** Writes a report made in pieces a megabyte at a time, waiting whenever the stream's buffer is full. */
async function writePieces(out: NodeJS.WritableStream, pieces: Iterable<string>): Promise<void> {
  // Joined once per megabyte: a string grown by `+=` is a rope of small pieces, which writing has to
  // flatten first, and that cost more than making the pieces (0.3 s on the kernel's 29 MB report).
  let buffered: string[] = [];
  let length = 0;
  const flush = async () => {
    const chunk = buffered.join('');
    buffered = [];
    length = 0;
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', resolve));
  };
  for (const piece of pieces) {
    buffered.push(piece);
    length += piece.length;
    if (length >= 1 << 20) await flush();
  }
  if (length) await flush();
}

export function run(): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`ospo: internal error: ${(err as Error).stack ?? err}\n`);
      process.exitCode = 2;
    },
  );
}

if (require.main === module) run();
