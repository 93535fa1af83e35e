// Completion and hover inside the policy file itself: keys and enum values from the policy's JSON Schema,
// SPDX ids (with name, OSI approval and deprecation) in the license lists and `licenses.project`.
// Pure functions over a TextDocument, so mocha tests them in plain Node; main.ts only routes requests here.

import { CompletionItem, CompletionItemKind, CompletionItemTag, Hover, InsertTextMode, MarkupKind, Position, Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isMap, isScalar, isSeq, parseDocument, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import licenseList = require('spdx-license-list');
import { deref, JsonSchema, policySchema, propertiesOf } from '../engine/policy/schema';
import { successorOf } from '../engine/spdx/deprecated';
import { currentExceptionIds, isDeprecated, knownLicenseIds } from '../engine/spdx/ids';

type Path = (string | number)[];

// ---------------------------------------------------------------------------------------------
// Schema lookup

/**
 * The schema at a path of keys and indexes. Unlike schema.ts's schemaAt, it follows anyOf, so that
 * `extends: [{ source, sha256 }]` gets completion and hover too.
 */
function schemaFor(path: Path): JsonSchema | undefined {
  let node = deref(policySchema);
  for (const key of path) {
    if (!node) return undefined;
    if (typeof key === 'number') {
      node = deref(node.items);
      continue;
    }
    node = propertiesOf(node)[key] ?? deref(node.additionalProperties);
  }
  return node;
}

/** The keys an object at `path` may hold, with the schema of each value. */
function keysFor(path: Path): { name: string; schema?: JsonSchema }[] {
  const node = schemaFor(path);
  const keys: { name: string; schema?: JsonSchema }[] = Object.entries(propertiesOf(node)).map(([name, schema]) => ({ name, schema }));
  const named = node?.propertyNames?.enum;
  if (Array.isArray(named)) {
    // Named keys (rule ids under `severity`) have no description of their own: the table's tells what they take.
    const value = { ...deref(node?.additionalProperties), description: node?.description };
    for (const name of named) if (typeof name === 'string') keys.push({ name, schema: value });
  }
  return keys;
}

function isKnownKey(parent: Path, name: string): boolean {
  const node = schemaFor(parent);
  if (!node) return false;
  if (propertiesOf(node)[name]) return true;
  const named = node.propertyNames?.enum;
  if (Array.isArray(named)) return named.includes(name);
  return !!deref(node.additionalProperties);
}

function shapeOf(s: JsonSchema | undefined): 'object' | 'array' | 'scalar' {
  if (!s) return 'scalar';
  if (s.type === 'object' || s.properties || s.propertyNames || (s.additionalProperties && s.additionalProperties !== true)) return 'object';
  if (s.type === 'array' || s.items) return 'array';
  return 'scalar';
}

// ---------------------------------------------------------------------------------------------
// SPDX

type LicenseField = 'list' | 'project';

/** `licenses.allow|review|deny[i]` and `licenses.project`, at the top level or in an override. */
function licenseField(path: Path): LicenseField | undefined {
  const rest = path[0] === 'overrides' && typeof path[1] === 'number' ? path.slice(2) : path;
  if (rest[0] !== 'licenses') return undefined;
  if (rest.length === 2 && rest[1] === 'project') return 'project';
  if (rest.length === 3 && ['allow', 'review', 'deny'].includes(rest[1] as string) && typeof rest[2] === 'number') return 'list';
  return undefined;
}

const exceptionSet = new Set<string>(currentExceptionIds);
const knownIds = new Set<string>(knownLicenseIds);
const operators = new Set(['AND', 'OR', 'WITH']);

function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]<>|]/g, (c) => '\\' + c);
}

function licenseInfo(written: string): { name?: string; osi?: boolean; deprecated: boolean; successor?: string; page: string } {
  const bare = written.endsWith('+') ? written.slice(0, -1) : written;
  const own = licenseList[written];
  const base = own ?? licenseList[bare];
  const name = own ? own.name : base ? `${base.name}, or a later version` : undefined;
  return {
    name,
    osi: base?.osiApproved,
    deprecated: isDeprecated(written),
    successor: successorOf(written),
    page: `https://spdx.org/licenses/${own ? written : bare}.html`,
  };
}

