import * as vscode from 'vscode';
import { t } from './l10n';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { DiagnosticSource, PolicyInfoRequest } from '../../shared/protocol';
import { requestType } from './typed-messages';
import { documentSelector } from './client';
import { CreatePolicyFileCommand, ShowLogCommand } from '../../shared/contributes';

interface Counts {
  errors: number;
  warnings: number;
  others: number;
}

const showProblems: vscode.Command = { title: t('Show problems'), command: 'workbench.actions.view.problems' };
const showLog: vscode.Command = { title: t('Show log'), command: ShowLogCommand };

/**
 * The one status surface: a language status item that shows whether the server runs and,
 * once it does, how many OSPO findings the workspace has.
 */
export class OspoStatus implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('ospo.status', documentSelector);
  /** The policy in force for the active editor, and a link to edit it. */
  private readonly policy = vscode.languages.createLanguageStatusItem('ospo.policy', documentSelector);
  private asked = 0;
  // Counts per document, so a diagnostics change only recounts the documents it names.
  private readonly perDocument = new Map<string, Counts>();
  private readonly disposables: vscode.Disposable[] = [this.item, this.policy];

  constructor(private readonly client: LanguageClient) {
    this.item.name = 'OSPO Compliance';
    for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) this.recount(uri, diagnostics);
    this.disposables.push(
      vscode.languages.onDidChangeDiagnostics((e) => {
        for (const uri of e.uris) this.recount(uri, vscode.languages.getDiagnostics(uri));
        this.render();
      }),
      client.onDidChangeState(() => {
        this.render();
        void this.renderPolicy();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => void this.renderPolicy()),
      vscode.workspace.onDidSaveTextDocument(() => void this.renderPolicy()),
    );
    this.policy.name = t('OSPO policy');
    this.render();
    void this.renderPolicy();
  }

  private async renderPolicy(): Promise<void> {
    const doc = vscode.window.activeTextEditor?.document;
    const ask = ++this.asked;
    const info =
      doc && this.client.state === State.Running
        ? await this.client.sendRequest(requestType(PolicyInfoRequest), { uri: doc.uri.toString() }).then(undefined, () => undefined)
        : undefined;
    if (ask !== this.asked) return;
    if (!info) {
      // Not a file the server checks (or no server): say nothing rather than the last file's policy.
      this.policy.text = t('OSPO policy');
      this.policy.detail = '';
      this.policy.command = undefined;
      return;
    }
    if (info.file) {
      const file = vscode.Uri.parse(info.file);
      this.policy.text = t('Policy: {0}', vscode.workspace.asRelativePath(file));
      this.policy.detail = info.problems ? t('{0} problems in the policy file; the last good policy is in force', info.problems) : (info.id ?? '');
      this.policy.severity = info.problems ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
      this.policy.command = { title: t('Edit policy'), command: 'vscode.open', arguments: [file] };
    } else {
      this.policy.text = t('Policy: built-in default');
      this.policy.detail = t('No .ospo/policy.yaml: an SPDX header is required, any valid SPDX license is accepted');
      this.policy.severity = vscode.LanguageStatusSeverity.Information;
      this.policy.command = { title: t('Create policy file'), command: CreatePolicyFileCommand };
    }
  }

  private recount(uri: vscode.Uri, diagnostics: readonly vscode.Diagnostic[]): void {
    const counts: Counts = { errors: 0, warnings: 0, others: 0 };
    for (const d of diagnostics) {
      if (d.source !== DiagnosticSource) continue;
      if (d.severity === vscode.DiagnosticSeverity.Error) counts.errors++;
      else if (d.severity === vscode.DiagnosticSeverity.Warning) counts.warnings++;
      else counts.others++;
    }
    const key = uri.toString();
    if (counts.errors + counts.warnings + counts.others === 0) this.perDocument.delete(key);
    else this.perDocument.set(key, counts);
  }

  private render(): void {
    const item = this.item;
    const state = this.client.state;
    item.busy = state === State.Starting;
    const notRunning = notRunningView(state);
    if (notRunning) {
      item.text = notRunning.text;
      item.detail = notRunning.detail;
      item.severity = notRunning.severity;
      item.command = showLog;
      return;
    }

    const total: Counts = { errors: 0, warnings: 0, others: 0 };
    for (const c of this.perDocument.values()) {
      total.errors += c.errors;
      total.warnings += c.warnings;
      total.others += c.others;
    }
    const n = total.errors + total.warnings + total.others;
    item.text = n === 1 ? t('OSPO: 1 finding') : t('OSPO: {0} findings', n);
    item.detail = n === 0 ? t('No license or AI-disclosure findings') : describe(total, this.perDocument.size);
    item.severity = total.errors > 0 ? vscode.LanguageStatusSeverity.Error : vscode.LanguageStatusSeverity.Information;
    item.command = showProblems;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** What the item says while the server is not running (undefined once it runs). */
function notRunningView(state: State): { text: string; detail: string; severity: vscode.LanguageStatusSeverity } | undefined {
  const { Information, Error, Warning } = vscode.LanguageStatusSeverity;
  switch (state) {
    case State.Starting:
      return { text: t('OSPO: starting…'), detail: t('The language server is starting'), severity: Information };
    case State.StartFailed:
      return {
        text: t('OSPO: server failed'),
        detail: t('The language server could not start; see the log, then run "OSPO: Restart server"'),
        severity: Error,
      };
    case State.Stopped:
      return {
        text: t('OSPO: stopped'),
        detail: t('The language server is not running; run "OSPO: Restart server" to start it'),
        severity: Warning,
      };
    case State.Running:
      return undefined;
  }
}

function describe(c: Counts, files: number): string {
  return t('{0} errors, {1} warnings, {2} other in {3} files', c.errors, c.warnings, c.others, files);
}
