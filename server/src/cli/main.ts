// `ospo`: the same engine as the editor, for CI and the terminal.
//   ospo check [paths…] [--policy FILE] [--format text|json|sarif|github] [--fail-on error|warning|info]
//   ospo fix   [paths…] [--policy FILE] [--dry-run]
//   ospo init  [folder] [--template NAME]
// Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or policy error.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { checkText } from '../engine/check';
import { Severity, severityRank } from '../engine/findings';
import { fixAll } from '../engine/fixes';
import type { Policy } from '../engine/policy/model';
import { applyEdits } from '../engine/text';
import { fixContextFor } from '../io/fix-context';
import { findPolicyRoot, readPolicy } from '../io/policy-source';
import { readForCheck } from '../io/read-file';
import { GitRules } from '../io/git-rules';
import { GitHistory } from '../io/git-history';
import { allCommitTrailerKeys } from '../engine/ai-trailers';
import { listFiles } from '../io/walk';
import { runInit } from './init';
import { templateNames } from '../engine/policy/templates';
import { Format, formatGithub, formatJson, formats, formatSarif, formatText, Report } from './formats';

const version = '0.1.0';

const usage = `Usage:
  ospo check [paths…] [--policy FILE] [--format text|json|sarif|github] [--fail-on error|warning|info]
  ospo fix   [paths…] [--policy FILE] [--dry-run]
  ospo init  [folder] [--template ${templateNames.join('|')}]

Options:
  --offline   never fetch a remote base policy; use the cache only

With no paths, the current folder is checked. Without --policy, the nearest .ospo/policy.yaml
at or above each path applies, else the built-in default policy.
\`ospo init\` writes a commented starter policy to <folder>/.ospo/policy.yaml (default template: apache);
it never overwrites one.
Exit codes: 0 clean, 1 findings at or above --fail-on (default error), 2 usage or policy error.
`;

class UsageError extends Error {}

interface Target { root: string; policy: Policy; files: string[]; git: GitRules; history: GitHistory }

function fail(message: string): never {
  throw new UsageError(message);
}

interface Options { policy?: string; offline: boolean }

async function resolveTargets(paths: string[], opts: Options): Promise<Target[]> {
  const policyFlag = opts.policy;
  const targets: Target[] = [];
  for (const p of paths) {
    const abs = path.resolve(p);
    const stat = await fs.stat(abs).catch(() => undefined);
    if (!stat) fail(`No such file or folder: ${p}`);
    const start = stat.isDirectory() ? abs : path.dirname(abs);
    const root = policyFlag ? start : (await findPolicyRoot(start)) ?? start;
    const loaded = await readPolicy(root, policyFlag ? path.resolve(policyFlag) : undefined, { allowFetch: !opts.offline });
    const where = path.relative(process.cwd(), loaded.file ?? '') || loaded.file;
    // In CI a broken policy, or a base that cannot be read, must stop the run rather than check less.
    if (!loaded.policy || loaded.problems.some((x) => x.severity === 'error')) {
      fail(loaded.problems.filter((x) => x.severity === 'error').map((x) => `${where}:${x.line + 1}:${x.character + 1}: ${x.message}`).join('\n'));
    }
    for (const w of loaded.problems) process.stderr.write(`${where}:${w.line + 1}:${w.character + 1}: warning ${w.message}\n`);
    const git = new GitRules(root);
    const files = stat.isDirectory() ? (await listFiles(abs, loaded.policy, git)).map((f) => path.join(abs, f)) : [abs];
    targets.push({ root, policy: loaded.policy, files, git, history: new GitHistory(root) });
  }
  return targets;
}

const display = (abs: string) => path.relative(process.cwd(), abs).split(path.sep).join('/') || '.';
const relativeTo = (root: string, abs: string) => path.relative(root, abs).split(path.sep).join('/');

