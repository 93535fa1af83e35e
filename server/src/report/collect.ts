// Gathers what a report needs per file: findings, licensing and AI-disclosed regions. The folder
// scan (scan/scanner.ts) returns findings only, so this walks the same file list (listFiles) and runs
// checkText itself, one file after another in this thread, with the same settings as `ospo check`
// (scanSettings: year, date, AI commit history) and the REUSE input the caller resolved for the
// root (REUSE.toml, dep5, LICENSES/). A file's licensing is licensingOf's, as the editor shows it: header
// or `.license` sidecar, then REUSE.toml and dep5. Simple and correct over fast: a report is not run
// per keystroke.

import { slashed } from '../io/fs-paths';
import * as path from 'node:path';
import { checkText, licensingOf } from '../engine/check';
import { aboutContent, type SkipReason } from '../engine/coverage';
import type { Policy } from '../engine/policy/model';
import type { GitHistory } from '../io/git-history';
import type { GitRules } from '../io/git-rules';
import type { ReuseInput } from '../engine/reuse/input';
import { readForCheck, readSidecar } from '../io/read-file';
import { scanSettings } from '../scan/scanner';
import { listFiles } from '../scan/walk';
import { aiHistoryOf, checkInput } from '../io/check-input';
import { licensingFacts, type FileResult } from './data';

/** One path of the command line: a folder `under` the policy root, or a single file. */
export interface CollectTarget {
  /** The policy's folder (or the top of the git repository): rules match paths relative to it. */
  root: string;
  /** The folder to walk, relative to the root ('' for all of it). */
  under: string;
  /** A single file, relative to the root, checked even when ignored (it was asked for). */
  file?: string;
  policy: Policy;
  git?: GitRules;
  history?: GitHistory;
  /** The root's REUSE metadata; undefined when it does not follow REUSE. */
  reuse: ReuseInput | undefined;
}

/** A file's text as the caller has it (an open, maybe unsaved, document), or undefined to read it from disk. */
export type TextOf = (abs: string) => string | undefined;

export interface Collected {
  files: FileResult[];
  skipped: { file: string; reason: SkipReason }[];
}

/** Paths in the results are relative to `base` (the report's root). */
export async function collect(
  targets: CollectTarget[],
  base: string,
  options: { currentYear?: number; today?: string; textOf?: TextOf } = {},
): Promise<Collected> {
  const files: FileResult[] = [];
  const skipped: Collected['skipped'] = [];
  const seen = new Set<string>();
  const display = (abs: string) => slashed(path.relative(base, abs)) || path.basename(abs);
  for (const t of targets) {
    const settings = await scanSettings({
      root: t.root,
      policy: t.policy,
      git: t.git,
      history: t.history,
      scope: 'all',
      currentYear: options.currentYear,
      today: options.today,
    });
    let rels: string[];
    if (t.file) {
      rels = [t.file];
    } else {
      const listing = await listFiles(t.root, t.policy, t.git, t.under);
      rels = listing.files;
      for (const s of listing.skipped) skipped.push({ file: display(path.join(t.root, s.file)), reason: s.reason });
    }
    const reuse = t.reuse;
    for (const rel of rels) {
      const abs = path.join(t.root, rel);
      if (seen.has(abs)) continue;
      seen.add(abs);
      const open = options.textOf?.(abs);
      const read =
        open === undefined ? await readForCheck(abs, undefined, {}, true) : { text: open, sidecarText: await readSidecar(abs), undecodable: undefined };
      if ('skipped' in read) {
        skipped.push({ file: display(abs), reason: read.skipped });
        // An image or other file not read as text still has licensing (its sidecar, REUSE.toml): the license mix counts it.
        if (aboutContent(read.skipped)) {
          const licenses = licensingOf(rel, undefined, reuse?.context, await readSidecar(abs)).licenses.map((l) => l.value);
          files.push({ file: display(abs), findings: [], unread: read.skipped, licenses, aiRegions: [], ...licensingFacts(licenses, t.policy.licenses) });
        }
        continue;
      }
      const result = checkText(
        checkInput({
          path: rel,
          text: read.text,
          sidecarText: read.sidecarText,
          generated: t.git?.isGenerated(rel),
          scope: 'all',
          currentYear: settings.currentYear,
          today: settings.today,
          aiHistory: aiHistoryOf(settings.history, rel),
          reuse,
          undecodable: read.undecodable,
        }),
        t.policy,
      );
      const licenses = result.exempt ? [] : licensingOf(rel, result, reuse?.context).licenses.map((l) => l.value);
      files.push({
        file: display(abs),
        findings: result.findings,
        exempt: result.exempt,
        licenses,
        aiRegions: result.file ? result.file.markers.markers.map((m) => ({ scope: m.scope, startLine: m.startLine, endLine: m.endLine })) : [],
        ...licensingFacts(licenses, t.policy.licenses),
      });
    }
  }
  files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { files, skipped };
}
