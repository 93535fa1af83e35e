// REUSE.toml (REUSE 3.3, "REUSE.toml"), parsed with smol-toml and validated against the spec.
// Never throws: what is wrong comes back as located problems, and what can still be used is kept.
//
// What is kept when something is wrong (reuse-tool instead rejects the whole file, and then covers
// no file with it; the caller decides whether problems make the file unusable):
//   - a TOML syntax error: nothing (no annotations), one problem at the error;
//   - a missing or bad `version`: a problem, the annotations are still read;
//   - an annotation with a missing/bad `path` or a bad `precedence`: the annotation is dropped;
//   - a non-string item in `SPDX-FileCopyrightText` / `SPDX-License-Identifier`: that item is dropped;
//   - an expression that does not parse: a problem, the expression is kept (so that the files it
//     covers are reported as carrying an invalid license, as reuse lint does).

// smol-toml ships ESM typings with a CommonJS build (`exports.require`): the types are taken in ESM
// mode, the module is loaded with require (which esbuild bundles).
import type * as SmolToml from 'smol-toml' with { 'resolution-mode': 'import' };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parse, TomlError } = require('smol-toml') as typeof SmolToml;
import { reuseGlob } from '../glob';
import { expressionSyntaxError } from '../spdx/expression';

export type Precedence = 'closest' | 'aggregate' | 'override';

export const precedences: readonly Precedence[] = ['closest', 'aggregate', 'override'];

/** The 0-based lines of an annotation's keys, where they are written in their own line. */
export interface AnnotationKeyLines {
  path?: number;
  precedence?: number;
  copyrights?: number;
  licenses?: number;
}

export interface Annotation {
  paths: string[];
  precedence: Precedence;
  copyrights: string[];
  licenses: string[];
  /** 0-based line of its `[[annotations]]` header (of the `annotations` key for inline tables). */
  line: number;
  /** Where each key is, for pointing at a value (falls back to `line`). */
  keyLines: AnnotationKeyLines;
  /** `rel` is relative to the REUSE.toml's folder, `/`-separated. */
  matches(rel: string): boolean;
}

export interface TomlProblem {
  message: string;
  /** 0-based. */
  line: number;
  character: number;
  /**
   * Absent means an error: the file breaks the spec. A warning is advice (e.g. a likely typo in a
   * key); info is a note that asks for nothing (e.g. dep5 is deprecated but still valid).
   */
  severity?: 'error' | 'warning' | 'info';
}

export interface ReuseToml {
  /** The folder holding it, relative to the project root, `''` for the root. */
  dir: string;
  /** Its path relative to the root. */
  file: string;
  annotations: Annotation[];
  problems: TomlProblem[];
}

export const reuseTomlVersion = 1;

const keyPath = 'path';
const keyPrecedence = 'precedence';
const keyCopyright = 'SPDX-FileCopyrightText';
const keyLicense = 'SPDX-License-Identifier';
const knownKeys = [keyPath, keyPrecedence, keyCopyright, keyLicense];

// Other keys are allowed by the spec ("You MAY include other keys and tables"), so they are never an
// error; but a key that differs from a spec key only in case or plural is almost surely a typo that
// silently drops licensing, so it is a warning.
const lookalikes: Record<string, string> = {
  paths: keyPath,
  files: keyPath,
  license: keyLicense,
  licenses: keyLicense,
  'spdx-license-identifiers': keyLicense,
  copyright: keyCopyright,
  copyrights: keyCopyright,
  'spdx-filecopyrighttexts': keyCopyright,
  'spdx-copyrighttext': keyCopyright,
};

interface Loc {
  line: number;
  character: number;
}
interface TableLocs {
  line: number;
  keys: Map<string, Loc>;
}
interface DocLocs {
  top: Map<string, Loc>;
  annotations: TableLocs[];
  annotationsKey?: Loc;
}

/** The folder of a root-relative path, `''` for the root. */
export function dirOf(file: string): string {
  const norm = file.replace(/\\/g, '/');
  const at = norm.lastIndexOf('/');
  return at < 0 ? '' : norm.slice(0, at);
}

function unquoteKey(raw: string): string {
  if (raw.startsWith('"') && raw.endsWith('"')) {
    try {
      return JSON.parse(raw) as string;
    } catch {
      return raw.slice(1, -1);
    }
  }
  if (raw.startsWith("'") && raw.endsWith("'")) return raw.slice(1, -1);
  return raw;
}

/**
 * Where the tables and keys are: a line scanner that knows enough TOML (strings, multi-line strings
 * and arrays, comments) to find `[[annotations]]` headers and `key =` lines at the top level of a
 * table. smol-toml gives values, not positions; this gives the positions.
 */
