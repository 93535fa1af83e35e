// The language of findings, fix titles and other user-facing text. One process-wide setting: the
// language server sets it from the client's `initialize` params (VS Code sends its display
// language), the CLI from `--locale` or the POSIX locale variables (cli/locale.ts).
//
// Only Japanese and English exist. Any `ja` tag (`ja`, `ja-JP`, `ja_JP.UTF-8`) selects Japanese;
// everything else, including no locale at all, `C` and `POSIX`, selects English.

import { type Locale, resolveLocale } from '../../../shared/locale';

export { type Locale, resolveLocale };

let current: Locale = 'en';

export function setLocale(locale: string | undefined): void {
  current = resolveLocale(locale);
}

export function currentLocale(): Locale {
  return current;
}
