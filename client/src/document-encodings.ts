// Tells the server which open files VS Code reads in another encoding than UTF-8 (a file reopened
// with "Reopen with Encoding", or guessed with files.autoGuessEncoding), so that when it reads such a
// file from disk it takes the editor's encoding instead of telling one itself (docs/design/encodings.md).

import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { DocumentEncodingNotification } from '../../shared/protocol';
import { notificationType } from './typed-messages';

const utf8 = (encoding: string) => encoding === 'utf8' || encoding === 'utf8bom';

export function reportDocumentEncodings(client: LanguageClient): vscode.Disposable {
  // What the server was last told per file: nothing is sent for a file that was UTF-8 all along.
  const told = new Map<string, string | undefined>();
  const tell = (doc: vscode.TextDocument) => {
    if (doc.uri.scheme !== 'file' || client.state !== State.Running) return;
    const uri = doc.uri.toString();
    const encoding = utf8(doc.encoding) ? undefined : doc.encoding;
    if (told.has(uri) ? told.get(uri) === encoding : encoding === undefined) return;
    told.set(uri, encoding);
    client.sendNotification(notificationType(DocumentEncodingNotification), { uri, encoding }).catch(() => undefined);
  };
  // A server that (re)starts knows nothing yet: tell it everything.
  const tellAll = () => {
    told.clear();
    vscode.workspace.textDocuments.forEach(tell);
  };
  if (client.state === State.Running) tellAll();
  return vscode.Disposable.from(
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) tellAll();
    }),
    vscode.workspace.onDidOpenTextDocument(tell),
    // The server forgets a file's encoding when it closes: opened again, it is told again.
    vscode.workspace.onDidCloseTextDocument((doc) => told.delete(doc.uri.toString())),
    // "Reopen with Encoding" changes the document in place: a change event, with the new encoding.
    vscode.workspace.onDidChangeTextDocument((e) => tell(e.document)),
  );
}
