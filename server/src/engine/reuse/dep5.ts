// The deprecated `.reuse/dep5` (REUSE 3.3, "DEP5 (deprecated)"): a Debian copyright file, format 1.0.
// Paragraphs are separated by blank lines; a field is `Name: value`, continued on lines starting
// with a space or tab (a continuation line of just " ." is an empty line); lines starting with `#`
// are comments. The first paragraph is the header (it must have `Format:`); the paragraphs with
// `Files:` carry licensing; stand-alone `License:` paragraphs only hold license texts.
// Matching follows Debian (and python-debian, which reuse-tool uses): `*` is any run of characters,
// `/` included; `?` is any one character; `\*`, `\?`, `\\` are literal; the whole path must match;
// the LAST matching Files paragraph applies.

import { dep5Glob, dep5GlobSource } from '../glob';
import { TomlProblem } from './reuse-toml';

export interface Dep5Value {
  value: string;
  line: number;
}

export interface Dep5Paragraph {
  /** The globs of `Files:`, as written. */
  files: string[];
  copyrights: Dep5Value[];
  /** The expression on the first line of `License:` (the synopsis); the rest is license text. */
  license?: Dep5Value;
  comment?: string;
  /** 0-based line of the paragraph's first field. */
  line: number;
  /** `rel` is relative to the project root, `/`-separated. */
  matches(rel: string): boolean;
}

export interface Dep5Header {
  upstreamName?: string;
  upstreamContact?: string[];
  source?: string;
  disclaimer?: string;
}

export interface Dep5 {
  /** Its path relative to the root: `.reuse/dep5`. */
  file: string;
  header: Dep5Header;
  paragraphs: Dep5Paragraph[];
  problems: TomlProblem[];
}

interface Field {
  name: string;
  first: string;
  rest: { text: string; line: number }[];
  line: number;
  character: number;
}

function paragraphsOf(text: string): Field[][] {
  const lines = text.split(/\r\n|\n|\r/);
  const paragraphs: Field[][] = [];
  let current: Field[] = [];
  let field: Field | undefined;
  const flush = () => {
    if (current.length) paragraphs.push(current);
    current = [];
    field = undefined;
  };
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    if (/^\s*$/.test(line)) {
      flush();
      continue;
    }
    if (line.startsWith('#')) continue;
    if (/^[ \t]/.test(line)) {
      if (field) field.rest.push({ text: line.trim() === '.' ? '' : line.trim(), line: n });
      else current.push({ name: '', first: line.trim(), rest: [], line: n, character: 0 }); // a stray continuation
      continue;
    }
    const m = /^([^:\s][^:]*):(.*)$/.exec(line);
    if (!m) {
      current.push({ name: '', first: line, rest: [], line: n, character: 0 });
      field = undefined;
      continue;
    }
    field = { name: m[1].trim(), first: m[2].trim(), rest: [], line: n, character: 0 };
    current.push(field);
  }
  flush();
  return paragraphs;
}

/** Parses `.reuse/dep5` text; `file` is its path relative to the root. Never throws. */
export function parseDep5(text: string, file = '.reuse/dep5'): Dep5 {
  const dep5: Dep5 = { file: file.replace(/\\/g, '/'), header: {}, paragraphs: [], problems: [] };
  const problem = (message: string, line: number, character = 0) => dep5.problems.push({ message, line, character });
  const paragraphs = paragraphsOf(text);
  if (paragraphs.length === 0) {
    problem('.reuse/dep5 is empty: it needs a header paragraph with `Format:`', 0);
    return dep5;
  }

  paragraphs.forEach((fields, index) => {
    const byName = new Map<string, Field>();
    for (const f of fields) {
      if (!f.name) {
        problem(`not a "Field: value" line: ${JSON.stringify(f.first)}`, f.line);
        continue;
      }
      const key = f.name.toLowerCase();
      if (byName.has(key)) problem(`field "${f.name}" appears twice in this paragraph`, f.line);
      else byName.set(key, f);
    }
    const get = (name: string) => byName.get(name.toLowerCase());
    if (index === 0) {
      if (!get('Format'))
        problem('the first paragraph of .reuse/dep5 must be the header, with a `Format:` field (machine-readable debian/copyright 1.0)', fields[0].line);
      if (get('Files')) return problemHeaderlessFiles(fields[0].line);
      const contact = get('Upstream-Contact');
      dep5.header = {
        upstreamName: get('Upstream-Name')?.first || undefined,
        upstreamContact: contact ? [contact.first, ...contact.rest.map((r) => r.text)].filter((s) => s) : undefined,
        source: get('Source')?.first || undefined,
        disclaimer: get('Disclaimer') ? [get('Disclaimer')!.first, ...get('Disclaimer')!.rest.map((r) => r.text)].join('\n').trim() : undefined,
      };
      return;
    }
    const files = get('Files');
    if (!files) return; // a stand-alone License paragraph (a license text), or something else: no licensing
    const globs = [files.first, ...files.rest.map((r) => r.text)]
      .join(' ')
      .split(/\s+/)
      .filter((g) => g);
    if (globs.length === 0) problem('`Files:` must name one or more paths', files.line);
    const matchers: ((rel: string) => boolean)[] = [];
    for (const g of globs) {
      const { error } = dep5GlobSource(g);
      if (error) problem(error, files.line);
      matchers.push(dep5Glob(g));
    }
    const copyright = get('Copyright');
    const copyrights: Dep5Value[] = [];
    if (!copyright) problem('this Files paragraph has no `Copyright:` field', files.line);
    else {
      if (copyright.first) copyrights.push({ value: copyright.first, line: copyright.line });
      for (const r of copyright.rest) if (r.text) copyrights.push({ value: r.text, line: r.line });
      if (copyrights.length === 0) problem('`Copyright:` is empty', copyright.line);
    }
    const license = get('License');
    let licenseValue: Dep5Value | undefined;
    if (!license) problem('this Files paragraph has no `License:` field', files.line);
    else if (!license.first) problem('`License:` must start with an SPDX license expression', license.line);
    else licenseValue = { value: license.first, line: license.line };
    const comment = get('Comment');
    dep5.paragraphs.push({
      files: globs,
      copyrights,
      license: licenseValue,
      comment: comment ? [comment.first, ...comment.rest.map((r) => r.text)].join('\n').trim() : undefined,
      line: fields[0].line,
      matches: (rel) => matchers.some((m) => m(rel)),
    });
  });
  return dep5;

  function problemHeaderlessFiles(line: number): void {
    problem('.reuse/dep5 starts with a Files paragraph: the header paragraph (`Format: …`) is missing', line);
  }
}

