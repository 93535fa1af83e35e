// Settings per resource, read through workspace/configuration and cached per URI until the client
// signals a change with didChangeConfiguration. That notification may also carry the settings
// (`settings.ospo`, as Neovim and Helix send them; VS Code sends null in pull mode): they are kept
// for clients that cannot be asked, and for a resource the client has no answer for.

import type { Connection } from 'vscode-languageserver/node';
import { OspoSettings, readSettings, settingsSection } from '../../../shared/protocol';

export class SettingsCache {
  private cache = new Map<string, Promise<OspoSettings>>();
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

  /** didChangeConfiguration: forget what was read, and keep the `ospo` settings the notification carries, if any. */
  changed(settings: unknown): void {
    this.cache.clear();
    const ours = typeof settings === 'object' && settings !== null ? (settings as Record<string, unknown>)[settingsSection] : undefined;
    if (ours !== undefined) this.pushed = ours;
  }
}