function locate(text: string): DocLocs {
  const lines = text.split(/\r\n|\n|\r/);
  const docs: DocLocs = { top: new Map(), annotations: [] };
  let current: Map<string, Loc> | undefined = docs.top;
  let depth = 0; // [ ] and { } nesting carried over lines
  let multiline: '"""' | "'''" | undefined;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    const atTop = depth === 0 && !multiline;
    if (atTop) {
      const header = /^\s*\[\[\s*([^\]]+?)\s*\]\]/.exec(line);
      const table = header ? undefined : /^\s*\[\s*([^\]]+?)\s*\]/.exec(line);
      if (header) {
        if (unquoteKey(header[1]) === 'annotations') {
          const t: TableLocs = { line: n, keys: new Map() };
          docs.annotations.push(t);
          current = t.keys;
        } else current = undefined;
        continue;
      }
      if (table) {
        current = undefined;
        continue;
      }
      const key = /^(\s*)("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)\s*=/.exec(line);
      if (key && current) {
        const name = unquoteKey(key[2]);
        if (!current.has(name)) current.set(name, { line: n, character: key[1].length });
        if (current === docs.top && name === 'annotations') docs.annotationsKey = { line: n, character: key[1].length };
      }
    }
    // Track strings, comments and brackets to know whether the next line starts at the top of a table.
    for (let i = 0; i < line.length; i++) {
      if (multiline) {
        if (multiline === '"""' && line[i] === '\\') {
          i++;
          continue;
        }
        if (line.startsWith(multiline, i)) {
          multiline = undefined;
          i += 2;
        }
        continue;
      }
      const ch = line[i];
      if (ch === '#') break;
      if (line.startsWith('"""', i) || line.startsWith("'''", i)) {
        multiline = line.slice(i, i + 3) as '"""' | "'''";
        i += 2;
        continue;
      }
      if (ch === '"') {
        i++;
        while (i < line.length && line[i] !== '"') {
          if (line[i] === '\\') i++;
          i++;
        }
        continue;
      }
      if (ch === "'") {
        i++;
        while (i < line.length && line[i] !== "'") i++;
        continue;
      }
      if (atTop && depth === 0 && ch === '[' && /^\s*$/.test(line.slice(0, i))) break; // a table header, handled above
      if (ch === '[' || ch === '{') depth++;
      else if ((ch === ']' || ch === '}') && depth > 0) depth--;
    }
  }
  return docs;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'bigint' || typeof value === 'number') return `the number ${String(value)}`;
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  if (value && typeof value === 'object') return 'a table';
  return String(value);
}

function isTable(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) && value.constructor?.name !== 'TomlDate';
}

