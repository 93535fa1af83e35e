// Output adapters over the same findings: text, JSON, SARIF 2.1.0 and GitHub workflow commands.

import type { Finding, Severity } from '../engine/findings';
import { ruleIds } from '../engine/findings';

export interface FileFindings { file: string; findings: Finding[] }
export interface Report { files: number; results: FileFindings[]; skipped: { file: string; reason: string }[] }

export const formats = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof formats)[number];

const docsBase = 'https://github.com/ospo-compliance/ospo-compliance/blob/main/docs/rules';

function rows(report: Report) {
  return report.results.flatMap(({ file, findings }) =>
    findings.map((f) => ({
      file, rule: f.rule, severity: f.severity,
      line: f.range.start.line + 1, column: f.range.start.character + 1,
      endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1,
      message: f.message,
    })),
  );
}

export function formatText(report: Report): string {
  return rows(report).map((r) => `${r.file}:${r.line}:${r.column}: ${r.severity} ${r.rule} ${r.message}\n`).join('');
}

export function formatJson(report: Report): string {
  return JSON.stringify({ version: 1, files: report.files, findings: rows(report), skipped: report.skipped }, null, 2) + '\n';
}

const sarifLevel: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function formatSarif(report: Report, toolVersion: string): string {
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: {
        name: 'ospo', informationUri: 'https://github.com/ospo-compliance/ospo-compliance', version: toolVersion,
        rules: ruleIds.map((id) => ({ id, helpUri: `${docsBase}/${id}.md` })),
      } },
      results: rows(report).map((r) => ({
        ruleId: r.rule,
        level: sarifLevel[r.severity],
        message: { text: r.message },
        locations: [{ physicalLocation: {
          artifactLocation: { uri: r.file.split('\\').join('/') },
          region: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn },
        } }],
      })),
    }],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

// GitHub workflow commands need their property values and messages escaped.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
const githubLevel: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

export function formatGithub(report: Report): string {
  return rows(report).map((r) =>
    `::${githubLevel[r.severity]} file=${escapeProperty(r.file)},line=${r.line},col=${r.column},endLine=${r.endLine},endColumn=${r.endColumn},title=${escapeProperty(r.rule)}::${escapeData(r.message)}\n`,
  ).join('');
}
