// Lines that must stay above a license header (docs/design/architecture.md, fix guarantees).
// Fixes insert after them; the header block (header.ts) starts there.

import { BOM } from './text';

export interface Prologue {
  /** The first line a header may occupy. */
  insertLine: number;
  /** The header goes as comments after YAML/Markdown front matter, never inside its YAML. */
  afterFrontMatter: boolean;
  /** `.php` text before `<?php` is HTML, so a header there needs an HTML comment. */
  phpOpen: boolean;
  /**
   * The prologue may go on past the end of the text: it reaches the end (front matter or an XML declaration
   * never closed, a shebang with nothing after it), or a line it would take depends on the next, which is
   * not there (an include guard's `#define`, PHP's `declare`). A file read only in part (its first 4 KiB)
   * must then be read whole (engine/check.ts startSuffices).
   */
  open: boolean;
}

const frontMatterExts = new Set(['md', 'markdown', 'mdown', 'mdx', 'html', 'htm', 'liquid', 'astro']);
const yamlExts = new Set(['yaml', 'yml']);
const cHeaderExts = new Set(['h', 'hh', 'hpp', 'hxx', 'h++', 'inl']);

/** The lower-case file name. */
function nameOf(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).toLowerCase();
}

function extOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1) : name;
}

function isDockerfile(name: string): boolean {
  return /^(docker|container)file(\..*)?$/.test(name) || name.endsWith('.dockerfile') || name.endsWith('.containerfile');
}

/**
 * `lines` may be a function from a line number to the line (undefined past the end), so that a
 * caller can split only the lines looked at: usually one or two.
 */
export function findPrologue(path: string, lines: readonly string[] | ((i: number) => string | undefined)): Prologue {
  const name = nameOf(path);
  const ext = extOf(name);
  const line = typeof lines === 'function' ? lines : (i: number) => lines[i];
  const at = (i: number) => (i === 0 && line(0)?.startsWith(BOM) ? line(0)!.slice(1) : (line(i) ?? ''));
  let i = 0;
  const result: Prologue = { insertLine: 0, afterFrontMatter: false, phpOpen: false, open: false };
  // Only a real line (not the empty remainder after a final newline) can be part of the prologue.
  const has = (n: number) => line(n) !== undefined && !(line(n) === '' && line(n + 1) === undefined);

  if (has(i) && at(i).startsWith('#!')) i++;
  // PEP 263 allows the encoding line on line 1 or 2; Ruby's magic comments stack the same way.
  while (has(i) && i < 3 && /^#.*(coding[:=]\s*[-\w.]+|frozen_string_literal:|-\*-.*-\*-)/.test(at(i))) i++;

  if (has(i) && /^\s*<\?xml\b/.test(at(i))) {
    const start = i;
    while (has(i) && !at(i).includes('?>')) i++;
    // A declaration never closed is its first line only: it used to take the whole file, and an
    // insertLine past the last line put the header after the final newline, dropping it (fuzz.test.ts).
    result.open = !has(i);
    i = has(i) ? i + 1 : start + 1;
  }
  if (has(i) && /^\s*<!DOCTYPE\b/i.test(at(i)) && at(i).includes('>')) i++;
  if (ext === 'php' || ext === 'phtml') {
    if (has(i) && /^<\?php\b/.test(at(i))) {
      result.phpOpen = true;
      i++;
      // `declare(strict_types=1);` must be the first statement; a blank line may stand before it.
      let j = i;
      while (has(j) && at(j).trim() === '' && j < i + 2) j++;
      if (has(j) && /^\s*declare\s*\(\s*strict_types\s*=\s*1\s*\)\s*;/.test(at(j))) i = j + 1;
      else if (!has(j)) result.open = true;
    }
  }
  if (frontMatterExts.has(ext) && has(i) && at(i) === '---') {
    result.open = true;
    for (let j = i + 1; has(j); j++) {
      if (at(j) === '---' || at(j) === '...') {
        i = j + 1;
        result.afterFrontMatter = true;
        result.open = false;
        break;
      }
    }
  } else if (yamlExts.has(ext)) {
    // A YAML stream may open with directives and a `---` document marker; comments go after them.
    while (has(i) && /^%(YAML|TAG)\b/.test(at(i))) i++;
    if (has(i) && /^---(\s|$)/.test(at(i))) i++;
  }
  if (isDockerfile(name)) {
    while (has(i) && /^#\s*(syntax|escape|check)\s*=/i.test(at(i))) i++;
  }
  // A batch file's first line turns echoing off, before anything else is echoed.
  if ((ext === 'bat' || ext === 'cmd') && has(i) && /^@?echo\s+off\s*$/i.test(at(i))) i++;
  // A C header's include guard (or #pragma once) often comes before its license banner.
  if (cHeaderExts.has(ext) && has(i)) {
    if (/^#\s*pragma\s+once\b/.test(at(i))) i++;
    else {
      const guard = /^#\s*ifndef\s+(\w+)\s*$/.exec(at(i));
      if (guard && has(i + 1) && new RegExp(`^#\\s*define\\s+${guard[1]}\\b`).test(at(i + 1))) i += 2;
      else if (guard && !has(i + 1)) result.open = true;
    }
  }
  if (i > 0 && !has(i)) result.open = true;
  result.insertLine = i;
  return result;
}
