// How much of reuse-tool's comment-style table ours covers: for each extension and file name reuse
// knows, whether we have a style (or call the format uncommentable), whether we write the same comment
// prefix, and whether we read a header written in reuse's syntax. Lists the gaps.
//
// The table is read from a committed snapshot (test/unit/fixtures/reuse-comment-styles.json), which
// comments.test.ts also checks, so the tests need no reuse-tool source. To renew the snapshot from a
// reuse-tool checkout:
//   node bench/comment-coverage.mjs --update path/to/reuse/src/reuse/comment.py
// Report: npx tsc -b && node bench/comment-coverage.mjs

import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const snapshotPath = path.join(here, '../test/unit/fixtures/reuse-comment-styles.json');

if (process.argv[2] === '--update') {
  const source = process.argv[3];
  if (!source) {
    console.error('usage: node bench/comment-coverage.mjs --update path/to/reuse/src/reuse/comment.py');
    process.exit(1);
  }
  const snapshot = parseCommentPy(fs.readFileSync(source, 'utf8'));
  fs.writeFileSync(snapshotPath, JSON.stringify(snapshot, null, 2) + '\n');
  console.log(
    `wrote ${path.relative(process.cwd(), snapshotPath)}: ${Object.keys(snapshot.styles).length} styles, ` +
      `${Object.keys(snapshot.extensions).length} extensions, ${Object.keys(snapshot.names).length} file names`,
  );
} else {
  const require = createRequire(import.meta.url);
  const { compareWithReuse } = require('../out/test/unit/reuse-comment-coverage.js');
  const r = compareWithReuse(JSON.parse(fs.readFileSync(snapshotPath, 'utf8')));
  for (const [what, c] of [
    ['extensions', r.extensions],
    ['file names', r.names],
  ]) {
    console.log(`reuse ${what}: ${c.total} (${c.notApplicable} without comment syntax, skipped)`);
    console.log(`  mapped by ours:              ${c.mapped}`);
    console.log(`  same comment prefix written: ${c.same}`);
    console.log(`  reuse's header read:         ${c.read}`);
  }
  const gaps = [...r.extensions.gaps, ...r.names.gaps];
  console.log(gaps.length ? `gaps (${gaps.length}):` : 'no gaps');
  for (const g of gaps) console.log(`  ${g}`);
}

// A small reader for the parts of comment.py that define the table: the style classes' SINGLE_LINE and
// MULTI_LINE attributes (inherited from a parent style) and the two maps of extension and name to class.
function parseCommentPy(py) {
  const classes = {};
  const classPattern = /^class (\w+)\((\w+)\):\n((?:(?:[ \t]+.*)?\n)*)/gm;
  for (const m of py.matchAll(classPattern)) {
    const [, name, parent, body] = m;
    const own = {};
    const single = /^\s+SINGLE_LINE = (r?)("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/m.exec(body);
    if (single) own.line = literal(single[1], single[2]);
    const multi = /^\s+MULTI_LINE = MultiLineSegments\(\s*((?:r?(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')\s*,?\s*){3})\)/m.exec(body);
    if (multi) {
      const parts = [...multi[1].matchAll(/(r?)("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/g)].map((p) => literal(p[1], p[2]));
      [own.start, own.middle, own.end] = parts;
    }
    classes[name] = { parent, own };
  }
  const resolve = (name) => {
    const c = classes[name];
    if (!c) return {};
    return { ...resolve(c.parent), ...c.own };
  };
  const kind = (name) =>
    name === 'UncommentableCommentStyle' || classes[name]?.parent === 'UncommentableCommentStyle'
      ? 'uncommentable'
      : name === 'EmptyCommentStyle' || classes[name]?.parent === 'EmptyCommentStyle'
        ? 'empty'
        : 'comment';
  const map = (variable) => {
    const block = new RegExp(`^${variable} = \\{\\n([\\s\\S]*?)^\\}`, 'm').exec(py);
    if (!block) throw new Error(`${variable} not found`);
    const entries = {};
    for (const e of block[1].matchAll(/^\s+(r?)("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'):\s*(\w+),/gm)) entries[literal(e[1], e[2])] = e[3];
    return entries;
  };
  const extensions = map('EXTENSION_COMMENT_STYLE_MAP');
  const names = map('FILENAME_COMMENT_STYLE_MAP');
  const styles = {};
  for (const name of new Set([...Object.values(extensions), ...Object.values(names)])) {
    const { line = '', start = '', middle = '', end = '' } = resolve(name);
    styles[name] = { kind: kind(name), line, start, middle, end };
  }
  // A source tree unpacked as reuse-6.2.0/ names its version; a git checkout does not.
  const version = /reuse-(\d+\.\d+\.\d+)/.exec(path.resolve(process.argv[3]))?.[1];
  return { source: `reuse-tool${version ? ' ' + version : ''} src/reuse/comment.py`, styles, extensions, names };
}

function literal(raw, quoted) {
  const body = quoted.slice(1, -1);
  return raw ? body : body.replace(/\\(.)/g, '$1');
}
