// Reads one policy file: YAML with positions, the JSON Schema, then what a schema cannot say
// (regexes compile, SPDX ids exist). Every problem is located at its own line and column, and
// says how to fix it. Extends entries are returned for the caller to read (io/policy-source.ts).

import type { ErrorObject } from 'ajv';
import { Composer, isCollection, isMap, isPair, isScalar, Lexer, LineCounter, Parser, Document, Node as YamlNode, Pair, YAMLParseError } from 'yaml';
import type { CST } from 'yaml';
import { closest } from '../closest';
import { isIsoDate, todayIso } from '../dates';
import { exceptionStatus, expiringWithinDays } from '../exceptions';
import { message } from '../messages';
import { globProblem, wildcard } from '../glob';
import { checkExpression, Problem } from '../spdx/check';
import { knownLicenseIds } from '../spdx/ids';
import type { RawException, RawPolicy, RawSections } from './model';
import { policyRegexProblem } from './safe-regex';
import { keysAt, validate } from './schema';

export interface PolicyProblem {
  /** `info`: nothing is wrong yet (an exception that expires soon). */
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** 0-based. */
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

export interface ExtendsEntry {
  source: string;
  sha256?: string;
  at: PolicyProblem;
}

export type PolicyRange = Omit<PolicyProblem, 'severity' | 'message'>;

export interface ParsedPolicy {
  /** Undefined when the file has errors. */
  raw?: RawPolicy;
  problems: PolicyProblem[];
  extends: ExtendsEntry[];
  /** Where a value is in the file, by its YAML path (`['licenses', 'allow', 0]`), for problems found later (merging with a base). */
  locate: (path: Path) => PolicyRange;
}

/** Larger policy files are refused: a policy is a page of YAML, not a data set. */
export const maxPolicyBytes = 256 * 1024;
/** Collections nested deeper are refused before the YAML is built (a real policy nests about 5 deep). */
export const maxPolicyDepth = 64;
/** How many times YAML aliases (*name) may be expanded: caps "billion laughs" files. */
export const maxPolicyAliases = 50;

export type Path = (string | number)[];

class Locator {
  readonly lines = new LineCounter();
  doc!: Document.Parsed;

  span(range: readonly number[] | null | undefined): PolicyRange {
    const [start, end] = range ?? [0, 0];
    const s = this.lines.linePos(start);
    const e = this.lines.linePos(Math.max(start, end));
    return { line: s.line - 1, character: s.col - 1, endLine: e.line - 1, endCharacter: e.col - 1 };
  }

  node(path: Path): YamlNode | undefined {
    return (path.length ? this.doc.getIn(path, true) : this.doc.contents) as YamlNode | undefined;
  }

  /** The key of `key` in the map at `path`, for problems about the key itself. */
  keyNode(path: Path, key: string): YamlNode | undefined {
    const map = this.node(path);
    if (!isMap(map)) return undefined;
    const pair = map.items.find((p: Pair) => isScalar(p.key) && String(p.key.value) === key);
    return pair && isPair(pair) ? (pair.key as YamlNode) : undefined;
  }
}

// Keys that are not plain names (".foo", "a b") are quoted, so the path stays readable.
const display = (path: Path) =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : !/^[A-Za-z_][\w-]*$/.test(p) ? `[${JSON.stringify(p)}]` : i ? `.${p}` : p)).join('') || 'the policy';

