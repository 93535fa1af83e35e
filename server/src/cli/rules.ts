// `ospo rules [--json]`: the rule registry (engine/rules/index.ts), as a table or, with --json, all
// of each rule's metadata.

import { docsUrl, rules, type Rule } from '../engine/rules';
import { ruleHelp } from './rule-help';

/** Each rule's metadata as plain data, in the registry's order (SARIF's `ruleIndex`). */
export function rulesJson() {
  return (rules as readonly Rule[]).map(({ meta }) => ({
    id: meta.id,
    scope: meta.scope,
    defaultSeverity: meta.defaultSeverity,
    fixable: meta.fixable,
    headerOnly: !!meta.headerOnly,
    ownTag: !!meta.ownTag,
    reuse: !!meta.reuse,
    wholeFile: !!meta.wholeFile,
    options: meta.options,
    summary: ruleHelp[meta.id]?.summary ?? '',
    docs: docsUrl(meta.id),
    messages: meta.messages,
  }));
}

/** One line per rule: id, scope, default severity and whether fix-all fixes it, in aligned columns. */
export function rulesTable(): string {
  const rows = [['RULE', 'SCOPE', 'SEVERITY', 'FIXABLE'], ...rulesJson().map((r) => [r.id, r.scope, r.defaultSeverity, r.fixable || 'no'])];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ')).join('\n') + '\n';
}

export function runRules(argv: string[], io: { stdout: { write(s: string): unknown }; stderr: { write(s: string): unknown } }): number {
  const unknown = argv.filter((a) => a !== '--json');
  if (unknown.length) {
    io.stderr.write(`ospo: rules takes only --json, not '${unknown[0]}'\n`);
    return 2;
  }
  io.stdout.write(argv.includes('--json') ? JSON.stringify(rulesJson(), null, 2) + '\n' : rulesTable());
  return 0;
}