function licenseMarkdown(id: string): string | undefined {
  if (exceptionSet.has(id)) {
    return [`**${escapeMarkdown(id)}**`, 'SPDX license exception, used after `WITH`.', `[spdx.org/licenses/${id}](https://spdx.org/licenses/${id}.html)`].join(
      '\n\n',
    );
  }
  const info = licenseInfo(id);
  if (!info.name && !knownIds.has(id)) return undefined;
  const lines = [`**${escapeMarkdown(info.name ?? id)}**`];
  const facts = [`\`${id}\``];
  if (info.osi !== undefined) facts.push(`OSI approved: ${info.osi ? 'yes' : 'no'}`);
  lines.push(facts.join(' · '));
  if (info.deprecated) lines.push(info.successor ? `Deprecated by SPDX: use \`${info.successor}\` instead.` : 'Deprecated by SPDX.');
  lines.push(`[spdx.org/licenses/${id}](${info.page})`);
  return lines.join('\n\n');
}

function wildcardMarkdown(pattern: string): string {
  const prefix = pattern.slice(0, pattern.indexOf('*'));
  const count = knownLicenseIds.filter((id) => id.startsWith(prefix)).length;
  return `**\`${pattern}\`**\n\nWildcard: matches every SPDX id that starts with \`${prefix}\` (${count} ids today).`;
}

// ---------------------------------------------------------------------------------------------
// Finding the node at the cursor

interface Hit {
  scalar: Scalar;
  /** The path of the scalar: for a key, the path of its value. */
  path: Path;
  role: 'key' | 'value' | 'item' | 'root';
  /** For a key: the mapping that holds it. */
  map?: YAMLMap;
  /** For an item: the sequence that holds it. */
  seq?: YAMLSeq;
}

function keyName(key: unknown): string | undefined {
  return isScalar(key) && key.value !== null && key.value !== undefined ? String(key.value) : undefined;
}

function findScalar(node: unknown, path: Path, hit: (s: Scalar) => boolean): Hit | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      const name = keyName(pair.key);
      if (name === undefined) continue;
      if (isScalar(pair.key) && hit(pair.key)) return { scalar: pair.key, path: [...path, name], role: 'key', map: node };
      if (isScalar(pair.value)) {
        if (hit(pair.value)) return { scalar: pair.value, path: [...path, name], role: 'value' };
      } else {
        const found = findScalar(pair.value, [...path, name], hit);
        if (found) return found;
      }
    }
  } else if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const item = node.items[i];
      if (isScalar(item)) {
        if (hit(item)) return { scalar: item, path: [...path, i], role: 'item', seq: node };
      } else {
        const found = findScalar(item, [...path, i], hit);
        if (found) return found;
      }
    }
  } else if (isScalar(node) && hit(node)) {
    return { scalar: node, path, role: 'root' };
  }
  return undefined;
}

function rangeOf(s: Scalar): [number, number] | undefined {
  return s.range ? [s.range[0], s.range[1]] : undefined;
}

// ---------------------------------------------------------------------------------------------
// Completion

// Inserted at the cursor before parsing, so that even a half-typed line (`  allo`, `    - `, `mode: `)
// yields a scalar at the cursor; yaml's error recovery places it by its indentation.
const MARK = 'OSPOxCURSORx7q';
const WORD = /[\w.+-]/;

function indentUnit(lines: string[]): number {
  let unit = 0;
  for (const line of lines) {
    const indent = /^ */.exec(line)![0].length;
    if (indent > 0 && indent < line.length && !line.trimStart().startsWith('#') && (unit === 0 || indent < unit)) unit = indent;
  }
  return unit > 0 && unit <= 8 ? unit : 2;
}

interface Site {
  /** The text inserted before any completion: a space after `key:` or `-` typed without one. */
  lead: string;
  range: Range;
  /** Whether a colon already follows the word (editing an existing key). */
  colonAfter: boolean;
  unit: number;
  eol: string;
}