/** Parses REUSE.toml `text`; `file` is its path relative to the project root. */
export function parseReuseToml(text: string, file: string): ReuseToml {
  const normFile = file.replace(/\\/g, '/');
  const result: ReuseToml = { dir: dirOf(normFile), file: normFile, annotations: [], problems: [] };
  const problem = (message: string, at: Loc, severity?: 'warning') =>
    result.problems.push(severity ? { message, line: at.line, character: at.character, severity } : { message, line: at.line, character: at.character });

  let doc: Record<string, unknown>;
  try {
    doc = parse(text, { integersAsBigInt: true }) as Record<string, unknown>;
  } catch (err) {
    if (err instanceof TomlError) {
      const first = err.message.split('\n')[0].replace(/^Invalid TOML document:\s*/, '');
      problem(`REUSE.toml is not valid TOML: ${first}`, { line: Math.max(0, err.line - 1), character: Math.max(0, err.column - 1) });
    } else {
      problem(`REUSE.toml could not be read: ${err instanceof Error ? err.message : String(err)}`, { line: 0, character: 0 });
    }
    return result;
  }
  const locs = locate(text);
  const top = (key: string): Loc => locs.top.get(key) ?? { line: 0, character: 0 };

  // version = 1 (REQUIRED, an integer).
  if (!('version' in doc)) {
    problem('REUSE.toml must have `version = 1`', { line: 0, character: 0 });
  } else if (typeof doc.version !== 'bigint') {
    problem(`\`version\` must be an integer, not ${describe(doc.version)}`, top('version'));
  } else if (doc.version !== BigInt(reuseTomlVersion)) {
    problem(`REUSE.toml version ${doc.version} is not supported: this is version ${reuseTomlVersion} of the format`, top('version'));
  }

  const raw = doc.annotations;
  if (raw === undefined) return result;
  if (!Array.isArray(raw)) {
    problem(`\`annotations\` must be an array of tables (\`[[annotations]]\`), not ${describe(raw)}`, top('annotations'));
    return result;
  }
  raw.forEach((item, index) => {
    const tableLoc = locs.annotations[index];
    const headerLoc: Loc = tableLoc ? { line: tableLoc.line, character: 0 } : (locs.annotationsKey ?? { line: 0, character: 0 });
    const keyLoc = (key: string): Loc => tableLoc?.keys.get(key) ?? headerLoc;
    if (!isTable(item)) {
      problem(`each \`annotations\` item must be a table, not ${describe(item)}`, headerLoc);
      return;
    }
    let usable = true;

    // path (REQUIRED): a string or a non-empty array of strings.
    let paths: string[] = [];
    const path = item[keyPath];
    if (path === undefined) {
      problem('this [[annotations]] table has no `path` (required)', headerLoc);
      usable = false;
    } else if (typeof path === 'string') {
      paths = [path];
    } else if (Array.isArray(path) && path.length > 0 && path.every((p) => typeof p === 'string')) {
      paths = path as string[];
    } else {
      problem(
        Array.isArray(path) && path.length === 0
          ? '`path` must not be empty'
          : `\`path\` must be a string or an array of strings, not ${Array.isArray(path) ? 'an array holding other values' : describe(path)}`,
        keyLoc(keyPath),
      );
      usable = false;
    }
    for (const p of paths) {
      // "A path MUST point to a location in the REUSE.toml file's directory or deeper"; such a path
      // is matched literally against relative paths and so never matches anything.
      if (p.startsWith('/') || /(^|\/)\.\.(\/|$)/.test(p)) {
        problem(`\`path\` ${JSON.stringify(p)} must stay inside the folder of this REUSE.toml`, keyLoc(keyPath));
      } else if (p.startsWith('./')) {
        problem(`\`path\` ${JSON.stringify(p)} never matches: paths are written without a leading "./"`, keyLoc(keyPath), 'warning');
      } else if (p === '') {
        problem('`path` must not be an empty string', keyLoc(keyPath));
      }
    }

    // precedence (OPTIONAL): one of the three literals; default closest.
    let precedence: Precedence = 'closest';
    const prec = item[keyPrecedence];
    if (prec !== undefined) {
      if (typeof prec === 'string' && (precedences as readonly string[]).includes(prec)) precedence = prec as Precedence;
      else {
        problem(`\`precedence\` must be one of "closest", "aggregate", "override", not ${describe(prec)}`, keyLoc(keyPrecedence));
        usable = false;
      }
    }

    const strings = (key: string): string[] => {
      const value = item[key];
      if (value === undefined) return [];
      if (typeof value === 'string') return [value];
      if (Array.isArray(value)) {
        const ok = value.filter((v): v is string => typeof v === 'string');
        if (ok.length !== value.length) problem(`every item of \`${key}\` must be a string`, keyLoc(key));
        return ok;
      }
      problem(`\`${key}\` must be a string or an array of strings, not ${describe(value)}`, keyLoc(key));
      return [];
    };
    const copyrights = strings(keyCopyright);
    const licenses = strings(keyLicense);
    for (const c of copyrights) if (!c.trim()) problem(`\`${keyCopyright}\` holds an empty copyright notice`, keyLoc(keyCopyright));
    for (const l of licenses) {
      const error = expressionSyntaxError(l);
      if (error) problem(`${JSON.stringify(l)} is not a valid SPDX license expression: ${error}`, keyLoc(keyLicense));
    }

    for (const key of Object.keys(item)) {
      if (knownKeys.includes(key)) continue;
      const meant = knownKeys.find((k) => k.toLowerCase() === key.toLowerCase()) ?? lookalikes[key.toLowerCase()];
      if (meant) problem(`unknown key \`${key}\`: did you mean \`${meant}\`? Keys are case-sensitive, and this one is ignored`, keyLoc(key), 'warning');
    }

    if (!usable) return;
    const matchers = paths.map(reuseGlob);
    const keyLines: AnnotationKeyLines = {};
    const lineOf = (key: string) => tableLoc?.keys.get(key)?.line;
    if (lineOf(keyPath) !== undefined) keyLines.path = lineOf(keyPath);
    if (lineOf(keyPrecedence) !== undefined) keyLines.precedence = lineOf(keyPrecedence);
    if (lineOf(keyCopyright) !== undefined) keyLines.copyrights = lineOf(keyCopyright);
    if (lineOf(keyLicense) !== undefined) keyLines.licenses = lineOf(keyLicense);
    result.annotations.push({
      paths,
      precedence,
      copyrights: copyrights.map((c) => c.trim()).filter((c) => c),
      licenses: licenses.map((l) => l.trim()),
      line: headerLoc.line,
      keyLines,
      matches: (rel: string) => matchers.some((m) => m(rel)),
    });
  });
  return result;
}

/** The last annotation of `toml` matching `rel` (relative to the toml's folder): the one that applies. */
export function lastMatchingAnnotation(toml: ReuseToml, rel: string): Annotation | undefined {
  for (let i = toml.annotations.length - 1; i >= 0; i--) if (toml.annotations[i].matches(rel)) return toml.annotations[i];
  return undefined;
}