function parsePointer(pointer: string): Path {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

const typeWords: Record<string, string> = {
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  string: 'text',
};

function schemaProblems(errors: ErrorObject[], at: Locator): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const seenNames = new Set<string>();
  for (const e of errors) {
    const path = parsePointer(e.instancePath);
    const where = display(path);
    const push = (severity: 'error' | 'warning', node: YamlNode | undefined, message: string) =>
      problems.push({ severity, message, ...at.span(node?.range ?? at.node(path)?.range) });

    if (e.keyword === 'additionalProperties' || (e.keyword === 'enum' && e.propertyName) || e.keyword === 'propertyNames') {
      const name =
        e.keyword === 'additionalProperties'
          ? (e.params as { additionalProperty: string }).additionalProperty
          : (e.propertyName ?? (e.params as { propertyName?: string }).propertyName)!;
      if (seenNames.has(`${where}/${name}`)) continue;
      seenNames.add(`${where}/${name}`);
      const options = keysAt(path).map((k) => k.name);
      const guess = closest(name, options);
      const what = where === 'severity' ? 'rule id' : 'key';
      // In an exception an unknown key is an error: a misspelt `expires` would keep a time-limited decision in force for ever.
      const inException = path.length === 2 && path[0] === 'exceptions' && typeof path[1] === 'number';
      push(
        inException ? 'error' : 'warning',
        at.keyNode(path, name),
        `Unknown ${what} '${name}' in ${where}: ${guess ? `did you mean '${guess}'?` : `expected one of ${options.join(', ')}`}`,
      );
      continue;
    }
    if (anyOfPaths.has(e.instancePath) && e.keyword !== 'anyOf') continue;
    const p = e.params as Record<string, unknown>;
    switch (e.keyword) {
      case 'anyOf':
        // Deeper errors say more; and unknown keys alone are warnings, which must not make the policy unusable.
        if (errors.some((x) => x !== e && x.instancePath.startsWith(e.instancePath + '/'))) continue;
        if (errors.some((x) => x.instancePath === e.instancePath && x.keyword === 'additionalProperties')) continue;
        push('error', undefined, `${where}: write a path or URL as text, or { source: …, sha256: … }`);
        break;
      case 'type':
        push('error', undefined, `'${where}' must be ${typeWords[String(p.type)] ?? p.type}`);
        break;
      case 'enum':
        push('error', undefined, `'${where}' must be one of: ${(p.allowedValues as unknown[]).join(', ')}`);
        break;
      case 'const':
        {
          const node = at.node(path);
          const quoted = isScalar(node) && typeof node.value === 'string' && node.value === String(p.allowedValue);
          push('error', undefined, `'${where}' must be ${JSON.stringify(p.allowedValue)}${quoted ? ' (a number: remove the quotes)' : ''}`);
          break;
        }
        break;
      case 'minimum':
      case 'maximum':
        push('error', undefined, `'${where}' must be ${e.keyword === 'minimum' ? 'at least' : 'at most'} ${p.limit}`);
        break;
      case 'minLength':
        push('error', undefined, `'${where}' must not be empty`);
        break;
      case 'pattern':
        push(
          'error',
          undefined,
          where.endsWith('sha256') ? `'${where}' must be 64 hexadecimal digits (the SHA-256 of the file)` : `'${where}' must match ${p.pattern}`,
        );
        break;
      case 'required':
        push('error', undefined, `${where} needs '${p.missingProperty}'`);
        break;
      default:
        push('error', undefined, `'${where}' ${e.message}`);
    }
  }
  return problems;
}

function describeProblem(problem: Problem): string {
  switch (problem.kind) {
    case 'empty':
      return 'it is empty';
    case 'prose':
      return `did you mean '${problem.suggestion}'?`;
    case 'wrong-case':
      return `write '${problem.canonical}'`;
    case 'unknown-id':
      return `unknown license ${problem.token.exception ? 'exception' : 'id'} '${problem.token.id}'${problem.suggestion ? `: did you mean '${problem.suggestion}'?` : ''}`;
    case 'syntax':
      return problem.detail;
  }
}

