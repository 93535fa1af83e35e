// Lists the files to check under a folder: fast-glob for the walk, `ignore` for .gitignore rules.
// Issue 5 grows this into the workspace scanner (nested .gitignore, workers, caching).

import fg from 'fast-glob';
import ignore from 'ignore';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { alwaysExcluded } from '../engine/paths';


export async function listFiles(dir: string, include: string[] = ['**/*'], exclude: string[] = []): Promise<string[]> {
  const files = await fg(include, {
    cwd: dir,
    dot: true,
    onlyFiles: true,
    followSymbolicLinks: false,
    ignore: [...alwaysExcluded, ...exclude],
    suppressErrors: true,
  });
  const rules = ignore();
  try {
    rules.add(await fs.readFile(path.join(dir, '.gitignore'), 'utf8'));
  } catch { /* no .gitignore */ }
  return files.filter((f) => !rules.ignores(f)).sort();
}
