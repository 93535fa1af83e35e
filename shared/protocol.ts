// The protocol between the VS Code client and the language server, beyond LSP itself: the server's
// workspace commands with their arguments and results, the custom requests and notifications with
// their types, and the options of `initialize`. Both sides import this file, as vscode-eslint shares
// its protocol; package.json's commands and settings are in contributes.ts.
//
// A request or notification is a method with its types, not a RequestType object: the client and the
// server libraries each bring their own copy of vscode-jsonrpc (10 and 9 here), whose RequestType
// classes do not fit each other, and the server bundle must not carry the client's copy. Each side
// turns these into its library's RequestType (lsp/typed-messages.ts, client/src/typed-messages.ts).

import type { Range, WorkspaceEdit } from 'vscode-languageserver-protocol';

export * from './contributes';

/** A request: its method, and (types only) its params and result. */
export interface RequestSpec<P, R> {
  readonly method: string;
  readonly types?: { params: P; result: R };
}
/** A notification without params. */
export interface NotificationSpec0 {
  readonly method: string;
}

const request = <P, R>(method: string): RequestSpec<P, R> => ({ method });

/**
 * What the client adds to the server's environment. On Linux, glibc's malloc raises the size from which it
 * maps a block of its own each time it frees a large one, so the large buffers of a workspace scan, once
 * freed, stayed in the server's heap. Fixed at glibc's default of 128 KiB, the server's idle memory after a
 * scan of the Linux kernel was 141 MB against 154 MB (docs/design/performance.md). Other systems ignore it.
 */
export const serverEnvironment: Readonly<Record<string, string>> = { MALLOC_MMAP_THRESHOLD_: String(128 * 1024) };

/** Workspace command the server executes: insert the policy header into the document given as the first argument (a URI string). Sent by the client's "OSPO: Insert license header" command. */
export const InsertHeaderCommand = 'ospo.server.insertHeader';

/** Diagnostic `source` on every finding; code actions only act on diagnostics with this source. */
export const DiagnosticSource = 'ospo';

/** Code action kind for "fix everything safe in this file" (editor.codeActionsOnSave: source.fixAll.ospo). */
export const FixAllKind = 'source.fixAll.ospo';

/** Options the client sends in `initialize`. Other editors send none: the workspace then counts as trusted. */
export interface InitializationOptions {
  workspaceTrusted?: boolean;
  /** The language of finding messages (`ospo.locale`); else the `locale` of the initialize request. */
  locale?: string;
}

/** A notification with params. */
export interface NotificationSpec<P> {
  readonly method: string;
  readonly types?: { params: P };
}

/**
 * Client → server notification: the encoding the editor has an open file in (VS Code's
 * `TextDocument.encoding`, an id such as `shiftjis`), sent when it is not UTF-8 and again when it
 * changes; `encoding` absent when the file is UTF-8 again. The server reads that file from disk in
 * it (scan, fix all in the workspace) rather than tell the encoding itself (docs/design/encodings.md).
 */
export const DocumentEncodingNotification: NotificationSpec<{ uri: string; encoding?: string }> = { method: 'ospo/documentEncoding' };

/** Client → server notification: the user granted workspace trust, so remote bases may now be fetched. */
export const WorkspaceTrustedNotification: NotificationSpec0 = { method: 'ospo/workspaceTrusted' };

/**
 * Workspace command the server executes: write a starter `.ospo/policy.yaml`. Arguments: `[folderUri: string, template: string]`.
 * Returns `{ file }` (a URI) when written, or `{ error }`; when the file exists already, both (the client offers to open it). It never overwrites. Sent by "OSPO: Create policy file".
 */
export const CreatePolicyCommand = 'ospo.server.createPolicy';
export interface CreatePolicyResult {
  file?: string;
  error?: string;
}

/**
 * Workspace command the server executes: wrap the selected lines in a canonical AI snippet. Arguments:
 * `[uri: string, range: Range, tool?: string, options?: AiDisclosureOptions]`. The server applies the edit with workspace/applyEdit; returns `{ error }` when it cannot
 * or there is nothing to do. Sent by "OSPO: Mark selection as AI-assisted".
 */
export const MarkAiSelectionCommand = 'ospo.server.markAiSelection';

/**
 * Workspace command the server executes: add the role tag (AI-Assisted-By or AI-Generated-By), and AI-Reviewed-By and AI-Reviewed-On
 * only when the user reviewed the code, to the license header (or insert a header holding them). Arguments:
 * `[uri: string, tool?: string, options?: AiDisclosureOptions]`. Applies the edit, returns `{ error }` otherwise. Sent by "OSPO: Add AI header tags".
 */
export const AddAiHeaderTagsCommand = 'ospo.server.addAiHeaderTags';

/** Workspace command the server executes: the policy's `ai.tools.allow` for the document `[uri: string]`, as `string[]`. Sent by both AI commands to prefill their input box. */
export const AiToolsCommand = 'ospo.server.aiTools';

export interface AiCommandError {
  error: string;
}

