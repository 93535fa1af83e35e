// Names shared by the language server and the VS Code client. The client imports this module,
// so every custom command and setting is declared once.

/** Workspace command the server executes: insert the policy header into the document given as the first argument (a URI string). Sent by the client's "OSPO: Insert license header" command. */
export const InsertHeaderCommand = 'ospo.server.insertHeader';

/** Diagnostic `source` on every finding; code actions only act on diagnostics with this source. */
export const DiagnosticSource = 'ospo';

/** Code action kind for "fix everything safe in this file" (editor.codeActionsOnSave: source.fixAll.ospo). */
export const FixAllKind = 'source.fixAll.ospo';

/** Settings the server reads per resource through workspace/configuration, section `ospo`. */
export interface OspoSettings {
  enable: boolean;
  /** A policy file to use instead of `.ospo/policy.yaml`; relative paths resolve against the workspace folder. */
  policyFile: string;
  /** Check open documents as you type, or only when they are opened and saved. */
  run: 'onType' | 'onSave';
  /** At most this many diagnostics per file from a workspace scan. */
  maxFindingsPerFile: number;
}

export const defaultSettings: OspoSettings = { enable: true, policyFile: '', run: 'onType', maxFindingsPerFile: 100 };

/** Options the client sends in `initialize`. Other editors send none: the workspace then counts as trusted. */
export interface InitializationOptions {
  workspaceTrusted?: boolean;
  /** The language of finding messages (`ospo.locale`); else the `locale` of the initialize request. */
  locale?: string;
}

/** Client → server notification: the user granted workspace trust, so remote bases may now be fetched. */
export const WorkspaceTrustedNotification = 'ospo/workspaceTrusted';

/**
 * Workspace command the server executes: write a starter `.ospo/policy.yaml`. Arguments: `[folderUri: string, template: string]`.
 * Returns `{ file }` (a URI) when written, or `{ error }`; when the file exists already, both (the client offers to open it). It never overwrites. Sent by "OSPO: Create policy file".
 */
export const CreatePolicyCommand = 'ospo.server.createPolicy';
export interface CreatePolicyResult { file?: string; error?: string }

/**
 * Workspace command the server executes: wrap the selected lines in a canonical AI snippet (markers.md). Arguments:
 * `[uri: string, range: Range, tool?: string]`. The server applies the edit with workspace/applyEdit; returns `{ error }` when it cannot
 * or there is nothing to do. Sent by "OSPO: Mark selection as AI-assisted".
 */
export const MarkAiSelectionCommand = 'ospo.server.markAiSelection';

/**
 * Workspace command the server executes: add AI-Assisted-By, AI-Reviewed-By and AI-Reviewed-On to the license header (or insert a
 * header holding them). Arguments: `[uri: string, tool?: string]`. Applies the edit, returns `{ error }` otherwise. Sent by "OSPO: Add AI header tags".
 */
export const AddAiHeaderTagsCommand = 'ospo.server.addAiHeaderTags';

/** Workspace command the server executes: the policy's `ai.tools.allow` for the document `[uri: string]`, as `string[]`. Sent by both AI commands to prefill their input box. */
export const AiToolsCommand = 'ospo.server.aiTools';

export interface AiCommandError { error: string }

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

/** The default of `ospo.maxFindingsPerFile`: at most this many diagnostics per file from a workspace scan. */
export const maxScanDiagnosticsPerFile = 100;

/**
 * Client → server request: the effective licensing of any file (open or not, images too), for the status item.
 * Params `{ uri: string }`; result `{ summary: string; markdown: string } | undefined`.
 */
export const LicensingRequest = 'ospo/licensing';
export interface LicensingInfo { summary: string; markdown: string }

/**
 * Workspace command the server executes: build the compliance report (`ospo report`) of all workspace folders, with the trend over
 * the last 10 commits where git history is there. No arguments. Returns `{ html }` (a self-contained page) or `{ error }`. Sent by
 * "OSPO: Open compliance report".
 */
export const ReportCommand = 'ospo.server.report';
export interface ReportResult { html?: string; error?: string }

/**
 * Workspace command the server executes: every safe fix in the workspace folders as one WorkspaceEdit whose edits carry a change
 * annotation with `needsConfirmation`, so the client shows a preview. No arguments. Returns `{ edit, files, edits }` or `{ error }`;
 * the server applies nothing itself. Sent by "OSPO: Fix all in workspace".
 */
export const FixAllWorkspaceCommand = 'ospo.server.fixAllWorkspace';
export interface FixAllWorkspaceResult { edit?: import('vscode-languageserver-protocol').WorkspaceEdit; files?: number; edits?: number; error?: string }

/**
 * Client → server request: the policy in force for a document, for the language status item. Params `{ uri: string }`;
 * result `{ source, file?, id?, problems }`: `file` is the policy file's URI when there is one (else the built-in default applies).
 */
export const PolicyInfoRequest = 'ospo/policyInfo';
export interface PolicyInfo { source: string; file?: string; id?: string; problems: number }
