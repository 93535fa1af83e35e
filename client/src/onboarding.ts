import * as vscode from 'vscode';
import { t } from './l10n';
import { CreatePolicyFileCommand } from '../../shared/contributes';

const dismissedKey = 'ospo.noPolicyPrompt.dismissed';
const askedKey = 'ospo.noPolicyPrompt.asked';

/** Whether a workspace folder has a policy of its own: `.ospo/policy.yaml`, or one named in the settings. */
async function hasPolicy(folder: vscode.WorkspaceFolder): Promise<boolean> {
  if (vscode.workspace.getConfiguration('ospo', folder.uri).get<string>('policyFile')) return true;
  return vscode.workspace.fs.stat(vscode.Uri.joinPath(folder.uri, '.ospo', 'policy.yaml')).then(
    () => true,
    () => false,
  );
}

/**
 * The first time a workspace has no policy, one notification offers to create one. It is asked
 * once per workspace, and never again once the user says so; it never interrupts a workspace that
 * has a policy, or one that is not trusted.
 */
export async function offerPolicy(context: vscode.ExtensionContext): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (!folders.length || !vscode.workspace.isTrusted) return;
  if (context.globalState.get(dismissedKey) || context.workspaceState.get(askedKey)) return;
  const missing = [];
  for (const f of folders) if (!(await hasPolicy(f))) missing.push(f);
  if (!missing.length) return;
  await context.workspaceState.update(askedKey, true);
  const create = t('Create policy file');
  const never = t("Don't ask again");
  const choice = await vscode.window.showInformationMessage(
    t('OSPO: this workspace has no open source policy yet, so the built-in default applies (an SPDX header in every file). Create one from a template?'),
    create,
    never,
  );
  if (choice === create) await vscode.commands.executeCommand(CreatePolicyFileCommand);
  else if (choice === never) await context.globalState.update(dismissedKey, true);
}
