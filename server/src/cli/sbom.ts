// `ospo sbom`: file-level licensing and copyright of a tree as an SBOM (SPDX 2.3 JSON, SPDX 3.0.1
// JSON-LD, its Lite profile, CycloneDX 1.6), for the compliance artefacts archived with each
// release (ISO/IEC 5230). The files are REUSE 3.3's Covered Files and each one's licensing is what
// `ospo check --reuse` reads: its tags anywhere in it or its `.license` sidecar, REUSE.toml (with
// its precedence) and .reuse/dep5 (engine/check.ts licensingOf). The documents are written by
// sbom/; this gathers the tree. docs/design/sbom.md says where each field comes from.
// Exit codes: 0 written (unreadable files are listed, not fatal, as `ospo check` lists them), 2 usage or policy error.

import { slashed } from '../io/fs-paths';
import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { licensingOf } from '../engine/check';
import { exemptReason, skipText, type SkipReason } from '../engine/coverage';
import { reusePolicy } from '../engine/reuse/policy';
import { literalHolder, type Policy } from '../engine/policy/model';
import type { ReuseContext } from '../engine/reuse/licensing';
import { parseSourceFile } from '../engine/source-file';
import { editorconfigCharset } from '../io/editorconfig';
import { textOf } from '../io/encoding';
import { snapshotOf } from '../io/snapshot';
import { defaultMaxBytes, errnoReason, readMetadata, readRegular, readSidecar } from '../io/read-file';
import { loadReuseContext } from '../io/reuse-source';
import { listFiles } from '../scan/walk';
import { cyclonedxDocument } from '../sbom/cyclonedx';
import type { SbomFile, SbomTree } from '../sbom/model';
import { treeLicenses } from '../sbom/model';
import { spdx2Document } from '../sbom/spdx2';
import { spdx3Document } from '../sbom/spdx3';
import { version } from '../version';
import { commandArgs } from './did-you-mean';
import { printable } from './formats';
import { ReportIo, resolveTargets, UsageError } from './report';

export const sbomFormats = ['spdx-json', 'spdx3', 'spdx-lite', 'cyclonedx'] as const;
export type SbomFormat = (typeof sbomFormats)[number];

export const sbomUsage = `Usage:
  ospo sbom [paths…] [--format ${sbomFormats.join('|')}] [--out FILE] [--policy FILE] [--offline]

Writes a software bill of materials of the tree: every file REUSE 3.3 covers, with its checksums,
the license expressions and copyright notices that apply to it (its own tags, its .license file,
REUSE.toml and .reuse/dep5, as \`ospo check --reuse\` reads them), the tool and the git commit.

Options:
  --format spdx-json  SPDX 2.3 JSON (default)
  --format spdx3      SPDX 3.0.1 JSON-LD, with a software_File per file
  --format spdx-lite  SPDX 3.0.1 JSON-LD, Lite profile: the tree as one package
  --format cyclonedx  CycloneDX 1.6 JSON, a component of type file per file
  --out FILE          write the document to FILE (default: stdout)
  --policy FILE       use this policy instead of the nearest .ospo/policy.yaml: its files.include and
                      files.exclude narrow the files, its copyright holder is the supplier
  --offline           never fetch a remote base policy; use the cache only

The creation time is SOURCE_DATE_EPOCH when set, so that the same commit gives the same document.
With no paths, the current folder is described; all paths must lie in one tree.
Exit codes: 0 written, 2 usage or policy error.
`;

const sha = (algorithm: 'sha1' | 'sha256', bytes: Buffer) => createHash(algorithm).update(bytes).digest('hex');

/** Both digests of a file too large to hold, read in pieces. */
function streamedDigests(abs: string): Promise<{ sha1: string; sha256: string }> {
  const sha1 = createHash('sha1');
  const sha256 = createHash('sha256');
  return new Promise((resolve, reject) =>
    createReadStream(abs)
      .on('data', (chunk) => {
        sha1.update(chunk);
        sha256.update(chunk);
      })
      .on('error', reject)
      .on('end', () => resolve({ sha1: sha1.digest('hex'), sha256: sha256.digest('hex') })),
  );
}

/**
 * One Covered File as the SBOM has it, or why it could not be read; undefined for an empty file. A file read as text gives its
 * own tags (anywhere in it, as REUSE reads them); one that is not text (an image, a file too large
 * to read whole) speaks through its `.license` sidecar only, as in `ospo report`.
 */
async function sbomFile(root: string, rel: string, context: ReuseContext, reuse: Policy): Promise<SbomFile | { skipped: SkipReason } | undefined> {
  const abs = path.join(root, rel);
  const read = await readRegular(abs, defaultMaxBytes);
  let digests: { sha1: string; sha256: string };
  let text: string | undefined;
  if ('skipped' in read) {
    if (read.skipped.id !== 'too-large') return read;
    try {
      digests = await streamedDigests(abs);
    } catch (err) {
      return { skipped: errnoReason(err) };
    }
  } else {
    // An empty file holds nothing to license: reuse-tool does not cover it (covered_files.py), nor does this.
    if (!read.bytes.length) return undefined;
    digests = { sha1: sha('sha1', read.bytes), sha256: sha('sha256', read.bytes) };
    const decoded = textOf(read.bytes, defaultMaxBytes, { project: () => editorconfigCharset(abs) }, true);
    if (!('skipped' in decoded)) text = decoded.text;
  }
  const sidecarText = await readSidecar(abs);
  const result = text === undefined ? undefined : { findings: [], file: parseSourceFile(rel, text, reuse, sidecarText) };
  const licensing = licensingOf(rel, result, context, sidecarText);
  return { path: rel, ...digests, licenses: licensing.licenses, copyrights: licensing.copyrights };
}

