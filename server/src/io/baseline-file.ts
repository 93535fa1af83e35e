// Reads and writes the baseline, .ospo/suppressions.json under a policy root (engine/baseline.ts).

import * as path from 'node:path';
import { Baseline, BaselineError, parseBaseline, serializeBaseline } from '../engine/baseline';
import { maxMetadataBytes } from './metadata-file';
import { readRegular } from './read-file';
import { ensureFolder, replaceFile } from './write-file';

export const baselineFile = (root: string) => path.join(root, '.ospo', 'suppressions.json');

/** The root's baseline: empty when there is no file; an error message when it cannot be read as one. */
export async function readBaseline(root: string): Promise<Baseline | BaselineError> {
  // A regular file only, never through a link, bounded: the repository holds it (metadata-file.ts).
  const read = await readRegular(baselineFile(root), maxMetadataBytes);
  if ('skipped' in read) return read.skipped.id === 'gone' ? {} : { error: `cannot read it (${read.skipped.id})` };
  return parseBaseline(read.bytes.toString('utf8'));
}

export async function writeBaseline(root: string, baseline: Baseline): Promise<void> {
  const file = baselineFile(root);
  // Never through a linked .ospo/; written whole beside the old one and renamed over it (write-file.ts).
  await ensureFolder(path.dirname(file));
  await replaceFile(file, serializeBaseline(baseline));
}
