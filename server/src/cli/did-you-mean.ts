// "Did you mean …?" for a misspelt command or option, from the same nearest-name rule as the
// policy's unknown keys (engine/closest.ts).

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closest } from '../engine/closest';
import { message } from '../engine/messages';

/** ` Did you mean 'check'?` when one name is near `word`, or is the only one it begins (`--dry` for --dry-run); else nothing. */
export function didYouMean(word: string, known: readonly string[]): string {
  const begun = known.filter((k) => k.startsWith(word));
  const guess = begun.length === 1 ? begun[0] : closest(word, known);
  return guess ? ` ${message('cli.did-you-mean', { suggestion: guess })}` : '';
}

/** The options a usage text documents (`--format`, `--dry-run`), with --help and --version, which every command takes. */
export function documentedOptions(usage: string): string[] {
  return [...new Set([...(usage.match(/--[a-z][\w-]*/g) ?? []), '--help', '--version'])];
}

/**
 * parseArgs' error, said with the nearest documented option when it is about an unknown one. The
 * arguments are read again without the option table to find which option it was: the error
 * carries its name only in its text.
 */
export function argsError(err: unknown, args: string[], usage: string): string {
  if ((err as { code?: string }).code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return (err as Error).message;
  const known = documentedOptions(usage);
  const { tokens } = parseArgs({ args, strict: false, allowPositionals: true, tokens: true });
  const unknown = tokens.find((t) => t.kind === 'option' && t.rawName.startsWith('--') && !known.includes(t.rawName));
  if (unknown?.kind !== 'option') return (err as Error).message;
  return message('cli.unknown-option', { option: unknown.rawName }) + didYouMean(unknown.rawName, known);
}

type OptionTable = NonNullable<ParseArgsConfig['options']>;
type HelpOption = { help: { type: 'boolean'; short: 'h'; default: false } };
type CommandConfig<T extends OptionTable> = { args: string[]; allowPositionals: true; options: T & HelpOption };
type Parsed<T extends OptionTable> = ReturnType<typeof parseArgs<CommandConfig<T>>>;

/**
 * A subcommand's arguments read by its option table, with `--help`/`-h`: parsed, or the exit code once it has said
 * why not (2: the reason, then the usage) or printed the usage for --help (0). The one place `ospo report`,
 * `dashboard`, `sbom` and `policy` read their arguments.
 */
export function commandArgs<T extends OptionTable>(
  command: string,
  args: string[],
  options: T,
  usage: string,
  io: { stdout: { write(s: string): unknown }; stderr: { write(s: string): unknown } },
): Parsed<T> | 0 | 2 {
  let parsed: Parsed<T>;
  try {
    const config: CommandConfig<T> = { args, allowPositionals: true, options: { ...options, help: { type: 'boolean', short: 'h', default: false } } };
    parsed = parseArgs(config);
  } catch (err) {
    io.stderr.write(`ospo ${command}: ${argsError(err, args, usage)}\n\n${usage}`);
    return 2;
  }
  if ((parsed.values as { help?: boolean }).help) {
    io.stdout.write(usage);
    return 0;
  }
  return parsed;
}
