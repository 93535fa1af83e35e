// "Fix all in workspace": every safe fix of every file of the workspace folders, in two WorkspaceEdits
// (docs/design/architecture.md, fix-all). `edit` holds the fixes that keep what each file claims: header, license and
// copyright insertions, years, spelling. The client applies it at once, with no preview. `confirm` holds the fixes that
// change a license the file states (a deprecated id rewritten, our header deleted from third-party code), computed
// against the text after `edit`, under an annotation that needs confirmation: VS Code shows them in the refactor preview,
// unticked, and writes only what the user ticks. Open documents are fixed from their current text (with the version
// the edit is for); closed files from disk.

import { countOf, message } from '../engine/messages';
import * as path from 'node:path';
import type { ChangeAnnotation, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { addsHeader, changesLicense, fixPlan } from '../engine/fixes';
import type { FixContext } from '../engine/context';
import { applyEdits } from '../engine/text';
import { editorReadsAlike } from '../io/encoding';
import { readForCheck, readSidecar } from '../io/read-file';
import type { ReuseInput } from '../engine/reuse/input';
import { listFiles } from '../scan/walk';
import { checkInput } from '../io/check-input';
import type { FolderState } from './folders';

export const licenseChangeAnnotation = 'ospo.fixAll.licenseChange';

export interface FixWorkspaceResult {
  /** Applied without asking. */
  edit: WorkspaceEdit;
  /** Files `edit` changes, and how many of them get a header, a license or a copyright line. */
  files: number;
  headers: number;
  edits: number;
  /** License changes, for the refactor preview; absent when there are none. */
  confirm?: WorkspaceEdit;
  confirmFiles: number;
  /** Files looked at. */
  checked: number;
}

export async function fixAllWorkspaceEdit(
  states: FolderState[],
  openDocument: (uri: string) => TextDocument | undefined,
  fixContext: (s: FolderState) => Promise<FixContext>,
  token: { isCancellationRequested: boolean },
  reuseFor: (s: FolderState) => Promise<ReuseInput | undefined>,
  /** ospo.exclude for the folder: the editor checks none of these files, so it fixes none either. */
  excludedIn: (s: FolderState) => Promise<(rel: string) => boolean> = async () => () => false,
  /** The encoding the editor reads the folder's files in (files.encoding): edits are positions in its text. */
  editorEncoding: (s: FolderState) => Promise<string | undefined> = async () => 'utf-8',
): Promise<FixWorkspaceResult | undefined> {
  const direct: TextDocumentEdit[] = [];
  const confirm: TextDocumentEdit[] = [];
  let edits = 0;
  let headers = 0;
  let checked = 0;
  for (const state of states) {
    if (token.isCancellationRequested) return undefined;
    const ctx = await fixContext(state);
    // The same licensing the diagnostics see: a file REUSE.toml or a sidecar licenses gets no header.
    const reuse = await reuseFor(state);
    const { files } = await listFiles(state.root, state.policy, state.git);
    const excluded = await excludedIn(state);
    const encoding = await editorEncoding(state);
    for (const rel of files) {
      if (token.isCancellationRequested) return undefined;
      if (excluded(rel)) continue;
      const abs = path.join(state.root, rel);
      const uri = URI.file(abs).toString();
      const open = openDocument(uri);
      // A closed file: VS Code applies the edits to the text it reads from disk with files.encoding, not in
      // the encoding it had the file open in before (it does not keep that), so neither does this.
      const read = open ? undefined : await readForCheck(abs, undefined, { setting: encoding });
      if (read && 'skipped' in read) continue;
      // A closed file the editor would read in another encoding than ospo did: its edits would land
      // elsewhere in the editor's text, and saving that text could change every byte. Left alone.
      if (read && !editorReadsAlike(read, encoding)) continue;
      checked++;
      // The editor's text has no BOM: edits for a closed file must be computed without it too.
      const text = open ? open.getText() : read!.text.replace(/^\uFEFF/, '');
      const sidecarText = read && 'text' in read ? read.sidecarText : await readSidecar(abs);
      // No AI history: the rule that reads it (ai-marker-missing) has no fix.
      const input = (t: string) =>
        checkInput({ path: rel, text: t, sidecarText, generated: state.git.isGenerated(rel), reuse, aiHistory: undefined, undecodable: undefined });
      const keeps = fixPlan(input(text), state.policy, ctx, (f, file, policy) => !changesLicense(f, file, policy, ctx));
      // The license changes are computed after the others are applied, so both edits fit the text in turn.
      // A file the first pass left unchanged, with no license change held back, has none: not checked again.
      const unchanged = !keeps.edits.length && !keeps.left.length;
      const changes = unchanged
        ? []
        : fixPlan(input(applyEdits(text, keeps.edits)), state.policy, ctx, (f, file, policy) => changesLicense(f, file, policy, ctx)).edits;
      if (keeps.edits.length) {
        edits += keeps.edits.length;
        if (keeps.fixed.some(addsHeader)) headers++;
        // An open document's edit is for the version it was computed from; a closed file has none.
        direct.push({ textDocument: { uri, version: open ? open.version : null }, edits: keeps.edits });
      }
      if (changes.length) {
        const annotated: TextEdit[] = changes.map((e) => ({ ...e, annotationId: licenseChangeAnnotation }));
        // For the text after `edit`, whose version the server cannot know yet.
        confirm.push({ textDocument: { uri, version: null }, edits: annotated });
      }
    }
  }
  const annotation: ChangeAnnotation = {
    label: message('lsp.license-changes'),
    needsConfirmation: true,
    description: message('lsp.license-changes.detail', { files: countOf('count.files', confirm.length) }),
  };
  return {
    edit: { documentChanges: direct },
    files: direct.length,
    headers,
    edits,
    confirm: confirm.length ? { documentChanges: confirm, changeAnnotations: { [licenseChangeAnnotation]: annotation } } : undefined,
    confirmFiles: confirm.length,
    checked,
  };
}
