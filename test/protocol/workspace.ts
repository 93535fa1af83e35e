// A throw-away workspace folder for the protocol tests: the files given, under a real path (the
// server reports real paths, so URIs compare equal).

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export function workspace(files: Record<string, string>, prefix = 'ospo-lsp-'): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
