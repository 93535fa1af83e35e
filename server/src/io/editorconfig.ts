// The `charset` that `.editorconfig` files give a file (docs/design/encodings.md): a project's
// declaration of its files' encoding, read only for a file that is not UTF-8 and declares nothing
// itself, so a scan of UTF-8 files never looks for one. Parsing is tiny-editorconfig's; its glob
// matcher backtracks (a section `[*a*a*a*a*a*a*a*a*a*a*a*a*a*b]` took seconds on a 28-character name,
// and a repository writes this file), so sections are matched with the product's linear globs.

import { slashed } from './fs-paths';
import { lstatSync } from 'node:fs';
import { editorconfigGlob } from '../engine/glob';
import { readMetadataSync } from './metadata-file';
import * as path from 'node:path';

// tiny-editorconfig is an ES module: the bundles (esbuild) inline it, and plain Node 20.19+ can require it.
// Only the part used here is typed, as a CommonJS file cannot import the package's types.
interface ConfigWithOverrides {
  root?: boolean;
  charset?: string;
  overrides?: Partial<Record<string, { charset?: string }>>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parse } = require('tiny-editorconfig') as { parse: (text: string) => ConfigWithOverrides };

/** `.editorconfig` files larger than this are not read: a real one is a few hundred bytes. */
const maxEditorconfigBytes = 64 * 1024;

/**
 * Each folder's `.editorconfig`, parsed, with the size and time it was read at: a long-lived server
 * sees an edited one, at the cost of one stat per folder, paid only for files that are not UTF-8.
 */
const parsed = new Map<string, { size: number; mtimeMs: number; config: ConfigWithOverrides | null }>();

function configIn(dir: string): ConfigWithOverrides | null {
  const file = path.join(dir, '.editorconfig');
  let st;
  try {
    st = lstatSync(file, { throwIfNoEntry: false });
  } catch {
    st = undefined;
  }
  if (!st?.isFile() || st.size > maxEditorconfigBytes) return null;
  const known = parsed.get(dir);
  if (known && known.size === st.size && known.mtimeMs === st.mtimeMs) return known.config;
  let config: ConfigWithOverrides | null = null;
  try {
    const bytes = readMetadataSync(file, maxEditorconfigBytes);
    if (bytes) config = parse(bytes.toString('utf8'));
  } catch {
    // Unreadable or not parsable: the folder declares nothing.
  }
  parsed.set(dir, { size: st.size, mtimeMs: st.mtimeMs, config });
  return config;
}

/**
 * The encoding label the `.editorconfig` files above `file` (absolute) declare for it, as EditorConfig
 * defines the search: from the file's folder up to the first `root = true`, nearer files winning. Only
 * `latin1` names a legacy encoding; `utf-8` says nothing about a file that is not UTF-8, and UTF-16 is
 * told by its byte order mark.
 */
export function editorconfigCharset(file: string): string | undefined {
  const chain: { dir: string; config: ConfigWithOverrides }[] = [];
  for (let dir = path.dirname(file); ;) {
    const config = configIn(dir);
    if (config) chain.unshift({ dir, config });
    if (config?.root) break;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  let charset: string | undefined;
  // Each file's globs match the path from its own folder on; a later section wins over an earlier one.
  for (const { dir, config } of chain) {
    const rel = slashed(path.relative(dir, file));
    for (const [glob, section] of Object.entries(config.overrides ?? {})) {
      if (section?.charset !== undefined && editorconfigGlob(glob)(rel)) charset = section.charset;
    }
  }
  return charset === 'latin1' ? 'iso-8859-1' : undefined;
}