/** The last Files paragraph matching `rel` (relative to the root): the one that applies. */
export function dep5ParagraphFor(dep5: Dep5, rel: string): Dep5Paragraph | undefined {
  for (let i = dep5.paragraphs.length - 1; i >= 0; i--) if (dep5.paragraphs[i].matches(rel)) return dep5.paragraphs[i];
  return undefined;
}

/**
 * A dep5 glob as a REUSE.toml glob. dep5 `*` crosses `/`, so it becomes a double asterisk (see below for one before a slash); escapes carry over
 * (`\*` and `\\` mean the same in both). dep5 `?` (exactly one character) has no REUSE.toml
 * equivalent: it becomes `*`, which also matches zero or several characters (but no `/`); `widened`
 * says so. (reuse-tool's convert-dep5 leaves `?` as is, which REUSE.toml reads as a literal `?`.)
 */
export function dep5GlobToReuseGlob(glob: string): { glob: string; widened: boolean } {
  let out = '';
  let widened = false;
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*') {
      while (glob[i + 1] === '*') i++;
      // REUSE.toml's `**/` also matches no folder at all (`**/x` matches `ax`), while dep5's `*/`
      // needs a `/`: `**/*/` is exactly "anything, then a `/`".
      out += glob[i + 1] === '/' ? '**/*' : '**';
    } else if (ch === '?') {
      out += '*';
      widened = true;
    } else if (ch === '\\' && i + 1 < glob.length) {
      const next = glob[i + 1];
      out += next === '?' ? '?' : '\\' + next;
      i++;
    } else out += ch;
  }
  return { glob: out, widened };
}

const tomlString = (s: string) => JSON.stringify(s);
const tomlValue = (items: string[]) => (items.length === 1 ? tomlString(items[0]) : `[${items.map(tomlString).join(', ')}]`);

/**
 * An equivalent REUSE.toml for a dep5 file. REUSE 3.3 says dep5 information is aggregated with the
 * files' own, so every table has `precedence = "aggregate"`; dep5's last-match-wins is REUSE.toml's
 * last-table-wins, so the paragraphs keep their order.
 */
export function dep5ToReuseToml(dep5: Dep5): string {
  const out: string[] = [`version = 1`];
  if (dep5.header.upstreamName) out.push(`SPDX-PackageName = ${tomlString(dep5.header.upstreamName)}`);
  if (dep5.header.upstreamContact?.length) out.push(`SPDX-PackageSupplier = ${tomlValue(dep5.header.upstreamContact)}`);
  if (dep5.header.source) out.push(`SPDX-PackageDownloadLocation = ${tomlString(dep5.header.source)}`);
  if (dep5.header.disclaimer) out.push(`SPDX-PackageComment = ${tomlString(dep5.header.disclaimer)}`);
  for (const p of dep5.paragraphs) {
    const converted = p.files.map(dep5GlobToReuseGlob);
    out.push('');
    if (converted.some((c) => c.widened)) out.push('# dep5 "?" (one character) became "*" (any characters but "/"): check these paths.');
    out.push('[[annotations]]');
    out.push(`path = ${tomlValue(converted.map((c) => c.glob))}`);
    out.push('precedence = "aggregate"');
    if (p.copyrights.length) out.push(`SPDX-FileCopyrightText = ${tomlValue(p.copyrights.map((c) => c.value))}`);
    if (p.license) out.push(`SPDX-License-Identifier = ${tomlString(p.license.value)}`);
    if (p.comment) out.push(`SPDX-FileComment = ${tomlString(p.comment)}`);
  }
  return out.join('\n') + '\n';
}