async function check(paths: string[], opts: Options): Promise<Report> {
  const targets = await resolveTargets(paths, opts);
  const report: Report = { files: 0, results: [], skipped: [] };
  for (const target of targets) {
    for (const abs of target.files) {
      const read = await readForCheck(abs);
      if ('skipped' in read) { report.skipped.push({ file: display(abs), reason: read.skipped }); continue; }
      const rel = relativeTo(target.root, abs);
      const aiHistory = await target.history.forFile(rel, allCommitTrailerKeys(target.policy));
      const result = checkText({ path: rel, text: read.text, sidecarText: read.sidecarText, generated: await target.git.isGenerated(rel), aiHistory }, target.policy);
      report.files++;
      if (result.findings.length) report.results.push({ file: display(abs), findings: result.findings });
    }
  }
  return report;
}

async function fix(paths: string[], opts: Options, dryRun: boolean): Promise<number> {
  const targets = await resolveTargets(paths, opts);
  let changed = 0;
  for (const target of targets) {
    const ctx = await fixContextFor(target.root);
    for (const abs of target.files) {
      const read = await readForCheck(abs);
      if ('skipped' in read) continue;
      const rel = relativeTo(target.root, abs);
      const edits = fixAll({ path: rel, text: read.text, sidecarText: read.sidecarText, generated: await target.git.isGenerated(rel) }, target.policy, ctx);
      if (!edits.length) continue;
      changed++;
      process.stdout.write(`${dryRun ? 'would fix' : 'fixed'} ${display(abs)} (${edits.length} edit${edits.length === 1 ? '' : 's'})\n`);
      // Written back as UTF-8 from text that kept its BOM and line endings: only the edited spans change.
      if (!dryRun) await fs.writeFile(abs, applyEdits(read.text, edits), 'utf8');
    }
  }
  process.stdout.write(`${changed} file${changed === 1 ? '' : 's'} ${dryRun ? 'would change' : 'changed'}\n`);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        policy: { type: 'string' },
        format: { type: 'string', default: 'text' },
        'fail-on': { type: 'string', default: 'error' },
        'dry-run': { type: 'boolean', default: false },
        offline: { type: 'boolean', default: false },
        template: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (err) {
    process.stderr.write(`ospo: ${(err as Error).message}\n\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) { process.stdout.write(`${version}\n`); return 0; }
  const [command, ...paths] = positionals;
  if (values.help || !command) { (values.help ? process.stdout : process.stderr).write(usage); return values.help ? 0 : 2; }
  try {
    if (command === 'check') {
      const format = values.format as Format;
      if (!formats.includes(format)) fail(`Unknown --format '${values.format}': use ${formats.join(', ')}`);
      const failOn = values['fail-on'] as Severity;
      if (!['error', 'warning', 'info'].includes(failOn)) fail(`Unknown --fail-on '${failOn}': use error, warning or info`);
      const report = await check(paths.length ? paths : ['.'], { policy: values.policy, offline: !!values.offline });
      const out = format === 'json' ? formatJson(report) : format === 'sarif' ? formatSarif(report, version) : format === 'github' ? formatGithub(report) : formatText(report);
      process.stdout.write(out);
      if (format === 'text') {
        const count = report.results.reduce((n, r) => n + r.findings.length, 0);
        process.stderr.write(`${count} finding${count === 1 ? '' : 's'} in ${report.files} file${report.files === 1 ? '' : 's'} checked${report.skipped.length ? `, ${report.skipped.length} skipped` : ''}\n`);
      }
      const failing = report.results.some((r) => r.findings.some((f) => severityRank[f.severity] >= severityRank[failOn]));
      return failing ? 1 : 0;
    }
    if (command === 'fix') return await fix(paths.length ? paths : ['.'], { policy: values.policy, offline: !!values.offline }, values['dry-run'] ?? false);
    if (command === 'init') {
      if (paths.length > 1) fail('init takes one folder');
      return await runInit(paths[0] ?? '.', values.template, process);
    }
    fail(`Unknown command '${command}'`);
  } catch (err) {
    if (err instanceof UsageError) { process.stderr.write(`ospo: ${err.message}\n`); return 2; }
    throw err;
  }
}

export function run(): void {
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (err) => { process.stderr.write(`ospo: internal error: ${(err as Error).stack ?? err}\n`); process.exitCode = 2; },
  );
}

if (require.main === module) run();
