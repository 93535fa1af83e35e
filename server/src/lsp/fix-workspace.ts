// "Fix all in workspace": every safe fix of every file of the workspace folders, as one
// WorkspaceEdit whose changes carry a change annotation that needs confirmation, so VS Code shows
// the refactor preview before anything is written. Open documents are fixed from their current
// text (with the version the edit is for); closed files from disk.

import * as path from 'node:path';
import type { ChangeAnnotation, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { fixAll } from '../engine/fixes';
import type { FixContext } from '../engine/context';
import { readForCheck, readSidecar } from '../io/read-file';
import type { ReuseInput } from '../engine/reuse/input';
import { listFiles } from '../scan/walk';
import { checkInput } from '../io/check-input';
import type { FolderState } from './folders';

export const fixAnnotation = 'ospo.fixAll';

export interface FixWorkspaceResult {
  edit: WorkspaceEdit;
  files: number;
  edits: number;
}

export async function fixAllWorkspaceEdit(
  states: FolderState[],
  openDocument: (uri: string) => TextDocument | undefined,
  fixContext: (s: FolderState) => Promise<FixContext>,
  token: { isCancellationRequested: boolean },
  reuseFor: (s: FolderState) => Promise<ReuseInput | undefined>,
): Promise<FixWorkspaceResult | undefined> {
  const documentChanges: TextDocumentEdit[] = [];
  let edits = 0;
  for (const state of states) {
    if (token.isCancellationRequested) return undefined;
    const ctx = await fixContext(state);
    // The same licensing the diagnostics see: a file REUSE.toml or a sidecar licenses gets no header.
    const reuse = await reuseFor(state);
    const { files } = await listFiles(state.root, state.policy, state.git);
    for (const rel of files) {
      if (token.isCancellationRequested) return undefined;
      const abs = path.join(state.root, rel);
      const uri = URI.file(abs).toString();
      const open = openDocument(uri);
      const read = open ? undefined : await readForCheck(abs);
      if (read && 'skipped' in read) continue;
      // The editor's text has no BOM: edits for a closed file must be computed without it too.
      const text = open ? open.getText() : read!.text.replace(/^\uFEFF/, '');
      const sidecarText = read && 'text' in read ? read.sidecarText : await readSidecar(abs);
      // No AI history: the rule that reads it (ai-marker-missing) has no fix.
      const fileEdits = fixAll(
        checkInput({ path: rel, text, sidecarText, generated: state.git.isGenerated(rel), reuse, aiHistory: undefined }),
        state.policy,
        ctx,
      );
      if (!fileEdits.length) continue;
      edits += fileEdits.length;
      documentChanges.push({
        // An open document's edit is for the version it was computed from; a closed file has none.
        textDocument: { uri, version: open ? open.version : null },
        edits: fileEdits.map((e) => ({ ...e, annotationId: fixAnnotation })),
      });
    }
  }
  const annotation: ChangeAnnotation = {
    label: 'OSPO: fix all',
    needsConfirmation: true,
    description: `${edits} safe fixes in ${documentChanges.length} files`,
  };
  return { edit: { documentChanges, changeAnnotations: { [fixAnnotation]: annotation } }, files: documentChanges.length, edits };
}