function semanticProblems(raw: RawPolicy, at: Locator): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const push = (severity: 'error' | 'warning', path: Path, message: string) => problems.push({ severity, message, ...at.span(at.node(path)?.range) });

  const regex = (path: Path, value: unknown) => {
    if (typeof value !== 'string') return;
    const problem = policyRegexProblem(value);
    if (problem) push('error', path, `Invalid regular expression in '${display(path)}': ${problem}`);
  };
  const licenseList = (path: Path, list: unknown) => {
    if (!Array.isArray(list)) return;
    list.forEach((entry, i) => {
      if (typeof entry !== 'string') return;
      if (entry.includes('*')) {
        if (!knownLicenseIds.some(wildcard(entry))) push('error', [...path, i], `'${entry}' matches no SPDX license id: see https://spdx.org/licenses/`);
        return;
      }
      if (/\s(AND|OR)\s/.test(entry)) {
        push('error', [...path, i], `'${entry}': list single licenses here, not expressions with AND or OR`);
        return;
      }
      const [problem] = checkExpression(entry).problems;
      if (!problem) return;
      const hint =
        problem.kind === 'prose'
          ? `: did you mean '${problem.suggestion}'?`
          : problem.kind === 'wrong-case'
            ? `: write '${problem.canonical}'`
            : problem.kind === 'unknown-id' && problem.suggestion
              ? `: did you mean '${problem.suggestion}'?`
              : ': see https://spdx.org/licenses/';
      push('error', [...path, i], `Unknown SPDX license id '${entry}'${hint}`);
    });
  };
  const globList = (path: Path, list: unknown) => {
    if (!Array.isArray(list)) return;
    list.forEach((entry, i) => {
      const problem = typeof entry === 'string' && entry ? globProblem(entry) : undefined;
      if (problem) push('error', [...path, i], `Invalid glob '${entry}' in '${display(path)}': ${problem}`);
    });
  };
  const sections = (s: RawSections | undefined, base: Path) => {
    if (!s) return;
    for (const key of ['include', 'exclude', 'thirdParty'] as const) globList([...base, 'files', key], s.files?.[key]);
    regex([...base, 'headers', 'copyright', 'holder'], s.headers?.copyright?.holder);
    regex([...base, 'licenses', 'reviewEvidence'], s.licenses?.reviewEvidence);
    regex([...base, 'ai', 'reviewer', 'pattern'], s.ai?.reviewer?.pattern);
    regex([...base, 'ai', 'approvalPattern'], s.ai?.approvalPattern);
    for (const tier of ['allow', 'review', 'deny'] as const) licenseList([...base, 'licenses', tier], s.licenses?.[tier]);
    const project = s.licenses?.project;
    if (typeof project === 'string') {
      const [problem] = checkExpression(project).problems;
      if (problem) push('error', [...base, 'licenses', 'project'], `'licenses.project' is not a valid SPDX expression: ${describeProblem(problem)}`);
    }
    const deny = Array.isArray(s.licenses?.deny) ? s.licenses!.deny.filter((d): d is string => typeof d === 'string') : [];
    (Array.isArray(s.licenses?.allow) ? s.licenses!.allow : []).forEach((id, i) => {
      if (typeof id !== 'string') return;
      const by = deny.find((d) => d === id || (d.includes('*') && wildcard(d)(id)));
      if (by)
        push(
          'warning',
          [...base, 'licenses', 'allow', i],
          `'${id}' is both allowed and denied${by !== id ? ` (by '${by}')` : ''}: deny wins; remove it from allow or deny`,
        );
    });
  };
  sections(raw, []);
  // Each exception: what it silences, where, and its dates (docs/design/policy.md, "exceptions").
  (Array.isArray(raw.exceptions) ? raw.exceptions : []).forEach((e, i) => {
    if (!e || typeof e !== 'object') return;
    const entry: Path = ['exceptions', i];
    const where = display(entry);
    if (e.rules !== undefined && e.rule !== undefined) push('error', [...entry, 'rule'], `${where}: write 'rules' or 'rule', not both`);
    else if (e.rules === undefined && e.rule === undefined)
      push('error', entry, `${where} needs 'rules': the rule ids whose findings it silences, e.g. rules: [license-denied]`);
    else if (Array.isArray(e.rules) && !e.rules.length) push('error', [...entry, 'rules'], `'${where}.rules' must name at least one rule id`);
    const named: [unknown, Path][] = Array.isArray(e.rules) ? e.rules.map((id, k) => [id, [...entry, 'rules', k]]) : [[e.rule, [...entry, 'rule']]];
    for (const [id, path] of named) {
      if (typeof id !== 'string' || !id || ruleIds().includes(id)) continue;
      const guess = closest(id, ruleIds());
      push('error', path, `Unknown rule id '${id}' in ${where}: ${guess ? `did you mean '${guess}'?` : 'see docs/rules/'}`);
    }
    if (e.paths === undefined && e.licenses === undefined)
      push('error', entry, `${where} needs 'paths' or 'licenses' (or both): an exception must say where it applies`);
    globList([...entry, 'paths'], e.paths);
    licenseList([...entry, 'licenses'], e.licenses);
    for (const key of ['date', 'expires'] as const) {
      const value = e[key];
      if (typeof value === 'string' && value && !isIsoDate(value))
        push(
          'error',
          [...entry, key],
          /^\d{4}-\d{2}-\d{2}$/.test(value)
            ? `'${where}.${key}' is not a real calendar date: '${value}' has no such month or day`
            : `'${where}.${key}' must be a date written YYYY-MM-DD, e.g. 2026-03-01`,
        );
    }
    if (typeof e.date === 'string' && typeof e.expires === 'string' && isIsoDate(e.date) && isIsoDate(e.expires) && e.expires < e.date)
      push('error', [...entry, 'expires'], `${where} expires on ${e.expires}, before it was approved on ${e.date}`);
  });
  const seen = new Map<string, number>();
  (Array.isArray(raw.exceptions) ? raw.exceptions : []).forEach((e, i) => {
    const id = exceptionName(e);
    if (id === undefined) return;
    if (seen.has(id)) push('warning', ['exceptions', i], `Two exceptions are named '${id}' (the other is exceptions[${seen.get(id)}]): give each its own id`);
    else seen.set(id, i);
  });
  // The schema has already reported a non-list; a half-typed `overrides:` must not throw here.
  (Array.isArray(raw.overrides) ? raw.overrides : []).forEach((o, i) => {
    if (!o || typeof o !== 'object') return;
    globList(['overrides', i, 'paths'], o.paths);
    sections(o, ['overrides', i]);
  });
  return problems;
}

