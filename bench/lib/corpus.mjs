// The benchmark corpus: the Linux 6.1 kernel source from Debian's package registry (see
// the kernel source tarball), fetched and unpacked once into ~/.cache/ospo-bench.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const defaultCorpus = path.join(os.homedir(), '.cache', 'ospo-bench', 'linux-source-6.1');

function run(cmd, args, cwd) {
  process.stderr.write(`$ ${cmd} ${args.join(' ')}\n`);
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
}

/** The corpus folder, fetched when missing. Throws with the manual steps when it cannot be. */
export function ensureKernelCorpus(dir = defaultCorpus) {
  if (fs.existsSync(path.join(dir, 'Makefile'))) return withUpstreamGitignore(dir);
  const parent = path.dirname(dir);
  fs.mkdirSync(parent, { recursive: true });
  try {
    if (!fs.readdirSync(parent).some((f) => /^linux-source-6\.1_.*\.deb$/.test(f))) {
      try {
        run('apt-get', ['download', 'linux-source-6.1'], parent);
      } catch {
        run('apt-get', ['update', '-q'], parent);
        run('apt-get', ['download', 'linux-source-6.1'], parent);
      }
    }
    const deb = fs.readdirSync(parent).find((f) => /^linux-source-6\.1_.*\.deb$/.test(f));
    run('dpkg', ['-x', deb, 'pkg'], parent);
    run('tar', ['-xf', 'pkg/usr/src/linux-source-6.1.tar.xz'], parent);
    fs.rmSync(path.join(parent, 'pkg'), { recursive: true, force: true });
  } catch (err) {
    throw new Error(
      `Could not fetch the kernel corpus (${err.message}). By hand:\n  mkdir -p ${parent} && cd ${parent} && apt-get download linux-source-6.1 && dpkg -x linux-source-6.1_*.deb pkg && tar -xf pkg/usr/src/linux-source-6.1.tar.xz`,
      { cause: err },
    );
  }
  return withUpstreamGitignore(dir);
}

/**
 * Debian's packaging appends "/*" to the top .gitignore ("ignore everything at the top level, since it
 * isn't included in our repository"), which would make git, and so every tool that honours .gitignore,
 * ignore the whole tree. Cut it, to get upstream 6.1's rules; also in a tree unpacked by hand as
 * shared/bench/README.md says.
 */
function withUpstreamGitignore(dir) {
  const gitignore = path.join(dir, '.gitignore');
  const text = fs.readFileSync(gitignore, 'utf8');
  const at = text.indexOf('# Debian packaging: ignore everything');
  if (at >= 0) fs.writeFileSync(gitignore, text.slice(0, text.lastIndexOf('#\n', at)));
  return dir;
}
