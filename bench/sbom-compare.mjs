// `ospo sbom` (SPDX 2.3 JSON) against reuse-tool 6.2's `reuse spdx` (SPDX 2.1 tag-value, the REUSE
// 3.3 reference) on the same trees: the same files, and per file the same license ids and the same
// copyright notices. Prints the agreement per tree and each difference (docs/design/sbom.md).
// Usage: node bench/sbom-compare.mjs DIR…   (REUSE6=path/to/reuse6, default `reuse6` on PATH)
// The functions below are also what test/unit/sbom.test.ts compares with a committed reuse6 output.

import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** reuse-tool's tag-value document: per `./path`, its LicenseInfoInFile ids and FileCopyrightText lines. */
export function parseReuseSpdx(text) {
  const files = new Map();
  let current;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const [tag, ...rest] = line.split(': ');
    const value = rest.join(': ');
    if (tag === 'FileName') {
      current = { licenses: new Set(), copyrights: new Set() };
      files.set(value.replace(/^\.\//, ''), current);
    } else if (tag === 'LicenseInfoInFile' && current) {
      current.licenses.add(value);
    } else if (tag === 'FileCopyrightText' && current && value !== 'NONE') {
      // <text>…</text> may run over several lines, one notice a line.
      let block = value;
      while (!block.endsWith('</text>') && i + 1 < lines.length) block += '\n' + lines[++i];
      for (const notice of block
        .replace(/^<text>/, '')
        .replace(/<\/text>$/, '')
        .split('\n'))
        current.copyrights.add(notice);
    } else if (tag === 'LicenseID') {
      current = undefined;
    }
  }
  return files;
}

/** The license ids of an SPDX expression, exceptions included, as reuse-tool lists them. */
const idsOf = (expression) => expression.split(/[()\s]+/).filter((w) => w && !/^(AND|OR|WITH)$/i.test(w));

/** `ospo sbom --format spdx-json`'s document in the same shape. */
export function parseOspoSpdx(json) {
  const files = new Map();
  for (const f of json.files) {
    const licenses = new Set(f.licenseInfoInFiles.filter((l) => l !== 'NONE' && l !== 'NOASSERTION').flatMap(idsOf));
    const copyrights = new Set(f.copyrightText === 'NONE' ? [] : f.copyrightText.split('\n'));
    files.set(f.fileName.replace(/^\.\//, ''), { licenses, copyrights });
  }
  return files;
}

/**
 * A notice as both tools can agree on it: without its prefix (reuse-tool writes the one it read,
 * ospo always `SPDX-FileCopyrightText:`), spaces folded, case ignored.
 */
export function noticeKey(notice) {
  let n = notice.trim();
  for (let before = ''; before !== n;) {
    before = n;
    n = n.replace(/^(SPDX-(File|Snippet)CopyrightText:|Copyright|\(c\)|©)\s*/i, '');
  }
  // reuse-tool writes a notice again from its parts, without the comma after the years (`2020, Jane` → `2020 Jane`).
  n = n.replace(/^(\d{4}(?:\s*[-–]\s*\d{4})?(?:\s*,\s*\d{4}(?:\s*[-–]\s*\d{4})?)*)\s*,\s*/, '$1 ');
  return n
    .replace(/\s*([-–,])\s*/g, '$1')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

const same = (a, b) => a.size === b.size && [...a].every((x) => b.has(x));

/** Files both list, those only one lists, and the shared files whose licenses or copyrights differ. */
export function agreement(reference, ours) {
  const result = { both: 0, onlyReference: [], onlyOurs: [], licenses: [], copyrights: [] };
  for (const [file, ref] of reference) {
    const own = ours.get(file);
    if (!own) {
      result.onlyReference.push(file);
      continue;
    }
    result.both++;
    if (!same(ref.licenses, own.licenses)) result.licenses.push({ file, reference: [...ref.licenses].sort(), ours: [...own.licenses].sort() });
    const key = (set) => new Set([...set].map(noticeKey));
    if (!same(key(ref.copyrights), key(own.copyrights)))
      result.copyrights.push({ file, reference: [...ref.copyrights].sort(), ours: [...own.copyrights].sort() });
  }
  for (const file of ours.keys()) if (!reference.has(file)) result.onlyOurs.push(file);
  return result;
}

async function main(dirs) {
  const repo = path.resolve(new URL('..', import.meta.url).pathname);
  const reuse6 = process.env.REUSE6 ?? 'reuse6';
  const big = { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] };
  const show = (list) =>
    list.slice(0, 5).map((d) => `    ${typeof d === 'string' ? d : `${d.file}: reuse6 ${JSON.stringify(d.reference)} ospo ${JSON.stringify(d.ours)}`}`);
  console.log('| tree | files (reuse6 / ospo) | same files | same licenses | same copyrights |');
  console.log('|---|---|---|---|---|');
  const details = [];
  for (const dir of dirs) {
    const reference = parseReuseSpdx(execFileSync(reuse6, ['--root', dir, 'spdx'], { ...big, cwd: dir }));
    const ours = parseOspoSpdx(JSON.parse(execFileSync(process.execPath, [path.join(repo, 'bin/ospo.js'), 'sbom', '.'], { ...big, cwd: dir })));
    const a = agreement(reference, ours);
    const pct = (n, of) => (of ? `${((100 * n) / of).toFixed(2)} %` : '-');
    console.log(
      `| ${path.basename(dir)} | ${reference.size} / ${ours.size} | ${a.both} (${pct(a.both, Math.max(reference.size, ours.size))}) | ${a.both - a.licenses.length} (${pct(a.both - a.licenses.length, a.both)}) | ${a.both - a.copyrights.length} (${pct(a.both - a.copyrights.length, a.both)}) |`,
    );
    const lines = [
      ...(a.onlyReference.length ? [`  only reuse6 (${a.onlyReference.length}):`, ...show(a.onlyReference)] : []),
      ...(a.onlyOurs.length ? [`  only ospo (${a.onlyOurs.length}):`, ...show(a.onlyOurs)] : []),
      ...(a.licenses.length ? [`  licenses differ (${a.licenses.length}):`, ...show(a.licenses)] : []),
      ...(a.copyrights.length ? [`  copyrights differ (${a.copyrights.length}):`, ...show(a.copyrights)] : []),
    ];
    if (lines.length) details.push(`${path.basename(dir)}:`, ...lines);
  }
  if (details.length) console.log(`\n${details.join('\n')}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dirs = process.argv.slice(2);
  if (!dirs.length) {
    console.error('usage: node bench/sbom-compare.mjs DIR…  (REUSE6=path/to/reuse6)');
    process.exit(2);
  }
  await main(dirs.map((d) => path.resolve(d)));
}
