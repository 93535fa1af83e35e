// Open documents to diagnostics: pushed (throttled per document) or pulled, as the client
// supports, as you type or only on save (ospo.run), with an edit to a policy file applied first.

import { Diagnostic, DocumentDiagnosticReportKind, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { commitDiagnostics, isCommitMessagePath } from './commit-message';
import { withBaseline } from '../engine/baseline';
import { baselineFile } from '../io/baseline-file';
import { baselineDiagnostics, checkDocument, diagnosticsOf, internalErrorDiagnostic, policyDiagnostic, rulePath } from './diagnostics';
import { displayOf, isExcluded } from './settings';
import { reuseMetadataDiagnostics } from './reuse-assist';
import type { Session } from './session';

/** Between two checks of one document in push mode, at least this many milliseconds. */
const pushInterval = 100;

/**
 * How long a document must go without edits before it is checked, from what its last check cost:
 * nothing for a check under 20 ms (most files: findings follow each keystroke); twice the cost above
 * that, up to a second. During a storm of edits to a large file no check starts, so every other
 * request is answered, and one check follows the storm (docs/design/architecture.md#edit-storms).
 */
function quietFor(costMs: number | undefined): number {
  return costMs === undefined || costMs < 20 ? 0 : Math.min(2 * costMs, 1000);
}

export class DocumentChecks {
  /** Push mode: the check running per document, marked `again` when the document changed meanwhile. */
  private readonly pushing = new Map<string, { again: boolean }>();
  private readonly lastPushStart = new Map<string, number>();
  private readonly lastPulled = new Map<string, { resultId: string; items: Diagnostic[] }>();
  private pullSeq = 0;
  /** When each document was last edited, and what its last check cost (ms). */
  private readonly lastEdit = new Map<string, number>();
  private readonly checkCost = new Map<string, number>();
  /** The newest pull per document: an older one still waiting is answered ServerCancelled. */
  private readonly newestPull = new Map<string, number>();
  /** Versions checked under ospo.run: onSave, per document: the one opened, then each one saved. */
  private readonly checkedOnSave = new Map<string, number>();

  /** `rescan` scans the scanned folders again (after a policy edit). */
  constructor(
    private readonly session: Session,
    private readonly rescan: () => void,
  ) {}

  /** Re-checks every open document except `skip` (which is being checked already). */
  refreshAll(skip?: string): void {
    const { client, connection, documents } = this.session;
    if (client.pullDiagnostics) {
      if (client.refreshDiagnostics) void connection.languages.diagnostics.refresh();
    } else {
      for (const doc of documents.all()) if (doc.uri !== skip) this.schedulePush(doc);
    }
  }

  register(): void {
    const { connection, documents, settings, scan, folders } = this.session;
    connection.languages.diagnostics.on(async (params, token) => {
      const uri = params.textDocument.uri;
      const pull = ++this.pullSeq;
      this.newestPull.set(uri, pull);
      await this.settled(uri);
      // A newer pull of the same document, or the client's cancellation: this one is not worth a check. The client is
      // told to pull again: VS Code's client cancels its pull when the document changes and folds the new pull into
      // "ask again when the old one returns", which `retriggerRequest: false` would drop, leaving the old
      // diagnostics up until the next edit (vscode-languageclient's diagnostic.ts, pullAsync).
      if (token.isCancellationRequested || this.newestPull.get(uri) !== pull) {
        throw new ResponseError(LSPErrorCodes.ServerCancelled, 'a newer request for this document replaces this one', { retriggerRequest: true });
      }
      const doc = documents.get(uri);
      if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      // ospo.run: onSave: between saves the findings of the last check stand, answered as "unchanged" so
      // that VS Code keeps the ranges it has moved along with the edits.
      if ((await settings.get(doc.uri)).run === 'onSave') {
        const checked = this.checkedOnSave.get(doc.uri);
        const last = this.lastPulled.get(doc.uri);
        if (checked === undefined) this.checkedOnSave.set(doc.uri, doc.version);
        else if (checked !== doc.version && last) {
          return params.previousResultId === last.resultId
            ? { kind: DocumentDiagnosticReportKind.Unchanged, resultId: last.resultId }
            : { kind: DocumentDiagnosticReportKind.Full, resultId: last.resultId, items: last.items };
        }
      }
      const items = await this.diagnoseSafely(doc);
      const resultId = String(++this.pullSeq);
      this.lastPulled.set(doc.uri, { resultId, items });
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
    });

    documents.onDidChangeContent(async (e) => {
      this.lastEdit.set(e.document.uri, Date.now());
      // Reading the folder's state first makes sure its policy file is known before it is edited.
      const target = await this.session.stateForUri(e.document.uri);
      const fsPath = target?.fsPath;
      const owner = fsPath && folders.ownerOfPolicyFile(fsPath);
      if (owner) {
        // Editing the policy changes every other document's findings: apply it first, then re-check them.
        await folders.applyText(owner, fsPath, e.document.getText());
        this.session.watchOutside();
        this.refreshAll(e.document.uri);
        this.rescan();
      }
      if (!this.session.client.pullDiagnostics && !(await this.checksOnSaveOnly(e.document))) this.schedulePush(e.document);
    });

    documents.onDidSave(async (e) => {
      if ((await settings.get(e.document.uri)).run !== 'onSave') return;
      this.checkedOnSave.set(e.document.uri, e.document.version);
      const { client } = this.session;
      if (client.pullDiagnostics) {
        if (client.refreshDiagnostics) void connection.languages.diagnostics.refresh();
      } else this.schedulePush(e.document);
    });

    documents.onDidOpen(async (e) => {
      scan.documentOpened(e.document.uri);
      const target = await this.session.stateForUri(e.document.uri);
      if (!target) return;
      const { policyFile } = await settings.get(URI.file(target.state.root).toString());
      if (await folders.pickUpNewPolicy(target.state, policyFile)) {
        this.session.watchOutside();
        this.refreshAll();
      }
    });

    documents.onDidClose((e) => {
      this.checkedOnSave.delete(e.document.uri);
      this.lastPulled.delete(e.document.uri);
      this.lastPushStart.delete(e.document.uri);
      this.lastEdit.delete(e.document.uri);
      this.checkCost.delete(e.document.uri);
      this.newestPull.delete(e.document.uri);
      if (!this.session.client.pullDiagnostics) connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
      // Closed, the file is read as VS Code would read it afresh: it does not keep the encoding it had it open in.
      this.session.settings.setFileEncoding(e.document.uri, undefined);
      scan.documentClosed(e.document.uri);
    });
  }

  private async diagnose(doc: TextDocument): Promise<Diagnostic[]> {
    const { folders, settings } = this.session;
    const target = await this.session.stateForUri(doc.uri);
    if (!target) return [];
    const shown = await settings.get(doc.uri);
    if (!shown.enable) return [];
    const { fsPath, state } = target;
    // The baseline file itself: what is wrong with its text, as you type; the last good one stays in use.
    if (fsPath === baselineFile(state.root)) return baselineDiagnostics(doc);
    const rel = rulePath(state, fsPath);
    if (isExcluded(shown, rel)) return [];
    // A commit message is checked for AI attribution, not for a license header.
    if (isCommitMessagePath(fsPath, doc.languageId)) return commitDiagnostics(doc, state.policy);
    const policyOwner = folders.ownerOfPolicyFile(fsPath);
    if (policyOwner) {
      // The policy file is checked like any document; while it is broken the last good policy stays in force.
      await folders.applyText(policyOwner, fsPath, doc.getText());
      this.session.watchOutside();
    }
    // REUSE.toml and .reuse/dep5: their own problems, as you type.
    const metadata = reuseMetadataDiagnostics(doc, rel);
    if (metadata) return metadata;
    // Findings only: a long document is then checked from its first lines when those decide it.
    const { result, internalError } = await checkDocument(doc, fsPath, state, (m) => this.session.logError(m), await folders.reuseFor(state), true);
    // The baseline as `ospo check` applies it (withBaseline), to the folder's entry for this file.
    const diagnostics = diagnosticsOf(withBaseline(result.findings, state.baseline[rel]), displayOf(shown), doc.uri);
    // The check failed (logged with the file name in checkDocument): one diagnostic says so, instead of a silently clean file.
    if (internalError !== undefined) diagnostics.push(internalErrorDiagnostic(internalError));
    if (policyOwner) diagnostics.push(...policyOwner.problems.map(policyDiagnostic));
    return diagnostics;
  }

  /** Any failure while diagnosing one document: logged with its name, turned into the internal-error diagnostic. */
  private async diagnoseSafely(doc: TextDocument): Promise<Diagnostic[]> {
    const start = Date.now();
    try {
      const diagnostics = await this.diagnose(doc);
      this.checkCost.set(doc.uri, Date.now() - start);
      return diagnostics;
    } catch (err) {
      this.session.logError(`Checking ${doc.uri} failed: ${(err as Error).stack ?? err}`);
      return [internalErrorDiagnostic((err as Error)?.message ?? String(err))];
    }
  }

  private async push(doc: TextDocument): Promise<void> {
    const version = doc.version;
    const diagnostics = await this.diagnoseSafely(doc);
    // Drop a result if the document changed while it was computed; a newer check is on its way.
    if (this.session.documents.get(doc.uri)?.version === version) this.session.connection.sendDiagnostics({ uri: doc.uri, version, diagnostics });
  }

  /**
   * Push mode: at most one check per document at a time, and at most one start per `pushInterval`.
   * The first change after a pause is checked at once; changes that arrive while a check runs or
   * waits are not queued one check each: they mark the document, and one check of its newest
   * version follows. A burst of a thousand edits so costs a handful of checks, and the server stays
   * responsive to requests in between.
   */
  private schedulePush(doc: TextDocument): void {
    const running = this.pushing.get(doc.uri);
    if (running) {
      running.again = true;
      return;
    }
    const entry = { again: false };
    this.pushing.set(doc.uri, entry);
    void (async () => {
      try {
        for (;;) {
          const wait = (this.lastPushStart.get(doc.uri) ?? -Infinity) + pushInterval - Date.now();
          if (wait > 0) await new Promise<void>((resolve) => setTimeout(resolve, wait));
          await this.settled(doc.uri);
          const current = this.session.documents.get(doc.uri);
          if (!current) return;
          // Edits up to here are covered by this check.
          entry.again = false;
          this.lastPushStart.set(doc.uri, Date.now());
          await this.push(current);
          if (!entry.again) return;
        }
      } finally {
        this.pushing.delete(doc.uri);
      }
    })();
  }

  /** Resolves once the document has gone `quietFor` its check cost without an edit. */
  private async settled(uri: string): Promise<void> {
    for (;;) {
      const wait = (this.lastEdit.get(uri) ?? -Infinity) + quietFor(this.checkCost.get(uri)) - Date.now();
      if (wait <= 0) return;
      await new Promise<void>((resolve) => setTimeout(resolve, wait));
    }
  }

  /** Whether ospo.run is onSave and this change is an edit after the document was opened (so it waits for the save). */
  private async checksOnSaveOnly(doc: TextDocument): Promise<boolean> {
    if ((await this.session.settings.get(doc.uri)).run !== 'onSave') return false;
    if (!this.checkedOnSave.has(doc.uri)) {
      this.checkedOnSave.set(doc.uri, doc.version);
      return false;
    }
    return true;
  }
}
