// Lists the files a scan checks. In a git work tree git lists them (io/git-files.ts): only git
// knows which files are tracked, and git never ignores a tracked file. Elsewhere the folder is
// walked with the .gitignore rules. @nodelib/fs.walk is the walker inside fast-glob; it is used
// directly because its folder filter lets an ignored folder be skipped when it is met (git's own
// rule: git never reads an ignored folder), instead of listing everything and filtering after.
// On the kernel tree that is the difference between 0.2 s and 2.5 s.
// Nested repositories (io/git-files.ts says why they are left out) are found in the folder listings
// the walk reads anyway: a folder whose listing holds `.git` reads as empty, so nothing below it is
// read, at no extra system call (testing each folder for a `.git` entry would cost one lstat per
// folder, 5,000 on the kernel tree).

import { slashed } from '../io/fs-paths';
import { lstatOrUndefined } from '../io/read-file';
import * as fsWalk from '@nodelib/fs.walk';
import { Dirent, readdir } from 'node:fs';
import * as path from 'node:path';
import type { SkipReason } from '../engine/coverage';
import { pathGlob } from '../engine/glob';
import { alwaysExcluded, isCovered } from '../engine/paths';
import type { Policy } from '../engine/policy/model';
import type { GitRules } from '../io/git-rules';
import { gitFiles, nestedRepositories, repositoryMarker } from '../io/git-files';

export interface Skipped {
  file: string;
  reason: SkipReason;
}

export interface Listing {
  /** Files to check, relative to the root, `/`-separated, sorted. */
  files: string[];
  /** Entries that are not regular files or could not be read, with the reason. */
  skipped: Skipped[];
}

// A folder is skipped when an exclude glob covers any path at all below it. A glob that matches
// this made-up path ends in `**`; one like `**/*.min.js` does not, and its folders are walked.
const probe = '\u0000ospo/\u0000ospo.probe';

const folderExcluders = new WeakMap<string[], (dir: string) => boolean>();

function folderExcluded(dir: string, policy: Policy): boolean {
  let test = folderExcluders.get(policy.files.exclude);
  if (!test) {
    const glob = pathGlob([...alwaysExcluded, ...policy.files.exclude]);
    test = (d) => glob(`${d}/${probe}`);
    folderExcluders.set(policy.files.exclude, test);
  }
  return test(dir);
}

/**
 * The files under `root/under` that the policy covers and git does not ignore (when the policy
 * respects .gitignore). `git` holds the rules of `root`. `onFiles`, when given, receives the files
 * while the walk goes on, a folder's files together (so a file and its `.license` sidecar arrive
 * in the same call), and the scan can check them before the walk ends. It is told whether git
 * listed the files. Files are matched against .gitignore here, in the thread whose rules have
 * already been read for the folders: matched on the scan's worker threads instead, each worker read
 * and compiled every .gitignore again, which cost more than the matching (0.5 s a worker on the kernel).
 */
export async function listFiles(
  root: string,
  policy: Policy,
  git: GitRules | undefined,
  under = '',
  onFiles?: (files: string[], byGit: boolean) => void,
): Promise<Listing> {
  const base = slashed(under).replace(/\/$/, '');
  const ignores = policy.files.respectGitignore && git ? git : undefined;
  // A linked folder is not followed, whether met in the walk or named as the place to start.
  if (base && lstatOrUndefined(path.join(root, base))?.isSymbolicLink()) return { files: [], skipped: [{ file: base, reason: { id: 'symlink' } }] };
  const listed = ignores && (await gitFiles(root, base));
  if (listed) {
    const covered = (rel: string) => isCovered(rel, policy);
    const files = listed.files.filter(covered).sort();
    const skipped = listed.links
      .filter(covered)
      .sort()
      .map((file): Skipped => ({ file, reason: { id: 'symlink' } }));
    if (onFiles && files.length) onFiles(files, true);
    return { files, skipped };
  }
  return walk(root, policy, ignores, base, onFiles);
}

function walk(
  root: string,
  policy: Policy,
  ignores: GitRules | undefined,
  base: string,
  onFiles?: (files: string[], byGit: boolean) => void,
): Promise<Listing> {
  const files: string[] = [];
  const skipped: Skipped[] = [];
  // Inside a folder that was walked into, parents are known not ignored: only the entry itself is asked.
  const ignored = (rel: string, dir: boolean) => !!ignores && ignores.matches(dir ? rel + '/' : rel);
  if (base && (ignores?.isIgnored(base + '/') || nestedRepositories(root)(base + '/'))) return Promise.resolve({ files, skipped });
  let pending: string[] = [];
  let flushing = false;
  const flush = () => {
    flushing = false;
    if (!pending.length) return;
    const batch = pending;
    pending = [];
    onFiles!(batch, false);
  };
  const start = path.join(root, base);
  return new Promise((resolve) => {
    fsWalk.walk(
      start,
      {
        fs: { readdir: outsideRepositories(start) },
        basePath: base,
        pathSegmentSeparator: '/',
        followSymbolicLinks: false,
        // Unbounded, every folder found is read at once, and this thread then runs the listings' callbacks for
        // 200-380 ms at a time, in which no worker's results are taken and no worker gets more files: the one
        // worker that checks during the walk sat idle half of it. At 16, the language server still answered a
        // keystroke up to 100 ms late during the walk; at 4, rarely over 30 ms, and the walk takes as long
        // (docs/design/performance.md, "Typing while the workspace is scanned").
        concurrency: 4,
        deepFilter: (e) => !folderExcluded(e.path, policy) && !ignored(e.path, true),
        entryFilter: (e) => {
          if (e.dirent.isDirectory() || !isCovered(e.path, policy) || ignored(e.path, false)) return false;
          if (e.dirent.isFile()) {
            files.push(e.path);
            // A folder's entries are handed over in one go: flush after the current batch of them.
            if (onFiles) {
              pending.push(e.path);
              if (!flushing) {
                flushing = true;
                setImmediate(flush);
              }
            }
            return false;
          }
          skipped.push({ file: e.path, reason: { id: e.dirent.isSymbolicLink() ? 'symlink' : 'not-regular' } });
          return false;
        },
        errorFilter: (err) => {
          const where = err.path ? slashed(path.relative(root, err.path)) : base;
          skipped.push({ file: where || '.', reason: { id: 'unreadable-folder', args: { error: err.code ?? err.message } } });
          return true;
        },
      },
      (err) => {
        if (err) skipped.push({ file: base || '.', reason: { id: 'unreadable-folder', args: { error: (err as NodeJS.ErrnoException).code ?? err.message } } });
        if (onFiles) flush();
        ignores?.forgetPaths();
        files.sort();
        skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
        resolve({ files, skipped });
      },
    );
  });
}

/** `fs.readdir` for the walker, for which a folder below `start` that holds a repository is empty. */
function outsideRepositories(start: string): typeof readdir {
  return ((dir: string, options: { withFileTypes: true }, callback: (err: NodeJS.ErrnoException | null, entries: Dirent[]) => void) =>
    readdir(dir, options, (err, entries) => {
      if (!err && dir !== start && entries.some((e) => e.name === repositoryMarker)) entries = [];
      callback(err, entries);
    })) as typeof readdir;
}
