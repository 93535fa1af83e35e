// A throw-away folder holding the files given, for tests, under its real path (the server and the
// walker report real paths, so they compare equal). The caller removes it.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export function tempTree(files: Record<string, string | Buffer>, prefix: string): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}