let knownRules: string[] | undefined;
/** The rule ids, from the schema's severity table (written from the rule registry by scripts/rule-help.mjs). */
const ruleIds = () => (knownRules ??= keysAt(['severity']).map((k) => k.name));

/** What an exception is called: its id, else its ref; undefined when neither is text. */
function exceptionName(e: RawException | undefined): string | undefined {
  if (!e || typeof e !== 'object') return undefined;
  const id = typeof e.id === 'string' ? e.id : typeof e.ref === 'string' ? e.ref : undefined;
  return id || undefined;
}

/**
 * What the date says of the policy's exceptions on `today` (YYYY-MM-DD): an expired one is a warning,
 * at its `expires`, since its findings are back; one that expires within 30 days is an info. In the
 * user's language, as the findings that come back are.
 */
function exceptionDateProblems(raw: RawPolicy, today: string, at: Locator): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  (Array.isArray(raw.exceptions) ? raw.exceptions : []).forEach((e, i) => {
    const id = exceptionName(e);
    if (id === undefined || typeof e.expires !== 'string' || !isIsoDate(e.expires)) return;
    const status = exceptionStatus(e, today);
    if (status === 'in-force') return;
    const range = at.span(at.node(['exceptions', i, 'expires'])?.range);
    problems.push(
      status === 'expired'
        ? { severity: 'warning', message: message('exception.expired', { id, date: e.expires }), ...range }
        : { severity: 'info', message: message('exception.expiring', { id, date: e.expires, days: String(expiringWithinDays) }), ...range },
    );
  });
  return problems;
}

