// The workspace scan in the server: every file of every folder, checked on worker threads, with the
// findings of closed files pushed as diagnostics (open files get theirs from the document check).
// Afterwards it stays current one file at a time: a file changed on disk is checked again alone;
// a policy or .gitignore change scans its folder again, and the cache keeps that cheap.

import { sliceMs, Slices } from '../scan/slices';
import { aboutContent, skipText } from '../engine/coverage';
import { readSidecar } from '../io/read-file';
import { message } from '../engine/messages';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';
import type { Connection, Diagnostic } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { ScanCache } from '../scan/cache';
import { PackedFindings, packedCount, packedDigest, packFindings, StringTable, unpackFindings } from '../scan/compact';
import { checkFile, ScanSettings } from '../scan/check-file';
import type { Cancellation } from '../scan/pool';
import { jobFor, scanFolder } from '../scan/scanner';
import { unreadFileFindings, withProjectLicensing } from '../engine/check';
import type { ReuseInput } from '../engine/reuse/input';
import { isCovered } from '../engine/paths';
import { diagnosticsOf } from './diagnostics';
import type { FolderState } from './folders';
import { defaultSettings, type OspoSettings, type ScanSummary } from '../../../shared/protocol';
import { withBaseline } from '../engine/baseline';
import type { Policy } from '../engine/policy/model';
import { displayOf, excludeGlobs, type Display } from './settings';
import { releaseMemory } from './memory';
import { holdsPath, slashed } from '../io/fs-paths';

interface ScannedFolder {
  state: FolderState;
  /** The git rules the listing followed; replaced in the state when a .gitignore changes. */
  git: FolderState['git'];
  /** The policy version the scan used: a newer one means the folder must be scanned again. */
  policyVersion: number;
  /** The policy the scan followed: the folder's, with ospo.exclude added to its excludes. */
  policy: Policy;
  /** How the folder's findings are shown (ospo.suppressedSeverity, ospo.rules). */
  display: Display;
  settings: ScanSettings;
  /** REUSE.toml and dep5 licensing, applied to a file checked again as the scan applied it. */
  reuse?: ReuseInput;
  listed: Set<string>;
  /** Files with findings, packed against `strings` (scan/compact.ts): held for as long as the server runs. */
  findings: Map<string, PackedFindings>;
  strings: StringTable;
  cache: ScanCache;
}

export interface ScanHost {
  connection: Connection;
  isOpen: (uri: string) => boolean;
  log: (message: string) => void;
  /** The settings of a folder: ospo.exclude, ospo.rules, ospo.suppressedSeverity. */
  settings: (root: string) => Promise<OspoSettings>;
  /** The encoding the editor reads the folder's files in (files.encoding), as a decoder label. */
  editorEncoding: (root: string) => Promise<string | undefined>;
  /** The folder's files the editor has had open in another encoding than UTF-8, by relative path. */
  fileEncodings: (root: string) => ReadonlyMap<string, string>;
}

/** The folder's policy with ospo.exclude's globs added to `files.exclude`, so the walk skips those files and folders as it skips the policy's. */
function withExcluded(policy: Policy, settings: OspoSettings): Policy {
  const globs = excludeGlobs(settings);
  return globs.length ? { ...policy, files: { ...policy.files, exclude: [...policy.files.exclude, ...globs] } } : policy;
}

export function scanCacheFile(root: string): string {
  const base = process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache');
  return path.join(base, 'ospo-compliance', 'scan', createHash('sha256').update(root).digest('hex').slice(0, 32) + '.json');
}

export class WorkspaceScan {
  private folders = new Map<string, ScannedFolder>();
  /**
   * Files that have scan diagnostics on screen, so they can be cleared, with a digest of what was sent:
   * a scan that finds what is already shown sends nothing (78,000 unchanged files on a kernel rescan).
   * By folder root, then by the path relative to it: the scan's own strings, where URIs as keys were
   * 7 MB of strings of their own after a kernel scan (62,000 files with findings).
   */
  private shown = new Map<string, Map<string, number>>();
  private warnedCap = false;
  /** The scan running or queued last (scan). */
  private running: Promise<unknown> = Promise.resolve();

  constructor(private host: ScanHost) {}

  get active(): boolean {
    return this.folders.size > 0;
  }

