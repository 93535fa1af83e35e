// What git says about paths in a folder: ignored (nested .gitignore files with negation, and
// .git/info/exclude) and generated (`linguist-generated` in .gitattributes). Read through the
// `ignore` package, which implements gitignore's pattern rules; cached per folder.

import ignore, { Ignore } from 'ignore';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

export class GitRules {
  /** Rules per folder (relative to the root, '' for the root), from that folder's .gitignore. */
  private ignores = new Map<string, Promise<Ignore | undefined>>();
  private generated?: Promise<{ on: Ignore; off: Ignore } | undefined>;

  constructor(readonly root: string) {}

  private rulesIn(dir: string): Promise<Ignore | undefined> {
    let rules = this.ignores.get(dir);
    if (!rules) {
      rules = (async () => {
        const texts: string[] = [];
        if (dir === '') texts.push(await read(path.join(this.root, '.git', 'info', 'exclude')));
        texts.push(await read(path.join(this.root, dir, '.gitignore')));
        const text = texts.join('\n');
        return text.trim() ? ignore().add(text) : undefined;
      })();
      this.ignores.set(dir, rules);
    }
    return rules;
  }

  private dirs = new Map<string, Promise<boolean>>();

  /**
   * Whether git ignores a path (relative to the root, `/`-separated). Deeper .gitignore files are
   * read after shallower ones, so their negations (`!keep.js`) win, as in git; but a file inside an
   * ignored folder stays ignored, since git never reads that folder.
   */
  async isIgnored(relPath: string): Promise<boolean> {
    const parts = relPath.split('/');
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/') + '/';
      let ignored = this.dirs.get(dir);
      if (!ignored) {
        ignored = this.matches(dir);
        this.dirs.set(dir, ignored);
      }
      if (await ignored) return true;
    }
    return this.matches(relPath);
  }

  private async matches(relPath: string): Promise<boolean> {
    const parts = relPath.replace(/\/$/, '').split('/');
    const isDir = relPath.endsWith('/');
    let ignored = false;
    for (let depth = 0; depth < parts.length; depth++) {
      const rules = await this.rulesIn(parts.slice(0, depth).join('/'));
      if (!rules) continue;
      const result = rules.test(parts.slice(depth).join('/') + (isDir ? '/' : ''));
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }

  /** Whether .gitattributes marks the path `linguist-generated`. */
  async isGenerated(relPath: string): Promise<boolean> {
    this.generated ??= (async () => {
      const text = await read(path.join(this.root, '.gitattributes'));
      const on: string[] = [];
      const off: string[] = [];
      for (const line of text.split(/\r?\n/)) {
        const [pattern, ...attrs] = line.trim().split(/\s+/);
        if (!pattern || pattern.startsWith('#')) continue;
        for (const a of attrs) {
          if (a === 'linguist-generated' || a === 'linguist-generated=true') on.push(pattern);
          else if (a === '-linguist-generated' || a === 'linguist-generated=false') off.push(pattern);
        }
      }
      return on.length ? { on: ignore().add(on), off: ignore().add(off) } : undefined;
    })();
    const rules = await this.generated;
    return !!rules && rules.on.ignores(relPath) && !rules.off.ignores(relPath);
  }
}

async function read(file: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch {
    return '';
  }
}
