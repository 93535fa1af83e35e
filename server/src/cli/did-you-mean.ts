// "Did you mean …?" for a misspelt command or option, from the same nearest-name rule as the
// policy's unknown keys (engine/closest.ts).

import { parseArgs } from 'node:util';
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
