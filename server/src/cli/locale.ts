// The CLI's locale: `--locale ja` or `--locale=ja` wins; otherwise the POSIX variables in their
// order of precedence, LC_ALL, LC_MESSAGES, LANG (the first one set and non-empty decides, as in
// setlocale(3)). Names are reduced to their language: `ja_JP.UTF-8` and `ja-JP` are `ja`, and `C`
// and `POSIX` are English (`en`). Undefined when nothing says: the engine then speaks English.
// Options are looked for only before a `--`, which ends them.

const posixVariables = ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const;

/** A locale name reduced to its language, as `--locale` takes it (`ja_JP.UTF-8` is `ja`); also for `ospo policy render --lang`. */
export function language(locale: string): string | undefined {
  const name = locale.trim();
  if (!name) return undefined;
  if (name === 'C' || name === 'POSIX' || /^C\./.test(name)) return 'en';
  // ja_JP.UTF-8@modifier, ja-JP and JA all come down to ja: the engine only tells languages apart.
  return name.split(/[-_.@]/)[0].toLowerCase() || undefined;
}

export function localeFor(argv: string[], env: NodeJS.ProcessEnv): string | undefined {
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    const arg = argv[i];
    if (arg === '--locale') return argv[i + 1] !== undefined ? language(argv[i + 1]) : undefined;
    if (arg.startsWith('--locale=')) return language(arg.slice('--locale='.length));
  }
  for (const name of posixVariables) {
    const value = env[name];
    if (value) return language(value);
  }
  return undefined;
}

/** argv without `--locale X` / `--locale=X`, for a strict parseArgs that does not know the option. */
export function withoutLocale(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    if (arg === '--locale') {
      i++;
      continue;
    }
    if (arg.startsWith('--locale=')) continue;
    out.push(arg);
  }
  return out;
}