  /** Diagnostics shown per file (ospo.maxFindingsPerFile). */
  maxPerFile = defaultSettings.maxFindingsPerFile;

  /**
   * Scans the folders, after the scan already running if there is one. Two at once (a scan command during the
   * rescan after a policy edit) shared each folder's cache and what it shows, and the older could undo the newer
   * wherever it let the event loop turn (test/unit/scan-overlap.test.ts).
   */
  scan(states: FolderState[], token: Cancellation, report: (message: string, percent: number) => void): Promise<ScanSummary> {
    const run = this.running.then(() => this.scanNow(states, token, report));
    this.running = run.catch(() => undefined);
    return run;
  }

  private async scanNow(states: FolderState[], token: Cancellation, report: (message: string, percent: number) => void): Promise<ScanSummary> {
    const started = Date.now();
    const summary: ScanSummary = { folders: 0, files: 0, checkedNow: 0, findings: 0, filesWithFindings: 0, skipped: 0, cancelled: false, ms: 0 };
    for (const [i, state] of states.entries()) {
      // Cancelled while it waited for the scan before it: nothing to list.
      if (token.isCancellationRequested) {
        summary.cancelled = true;
        break;
      }
      const cacheFile = scanCacheFile(state.root);
      const cache = this.folders.get(state.root)?.cache ?? (await ScanCache.load(cacheFile));
      const policyVersion = state.version;
      const settings = await this.host.settings(state.root);
      const policy = withExcluded(state.policy, settings);
      const result = await scanFolder({
        root: state.root,
        policy,
        encoding: await this.host.editorEncoding(state.root),
        fileEncodings: this.host.fileEncodings(state.root),
        git: state.git,
        history: state.history,
        cache,
        token,
        onProgress: (done, found, walking) => {
          const where = states.length > 1 ? `${path.basename(state.root)}: ` : '';
          const n = (x: number) => x.toLocaleString('en');
          // While the walk goes on the total is not known yet: no percentage, only counts.
          report(
            message(walking ? 'lsp.scan-walking' : 'lsp.scan-checking', { where, done: n(done), found: n(found) }),
            walking || !found ? (i / states.length) * 100 : ((i + done / found) / states.length) * 100,
          );
        },
      });
      summary.skipped += result.skipped.length;
      // Say why each file was left out; a tree of generated binaries should not flood the log. In
      // English, as every line of the log: it is for bug reports, not in the user's language.
      for (const s of result.skipped.slice(0, 200)) this.host.log(`Skipped ${path.join(state.root, s.file)}: ${skipText(s.reason, 'en')}`);
      if (result.skipped.length > 200) this.host.log(`… and ${result.skipped.length - 200} more files skipped in ${state.root}`);
      if (result.cancelled) {
        summary.cancelled = true;
        break;
      }
      const strings = result.strings;
      // 45 ms on the kernel's 78,000 files: the editor's requests are let in on the way (scans themselves are queued, scan).
      const listed = new Set<string>();
      const findings = new Map<string, PackedFindings>();
      const slices = new Slices(sliceMs);
      for (const f of result.files) {
        if (slices.due) await slices.next();
        listed.add(f.rel);
        if (f.packed.length) findings.set(f.rel, f.packed);
      }
      this.folders.set(state.root, {
        state,
        git: state.git,
        policyVersion,
        policy,
        display: displayOf(settings),
        settings: result.settings,
        reuse: result.reuse,
        listed,
        findings,
        strings,
        cache,
      });
      await this.showFolder(state.root);
      summary.folders++;
      summary.files += result.files.length;
      summary.checkedNow += result.checkedNow;
      summary.filesWithFindings += findings.size;
      for (const f of findings.values()) summary.findings += packedCount(f);
      cache
        .save(cacheFile)
        .catch((err) => this.host.log(`Could not save the scan cache ${cacheFile}: ${(err as Error).message}`))
        // Saving the cache is the scan's last garbage.
        .finally(releaseMemory);
    }
    summary.ms = Date.now() - started;
    this.host.log(
      `Workspace scan: ${summary.files} files in ${summary.folders} folder(s), ${summary.checkedNow} read now, ${summary.findings} findings in ${summary.filesWithFindings} files, ${summary.skipped} skipped, ${summary.ms} ms${summary.cancelled ? ' (cancelled)' : ''}`,
    );
    return summary;
  }

