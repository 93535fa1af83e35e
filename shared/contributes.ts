// What package.json `contributes`: the command ids and the `ospo.*` settings with their types and
// defaults, declared once for the client, the server and the parity test
// (test/unit/protocol-parity.test.ts), which checks package.json against this file.
// No imports: the client registers the commands at activation, before any library is loaded.

export const RestartServerCommand = 'ospo.restartServer';
export const ShowLogCommand = 'ospo.showLog';
export const InsertLicenseHeaderCommand = 'ospo.insertLicenseHeader';
export const CreatePolicyFileCommand = 'ospo.createPolicyFile';
export const MarkSelectionAiAssistedCommand = 'ospo.markSelectionAiAssisted';
export const AddAiHeaderTagsClientCommand = 'ospo.addAiHeaderTags';
export const ScanWorkspaceClientCommand = 'ospo.scanWorkspace';
export const OpenReportCommand = 'ospo.openReport';
export const FixAllWorkspaceClientCommand = 'ospo.fixAllWorkspace';

/** The commands of package.json `contributes.commands`, in its order. */
export const commandIds = [
  RestartServerCommand,
  ShowLogCommand,
  InsertLicenseHeaderCommand,
  CreatePolicyFileCommand,
  MarkSelectionAiAssistedCommand,
  AddAiHeaderTagsClientCommand,
  ScanWorkspaceClientCommand,
  OpenReportCommand,
  FixAllWorkspaceClientCommand,
] as const;

/** The section of every setting: `ospo.<key>`. */
export const settingsSection = 'ospo';

/** The settings of package.json `contributes.configuration`, keyed without the `ospo.` prefix, with the JSON schema type and default. */
export const settingsSchema = {
  enable: { type: 'boolean', default: true },
  /** A policy file to use instead of `.ospo/policy.yaml`; relative paths resolve against the workspace folder. */
  policyFile: { type: 'string', default: '' },
  /** Check open documents as you type, or only when they are opened and saved. */
  run: { type: 'string', enum: ['onType', 'onSave'], default: 'onType' },
  /** Client only: run the workspace scan when the server starts. */
  scanOnStartup: { type: 'boolean', default: false },
  /** At most this many diagnostics per file from a workspace scan. */
  maxFindingsPerFile: { type: 'integer', default: 100 },
  /** Client only: sent to the server in initializationOptions. */
  locale: { type: 'string', enum: ['auto', 'en', 'ja'], default: 'auto' },
  /** The language client library's protocol trace. */
  'trace.server': { type: 'string', enum: ['off', 'messages', 'verbose'], default: 'off' },
} as const;

type Schema = typeof settingsSchema;
type ValueOf<S> = S extends { enum: readonly (infer E)[] } ? E : S extends { type: 'boolean' } ? boolean : S extends { type: 'integer' } ? number : string;

/** The settings the server reads per resource (workspace/configuration, section `ospo`, or pushed with didChangeConfiguration). */
export type OspoSettings = { [K in 'enable' | 'policyFile' | 'run' | 'maxFindingsPerFile']: ValueOf<Schema[K]> };

export const defaultSettings: OspoSettings = {
  enable: settingsSchema.enable.default,
  policyFile: settingsSchema.policyFile.default,
  run: settingsSchema.run.default,
  maxFindingsPerFile: settingsSchema.maxFindingsPerFile.default,
};

/**
 * The server's settings from a value a client sent (`workspace/configuration` answer, or the `ospo`
 * object of didChangeConfiguration's `settings`): each key of the right type and in its enum is
 * taken, anything else keeps its default.
 */
export function readSettings(value: unknown): OspoSettings {
  const out: Record<string, unknown> = { ...defaultSettings };
  if (typeof value !== 'object' || value === null) return out as OspoSettings;
  for (const key of Object.keys(defaultSettings) as (keyof OspoSettings)[]) {
    const v = (value as Record<string, unknown>)[key];
    const schema: { type: string; enum?: readonly string[] } = settingsSchema[key];
    const typed = schema.type === 'integer' ? Number.isInteger(v) : typeof v === schema.type;
    if (typed && (!schema.enum || schema.enum.includes(v as string))) out[key] = v;
  }
  return out as OspoSettings;
}
