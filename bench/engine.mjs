// Whole-tree cost of the pure engine: checkText over every text file of a big real tree (by default
// the Linux 6.1 sources), against the cost of reading the same files, measured in the same run
// because timings on a shared machine drift; the ratios are what to compare between runs.
// Texts are loaded first, so only checkText is timed: (a) on the first 8 KiB of each file, cut at
// its last line break (what a workspace scan mostly sees), and (b) on whole files.
// The finding counts per rule and a digest of all findings show whether behaviour changed.
// Usage: npx tsc -b && node bench/engine.mjs [corpus folder] [max files]

import { createRequire } from 'node:module';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const { checkText } = require('../out/server/src/engine/check.js');
const { defaultPolicy } = require('../out/server/src/engine/policy/model.js');
const walk = require('@nodelib/fs.walk');

const root = path.resolve(process.argv[2] ?? path.join(os.homedir(), '.cache/ospo-bench/linux-source-6.1'));
const max = Number(process.argv[3] ?? Infinity);
const windowSize = 8 * 1024;
const rounds = 2;

if (!fs.existsSync(root)) {
  console.error(`no corpus at ${root}: unpack a source tree there or pass a folder`);
  process.exit(1);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const paths = walk
  .walkSync(root, { entryFilter: (e) => e.dirent.isFile() })
  .map((e) => e.path)
  .sort()
  .slice(0, max);
const files = [];
let skipped = 0;
for (const abs of paths) {
  const bytes = fs.readFileSync(abs);
  if (bytes.subarray(0, 8000).includes(0)) {
    skipped++;
    continue;
  }
  let text;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    skipped++;
    continue;
  }
  const cut = text.length > windowSize ? text.lastIndexOf('\n', windowSize - 1) + 1 : text.length;
  // A first line longer than the window (minified code) is taken whole up to the window.
  const window = text.slice(0, cut > 0 ? cut : windowSize);
  files.push({ abs, rel: path.relative(root, abs).split(path.sep).join('/'), text, window });
}
const bytes = files.reduce((n, f) => n + f.text.length, 0);
const windowBytes = files.reduce((n, f) => n + f.window.length, 0);

const policy = defaultPolicy();
// Fixed dates: the copyright-year and review-date rules would otherwise depend on the day.
const dates = { currentYear: 2025, today: '2025-06-01' };

function best(fn) {
  let min = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    fn();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

let sink = 0;
const read = best(() => {
  for (const f of files) sink += fs.readFileSync(f.abs).length;
});
const checkAll = (key) => () => {
  for (const f of files) sink += checkText({ path: f.rel, text: f[key], ...dates }, policy).findings.length;
};
const windows = best(checkAll('window'));
const full = best(checkAll('text'));

/** Findings per rule, exemptions, and a digest of every finding (rule, range, message, fix). */
function tally(key) {
  const perRule = {};
  let exempt = 0;
  const hash = crypto.createHash('sha256');
  for (const f of files) {
    const result = checkText({ path: f.rel, text: f[key], ...dates }, policy);
    if (result.exempt) exempt++;
    for (const x of result.findings) {
      perRule[x.rule] = (perRule[x.rule] ?? 0) + 1;
      hash.update(`${f.rel}\0${x.rule}\0${x.severity}\0${JSON.stringify(x.range)}\0${x.message}\0${JSON.stringify(x.fix ?? null)}\n`);
    }
  }
  return { perRule, exempt, digest: hash.digest('hex').slice(0, 16) };
}

const us = (ms) => ((ms * 1000) / files.length).toFixed(1).padStart(7) + ' µs/file';
const total = (ms) => ms.toFixed(0).padStart(7) + ' ms';
console.log(`corpus: ${root}`);
console.log(
  `${files.length} text files (${skipped} binary or not UTF-8 skipped), ${(bytes / 1024 / 1024).toFixed(0)} MiB of text, ${(windowBytes / 1024 / 1024).toFixed(0)} MiB in 8 KiB windows; best of ${rounds}`,
);
console.log(`read (fs.readFileSync)   ${us(read)} ${total(read)}`);
console.log(`checkText, 8 KiB windows ${us(windows)} ${total(windows)}   ratio to read ${(windows / read).toFixed(2)}`);
console.log(`checkText, full texts    ${us(full)} ${total(full)}   ratio to read ${(full / read).toFixed(2)}`);
for (const key of ['window', 'text']) {
  const t = tally(key);
  const rules = Object.entries(t.perRule)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([r, n]) => `${r}=${n}`)
    .join(' ');
  console.log(`findings (${key === 'window' ? 'windows' : 'full texts'}): exempt=${t.exempt} ${rules} digest=${t.digest}`);
}
if (!sink) console.log('(nothing checked)');
