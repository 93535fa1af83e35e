// File-system paths as the platform writes them (absolute, `path.sep`), as opposed to the `/`-separated
// paths relative to a root that the engine works with.

import * as path from 'node:path';

/** Whether the folder `root` is or holds `fsPath` (both absolute and normalised). */
export function holdsPath(root: string, fsPath: string): boolean {
  return fsPath === root || fsPath.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

/** A platform path with `/` between its parts, as the engine, the outputs and URLs write paths. */
export const slashed = (p: string) => p.split(path.sep).join('/');