// The yaml package's messages are written for programmers; these say what to do in the file.
function yamlErrorMessage(code: string, message: string, source: string): string {
  if (code === 'DUPLICATE_KEY') return `the key '${source.trim().replace(/^["']|["']$/g, '')}' appears twice in this mapping: merge the two into one`;
  if (code === 'MULTIPLE_DOCS') return 'a policy file holds one YAML document: merge the documents and remove this `---`';
  return message.split('\n')[0];
}

class TooDeep extends Error {
  constructor(readonly offset: number) {
    super('too deep');
  }
}

// parseDocument, with the parser's nesting watched token by token: the yaml package's parser and
// composer slow down (and the composer overflows the stack) on deep nesting, so a file like
// `a: [[[[…` is refused before it is built.
function* boundedTokens(text: string, parser: Parser): Generator<CST.Token> {
  for (const lexeme of new Lexer().lex(text)) {
    yield* parser.next(lexeme);
    // The stack holds the document, then one entry per open collection (and the scalar being read).
    if (parser.stack.length > maxPolicyDepth + 2) throw new TooDeep(parser.offset);
  }
  yield* parser.end();
}

function parseBounded(text: string, at: Locator): Document.Parsed {
  // uniqueKeys is checked below in linear time: the package compares every pair of keys.
  const composer = new Composer({ uniqueKeys: false, logLevel: 'error' });
  const parser = new Parser(at.lines.addNewLine);
  at.lines.addNewLine(0);
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(boundedTokens(text, parser), true, text.length)) {
    if (!doc) {
      doc = next;
      continue;
    }
    doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
    break;
  }
  return doc!;
}

function duplicateKeys(doc: Document.Parsed, text: string, at: Locator): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const todo: unknown[] = [doc.contents];
  while (todo.length) {
    const node = todo.pop();
    if (!isCollection(node)) continue;
    const seen = new Set<string>();
    for (const item of node.items as unknown[]) {
      if (!isPair(item)) {
        todo.push(item);
        continue;
      }
      todo.push(item.key, item.value);
      if (!isMap(node) || !isScalar(item.key)) continue;
      const id = `${typeof item.key.value}:${String(item.key.value)}`;
      if (!seen.has(id)) {
        seen.add(id);
        continue;
      }
      const start = item.key.range?.[0] ?? 0;
      problems.push({
        severity: 'error',
        message: `YAML syntax error: ${yamlErrorMessage('DUPLICATE_KEY', '', /^[^:\n]*/.exec(text.slice(start))![0])}`,
        ...at.span([start, start + 1]),
      });
    }
  }
  return problems;
}

const utf8Length = (text: string) => (typeof Buffer !== 'undefined' ? Buffer.byteLength(text, 'utf8') : new TextEncoder().encode(text).length);

/**
 * A key path as `display` writes it (`licenses.deny[2]`, `headers.languages[".foo"]`), back to a Path.
 * Undefined for text that is not one.
 */
export function parseKeyPath(text: string): Path | undefined {
  const path: Path = [];
  const step = /(?:^|\.)([A-Za-z_][\w-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  for (let at = 0; at < text.length;) {
    step.lastIndex = at;
    const m = step.exec(text);
    if (!m) return undefined;
    path.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : (JSON.parse(m[3]) as string)));
    at = step.lastIndex;
  }
  return path;
}

/**
 * Where each key path is in a policy text, by the same YAML reading that locates its problems: the
 * key's own line for a mapping key (`licenses.allow` is the line that says `allow:`), the entry's for a
 * list index. Undefined for a path the text does not have, or a text YAML cannot read. For `ospo policy
 * render`, whose statements each link to their line (docs/design/policy-render.md).
 */
