// The workspace/executeCommand table: one entry per command, each with its arguments as shared/protocol.ts
// declares them, checked before the command runs. A bad argument is answered with an InvalidParams
// error that names it; it never reaches the command.

import { CancellationToken, ErrorCodes, Range, ResponseError, WorkDoneProgressReporter } from 'vscode-languageserver/node';
import { promises as fs } from 'node:fs';
import { URI } from 'vscode-uri';
import { editsFor } from '../engine/fixes';
import { skipText } from '../engine/coverage';
import { message } from '../engine/messages';
import { renderHtml } from '../report/html';
import { reportFor } from '../report/report';
import { addHeaderTags, AiCommandResult, allowedTools, markSelection } from './ai-commands';
import { createPolicy } from './create-policy';
import { checkDocument } from './diagnostics';
import type { DocumentChecks } from './document-checks';
import { fixAllWorkspaceEdit } from './fix-workspace';
import { isExcluded } from './settings';
import { toFsPath } from './folders';
import {
  AddAiHeaderTagsCommand,
  type AiCommandError,
  type AiDisclosureOptions,
  AiToolsCommand,
  CreatePolicyCommand,
  FixAllWorkspaceCommand,
  InsertHeaderCommand,
  MarkAiSelectionCommand,
  ReportCommand,
  ScanWorkspaceCommand,
  type ServerCommandId,
  type ServerCommands,
} from '../../../shared/protocol';
import type { Session } from './session';

export interface CommandContext {
  session: Session;
  checks: DocumentChecks;
  token: CancellationToken;
  /** The progress of the request's own workDoneToken (a no-op reporter when it has none). */
  progress: WorkDoneProgressReporter;
}

/** One command of the table, typed by the shared protocol's ServerCommands. */
interface Command<C extends ServerCommandId> {
  /** The arguments, checked; throws ArgumentError when one is wrong. */
  args(raw: readonly unknown[]): ServerCommands[C]['args'];
  run(args: ServerCommands[C]['args'], ctx: CommandContext): Promise<ServerCommands[C]['result']>;
}

class ArgumentError extends Error {}

function fail(command: string, index: number, expected: string, got: unknown): never {
  throw new ArgumentError(`${command}: argument ${index + 1} must be ${expected}, not ${JSON.stringify(got) ?? String(got)}`);
}

function stringArg(command: string, raw: readonly unknown[], i: number): string {
  return typeof raw[i] === 'string' ? (raw[i] as string) : fail(command, i, 'a string', raw[i]);
}

/** Missing, or null (JSON turns an undefined array element into null): undefined. */
function optionalStringArg(command: string, raw: readonly unknown[], i: number): string | undefined {
  return raw[i] === undefined || raw[i] === null ? undefined : stringArg(command, raw, i);
}

/** The AI commands' options: missing or null is `{}`; anything else must be `{ role?, reviewed? }`. */
function disclosureArg(command: string, raw: readonly unknown[], i: number): AiDisclosureOptions {
  const v = raw[i];
  if (v === undefined || v === null) return {};
  const o = v as AiDisclosureOptions;
  const ok =
    typeof v === 'object' &&
    (o.role === undefined || o.role === 'generated' || o.role === 'assisted') &&
    (o.reviewed === undefined || typeof o.reviewed === 'boolean');
  return ok ? { role: o.role, reviewed: o.reviewed } : fail(command, i, "{ role?: 'generated' | 'assisted', reviewed?: boolean }", v);
}

function noArgs(): [] {
  return [];
}

function isRange(v: unknown): v is Range {
  const pos = (p: unknown) =>
    typeof p === 'object' && p !== null && Number.isInteger((p as { line?: unknown }).line) && Number.isInteger((p as { character?: unknown }).character);
  return typeof v === 'object' && v !== null && pos((v as Range).start) && pos((v as Range).end);
}

/** The open document of a URI argument and its folder; undefined when it is not open or not on disk. */
async function openTarget(session: Session, uri: string) {
  const doc = session.documents.get(uri);
  const target = doc && (await session.stateForUri(uri));
  return doc && target ? { doc, ...target } : undefined;
}

const noFile = () => ({ error: message('lsp.no-file') });

/** Applies an AI command's edit, or answers its error. */
async function applyAi(session: Session, result: AiCommandResult, label: string): Promise<AiCommandError | null> {
  if ('error' in result) return result;
  await session.connection.workspace.applyEdit({ label, edit: result });
  return null;
}

