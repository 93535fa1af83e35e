// Finds and reads the policy for a folder: an explicit file, else `.ospo/policy.yaml`, else the built-in default.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { defaultPolicy } from '../engine/policy';
import { loadPolicy, PolicyLoad } from '../engine/policy-file';

export const policyFileName = path.join('.ospo', 'policy.yaml');

export interface LoadedPolicy extends PolicyLoad {
  /** The file read, or undefined for the built-in default. */
  file?: string;
}

export async function readPolicy(root: string, explicit?: string): Promise<LoadedPolicy> {
  const file = explicit ? path.resolve(root, explicit) : path.join(root, policyFileName);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if (!explicit && (err as NodeJS.ErrnoException).code === 'ENOENT') return { policy: defaultPolicy(), problems: [] };
    return { file, problems: [{ severity: 'error', message: `Cannot read the policy file: ${(err as Error).message}`, line: 0, character: 0, endLine: 0, endCharacter: 0 }] };
  }
  return { file, ...loadPolicy(text, file) };
}

/** The nearest folder at or above `start` that holds `.ospo/policy.yaml`, else undefined. */
export async function findPolicyRoot(start: string): Promise<string | undefined> {
  let dir = path.resolve(start);
  for (;;) {
    try {
      await fs.access(path.join(dir, policyFileName));
      return dir;
    } catch { /* keep looking upwards */ }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
