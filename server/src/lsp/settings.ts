// Settings per resource, read through workspace/configuration and cached per URI until the client
// signals a change with didChangeConfiguration. That notification may also carry the settings
// (`settings.ospo`, as Neovim and Helix send them; VS Code sends null in pull mode): they are kept
// for clients that cannot be asked, and for a resource the client has no answer for.
// Also what the settings mean for the editor: how findings are shown, and which files are excluded.

import type { Connection } from 'vscode-languageserver/node';
import type { Severity } from '../engine/findings';
import { pathGlob } from '../engine/glob';
import { OspoSettings, readSettings, settingsSection } from '../../../shared/protocol';
import { encodingName } from '../io/encoding';

export class SettingsCache {
  private cache = new Map<string, Promise<OspoSettings>>();
  private encodings = new Map<string, Promise<string | undefined>>();
  private pushed: unknown;

  constructor(
    private connection: Connection,
    private supported: () => boolean,
  ) {}

  get(uri: string): Promise<OspoSettings> {
    if (!this.supported()) return Promise.resolve(readSettings(this.pushed));
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace.getConfiguration({ scopeUri: uri, section: settingsSection }).then(
        (value: unknown) => readSettings(value ?? this.pushed),
        () => readSettings(this.pushed),
      );
      this.cache.set(uri, settings);
    }
    return settings;
  }

  /**
   * The encoding the editor reads a folder's files in, as a decoder label (io/encoding.ts): VS Code's
   * `files.encoding` for the resource; UTF-8 when the client has no such setting; undefined for an
   * encoding the runtime cannot decode (a DOS code page), which nothing is then taken to read alike.
   */
  editorEncoding(uri: string): Promise<string | undefined> {
    if (!this.supported()) return Promise.resolve('utf-8');
    let encoding = this.encodings.get(uri);
    if (!encoding) {
      encoding = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'files.encoding' }).then(
        (value: unknown) => (typeof value === 'string' ? editorEncodingLabel(value) : 'utf-8'),
        () => 'utf-8',
      );
      this.encodings.set(uri, encoding);
    }
    return encoding;
  }

  /**
   * The open files the editor reads in another encoding than UTF-8 (the client's ospo/documentEncoding),
   * by URI, as decoder labels, until they close: VS Code reads a file afresh when it opens it again.
   * Reading such a file from disk (the scan) takes this encoding first.
   */
  private fileEncodings = new Map<string, string>();

  /** The client says what the editor reads an open file in: a VS Code id, or undefined for UTF-8. */
  setFileEncoding(uri: string, id: string | undefined): void {
    const label = id ? editorEncodingLabel(id) : undefined;
    if (label && label !== 'utf-8') this.fileEncodings.set(uri, label);
    else this.fileEncodings.delete(uri);
  }

  fileEncoding(uri: string): string | undefined {
    return this.fileEncodings.get(uri);
  }

  /** Those under a folder, by path relative to it (`/`-separated), for a scan. */
  fileEncodingsUnder(rootUri: string): Map<string, string> {
    const prefix = rootUri.endsWith('/') ? rootUri : rootUri + '/';
    const under = new Map<string, string>();
    for (const [uri, label] of this.fileEncodings) if (uri.startsWith(prefix)) under.set(decodeURIComponent(uri.slice(prefix.length)), label);
    return under;
  }

  /** didChangeConfiguration: forget what was read, and keep the `ospo` settings the notification carries, if any. */
  changed(settings: unknown): void {
    this.cache.clear();
    this.encodings.clear();
    const ours = typeof settings === 'object' && settings !== null ? (settings as Record<string, unknown>)[settingsSection] : undefined;
    if (ours !== undefined) this.pushed = ours;
  }
}

/** How the editor shows findings: the severity of those the baseline covers, and each rule's (ospo.suppressedSeverity, ospo.rules). */
export interface Display {
  baselineSeverity: Severity;
  rules: Record<string, Severity | 'off'>;
}

/** The settings' names for severities are VS Code's; the engine's `info` is their `information`. */
const severityOf = (s: 'error' | 'warning' | 'information' | 'hint'): Severity => (s === 'information' ? 'info' : s);

export function displayOf(settings: OspoSettings): Display {
  const rules: Display['rules'] = {};
  for (const [id, s] of Object.entries(settings.rules)) rules[id] = s === 'off' ? 'off' : severityOf(s);
  return { baselineSeverity: severityOf(settings.suppressedSeverity), rules };
}

/**
 * ospo.exclude as path globs: a `files.exclude` pattern set to true excludes what it matches and,
 * as in VS Code, everything below a folder it matches (`out` covers `out/x.ts`).
 */
export function excludeGlobs(settings: OspoSettings): string[] {
  return Object.entries(settings.exclude).flatMap(([glob, on]) => (on ? [glob, `${glob.replace(/\/+$/, '')}/**`] : []));
}

/** Whether ospo.exclude excludes a path relative to the workspace folder (`/`-separated). */
export function isExcluded(settings: OspoSettings, rel: string): boolean {
  const globs = excludeGlobs(settings);
  return globs.length > 0 && pathGlob(globs)(rel);
}

/** VS Code's ids for `files.encoding` that are not spelt as the Encoding Standard's labels (the others insert a hyphen). */
const editorIds: Record<string, string> = {
  utf8: 'utf-8',
  utf8bom: 'utf-8',
  utf16le: 'utf-16le',
  utf16be: 'utf-16be',
  shiftjis: 'shift_jis',
  eucjp: 'euc-jp',
  iso2022jp: 'iso-2022-jp',
  euckr: 'euc-kr',
  big5hkscs: 'big5',
  cp950: 'big5',
  macroman: 'macintosh',
  cp866: 'ibm866',
  koi8r: 'koi8-r',
  koi8u: 'koi8-u',
  koi8ru: 'koi8-u',
};

/** A `files.encoding` value (VS Code's id, such as `shiftjis` or `windows1252`) as a decoder label; undefined when unknown. */
export function editorEncodingLabel(id: string): string | undefined {
  const label =
    editorIds[id] ?? id.replace(/^(windows|iso8859)(\d+)$/, (_, family: string, n: string) => (family === 'windows' ? `windows-${n}` : `iso-8859-${n}`));
  return encodingName(label);
}