/** The text of each LicenseRef-* license in LICENSES/ (LicenseRef-x.txt, or LicenseRef-x with no extension). */
async function licenseRefTexts(root: string, ids: string[], licenseFiles: readonly string[]): Promise<SbomTree['licenseRefs']> {
  const out: SbomTree['licenseRefs'] = [];
  for (const id of ids) {
    const file = licenseFiles.find((f) => f === id || f.replace(/\.[^./]*$/, '') === id);
    const bytes = file === undefined ? undefined : await readMetadata(path.join(root, 'LICENSES', file));
    out.push({ id, text: bytes?.toString('utf8') });
  }
  return out;
}

/** The tree the paths name, gathered: exported for tests. Unreadable files go to `skipped`. */
export async function sbomTree(
  paths: string[],
  opts: { cwd: string; policy?: string; offline?: boolean; io: ReportIo; env: NodeJS.ProcessEnv },
): Promise<{ tree: SbomTree; skipped: { file: string; reason: SkipReason }[] }> {
  const targets = await resolveTargets(paths.length ? paths : ['.'], opts.cwd, opts.policy, !!opts.offline, opts.io);
  const root = targets[0].root;
  const other = targets.find((t) => t.root !== root);
  if (other)
    throw new UsageError(
      `${slashed(path.relative(opts.cwd, other.scope)) || '.'} is in another tree than ${slashed(path.relative(opts.cwd, root)) || '.'}: make one SBOM per tree`,
    );
  const policy = targets[0].policy;
  // Read even where the top has no LICENSES/, REUSE.toml or dep5 (resolveTargets reads it only then), as `ospo check --reuse` does.
  const context = await loadReuseContext(root);
  const reuse = reusePolicy();
  // REUSE's Covered Files, as `ospo check --reuse` lists them, within what the policy covers.
  const listing = { ...reuse, files: { ...reuse.files, include: policy.files.include, exclude: policy.files.exclude } };
  const rels = new Set<string>();
  const skipped: { file: string; reason: SkipReason }[] = [];
  for (const t of targets) {
    if (t.file) {
      rels.add(t.file);
      continue;
    }
    const listed = await listFiles(t.root, listing, t.git, t.under);
    for (const s of listed.skipped) skipped.push({ file: s.file, reason: s.reason });
    for (const f of listed.files) rels.add(f);
  }
  const files: SbomFile[] = [];
  for (const rel of [...rels].sort()) {
    if (exemptReason(rel)) continue;
    const file = await sbomFile(root, rel, context, reuse);
    if (!file) continue;
    if ('skipped' in file) skipped.push({ file: rel, reason: file.skipped });
    else files.push(file);
  }
  // The commit and the time as every result of a run names them (io/snapshot.ts): SOURCE_DATE_EPOCH when set. SPDX
  // writes the time to the second.
  const snapshot = await snapshotOf(root, [policy], opts.env);
  const { commit } = snapshot;
  const created = snapshot.date.replace(/\.\d{3}Z$/, 'Z');
  const name = path.basename(root);
  const verificationCode = sha(
    'sha1',
    Buffer.from(
      files
        .map((f) => f.sha1)
        .sort()
        .join(''),
    ),
  );
  const digest = sha('sha1', Buffer.from(JSON.stringify([name, created, commit ?? '', verificationCode, files.map((f) => f.path)])));
  const tree: SbomTree = {
    name,
    tool: { name: 'ospo-compliance', version },
    created,
    commit,
    // The holder is a regex: a plain name only ("Example Corp( and contributors)?" gives Example Corp).
    supplier: literalHolder(policy.headers.copyright.holder),
    verificationCode,
    digest,
    files,
    licenseRefs: [],
  };
  tree.licenseRefs = await licenseRefTexts(root, treeLicenses(tree).refs, context.licenseFiles);
  return { tree, skipped };
}

/** The document in `format`, as text. */
export function sbomText(tree: SbomTree, format: SbomFormat): string {
  if (format === 'cyclonedx') return cyclonedxDocument(tree);
  const doc = format === 'spdx-json' ? spdx2Document(tree) : spdx3Document(tree, format === 'spdx3' ? 'full' : 'lite');
  return JSON.stringify(doc, null, 2) + '\n';
}

export async function runSbom(args: string[], io: ReportIo & { env: NodeJS.ProcessEnv }): Promise<number> {
  const parsed = commandArgs(
    'sbom',
    args,
    {
      format: { type: 'string', default: 'spdx-json' },
      out: { type: 'string' },
      policy: { type: 'string' },
      offline: { type: 'boolean', default: false },
    },
    sbomUsage,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  try {
    const format = values.format as SbomFormat;
    if (!sbomFormats.includes(format)) throw new UsageError(`Unknown --format '${values.format}': use ${sbomFormats.join(', ')}`);
    if (values.out === '') throw new UsageError('--out needs a file name');
    const { tree, skipped } = await sbomTree(positionals, { cwd: io.cwd, policy: values.policy, offline: values.offline, io, env: io.env });
    const text = sbomText(tree, format);
    for (const s of skipped) io.stderr.write(`ospo sbom: skipped ${printable(s.file)}: ${printable(skipText(s.reason))}\n`);
    if (values.out === undefined || values.out === '-') io.stdout.write(text);
    else {
      const out = path.resolve(io.cwd, values.out);
      await fs.mkdir(path.dirname(out), { recursive: true });
      await fs.writeFile(out, text, 'utf8');
    }
    io.stderr.write(`ospo sbom: ${tree.files.length} files, ${skipped.length} skipped${values.out && values.out !== '-' ? ` → ${values.out}` : ''}\n`);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`ospo sbom: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}
