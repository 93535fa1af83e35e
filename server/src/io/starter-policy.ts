// Writes a starter policy to <folder>/.ospo/policy.yaml, never over an existing file. Shared by
// `ospo init` (cli/init.ts) and the server's "Create policy file" command (lsp/create-policy.ts).

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isTemplateName, starterPolicy, TemplateName, templateNames } from '../engine/policy/templates';
import { fixContextFor } from './fix-context';
import { createFile, ensureFolder } from './write-file';
import { policyFileName } from './policy-source';

export const defaultTemplate: TemplateName = 'apache';

/** `file` is the policy file's path: the new file, or the one that already exists (with `error`). */
export type StarterResult = { file: string; error?: undefined } | { error: string; file?: string };

const templateList = `${templateNames.slice(0, -1).join(', ')} or ${templateNames[templateNames.length - 1]}`;

/**
 * Writes the starter policy `template` to `<folder>/.ospo/policy.yaml`, creating `.ospo/`.
 * Refuses an unknown template, a missing folder and an existing file (left untouched).
 * Paths in the result and in messages are built on `folder` as given.
 */
export async function writeStarterPolicy(folder: string, template: string): Promise<StarterResult> {
  if (!isTemplateName(template)) return { error: `Unknown template '${template}': use ${templateList}` };
  const stat = await fs.stat(folder).catch(() => undefined);
  if (!stat?.isDirectory()) return { error: `No such folder: ${folder}` };
  const file = path.join(folder, policyFileName);
  // The policy file's own header names the git user, as fixes do (falling back to "The authors").
  const { holder, year } = await fixContextFor(folder);
  const text = starterPolicy(template, { holder, year });
  try {
    // Never through a linked .ospo/ (write-file.ts).
    await ensureFolder(path.dirname(file));
  } catch (err) {
    return { error: `Cannot create the folder ${path.dirname(file)}: ${(err as Error).message}` };
  }
  try {
    // Created whole or not at all, and never over anything that has the name: an existing policy is never overwritten.
    await createFile(file, text);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return { error: `${file} already exists; not overwritten`, file };
    return { error: `Cannot write ${file}: ${(err as Error).message}` };
  }
  return { file };
}
