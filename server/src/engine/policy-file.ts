// Reads `.ospo/policy.yaml` into a Policy. Every problem is located (line and column in the policy
// file) so the editor can show it there; the caller keeps its last good policy when there are errors.
// Issue 3 grows this into full JSON-Schema validation, `extends` and overrides.

import { isMap, isScalar, isSeq, LineCounter, parseDocument, Node as YamlNode, Pair, YAMLMap } from 'yaml';
import { defaultPolicy, Policy, YearRule } from './policy';
import type { SeverityOrOff } from './findings';

export interface PolicyProblem {
  severity: 'error' | 'warning';
  message: string;
  /** 0-based. */
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

export interface PolicyLoad {
  /** Undefined when the file has errors: keep using the previous policy. */
  policy?: Policy;
  problems: PolicyProblem[];
}

const knownTopLevel = ['version', 'policy', 'extends', 'files', 'licenses', 'headers', 'ai', 'overrides', 'severity'];
const severities = ['error', 'warning', 'info', 'hint', 'off'];
const yearRules = ['any', 'current', 'range-to-current', 'none'];

export function loadPolicy(text: string, source: string): PolicyLoad {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: PolicyProblem[] = [];
  const at = (node: { range?: [number, number, number?] | null } | undefined | null, severity: 'error' | 'warning', msg: string) => {
    const [start, end] = node?.range ?? [0, 0];
    const s = lineCounter.linePos(start);
    const e = lineCounter.linePos(Math.max(start, end));
    problems.push({ severity, message: msg, line: s.line - 1, character: s.col - 1, endLine: e.line - 1, endCharacter: e.col - 1 });
  };
  for (const err of doc.errors) {
    const s = lineCounter.linePos(err.pos[0]);
    const e = lineCounter.linePos(err.pos[1]);
    problems.push({ severity: 'error', message: `YAML syntax error: ${err.message.split('\n')[0]}`, line: s.line - 1, character: s.col - 1, endLine: e.line - 1, endCharacter: e.col - 1 });
  }
  if (problems.length) return { problems };

  const policy = defaultPolicy();
  policy.source = source;
  const root = doc.contents;
  if (root === null || root === undefined || (isScalar(root) && root.value === null)) return { policy, problems };
  if (!isMap(root)) {
    at(root, 'error', 'A policy file is a YAML mapping: start with `version: 1`');
    return { problems };
  }

  const keyNode = (pair: Pair) => (isScalar(pair.key) ? pair.key : undefined);
  const entries = (map: YAMLMap, known: string[], where: string) => {
    const out = new Map<string, YamlNode>();
    for (const pair of map.items) {
      const key = keyNode(pair);
      const name = String(key?.value);
      if (!known.includes(name)) {
        at(key, 'warning', `Unknown key '${name}' in ${where}: expected one of ${known.join(', ')}`);
        continue;
      }
      out.set(name, pair.value as YamlNode);
    }
    return out;
  };
  const asMap = (node: YamlNode | undefined, what: string): YAMLMap | undefined => {
    if (node === undefined || node === null) return undefined;
    if (isMap(node)) return node;
    at(node, 'error', `'${what}' must be a mapping`);
    return undefined;
  };
  const scalar = <T>(node: YamlNode | undefined, what: string, test: (v: unknown) => v is T, expect: string): T | undefined => {
    if (!node) return undefined;
    if (isScalar(node) && test(node.value)) return node.value;
    at(node, 'error', `'${what}' must be ${expect}`);
    return undefined;
  };
  const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
  const isString = (v: unknown): v is string => typeof v === 'string';
  const isPositive = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;
  const stringList = (node: YamlNode | undefined, what: string): string[] | undefined => {
    if (!node) return undefined;
    if (isSeq(node) && node.items.every((i) => isScalar(i) && typeof i.value === 'string')) {
      return node.items.map((i) => String((i as { value: unknown }).value));
    }
    at(node, 'error', `'${what}' must be a list of strings`);
    return undefined;
  };

  const top = entries(root, knownTopLevel, 'the policy');
  const version = top.get('version');
  if (version && !(isScalar(version) && version.value === 1)) at(version, 'error', "'version' must be 1");

  const headers = asMap(top.get('headers'), 'headers');
  if (headers) {
    const h = entries(headers, ['required', 'maxLine', 'copyright', 'template', 'languages'], 'headers');
    policy.headers.required = scalar(h.get('required'), 'headers.required', isBool, 'true or false') ?? policy.headers.required;
    policy.headers.maxLine = scalar(h.get('maxLine'), 'headers.maxLine', isPositive, 'a whole number above 0') ?? policy.headers.maxLine;
    const template = scalar(h.get('template'), 'headers.template', isString, 'text');
    if (template !== undefined) policy.headers.template = template;
    const copyright = asMap(h.get('copyright'), 'headers.copyright');
    if (copyright) {
      const c = entries(copyright, ['required', 'holder', 'year'], 'headers.copyright');
      policy.headers.copyright.required = scalar(c.get('required'), 'headers.copyright.required', isBool, 'true or false') ?? policy.headers.copyright.required;
      const holder = scalar(c.get('holder'), 'headers.copyright.holder', isString, 'a regular expression');
      if (holder !== undefined) {
        try { new RegExp(holder); policy.headers.copyright.holder = holder; } catch (e) { at(c.get('holder'), 'error', `Invalid regular expression: ${(e as Error).message}`); }
      }
      const year = scalar(c.get('year'), 'headers.copyright.year', (v): v is YearRule => typeof v === 'string' && yearRules.includes(v), `one of ${yearRules.join(', ')}`);
      if (year) policy.headers.copyright.year = year;
    }
    const languages = asMap(h.get('languages'), 'headers.languages');
    if (languages) {
      for (const pair of languages.items) {
        const style = asMap(pair.value as YamlNode, `headers.languages.${String(keyNode(pair)?.value)}`);
        if (!style) continue;
        const s = entries(style, ['line', 'start', 'middle', 'end'], 'a comment style');
        const get = (k: string) => scalar(s.get(k), k, isString, 'text');
        policy.headers.languages[String(keyNode(pair)?.value)] = { line: get('line'), start: get('start'), middle: get('middle'), end: get('end') };
      }
    }
  }

  const licenses = asMap(top.get('licenses'), 'licenses');
  if (licenses) {
    const l = entries(licenses, ['project', 'allow', 'review', 'deny', 'reviewEvidence'], 'licenses');
    policy.licenses.project = scalar(l.get('project'), 'licenses.project', isString, 'an SPDX expression');
  }

  const files = asMap(top.get('files'), 'files');
  if (files) {
    const f = entries(files, ['include', 'exclude', 'respectGitignore', 'thirdParty', 'generated'], 'files');
    policy.files.include = stringList(f.get('include'), 'files.include') ?? policy.files.include;
    policy.files.exclude = stringList(f.get('exclude'), 'files.exclude') ?? policy.files.exclude;
  }

  const severity = asMap(top.get('severity'), 'severity');
  if (severity) {
    for (const pair of severity.items) {
      const value = scalar(pair.value as YamlNode, `severity.${String(keyNode(pair)?.value)}`, (v): v is SeverityOrOff => typeof v === 'string' && severities.includes(v), severities.join(', '));
      if (value) policy.severity[String(keyNode(pair)?.value)] = value;
    }
  }

  return problems.some((p) => p.severity === 'error') ? { problems } : { policy, problems };
}