function keyItems(site: Site, parent: Path, present: Set<string>, column: number, flow: boolean): CompletionItem[] {
  const items: CompletionItem[] = [];
  keysFor(parent).forEach(({ name, schema }, index) => {
    if (present.has(name)) return;
    const shape = shapeOf(schema);
    const child = site.eol + ' '.repeat(column + site.unit);
    let text = name;
    if (!site.colonAfter) {
      if (flow || shape === 'scalar') text = `${name}: `;
      else if (shape === 'object') text = `${name}:${child}`;
      else text = `${name}:${child}- `;
    }
    const item: CompletionItem = {
      label: name,
      kind: CompletionItemKind.Property,
      detail: describeType(schema),
      sortText: String(index).padStart(3, '0'),
      filterText: name,
      textEdit: { range: site.range, newText: site.lead + text },
      // The indentation is computed here, absolute; the client must not add the line's own again.
      insertTextMode: InsertTextMode.asIs,
    };
    if (schema?.description) item.documentation = { kind: MarkupKind.Markdown, value: schema.description };
    items.push(item);
  });
  return items;
}

function describeType(schema: JsonSchema | undefined): string | undefined {
  if (!schema) return undefined;
  if (Array.isArray(schema.enum)) return schema.enum.map(String).join(' | ');
  if (schema.const !== undefined) return String(schema.const);
  const shape = shapeOf(schema);
  if (shape === 'object') return 'mapping';
  if (shape === 'array') {
    const items = deref(schema.items);
    return Array.isArray(items?.enum) ? `list of ${items!.enum.map(String).join(' | ')}` : 'list';
  }
  return schema.type;
}

let licenseBase: { id: string; detail?: string; documentation?: string; deprecated: boolean }[] | undefined;

function licenseItems(site: Site, exclude: Set<string>, prefix = ''): CompletionItem[] {
  licenseBase ??= knownLicenseIds.map((id) => ({
    id,
    detail: licenseList[id]?.name,
    documentation: licenseMarkdown(id),
    deprecated: isDeprecated(id),
  }));
  const items: CompletionItem[] = [];
  for (const l of licenseBase) {
    if (exclude.has(l.id)) continue;
    const item: CompletionItem = {
      label: l.id,
      kind: CompletionItemKind.Value,
      detail: l.detail ?? 'SPDX license',
      // Deprecated ids after all current ones.
      sortText: (l.deprecated ? '1' : '0') + l.id.toLowerCase(),
      filterText: l.id,
      textEdit: { range: site.range, newText: site.lead + prefix + l.id },
    };
    if (l.documentation) item.documentation = { kind: MarkupKind.Markdown, value: l.documentation };
    if (l.deprecated) item.tags = [CompletionItemTag.Deprecated];
    items.push(item);
  }
  return items;
}

function exceptionItems(site: Site): CompletionItem[] {
  return [...exceptionSet].map((id) => ({
    label: id,
    kind: CompletionItemKind.Value,
    detail: 'SPDX license exception',
    filterText: id,
    documentation: { kind: MarkupKind.Markdown, value: licenseMarkdown(id)! },
    textEdit: { range: site.range, newText: site.lead + id },
  }));
}

function operatorItems(site: Site): CompletionItem[] {
  return ['AND', 'OR', 'WITH'].map((op, i) => ({
    label: op,
    kind: CompletionItemKind.Keyword,
    detail: op === 'WITH' ? 'license exception follows' : `SPDX ${op} expression`,
    sortText: String(i),
    filterText: op,
    textEdit: { range: site.range, newText: site.lead + op + ' ' },
  }));
}