const toolOf = (tool: string | null | undefined) => (tool?.trim() ? tool : undefined);

export const commands: { [C in ServerCommandId]: Command<C> } = {
  [FixAllWorkspaceCommand]: {
    args: noArgs,
    async run(_, { session, token }) {
      const roots = session.folders.getRoots();
      if (!roots.length) return { error: message('lsp.no-folder-fix') };
      const states = await Promise.all(roots.map((r) => session.stateForRoot(r)));
      const { folders, documents } = session;
      const result = await fixAllWorkspaceEdit(
        states,
        (uri) => documents.get(uri),
        (s) => folders.fixContext(s),
        token,
        (s) => folders.reuseFor(s),
        async (s) => {
          const settings = await session.settings.get(URI.file(s.root).toString());
          return (rel) => isExcluded(settings, rel);
        },
        (s) => session.settings.editorEncoding(URI.file(s.root).toString()),
      );
      // Cancelled: no partial edit, which the client would otherwise offer to apply.
      return result ?? { error: 'cancelled' };
    },
  },

  [ReportCommand]: {
    args: noArgs,
    async run(_, { session }) {
      const all = session.folders.getRoots();
      if (!all.length) return { error: message('lsp.no-folder-report') };
      // A workspace folder that is gone (deleted, an unmounted drive) is left out, and said; the others are reported.
      const exists = await Promise.all(
        all.map((root) =>
          fs.stat(root).then(
            (s) => s.isDirectory(),
            () => false,
          ),
        ),
      );
      const roots = all.filter((_, i) => exists[i]);
      const missing = all.filter((_, i) => !exists[i]);
      const warning = missing.length ? message('lsp.report-left-out', { folders: missing.join(', ') }) : undefined;
      if (warning) session.connection.console.warn(`Report: ${missing.length} workspace folder(s) do not exist and are left out: ${missing.join(', ')}`);
      if (!roots.length) return { error: warning };
      try {
        // Each folder under its policy as the editor has it (ospo.policyFile, unsaved edits, trust), and
        // open documents as they are in the editor.
        const targets = await Promise.all(
          roots.map(async (root) => {
            const state = await session.stateForRoot(root);
            return {
              root,
              under: '',
              policy: state.policy,
              git: state.git,
              history: state.history,
              reuse: await session.folders.reuseFor(state),
              scope: root,
              scopeFolder: root,
            };
          }),
        );
        const textOf = (abs: string) => session.documents.get(URI.file(abs).toString())?.getText();
        // The trend needs git history; a folder without it gets the report without the trend.
        const data = await reportFor(targets, { history: 10, textOf }).catch(() => reportFor(targets, { textOf }));
        return { html: renderHtml(data), warning };
      } catch (err) {
        session.logError(`Building the report failed: ${(err as Error).stack ?? err}`);
        return { error: message('lsp.report-failed', { error: (err as Error).message }) };
      }
    },
  },

  [ScanWorkspaceCommand]: {
    args(raw) {
      const options = raw[0] ?? null;
      if (options !== null && (typeof options !== 'object' || Array.isArray(options)))
        fail(ScanWorkspaceCommand, 0, "an object like { progress: 'client' }", options);
      return [(options as { progress?: unknown } | null)?.progress === 'client' ? { progress: 'client' } : null];
    },
    async run([options], { session, token, progress: clientProgress }) {
      const viaClient = options?.progress === 'client';
      const roots = session.folders.getRoots();
      if (!roots.length) return { error: message('lsp.no-folder-scan') };
      // Editors other than VS Code get progress the server creates, where they support it.
      const progress = !viaClient && session.client.workDoneProgress ? await session.connection.window.createWorkDoneProgress() : clientProgress;
      progress.begin(message('lsp.scan-title'), 0, message('lsp.scan-listing'), true);
      const cancelled = {
        get isCancellationRequested() {
          return token.isCancellationRequested || !!(progress as { token?: { isCancellationRequested: boolean } }).token?.isCancellationRequested;
        },
      };
      try {
        const states = await Promise.all(roots.map((r) => session.stateForRoot(r)));
        session.scan.maxPerFile = (await session.settings.get(URI.file(roots[0]).toString())).maxFindingsPerFile;
        let last = 0;
        return await session.scan.scan(states, cancelled, (message, percent) => {
          // A report per batch would flood the connection: at most ten a second.
          if (Date.now() - last < 100) return;
          last = Date.now();
          progress.report(Math.floor(percent), message);
        });
      } finally {
        progress.done();
      }
    },
  },

  [CreatePolicyCommand]: {
    args: (raw) => [stringArg(CreatePolicyCommand, raw, 0), optionalStringArg(CreatePolicyCommand, raw, 1)],
    async run([folderUri, template], { session, checks }) {
      const folder = toFsPath(folderUri);
      if (!folder) return { error: 'A policy file can only be created in a folder on disk' };
      const result = await createPolicy(folder, template ?? 'apache');
      // Editors without file watching learn about the new policy here.
      if (!result.error) {
        session.folders.clear();
        checks.refreshAll();
      }
      return result;
    },
  },

  [MarkAiSelectionCommand]: {
    args(raw) {
      const uri = stringArg(MarkAiSelectionCommand, raw, 0);
      if (!isRange(raw[1])) fail(MarkAiSelectionCommand, 1, 'a range (the selection)', raw[1]);
      return [uri, raw[1], optionalStringArg(MarkAiSelectionCommand, raw, 2), disclosureArg(MarkAiSelectionCommand, raw, 3)];
    },
    async run([uri, range, tool, options], { session }) {
      const target = await openTarget(session, uri);
      if (!target) return noFile();
      return applyAi(session, await markSelection(target.doc, range, target.state, toolOf(tool), options ?? {}), 'Mark selection as AI-assisted');
    },
  },

  [AddAiHeaderTagsCommand]: {
    args: (raw) => [
      stringArg(AddAiHeaderTagsCommand, raw, 0),
      optionalStringArg(AddAiHeaderTagsCommand, raw, 1),
      disclosureArg(AddAiHeaderTagsCommand, raw, 2),
    ],
    async run([uri, tool, options], { session }) {
      const target = await openTarget(session, uri);
      if (!target) return noFile();
      return applyAi(session, await addHeaderTags(target.doc, target.state, toolOf(tool), options ?? {}), 'Add AI header tags');
    },
  },

  [AiToolsCommand]: {
    args: (raw) => [stringArg(AiToolsCommand, raw, 0)],
    async run([uri], { session }) {
      const target = await openTarget(session, uri);
      return target ? allowedTools(target.state) : noFile();
    },
  },

  [InsertHeaderCommand]: {
    args: (raw) => [stringArg(InsertHeaderCommand, raw, 0)],
    async run([uri], { session }) {
      const { connection, folders } = session;
      const target = await openTarget(session, uri);
      if (!target) {
        void connection.window.showWarningMessage(message('lsp.insert-header-no-file'));
        return undefined;
      }
      const { result } = await checkDocument(target.doc, target.fsPath, target.state, (m) => session.logError(m), await folders.reuseFor(target.state));
      const missing = result.findings.find((f) => f.rule === 'header-missing');
      const finding = missing?.fix ? missing : undefined;
      if (!finding || !result.file) {
        // Say why nothing happened: a header is there, the file is exempt, or no comment style is known for it.
        const why = missing
          ? `OSPO: ${missing.message}`
          : result.exempt
            ? message('lsp.insert-header-exempt', { reason: skipText(result.exempt) })
            : message('lsp.insert-header-present');
        void connection.window.showInformationMessage(why);
        return undefined;
      }
      const edits = editsFor(finding, result.file, result.policy ?? target.state.policy, await folders.fixContext(target.state));
      await connection.workspace.applyEdit({ label: message('fix.insert-header'), edit: { changes: { [uri]: edits } } });
      return undefined;
    },
  },
};

/** Runs one command of the table; an unknown command or a bad argument is an InvalidParams error. */
export async function executeCommand(id: string, raw: readonly unknown[] | undefined, ctx: CommandContext): Promise<unknown> {
  // Seen from outside, an entry's argument and result types are unknown: `args` checks them.
  const entry = Object.hasOwn(commands, id)
    ? (commands[id as ServerCommandId] as unknown as { args(raw: readonly unknown[]): unknown; run(args: unknown, ctx: CommandContext): Promise<unknown> })
    : undefined;
  if (!entry) throw new ResponseError(ErrorCodes.InvalidParams, `Unknown command: ${id}`);
  let args: unknown;
  try {
    args = entry.args(raw ?? []);
  } catch (err) {
    if (err instanceof ArgumentError) throw new ResponseError(ErrorCodes.InvalidParams, err.message);
    throw err;
  }
  return entry.run(args, ctx);
}
