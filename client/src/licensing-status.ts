import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { type LicensingInfo, LicensingRequest } from '../../shared/protocol';
import { requestType } from './typed-messages';

/** The file shown in the active tab, whatever its kind: text, image, notebook or custom editor. */
function activeUri(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom || input instanceof vscode.TabInputNotebook) return input.uri;
  return undefined;
}

/**
 * A status bar item with the effective licensing of the file in the active tab, and where it
 * comes from (header, .license sidecar, REUSE.toml, dep5). It is the one place that shows it for
 * files that cannot carry a comment or be opened as text, such as images.
 */
export class LicensingStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('ospo.licensing', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];
  private asked = 0;

  constructor(private readonly client: LanguageClient) {
    this.item.name = 'OSPO: licensing of this file';
    this.disposables.push(
      vscode.window.tabGroups.onDidChangeTabs(() => void this.update()),
      vscode.window.tabGroups.onDidChangeTabGroups(() => void this.update()),
      vscode.workspace.onDidSaveTextDocument(() => void this.update()),
      client.onDidChangeState(() => void this.update()),
    );
    void this.update();
  }

  private async update(): Promise<void> {
    const uri = activeUri();
    const ask = ++this.asked;
    if (!uri || uri.scheme !== 'file' || this.client.state !== State.Running) {
      this.item.hide();
      return;
    }
    let info: LicensingInfo | undefined;
    try {
      info = await this.client.sendRequest(requestType(LicensingRequest), { uri: uri.toString() });
    } catch {
      info = undefined;
    }
    // A newer tab was chosen while this one was asked about.
    if (ask !== this.asked) return;
    if (!info) {
      this.item.hide();
      return;
    }
    const first = info.summary.split(';')[0];
    this.item.text = `$(law) ${first.length > 40 ? first.slice(0, 39) + '…' : first}`;
    this.item.tooltip = new vscode.MarkdownString(info.markdown);
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