  /** A file changed, appeared or went away on disk: check that one file again, if a scan covers it. */
  fileChanged(fsPath: string): void {
    const folder = this.folderOf(fsPath);
    if (!folder) return;
    const rel = slashed(path.relative(folder.state.root, fsPath));
    // A REUSE sidecar licenses the file beside it: that file is the one to check again.
    if (rel.endsWith('.license') && folder.listed.has(rel.slice(0, -'.license'.length))) {
      if (existsSync(fsPath)) folder.listed.add(rel);
      else folder.listed.delete(rel);
      this.fileChanged(fsPath.slice(0, -'.license'.length));
    }
    const uri = URI.file(fsPath).toString();
    if (!this.covers(folder, rel) && !folder.listed.has(rel)) return;
    const result = checkFile(jobFor(rel, folder.listed, folder.state.git, undefined, this.host.fileEncodings(folder.state.root).get(rel)), folder.settings);
    // Kept in the cache as fresh, so the next scan does not read the file again.
    if (result.skipped || !this.covers(folder, rel)) {
      folder.cache.delete(rel);
      folder.listed.delete(rel);
      folder.findings.delete(rel);
      // An image or other file not read as text is judged by its licensing from outside, as the scan judges it.
      const context = folder.reuse?.context;
      if (result.skipped && aboutContent(result.skipped) && context && this.covers(folder, rel)) {
        void readSidecar(fsPath).then((sidecar) => {
          const found = unreadFileFindings(rel, sidecar, context, folder.settings.policy, folder.settings.today);
          if (found.length) folder.findings.set(rel, packFindings(found, folder.strings));
          if (!this.host.isOpen(uri)) void this.show(folder.state.root, rel, folder.findings.get(rel) ?? [], folder.strings.strings, folder);
        });
        return;
      }
    } else {
      folder.cache.put(result);
      folder.listed.add(rel);
      const policy = folder.settings.policy;
      const findings = withProjectLicensing(result.findings, rel, folder.reuse, policy, folder.settings.today);
      if (findings.length) folder.findings.set(rel, packFindings(findings, folder.strings));
      else folder.findings.delete(rel);
    }
    if (!this.host.isOpen(uri)) void this.show(folder.state.root, rel, folder.findings.get(rel) ?? [], folder.strings.strings, folder);
  }

  /** Open documents get their diagnostics from the document check: the scan's would show twice. */
  documentOpened(uri: string): void {
    const fsPath = URI.parse(uri).fsPath;
    for (const [root, shown] of this.shown) {
      if (!holdsPath(root, fsPath)) continue;
      const rel = slashed(path.relative(root, fsPath));
      if (shown.has(rel)) void this.show(root, rel, [], []);
    }
  }

  /** A closed document shows the scan's findings for what is on disk again. */
  documentClosed(uri: string): void {
    const fsPath = URI.parse(uri).fsPath;
    if (this.folderOf(fsPath)) this.fileChanged(fsPath);
  }

  /** Shows a scanned folder's findings again, as they are now to be shown (its baseline was read again); unchanged files are not sent. */
  async reshow(root: string): Promise<void> {
    if (this.folders.has(root)) await this.showFolder(root);
  }

  /** The roots of the folders scanned so far. */
  roots(): string[] {
    return [...this.folders.keys()];
  }

  /** Whether the folder's scan used this state as it is now: same policy, same git rules. */
  isCurrent(state: FolderState): boolean {
    const folder = this.folders.get(state.root);
    return !!folder && folder.state === state && folder.policyVersion === state.version && folder.git === state.git;
  }

  /** Forgets a folder (removed from the workspace) and clears what it showed. */
  forget(root: string): void {
    const folder = this.folders.get(root);
    if (!folder) return;
    this.folders.delete(root);
    for (const rel of [...(this.shown.get(root)?.keys() ?? [])]) void this.show(root, rel, [], []);
  }

  private folderOf(fsPath: string): ScannedFolder | undefined {
    let best: ScannedFolder | undefined;
    for (const f of this.folders.values()) {
      if (holdsPath(f.state.root, fsPath) && (!best || f.state.root.length > best.state.root.length)) best = f;
    }
    return best;
  }

  /** Whether a scan would list the file: not ignored, not excluded (walk.ts decides the same for a folder). */
  private covers(folder: ScannedFolder, rel: string): boolean {
    const policy = folder.policy;
    return isCovered(rel, policy) && !(policy.files.respectGitignore && folder.state.git.isIgnored(rel));
  }

