// SPDX-FileCopyrightText: 2026 OSPO Compliance contributors
// SPDX-License-Identifier: Apache-2.0
//
// What the extension-host tests share: waiting for the server, reading our diagnostics, and
// throw-away files and settings that are put back whatever a test does.

import * as vscode from 'vscode';

/**
 * Polls `probe` until it returns a truthy value or the deadline passes.
 * `what` may be a function, evaluated at the deadline to describe the last state.
 */
export async function until<T>(what: string | (() => string), probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'function' ? what() : what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? d.code.value : d.code);

/** Our diagnostics on `uri`, of rule `code` when given. */
export const ospoDiagnostics = (uri: vscode.Uri, code?: string) =>
  vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'ospo' && (code === undefined || codeOf(d) === code));

export const describeDiagnostics = (uri: vscode.Uri) =>
  JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => `${d.source}/${codeOf(d)}@${d.range.start.line}: ${d.message}`));

/** Waits for at least one diagnostic of rule `code` on `uri`, and returns them. */
export const diagnosticsOf = (uri: vscode.Uri, code: string, timeoutMs?: number) =>
  until(
    () => `${code} on ${vscode.workspace.asRelativePath(uri)} (have ${describeDiagnostics(uri)})`,
    () => {
      const found = ospoDiagnostics(uri, code);
      return found.length ? found : undefined;
    },
    timeoutMs,
  );

export const workspaceUri = (rel: string) => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, ...rel.split('/'));

/** Writes each file (path relative to the workspace → text), runs `body`, then deletes them. */
export async function withFiles<T>(files: Record<string, string>, body: (uris: vscode.Uri[]) => Promise<T>): Promise<T> {
  const uris = Object.keys(files).map(workspaceUri);
  for (const [i, text] of Object.values(files).entries()) await vscode.workspace.fs.writeFile(uris[i], Buffer.from(text));
  try {
    return await body(uris);
  } finally {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of uris) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  }
}

/** Sets user settings of `ospo`, runs `body`, then puts them back. */
export async function withSettings<T>(settings: Record<string, unknown>, body: () => Promise<T>): Promise<T> {
  const config = vscode.workspace.getConfiguration('ospo');
  for (const [key, value] of Object.entries(settings)) await config.update(key, value, vscode.ConfigurationTarget.Global);
  try {
    return await body();
  } finally {
    for (const key of Object.keys(settings)) await config.update(key, undefined, vscode.ConfigurationTarget.Global);
  }
}

export async function open(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** The text of every hover VS Code's providers give at the position. */
export async function hoverText(uri: vscode.Uri, at: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at)) ?? [];
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

/** The quick-fix titles VS Code's providers offer for the range. */
export async function quickFixTitles(uri: vscode.Uri, range: vscode.Range): Promise<string[]> {
  const actions = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range)) ?? [];
  return actions.map((a) => a.title);
}

/** The policy header every throw-away policy of the suite starts with. */
export const POLICY_HEADER = '# SPDX-FileCopyrightText: 2026 Example Corp\n# SPDX-License-Identifier: CC0-1.0\n';