/** Values a scalar at `path` may take: enum members, the const, or true/false. */
function valueItems(site: Site, schema: JsonSchema | undefined, exclude: Set<string>, prefix = ''): CompletionItem[] {
  if (!schema) return [];
  let values: unknown[] = [];
  if (Array.isArray(schema.enum)) values = schema.enum;
  else if (schema.const !== undefined) values = [schema.const];
  else if (schema.type === 'boolean') values = [true, false];
  return values
    .map(String)
    .filter((v) => !exclude.has(v))
    .map((v, i) => {
      const item: CompletionItem = {
        label: v,
        kind: schema.type === 'boolean' ? CompletionItemKind.Value : CompletionItemKind.EnumMember,
        sortText: String(i).padStart(3, '0'),
        filterText: v,
        textEdit: { range: site.range, newText: site.lead + prefix + v },
      };
      if (schema.description) item.documentation = { kind: MarkupKind.Markdown, value: schema.description };
      return item;
    });
}

function seqValues(seq: YAMLSeq | undefined, skip: Scalar): Set<string> {
  const out = new Set<string>();
  for (const item of seq?.items ?? []) if (isScalar(item) && item !== skip && item.value !== null) out.add(String(item.value));
  return out;
}

/** Items of a list at `path`: SPDX ids for license lists, enum members otherwise. */
function listItemCompletions(site: Site, itemPath: Path, exclude: Set<string>, prefix = ''): CompletionItem[] {
  if (licenseField(itemPath) === 'list') return licenseItems(site, exclude, prefix);
  return valueItems(site, schemaFor(itemPath), exclude, prefix);
}