  /**
   * Sends a folder's diagnostics a lot at a time, waiting for each lot to be written: vscode-jsonrpc
   * queues every message in an array it shifts from, so 78,000 notifications sent at once cost seconds
   * of queue handling alone. A lot ends after `sliceMs` too, so that a keystroke's request waits for no more.
   */
  private async showFolder(root: string): Promise<void> {
    const folder = this.folders.get(root)!;
    let pending: Promise<void>[] = [];
    // In a turn of the event loop, a newer scan of the folder (or its removal) may replace what is shown: this
    // showing then stops, or it would clear what the newer one shows and show its own, older findings again.
    const slices = new Slices(sliceMs, () => this.folders.get(root) === folder);
    /** Whether to go on, once `sent` is on its way. */
    const pace = async (sent: Promise<void> | undefined): Promise<boolean> => {
      if (sent) pending.push(sent);
      if (pending.length < sendLot && !slices.due) return true;
      await Promise.all(pending);
      pending = [];
      // The writes complete at once (stdio.ts batchedOutput; VS Code's IPC writer too), so without a turn of the event
      // loop the lots would follow each other as promise callbacks, and no request that came in meanwhile would be read.
      return slices.next();
    };
    for (const [rel, packed] of folder.findings) {
      if (!(await pace(this.host.isOpen(uriOf(root, rel)) ? undefined : this.show(root, rel, packed, folder.strings.strings, folder)))) return;
    }
    // Files that had findings and have none now.
    for (const rel of [...(this.shown.get(root)?.keys() ?? [])]) {
      if (!folder.findings.has(rel) && !(await pace(this.show(root, rel, [], [])))) return;
    }
    await Promise.all(pending);
  }

  /**
   * Sends a file's scan diagnostics (its findings packed against `strings`), unless they are what the
   * client already shows; the promise is the write. The folder's baseline applies to all of the
   * file's findings, as in `ospo check`, before the cap. Whether they are already shown is told from
   * what the diagnostics are made of, before they are made: a rescan of an unchanged tree makes none.
   */
  private show(root: string, rel: string, packed: PackedFindings, strings: readonly string[], folder?: ScannedFolder): Promise<void> | undefined {
    let shown = this.shown.get(root);
    if (!packed.length && !shown?.has(rel)) return undefined;
    const uri = uriOf(root, rel);
    const entry = folder ? folder.state.baseline[rel] : undefined;
    // Everything besides the findings that shapes the diagnostics: the cap, ospo.rules and ospo.suppressedSeverity, the baseline entry.
    const digest = packed.length
      ? packedDigest(packed, strings, `${this.maxPerFile}\0${displayKey(folder?.display)}\0${entry ? JSON.stringify(entry) : ''}`)
      : undefined;
    if (digest !== undefined && shown?.get(rel) === digest) return undefined;
    const findings = unpackFindings(packed, strings);
    const diagnostics: Diagnostic[] = diagnosticsOf(withBaseline(findings, entry).slice(0, this.maxPerFile), folder?.display, uri);
    if (findings.length > this.maxPerFile && !this.warnedCap) {
      this.warnedCap = true;
      void this.host.connection.window.showInformationMessage(message('lsp.scan-cap', { count: String(this.maxPerFile) }));
    }
    if (digest !== undefined) {
      if (!shown) this.shown.set(root, (shown = new Map()));
      shown.set(rel, digest);
    } else if (shown) {
      shown.delete(rel);
      if (!shown.size) this.shown.delete(root);
    }
    return this.host.connection.sendDiagnostics({ uri, diagnostics });
  }
}

/** The URI of a file of a folder, as the client knows it: made when a diagnostic is sent, not kept. */
function uriOf(root: string, rel: string): string {
  return URI.file(path.join(root, rel)).toString();
}

/** Notifications written before the scan waits for them (showFolder); a lot also ends after sliceMs (slices.ts). */
const sendLot = 256;

const displayKeys = new WeakMap<Display, string>();

/** A folder's display settings as a string, made once per settings object. */
function displayKey(display: Display | undefined): string {
  if (!display) return '';
  let key = displayKeys.get(display);
  if (key === undefined) displayKeys.set(display, (key = JSON.stringify(display)));
  return key;
}
