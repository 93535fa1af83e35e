// The two languages of the product, and how a locale tag picks one: shared by the server (messages)
// and the client (its own texts), so both sides of one editor always speak the same language.

export type Locale = 'en' | 'ja';

/**
 * The supported locale a BCP 47 tag or POSIX locale name falls back to. Any `ja` tag (`ja`, `ja-JP`,
 * `ja_JP.UTF-8`) selects Japanese; everything else, including no locale at all, `C` and `POSIX`, English.
 */
export function resolveLocale(locale: string | undefined): Locale {
  return locale !== undefined && /^ja(?:[-_.@]|$)/i.test(locale.trim()) ? 'ja' : 'en';
}
