// `ospo policy <command>`: what the CLI does with the policy file itself, rather than with the files
// it governs. One command so far:
//   ospo policy render [folder] [--policy FILE] [--lang en|ja] [--format md|html] [--out FILE] [--offline]
// writes the policy as a document people read, every statement linked to its line of the policy
// (policy-doc/, docs/design/policy-render.md).
// Exit codes: 0 written, 2 usage or policy error.

import { slashed } from '../io/fs-paths';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { todayIso } from '../engine/dates';
import { currentLocale, type Locale } from '../engine/l10n';
import { checkRoot, readPolicy } from '../io/policy-source';
import { policyDocument } from '../policy-doc/model';
import { policyDocFormats, renderPolicyDocument, type Linker, type PolicyDocFormat } from '../policy-doc/render';
import { commandArgs, didYouMean } from './did-you-mean';
import { printable } from './formats';
import { language } from './locale';
import { type ReportIo, UsageError, writeOut } from './report';

export const policyCommands = ['render'] as const;

export const policyUsage = `Usage:
  ospo policy render [folder] [--policy FILE] [--lang en|ja] [--format md|html] [--out FILE] [--offline]

Writes the policy as a document people read: which licenses are allowed, need review or are denied
and who approves; the header and copyright rules; the AI-disclosure rules; the third-party and
generated paths; the rules for particular paths; the exceptions in force. It is read from the
nearest .ospo/policy.yaml at or above the folder (default: the current folder) with its bases, as
\`ospo check\` reads it, and each statement links to the line of the policy it comes from.

Options:
  --lang en|ja       the document's language (default: the CLI's language: --locale, else LC_ALL,
                     LC_MESSAGES or LANG)
  --format md|html   Markdown (default), or one self-contained HTML page that loads nothing
  --out FILE         write the document to FILE (default: stdout); links to the policy are relative
                     to FILE's folder (to the current folder on stdout)
  --policy FILE      render this policy file instead of the nearest .ospo/policy.yaml
  --offline          never fetch a remote base policy; use the cache only

Exit codes: 0 written, 2 usage or policy error.
`;

export interface PolicyIo extends ReportIo {
  /** The day the exceptions' status is judged on, YYYY-MM-DD; default today (for tests). */
  today?: string;
}

/** `--lang`: any name `--locale` takes (ja_JP.UTF-8 is ja), but only a language the document is written in. */
function documentLanguage(value: string | undefined): Locale {
  if (value === undefined) return currentLocale();
  const lang = language(value);
  if (lang === 'en' || lang === 'ja') return lang;
  throw new UsageError(`Unknown --lang '${value}': use en or ja`);
}

/**
 * Links from the document to the policy texts: a local file relative to the folder the document is
 * written in, a remote base by its URL, each at `#L<line>`.
 */
function linkerFrom(folder: string, cwd: string): Linker {
  return (source, line) => {
    const at = line === undefined ? '' : `#L${line}`;
    if (/^https?:\/\//i.test(source)) return { label: source + at, href: source + at };
    const rel = slashed(path.relative(folder, source)) || path.basename(source);
    const shown = slashed(path.relative(cwd, source)) + (line === undefined ? '' : `:${line}`);
    return { label: shown, href: rel.split('/').map(encodeURIComponent).join('/') + at };
  };
}

async function render(args: string[], io: PolicyIo): Promise<number> {
  const parsed = commandArgs(
    'policy',
    args,
    {
      policy: { type: 'string' },
      lang: { type: 'string' },
      format: { type: 'string', default: 'md' },
      out: { type: 'string' },
      offline: { type: 'boolean', default: false },
    },
    policyUsage,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new UsageError('policy render takes one folder');
  const format = values.format as PolicyDocFormat;
  if (!policyDocFormats.includes(format)) throw new UsageError(`Unknown --format '${values.format}': use md or html`);
  const lang = documentLanguage(values.lang);
  if (values.out === '') throw new UsageError('--out needs a file name');

  const folder = path.resolve(io.cwd, positionals[0] ?? '.');
  const stat = await fs.stat(folder).catch(() => undefined);
  if (!stat) throw new UsageError(`No such folder: ${positionals[0]}`);
  if (!stat.isDirectory()) throw new UsageError(`Not a folder: ${positionals[0]} (give the folder whose policy to render, or --policy FILE)`);
  // The policy `ospo check` would use for the folder: the nearest one, the one named, or the built-in default.
  const root = await checkRoot(folder, io.cwd, !!values.policy);
  const loaded = await readPolicy(root, values.policy ? path.resolve(io.cwd, values.policy) : undefined, { allowFetch: !values.offline });
  const where = printable(slashed(path.relative(io.cwd, loaded.file ?? '')) || loaded.file || '');
  const errors = loaded.problems.filter((x) => x.severity === 'error');
  // A document of a broken policy would state rules nobody enforces.
  if (!loaded.policy || errors.length)
    throw new UsageError(
      errors.map((x) => `${where}:${x.line + 1}:${x.character + 1}: ${printable(x.message)}`).join('\n') || `${where}: cannot read the policy`,
    );
  for (const w of loaded.problems) io.stderr.write(`${where}:${w.line + 1}:${w.character + 1}: ${w.severity} ${printable(w.message)}\n`);

  const doc = policyDocument(loaded.policy, loaded.sources ?? [], { lang, today: io.today ?? todayIso() });
  const out = values.out ?? '-';
  const linksFrom = out === '-' ? io.cwd : path.dirname(path.resolve(io.cwd, out));
  await writeOut(out, renderPolicyDocument(doc, format, linkerFrom(linksFrom, io.cwd)), io, true);
  return 0;
}

/** `ospo policy …`: exit 0 when done, 2 (message on stderr) on a usage or policy error. */
export async function runPolicy(argv: string[], io: PolicyIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === '--help' || command === '-h') {
      io.stdout.write(policyUsage);
      return 0;
    }
    if (command === undefined || command.startsWith('-')) throw new UsageError(`policy needs a command: ${policyCommands.join(', ')}\n\n${policyUsage}`);
    if (command === 'render') return await render(rest, io);
    throw new UsageError(`Unknown policy command '${command}'.${didYouMean(command, policyCommands)}\n\n${policyUsage}`);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`ospo policy: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}