/**
 * What the user states about the code, the AI commands' last argument: `role` (default `assisted`: AI-Assisted-By;
 * `generated`: AI-Generated-By), and `reviewed`, true only when they chose "I reviewed this": then AI-Reviewed-By (the git
 * user) and AI-Reviewed-On (today) are written too. Without it no review is attested.
 */
export interface AiDisclosureOptions {
  role?: 'generated' | 'assisted';
  reviewed?: boolean;
}

/**
 * Workspace command the server executes: check every file of every workspace folder, and show the findings of files that are
 * not open (pushed diagnostics). Arguments: `[{ progress?: 'client' }]`: 'client' when the request carries its own
 * workDoneToken (VS Code shows a cancellable notification); otherwise the server creates the progress where the client supports it.
 * Cancelling the request stops the scan between files. Returns a ScanSummary. Sent by "OSPO: Check all files in the workspace".
 */
export const ScanWorkspaceCommand = 'ospo.server.scanWorkspace';
export interface ScanSummary {
  folders: number;
  files: number;
  /** Files read and checked in this run; the others' results came from the cache. */
  checkedNow: number;
  findings: number;
  /** Files with findings. */
  filesWithFindings: number;
  skipped: number;
  cancelled: boolean;
  ms: number;
}

/**
 * Client → server request: the effective licensing of any file (open or not, images too), for the status item.
 * Params `{ uri: string }`; result `{ summary: string; markdown: string } | undefined`.
 */
export interface LicensingInfo {
  summary: string;
  markdown: string;
}
export const LicensingRequest = request<{ uri: string }, LicensingInfo | undefined>('ospo/licensing');

/**
 * Workspace command the server executes: build the compliance report (`ospo report`) of all workspace folders, with the trend over
 * the last 10 commits where git history is there. No arguments. Returns `{ html }` (a self-contained page) or `{ error }`. Sent by
 * "OSPO: Open compliance report".
 */
export const ReportCommand = 'ospo.server.report';
export interface ReportResult {
  html?: string;
  error?: string;
  /** Folders left out of the report (they do not exist), said beside it. */
  warning?: string;
}

/** What the report page in the client's webview posts when a file link is clicked (server/src/report/html.ts): 1-based line and column. */
export interface ReportOpenMessage {
  command: 'open';
  path: string;
  line: number;
  column: number;
}

/**
 * Workspace command the server executes: every safe fix in the workspace folders, split in two. `edit` keeps what each file
 * claims (header insertions…) and the client applies it at once; `confirm` changes a license a file states, carries a change
 * annotation with `needsConfirmation`, and is offered in the refactor preview. No arguments. Returns FixAllWorkspaceResult or
 * `{ error }`; the server applies nothing itself. Sent by "OSPO: Fix all in workspace".
 */
export const FixAllWorkspaceCommand = 'ospo.server.fixAllWorkspace';
export interface FixAllWorkspaceResult {
  /** Fixes that keep what each file claims (header, license and copyright insertions…): applied without a preview. */
  edit?: WorkspaceEdit;
  /** Files `edit` changes; `headers` of them get a header, a license or a copyright line. */
  files?: number;
  headers?: number;
  edits?: number;
  /** Fixes that change a license a file states, against the text after `edit`, annotated as needing confirmation. */
  confirm?: WorkspaceEdit;
  confirmFiles?: number;
  /** Files looked at. */
  checked?: number;
  error?: string;
}

/**
 * Client → server request: the policy in force for a document, for the language status item. Params `{ uri: string }`;
 * result `{ source, file?, id?, problems }`: `file` is the policy file's URI when there is one (else the built-in default applies).
 */
export interface PolicyInfo {
  source: string;
  file?: string;
  id?: string;
  problems: number;
}
export const PolicyInfoRequest = request<{ uri: string }, PolicyInfo | undefined>('ospo/policyInfo');

/**
 * Each workspace command of the server: the arguments the client sends (the server checks them,
 * lsp/commands.ts) and what the server answers. JSON turns a missing optional argument into null.
 */
export interface ServerCommands {
  [InsertHeaderCommand]: { args: [uri: string]; result: undefined };
  [CreatePolicyCommand]: { args: [folderUri: string, template?: string | null]; result: CreatePolicyResult };
  [MarkAiSelectionCommand]: {
    args: [uri: string, selection: Range, tool?: string | null, options?: AiDisclosureOptions | null];
    result: AiCommandError | null;
  };
  [AddAiHeaderTagsCommand]: { args: [uri: string, tool?: string | null, options?: AiDisclosureOptions | null]; result: AiCommandError | null };
  [AiToolsCommand]: { args: [uri: string]; result: string[] | AiCommandError };
  [ScanWorkspaceCommand]: { args: [options?: { progress?: 'client' } | null]; result: ScanSummary | AiCommandError };
  [ReportCommand]: { args: []; result: ReportResult };
  [FixAllWorkspaceCommand]: { args: []; result: FixAllWorkspaceResult };
}
export type ServerCommandId = keyof ServerCommands;
