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
  /** The severity findings the baseline (.ospo/suppressions.json) covers are shown at: lower, never hidden. */
  suppressedSeverity: { type: 'string', enum: ['hint', 'information', 'warning'], default: 'hint' },
  /** Per rule id, the severity its findings are shown at in the editor, or `off`; what `ospo check` enforces is unchanged. */
  rules: { type: 'object', values: ['error', 'warning', 'information', 'hint', 'off'], default: {} },
  /** Glob → true, as `files.exclude`: files the editor's checks and the workspace scan skip. */
  exclude: { type: 'object', values: 'boolean', default: {} },
  /** The licensing CodeLens above line 1. */
  'codeLens.enable': { type: 'boolean', default: true },
  /** The licensing hover on line 1 and the header's license and copyright lines. */
  'hover.licensing': { type: 'boolean', default: true },
  /** Client only: sent to the server in initializationOptions. */
  locale: { type: 'string', enum: ['auto', 'en', 'ja'], default: 'auto' },
  /** The language client library's protocol trace. */
  'trace.server': { type: 'string', enum: ['off', 'messages', 'verbose'], default: 'off' },
} as const;

type Schema = typeof settingsSchema;
type ValueOf<S> = S extends { enum: readonly (infer E)[] }
  ? E
  : S extends { type: 'boolean' }
    ? boolean
    : S extends { type: 'integer' }
      ? number
      : S extends { values: readonly (infer V)[] }
        ? Record<string, V>
        : S extends { values: 'boolean' }
          ? Record<string, boolean>
          : string;

/** The settings the server reads per resource (workspace/configuration, section `ospo`, or pushed with didChangeConfiguration). */
export type ServerSetting =
  'enable' | 'policyFile' | 'run' | 'maxFindingsPerFile' | 'suppressedSeverity' | 'rules' | 'exclude' | 'codeLens.enable' | 'hover.licensing';
export type OspoSettings = { [K in ServerSetting]: ValueOf<Schema[K]> };

export const defaultSettings: OspoSettings = {
  enable: settingsSchema.enable.default,
  policyFile: settingsSchema.policyFile.default,
  run: settingsSchema.run.default,
  maxFindingsPerFile: settingsSchema.maxFindingsPerFile.default,
  suppressedSeverity: settingsSchema.suppressedSeverity.default,
  rules: settingsSchema.rules.default,
  exclude: settingsSchema.exclude.default,
  'codeLens.enable': settingsSchema['codeLens.enable'].default,
  'hover.licensing': settingsSchema['hover.licensing'].default,
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A setting's value by its dotted key: VS Code answers `{ codeLens: { enable } }`, a pushed object may hold `"codeLens.enable"`. */
function lookUp(value: Record<string, unknown>, key: string): unknown {
  if (key in value) return value[key];
  const dot = key.indexOf('.');
  const head = dot < 0 ? undefined : value[key.slice(0, dot)];
  return dot >= 0 && isObject(head) ? lookUp(head, key.slice(dot + 1)) : undefined;
}

/** The entries of an object setting whose values have the schema's type; undefined when it is not an object. */
function entriesOf(v: unknown, values: 'boolean' | readonly string[]): Record<string, unknown> | undefined {
  if (!isObject(v)) return undefined;
  const ok = (x: unknown) => (values === 'boolean' ? typeof x === 'boolean' : values.includes(x as string));
  return Object.fromEntries(Object.entries(v).filter(([, x]) => ok(x)));
}

/**
 * The server's settings from a value a client sent (`workspace/configuration` answer, or the `ospo`
 * object of didChangeConfiguration's `settings`): each key of the right type and in its enum is
 * taken, anything else keeps its default; of an object setting, the entries of the right type.
 */
export function readSettings(value: unknown): OspoSettings {
  const out: Record<string, unknown> = { ...defaultSettings };
  if (!isObject(value)) return out as OspoSettings;
  for (const key of Object.keys(defaultSettings) as ServerSetting[]) {
    const v = lookUp(value, key);
    const schema: { type: string; enum?: readonly string[]; values?: 'boolean' | readonly string[] } = settingsSchema[key];
    if (schema.values) {
      const entries = entriesOf(v, schema.values);
      if (entries) out[key] = entries;
      continue;
    }
    const typed = schema.type === 'integer' ? Number.isInteger(v) : typeof v === schema.type;
    if (typed && (!schema.enum || schema.enum.includes(v as string))) out[key] = v;
  }
  return out as OspoSettings;
}
