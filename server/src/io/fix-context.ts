// What fixes fill in when the policy does not say: the git user as holder, and the project's
// license from LICENSES/ or package.json. Computed once per workspace folder, never per keystroke.

import { promises as fs } from 'node:fs';
import { readMetadata } from './read-file';
import * as path from 'node:path';
import { defaultFixContext, FixContext } from '../engine/context';
import { checkExpression } from '../engine/spdx/check';
import { reviewerFor } from './reviewer';

async function projectLicense(root: string): Promise<string | undefined> {
  try {
    const texts = (await fs.readdir(path.join(root, 'LICENSES'))).filter((f) => !f.startsWith('.'));
    const ids = [...new Set(texts.map((f) => f.replace(/\.[^.]*$/, '')))];
    if (ids.length === 1 && checkExpression(ids[0]).problems.length === 0) return ids[0];
  } catch {
    /* no LICENSES/ folder */
  }
  try {
    const pkg = JSON.parse((await readMetadata(path.join(root, 'package.json')))?.toString('utf8') ?? '') as { license?: unknown };
    if (typeof pkg.license === 'string' && checkExpression(pkg.license).problems.length === 0) return pkg.license;
  } catch {
    /* no package.json */
  }
  return undefined;
}

export async function fixContextFor(root: string, now = new Date()): Promise<FixContext> {
  const ctx = defaultFixContext(now);
  const [{ name, email }, license] = await Promise.all([reviewerFor(root), projectLicense(root)]);
  return { ...ctx, holder: name ?? ctx.holder, license: license ?? ctx.license, reviewer: name && email ? `${name} <${email}>` : undefined };
}
