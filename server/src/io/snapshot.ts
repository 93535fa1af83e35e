// What a result was taken of: the commit, the time, and the policy in force (docs/design/dashboard.md#snapshots).
// `ospo check --format json` and `ospo report --json` carry it, so that `ospo dashboard` can order a
// repository's results in time and mark where the policy changed: two results with the same
// `policy.digest` were judged by the same rules, whatever files the policy was read from.

import { createHash } from 'node:crypto';
import stableStringify from 'fast-json-stable-stringify';
import { builtInSource, type Policy } from '../engine/policy/model';
import { gitValue } from './git-run';

export interface Snapshot {
  /** The commit checked out (`git rev-parse HEAD`), when the folder is in a git work tree with a commit. */
  commit?: string;
  /** That commit's committer date, ISO 8601. */
  commitDate?: string;
  /**
   * Which repository it is, as `host/owner/name`: git's `remote.origin.url` without user, password or `.git`,
   * else the CI's variables (GitHub Actions, GitLab CI). The dashboard groups results by it.
   */
  repository?: string;
  /**
   * The folder checked, from the top of the work tree (`src/`), when it is not the top: a result of part of a
   * repository is not a result of the whole, and the dashboard keeps the two apart.
   */
  path?: string;
  /** Set when the run looked at part of the files or rules only (`--changed`, `--rules header`, …): which. */
  partial?: string;
  /** When the result was taken, ISO 8601: now, or `SOURCE_DATE_EPOCH` when set (reproducible builds). */
  date: string;
  policy: {
    /** Where the policy came from: its file relative to the folder checked, or `built-in default`; several are joined by `, `. */
    source: string;
    /** sha256 of the effective policy (bases merged, defaults filled), keys sorted: the same rules give the same digest. */
    digest: string;
  };
}

/** The run's time: `SOURCE_DATE_EPOCH` (seconds) when it is a whole number, else now. */
export function runDate(env: NodeJS.ProcessEnv = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (epoch && /^\d{1,12}$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString();
  return new Date().toISOString();
}

/**
 * The digest of what a policy asks; where it was read from (`source`) and how it names itself (`meta`: title, url,
 * contact) do not count: a new contact address is not a change of policy on the dashboard's trend.
 */
export function policyDigest(policy: Policy): string {
  const { source: _source, meta: _meta, ...rules } = policy;
  return createHash('sha256').update(stableStringify(rules), 'utf8').digest('hex');
}

/** A policy's source as a snapshot names it: relative to `root` when under it, never an absolute path of this machine. */
function sourceName(policy: Policy, root: string): string {
  if (policy.source === builtInSource || /^[a-z][a-z0-9+.-]*:\/\//i.test(policy.source)) return policy.source;
  const source = policy.source.replace(/\\/g, '/');
  const base = root.replace(/\\/g, '/').replace(/\/?$/, '/');
  if (source.startsWith(base)) return source.slice(base.length);
  return source.slice(source.lastIndexOf('/') + 1);
}

/** The repository a CI job runs for: GitHub Actions' GITHUB_SERVER_URL and GITHUB_REPOSITORY, GitLab's CI_PROJECT_URL. */
function repositoryFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  if (env.GITHUB_REPOSITORY) return repositoryName(`${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}`);
  return repositoryName(env.CI_PROJECT_URL);
}

/**
 * A remote's URL as `host/path`: `git@github.com:org/repo.git` and `https://user:token@github.com/org/repo`
 * both give `github.com/org/repo`. A local path gives nothing: it names a folder of one machine.
 */
export function repositoryName(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const tidy = (host: string, rest: string) => {
    const name = rest.replace(/^\/+|\/+$/g, '').replace(/\.git$/, '');
    return host && name ? `${host.toLowerCase()}/${name}` : undefined;
  };
  const scp = /^[\w.-]+@([\w.-]+):(?!\/\/)(.+)$/.exec(url);
  if (scp) return tidy(scp[1], scp[2]);
  try {
    const parsed = new URL(url);
    if (!['http:', 'https:', 'ssh:', 'git:'].includes(parsed.protocol)) return undefined;
    return tidy(parsed.hostname, decodeURIComponent(parsed.pathname));
  } catch {
    return undefined;
  }
}

/**
 * The snapshot of a run over `root` with these policies (one per target; a run over several policy
 * roots digests the sorted list of their digests). `scope` is the folder the run checked, when it is a
 * part of `root`.
 */
export async function snapshotOf(root: string, policies: readonly Policy[], env: NodeJS.ProcessEnv = process.env, scope = root): Promise<Snapshot> {
  const digests = [...new Set(policies.map(policyDigest))].sort();
  const digest = digests.length === 1 ? digests[0] : createHash('sha256').update(digests.join('\n'), 'utf8').digest('hex');
  const sources = [...new Set(policies.map((p) => sourceName(p, root)))];
  const head = await gitValue(root, ['log', '-1', '--format=%H %cI', 'HEAD']);
  const match = head ? /^([0-9a-f]{40,64}) (\S+)$/.exec(head) : null;
  // The folder's own remote first: a job that checks out many repositories (an organisation's matrix) runs with
  // the CI's variables of the repository the job belongs to, not of the one checked.
  const repository = (match ? repositoryName(await gitValue(root, ['config', '--get', 'remote.origin.url'])) : undefined) ?? repositoryFromEnv(env);
  const prefix = match ? await gitValue(scope, ['rev-parse', '--show-prefix']) : undefined;
  return {
    ...(match ? { commit: match[1], commitDate: match[2] } : {}),
    ...(repository ? { repository } : {}),
    ...(prefix ? { path: prefix.replace(/\/?$/, '/') } : {}),
    date: runDate(env),
    policy: { source: sources.join(', '), digest },
  };
}
