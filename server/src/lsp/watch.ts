// Watches policy files that live outside every workspace folder (an org base, an ospo.policyFile
// elsewhere): the client only watches inside workspace folders (docs/design/architecture.md).
// The parent folder is watched, not the file, because editors save by renaming a new file over the old.

import { FSWatcher, watch } from 'node:fs';
import * as path from 'node:path';

export class OutsideWatchers {
  private watchers = new Map<string, FSWatcher>();
  private files = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private pending = new Set<string>();

  constructor(
    private onChange: (files: string[]) => void,
    private log: (m: string) => void,
  ) {}

  /** Watches exactly these files (those outside the workspace folders). */
  sync(files: string[]): void {
    this.files = new Set(files);
    const dirs = new Set(files.map((f) => path.dirname(f)));
    for (const [dir, w] of this.watchers)
      if (!dirs.has(dir)) {
        w.close();
        this.watchers.delete(dir);
      }
    for (const dir of dirs) {
      if (this.watchers.has(dir)) continue;
      try {
        const w = watch(dir, (_event, name) => {
          const file = name ? path.join(dir, name.toString()) : undefined;
          if (file && this.files.has(file)) this.queue(file);
        });
        w.on('error', () => {
          w.close();
          this.watchers.delete(dir);
        });
        this.watchers.set(dir, w);
      } catch (err) {
        this.log(`Cannot watch ${dir}: ${(err as Error).message}`);
      }
    }
  }

  private queue(file: string): void {
    this.pending.add(file);
    clearTimeout(this.timer);
    // One reload for the burst of events a single save produces.
    this.timer = setTimeout(() => {
      const files = [...this.pending];
      this.pending.clear();
      this.onChange(files);
    }, 100);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
  }
}
