// The client's own texts (status bar, notifications, pickers) in the language of the findings. VS Code's
// `vscode.l10n.t` follows only the display language, so with `ospo.locale: ja` in an English VS Code the
// findings were Japanese and everything around them English. `t` follows `ospo.locale` (else the display
// language) and reads the same bundle, l10n/bundle.l10n.ja.json, which VS Code reads for `vscode.l10n.t`.

import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { resolveLocale } from '../../shared/locale';
import { settingsSchema, settingsSection } from '../../shared/protocol';

/** The language of the findings: `ospo.locale`, or VS Code's display language when it is `auto`. */
export function messageLocale(): string {
  const chosen = vscode.workspace.getConfiguration(settingsSection).get<string>('locale', settingsSchema.locale.default);
  return chosen && chosen !== 'auto' ? chosen : vscode.env.language;
}

let extensionRoot: string | undefined;
let japanese: Record<string, string> | undefined;

/** Where the bundle is: the extension's folder, given at activation. */
export function useExtensionRoot(root: string): void {
  extensionRoot = root;
}

function japaneseBundle(): Record<string, string> {
  if (!japanese) {
    try {
      japanese = JSON.parse(readFileSync(path.join(extensionRoot ?? path.join(__dirname, '..'), 'l10n', 'bundle.l10n.ja.json'), 'utf8')) as Record<
        string,
        string
      >;
    } catch {
      japanese = {};
    }
  }
  return japanese;
}

/** `message` in the language of the findings, `{0}`, `{1}`… filled from `args`, as `vscode.l10n.t` does. */
export function t(message: string, ...args: (string | number | boolean)[]): string {
  const text = resolveLocale(messageLocale()) === 'ja' ? (japaneseBundle()[message] ?? message) : message;
  return text.replace(/\{(\d+)\}/g, (whole, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : whole));
}
