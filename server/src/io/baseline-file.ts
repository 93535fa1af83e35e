// Reads and writes the baseline, .ospo/suppressions.json under a policy root (engine/baseline.ts).

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Baseline, BaselineError, parseBaseline, serializeBaseline } from '../engine/baseline';

export const baselineFile = (root: string) => path.join(root, '.ospo', 'suppressions.json');

/** The root's baseline: empty when there is no file; an error message when it cannot be read as one. */
export async function readBaseline(root: string): Promise<Baseline | BaselineError> {
  let text: string;
  try {
    text = await fs.readFile(baselineFile(root), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    return { error: (err as Error).message };
  }
  return parseBaseline(text);
}

export async function writeBaseline(root: string, baseline: Baseline): Promise<void> {
  const file = baselineFile(root);
  await fs.mkdir(path.dirname(file), { recursive: true });
  // Written beside it and renamed over it: a reader never sees half a file.
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(tmp, serializeBaseline(baseline), 'utf8');
  await fs.rename(tmp, file);
}