export function policyLocator(text: string): (path: Path | string) => PolicyRange | undefined {
  const at = new Locator();
  try {
    at.doc = parseBounded(text, at);
  } catch {
    return () => undefined;
  }
  if (at.doc.errors.length) return () => undefined;
  return (given) => {
    const path = typeof given === 'string' ? parseKeyPath(given) : given;
    if (!path?.length) return undefined;
    const last = path[path.length - 1];
    const node = typeof last === 'string' ? at.keyNode(path.slice(0, -1), last) : at.node(path);
    return node?.range ? at.span(node.range) : undefined;
  };
}

/** `today` (YYYY-MM-DD, default today) dates the policy's exceptions: expired ones and those about to expire are said. */
export function parsePolicy(text: string, today: string = todayIso()): ParsedPolicy {
  const at = new Locator();
  return { ...parseWith(text, at, today), locate: (path) => at.span(at.doc ? at.node(path)?.range : undefined) };
}

function parseWith(text: string, at: Locator, today: string): Omit<ParsedPolicy, 'locate'> {
  const refuse = (message: string, range?: readonly number[] | null): Omit<ParsedPolicy, 'locate'> => ({
    problems: [{ severity: 'error', message, ...(range ? at.span(range) : { line: 0, character: 0, endLine: 0, endCharacter: 0 }) }],
    extends: [],
  });
  // Characters never outnumber UTF-8 bytes, so the exact count is needed only near the limit.
  if (text.length > maxPolicyBytes || (text.length * 3 > maxPolicyBytes && utf8Length(text) > maxPolicyBytes)) {
    return refuse(`The policy file is larger than ${maxPolicyBytes / 1024} KiB: a policy should be a page of YAML`);
  }
  try {
    at.doc = parseBounded(text, at);
  } catch (err) {
    if (!(err instanceof TooDeep)) throw err;
    return refuse(`The policy nests lists and mappings more than ${maxPolicyDepth} levels deep: a policy needs a few levels`, [err.offset, err.offset + 1]);
  }
  const problems: PolicyProblem[] = at.doc.errors.map((err) => ({
    severity: 'error' as const,
    message: `YAML syntax error: ${yamlErrorMessage(err.code, err.message, /^[^:\n]*/.exec(text.slice(err.pos[0]))![0])}`,
    ...at.span(err.pos),
  }));
  problems.push(...duplicateKeys(at.doc, text, at));
  if (problems.length) return { problems: problems.sort((a, b) => a.line - b.line || a.character - b.character), extends: [] };

  let value: unknown;
  try {
    // Aliases are capped so that a "billion laughs" file cannot expand without bound.
    value = at.doc.toJS({ maxAliasCount: maxPolicyAliases });
  } catch (err) {
    const reason = /alias/i.test((err as Error).message) ? 'its YAML aliases (*name) expand too much: write the values out instead' : (err as Error).message;
    return { problems: [{ severity: 'error', message: `The policy cannot be read: ${reason}`, ...at.span(at.doc.contents?.range) }], extends: [] };
  }
  if (value === null || value === undefined) return { raw: {}, problems: [], extends: [] };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return {
      problems: [{ severity: 'error', message: 'A policy file is a YAML mapping: start with `version: 1`', ...at.span(at.doc.contents?.range) }],
      extends: [],
    };
  }
  problems.push(...schemaProblems(validate(value), at));
  const raw = value as RawPolicy;
  problems.push(...semanticProblems(raw, at), ...exceptionDateProblems(raw, today, at));
  const ext: ExtendsEntry[] = [];
  (Array.isArray(raw.extends) ? raw.extends : []).forEach((entry, i) => {
    const source = typeof entry === 'string' ? entry : entry?.source;
    if (typeof source !== 'string') return;
    ext.push({
      source,
      sha256: typeof entry === 'object' ? entry.sha256 : undefined,
      at: { severity: 'error', message: '', ...at.span(at.node(['extends', i])?.range) },
    });
  });
  problems.sort((a, b) => a.line - b.line || a.character - b.character);
  return { raw: problems.some((p) => p.severity === 'error') ? undefined : raw, problems, extends: ext };
}
