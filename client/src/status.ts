import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { DiagnosticSource } from '../../server/src/lsp/protocol';
import { documentSelector } from './client';
import { ShowLogCommand } from './commands';

interface Counts {
  errors: number;
  warnings: number;
  others: number;
}

const showProblems: vscode.Command = { title: 'Show problems', command: 'workbench.actions.view.problems' };
const showLog: vscode.Command = { title: 'Show log', command: ShowLogCommand };

/**
 * The one status surface: a language status item that shows whether the server runs and,
 * once it does, how many OSPO findings the workspace has.
 */
export class OspoStatus implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('ospo.status', documentSelector);
  // Counts per document, so a diagnostics change only recounts the documents it names.
  private readonly perDocument = new Map<string, Counts>();
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(private readonly client: LanguageClient) {
    this.item.name = 'OSPO Compliance';
    for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) this.recount(uri, diagnostics);
    this.disposables.push(
      vscode.languages.onDidChangeDiagnostics((e) => {
        for (const uri of e.uris) this.recount(uri, vscode.languages.getDiagnostics(uri));
        this.render();
      }),
      client.onDidChangeState(() => this.render()),
    );
    this.render();
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
    item.busy = false;
    switch (this.client.state) {
      case State.Starting:
        item.text = 'OSPO: starting…';
        item.detail = 'The language server is starting';
        item.severity = vscode.LanguageStatusSeverity.Information;
        item.busy = true;
        item.command = showLog;
        return;
      case State.StartFailed:
        item.text = 'OSPO: server failed';
        item.detail = 'The language server could not start; see the log, then run "OSPO: Restart server"';
        item.severity = vscode.LanguageStatusSeverity.Error;
        item.command = showLog;
        return;
      case State.Stopped:
        item.text = 'OSPO: stopped';
        item.detail = 'The language server is not running; run "OSPO: Restart server" to start it';
        item.severity = vscode.LanguageStatusSeverity.Warning;
        item.command = showLog;
        return;
      case State.Running:
        break;
    }

    const total: Counts = { errors: 0, warnings: 0, others: 0 };
    for (const c of this.perDocument.values()) {
      total.errors += c.errors;
      total.warnings += c.warnings;
      total.others += c.others;
    }
    const n = total.errors + total.warnings + total.others;
    item.text = `OSPO: ${count(n, 'finding')}`;
    item.detail = n === 0 ? 'No license or AI-disclosure findings' : describe(total, this.perDocument.size);
    item.severity = total.errors > 0 ? vscode.LanguageStatusSeverity.Error : vscode.LanguageStatusSeverity.Information;
    item.command = showProblems;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function describe(c: Counts, files: number): string {
  const parts: string[] = [];
  if (c.errors > 0) parts.push(count(c.errors, 'error'));
  if (c.warnings > 0) parts.push(count(c.warnings, 'warning'));
  if (c.others > 0) parts.push(count(c.others, 'info', 'info'));
  return `${parts.join(', ')} in ${count(files, 'file')}`;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
