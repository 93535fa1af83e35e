// Settings per resource, read through workspace/configuration and cached per URI until the
// client signals a change (didChangeConfiguration carries no values in pull mode: it is only a signal).

import type { Connection } from 'vscode-languageserver/node';
import { defaultSettings, OspoSettings } from './protocol';

export class SettingsCache {
  private cache = new Map<string, Promise<OspoSettings>>();

  constructor(private connection: Connection, private supported: () => boolean) {}

  get(uri: string): Promise<OspoSettings> {
    if (!this.supported()) return Promise.resolve(defaultSettings);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'ospo' })
        .then((value: Partial<OspoSettings> | null) => ({ ...defaultSettings, ...(value ?? {}) }), () => defaultSettings);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  clear(): void {
    this.cache.clear();
  }
}
