// What git says about paths in a folder: ignored (nested .gitignore files with negation, and
// .git/info/exclude) and generated (`linguist-generated` in .gitattributes). Read through the
// `ignore` package, which implements gitignore's pattern rules; cached per folder.
// Synchronous on purpose: the workspace walker asks from inside its filters, once per folder and
// file, and the files read are a few hundred bytes, each read once.

import ignore, { Ignore } from 'ignore';
import { readMetadataSync } from './metadata-file';
import * as path from 'node:path';

export class GitRules {
  /** Rules per folder (relative to the root, '' for the root), from that folder's .gitignore. */
  private ignores = new Map<string, PathTest | undefined>();
  private generated?: { on: Ignore; off: Ignore } | null;
  private dirs = new Map<string, boolean>();

  /**
   * Whether patterns match regardless of case: git's `core.ignorecase`, which git sets when it
   * creates a repository on a case-insensitive file system. The `ignore` package's default is
   * case-insensitive; on Linux that made the kernel's `*.s` hide 1,329 `.S` sources.
   */
  private readonly ignorecase: boolean;

  constructor(readonly root: string) {
    const config = /^\s*ignorecase\s*=\s*(\w+)/im.exec(read(path.join(root, '.git', 'config')));
    this.ignorecase = config ? config[1].toLowerCase() === 'true' : process.platform === 'win32' || process.platform === 'darwin';
  }

  private rulesIn(dir: string): PathTest | undefined {
    if (this.ignores.has(dir)) return this.ignores.get(dir);
    const texts: string[] = [];
    if (dir === '') texts.push(read(path.join(this.root, '.git', 'info', 'exclude')));
    texts.push(read(path.join(this.root, dir, '.gitignore')));
    const text = texts.join('\n');
    const rules = text.trim() ? pathTest(ignore({ ignorecase: this.ignorecase }).add(text)) : undefined;
    this.ignores.set(dir, rules);
    return rules;
  }

  /**
   * Drops what a walk remembered: the folders' chains, and the `ignore` package's answers for
   * .gitattributes, which it keeps for every path it was asked about (after a walk, every file of the
   * tree, held for as long as these rules live: in the language server, the session). The rules stay read.
   */
  forgetPaths(): void {
    this.chains.clear();
    // Read again when next asked: one file, .gitattributes.
    this.generated = undefined;
  }

  /**
   * Whether git ignores a path (relative to the root, `/`-separated). Deeper .gitignore files are
   * read after shallower ones, so their negations (`!keep.js`) win, as in git; but a file inside an
   * ignored folder stays ignored, since git never reads that folder.
   */
  isIgnored(relPath: string): boolean {
    const parts = relPath.split('/');
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/') + '/';
      let ignored = this.dirs.get(dir);
      if (ignored === undefined) {
        ignored = this.matches(dir);
        this.dirs.set(dir, ignored);
      }
      if (ignored) return true;
    }
    return this.matches(relPath);
  }

  /**
   * Whether the path itself matches, its parent folders not looked at: for a walker that never
   * enters an ignored folder. Folders end with `/`.
   */
  matches(relPath: string): boolean {
    const isDir = relPath.endsWith('/');
    const p = isDir ? relPath.slice(0, -1) : relPath;
    const slash = p.lastIndexOf('/');
    let ignored = false;
    for (const [offset, rules] of this.chain(slash < 0 ? '' : p.slice(0, slash))) {
      const result = rules(offset ? relPath.slice(offset) : relPath);
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }

  private chains = new Map<string, [number, PathTest][]>();

  /**
   * The .gitignore rules that apply inside a folder, shallowest first, each with the length of its
   * folder's prefix: computed once per folder, not once per file (a walk asks for every file).
   */
  private chain(dir: string): [number, PathTest][] {
    let chain = this.chains.get(dir);
    if (!chain) {
      const slash = dir.lastIndexOf('/');
      const parent = dir === '' ? [] : this.chain(slash < 0 ? '' : dir.slice(0, slash));
      const own = this.rulesIn(dir);
      chain = own ? [...parent, [dir === '' ? 0 : dir.length + 1, own]] : parent;
      this.chains.set(dir, chain);
    }
    return chain;
  }

  /** Whether .gitattributes marks the path `linguist-generated`. */
  isGenerated(relPath: string): boolean {
    if (this.generated === undefined) {
      const on: string[] = [];
      const off: string[] = [];
      for (const line of read(path.join(this.root, '.gitattributes')).split(/\r?\n/)) {
        const [pattern, ...attrs] = line.trim().split(/\s+/);
        if (!pattern || pattern.startsWith('#')) continue;
        for (const a of attrs) {
          if (a === 'linguist-generated' || a === 'linguist-generated=true') on.push(pattern);
          else if (a === '-linguist-generated' || a === 'linguist-generated=false') off.push(pattern);
        }
      }
      const options = { ignorecase: this.ignorecase };
      this.generated = on.length ? { on: ignore(options).add(on), off: ignore(options).add(off) } : null;
    }
    return !!this.generated && this.generated.on.ignores(relPath) && !this.generated.off.ignores(relPath);
  }
}

/** Whether one folder's rules ignore or un-ignore a path relative to that folder: the last rule to match says. */
type PathTest = (relPath: string) => { ignored: boolean; unignored: boolean };

/**
 * The `ignore` package's test of the path alone. Its public `test` also tests every parent folder of
 * the path and remembers each answer in a table keyed by path; a walk has already tested the parents
 * (it never enters an ignored folder), and the table was a sixth of the walk's time on the kernel
 * (1.13 -> 0.95 s). Its rule list's own test is what `test` calls once the parents pass; it is not
 * public, so it is used only after it answers a probe as the public test does, which a unit test holds
 * (an upgrade of `ignore` that fails it falls back to the public test: right, but slower, and holding
 * every path asked about). Asking it alone is also git's reading where a deeper .gitignore un-ignores
 * a folder a shallower one ignores (`build/`, then `!build/` in a subfolder): the public test saw the
 * folder still ignored.
 */
function pathTest(rules: Ignore): PathTest {
  const own = ruleListOf(rules);
  if (own && ruleListTestWorks()) return (p) => own.test(p, 'regex');
  return (p) => rules.test(p);
}

/** The `ignore` package's rule list inside `rules`, when it is there to ask (not public: see pathTest). */
function ruleListOf(rules: Ignore): { test: (p: string, mode: string) => ReturnType<PathTest> } | undefined {
  const own = (rules as unknown as { _rules?: { test?: unknown } })._rules;
  return own && typeof own.test === 'function' ? (own as { test: (p: string, mode: string) => ReturnType<PathTest> }) : undefined;
}

let probeAnswer: boolean | undefined;

/** Whether the rule list's own test answers as the public test does, on a probe of each kind of answer. */
export function ruleListTestWorks(): boolean {
  if (probeAnswer === undefined) {
    const rules = ignore().add(['*.o', '!keep.o', 'build/']);
    const own = ruleListOf(rules);
    const same = (p: string) => {
      const a = own!.test(p, 'regex');
      const b = rules.test(p);
      return a.ignored === b.ignored && a.unignored === b.unignored;
    };
    try {
      probeAnswer = !!own && ['x.o', 'keep.o', 'build/', 'x.c', 'src/y.o'].every(same);
    } catch {
      probeAnswer = false;
    }
  }
  return probeAnswer;
}

function read(file: string): string {
  try {
    // A regular file only, as git reads it: a link to /dev/zero or a FIFO committed as .gitignore reads as none.
    return readMetadataSync(file)?.toString('utf8') ?? '';
  } catch {
    return '';
  }
}