/** Completion in `licenses.project`: an id, an exception after WITH, or an operator after an id. */
function expressionCompletions(site: Site, before: string): CompletionItem[] {
  const previous = /([^\s()]+|[()])\s+$/.exec(before)?.[1] ?? (/\($/.test(before) ? '(' : undefined);
  if (previous === 'WITH') return exceptionItems(site);
  if (previous && previous !== '(' && !operators.has(previous)) return operatorItems(site);
  return licenseItems(site, new Set());
}

export function policyCompletions(doc: TextDocument, position: Position): CompletionItem[] {
  try {
    return completions(doc, position);
  } catch {
    return [];
  }
}

function completions(doc: TextDocument, position: Position): CompletionItem[] {
  const text = doc.getText();
  const offset = doc.offsetAt(position);
  const lineStart = doc.offsetAt({ line: position.line, character: 0 });
  const lineBefore = text.slice(lineStart, offset);
  const lineAfter = text.slice(offset).split(/\r?\n/, 1)[0];

  let start = offset;
  while (start > lineStart && WORD.test(text[start - 1])) start--;
  let end = offset;
  while (end < offset + lineAfter.length && WORD.test(text[end])) end++;
  let partial = text.slice(start, offset);

  // `key:|` or `-|` with no space yet: the completion brings its own.
  let lead = '';
  if (/:$/.test(lineBefore) || /^\s*-$/.test(lineBefore)) {
    lead = ' ';
    partial = '';
    start = end = offset;
  }

  const site: Site = {
    lead,
    range: { start: doc.positionAt(start), end: doc.positionAt(end) },
    colonAfter: /^\s*:(\s|$)/.test(text.slice(end, offset + lineAfter.length)),
    unit: indentUnit(text.split(/\r?\n/)),
    eol: text.includes('\r\n') ? '\r\n' : '\n',
  };

  // On an otherwise empty rest of line, a comment ends the plain scalar: without it, `MARK` followed by
  // a line `ai:` at the same indentation reads as one two-line implicit key.
  const marked = text.slice(0, offset) + lead + MARK + (lineAfter.trim() === '' ? ' #' : '') + text.slice(offset);
  const yaml = parseDocument(marked, { keepSourceTokens: true });
  const hit = findScalar(yaml.contents, [], (s) => {
    const r = rangeOf(s);
    return !!r && r[0] <= offset + lead.length && offset < r[1] && marked.slice(r[0], r[1]).includes(MARK);
  });
  if (!hit) return [];

  const [scalarStart] = rangeOf(hit.scalar)!;
  // The scalar's text before the cursor, without an opening quote.
  const typed = marked.slice(scalarStart, offset).replace(/^["']/, '');
  const isWord = typed === partial;
  // A scalar alone on its line below its key (`headers:` then `  cop`) is where a key or a `- ` item goes.
  const ownLine = scalarStart >= lineStart && /^\s*$/.test(text.slice(lineStart, scalarStart));
  // The column where an inserted key starts, for the indentation of what goes below it.
  const column = start - lineStart + lead.length;

  switch (hit.role) {
    case 'root':
      return isWord && ownLine ? keyItems(site, [], new Set(), column, false) : [];
    case 'key': {
      if (!isWord) return [];
      const present = new Set<string>();
      for (const pair of hit.map!.items) {
        const name = keyName(pair.key);
        if (name !== undefined && !name.includes(MARK)) present.add(name);
      }
      return keyItems(site, hit.path.slice(0, -1), present, column, !!hit.map!.flow);
    }
    case 'item': {
      if (licenseField(hit.path) === 'list' || shapeOf(schemaFor(hit.path)) === 'scalar') {
        return isWord ? listItemCompletions(site, hit.path, seqValues(hit.seq, hit.scalar)) : [];
      }
      // `- ` in a list of mappings (overrides): the first key of a new item.
      return isWord && shapeOf(schemaFor(hit.path)) === 'object' ? keyItems(site, hit.path, new Set(), column, false) : [];
    }
    case 'value': {
      if (licenseField(hit.path) === 'project') {
        return expressionCompletions(site, marked.slice(scalarStart, start).replace(/^["']/, ''));
      }
      if (!isWord) return [];
      const schema = schemaFor(hit.path);
      const shape = shapeOf(schema);
      if (ownLine && shape === 'object') return keyItems(site, hit.path, new Set(), column, false);
      if (ownLine && shape === 'array') return listItemCompletions(site, [...hit.path, 0], new Set(), '- ');
      return shape === 'scalar' ? valueItems(site, schema, new Set()) : [];
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Hover

function formatPath(path: Path): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(key)) out += (out ? '.' : '') + key;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

export function policyHover(doc: TextDocument, position: Position): Hover | null {
  try {
    return hover(doc, position);
  } catch {
    return null;
  }
}

function hover(doc: TextDocument, position: Position): Hover | null {
  const text = doc.getText();
  const offset = doc.offsetAt(position);
  const yaml = parseDocument(text, { keepSourceTokens: true });
  const at = (inclusive: boolean) => (s: Scalar) => {
    const r = rangeOf(s);
    return !!r && r[0] <= offset && (offset < r[1] || (inclusive && offset === r[1]));
  };
  // A position just after a word (keyboard hover at the end of a key) still counts.
  const hit = findScalar(yaml.contents, [], at(false)) ?? findScalar(yaml.contents, [], at(true));
  if (!hit) return null;
  const [from, to] = rangeOf(hit.scalar)!;
  const range = { start: doc.positionAt(from), end: doc.positionAt(to) };

  if (hit.role === 'key') {
    const parent = hit.path.slice(0, -1);
    const name = hit.path[hit.path.length - 1] as string;
    if (!isKnownKey(parent, name)) return null;
    const schema = schemaFor(hit.path);
    const lines = [`**${formatPath(hit.path)}**`];
    const description = schema?.description ?? keysFor(parent).find((k) => k.name === name)?.schema?.description;
    if (description) lines.push(description);
    if (Array.isArray(schema?.enum)) lines.push('Values: ' + schema!.enum.map((v) => `\`${String(v)}\``).join(', '));
    return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') }, range };
  }

  if (licenseField(hit.path)) {
    // The id under the cursor, also inside an expression; `*` belongs to wildcard patterns in the lists.
    const source = text.slice(from, to);
    const re = /[A-Za-z0-9.+:*-]+/g;
    for (let m; (m = re.exec(source));) {
      const a = from + m.index;
      const b = a + m[0].length;
      if (offset < a || offset > b) continue;
      const id = m[0];
      if (operators.has(id)) return null;
      const value = id.includes('*') ? wildcardMarkdown(id) : licenseMarkdown(id);
      if (!value) return null;
      return { contents: { kind: MarkupKind.Markdown, value }, range: { start: doc.positionAt(a), end: doc.positionAt(b) } };
    }
  }
  return null;
}
