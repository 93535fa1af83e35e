// REUSE in the editor: problems in REUSE.toml and .reuse/dep5 as you type, the fixes that create
// files (license texts, .license sidecars, REUSE.toml entries, the dep5 conversion), and where a
// file's licensing comes from, for the hover, the CodeLens and the status item.

import * as path from 'node:path';
import { existsSync } from 'node:fs';
import { readMetadataSync } from '../io/metadata-file';
import { CodeAction, CodeActionKind, CreateFile, Diagnostic, DiagnosticSeverity, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { CheckResult } from '../engine/check';
import type { FixContext } from '../engine/context';
import { renderTemplate } from '../engine/fixes';
import { message } from '../engine/messages';
import type { Policy } from '../engine/policy/model';
import { dep5ToReuseToml, parseDep5 } from '../engine/reuse/dep5';
import { licenseText } from '../io/license-texts';
import type { EffectiveLicensing, LicensingValue } from '../engine/reuse/licensing';
import { parseReuseToml, TomlProblem } from '../engine/reuse/reuse-toml';
import { DiagnosticSource } from '../../../shared/protocol';
import { sameRange } from './code-actions';

const docs = 'https://github.com/ospo-compliance/ospo-compliance/blob/main/docs/rules/reuse-invalid.md';

function problemDiagnostic(p: TomlProblem): Diagnostic {
  return {
    range: { start: { line: p.line, character: p.character }, end: { line: p.line, character: Number.MAX_SAFE_INTEGER } },
    severity: p.severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error,
    code: 'reuse-invalid',
    codeDescription: { href: docs },
    source: DiagnosticSource,
    message: p.message,
  };
}

/** Diagnostics for a REUSE.toml or `.reuse/dep5` being edited; undefined for other files. */
export function reuseMetadataDiagnostics(doc: TextDocument, rel: string): Diagnostic[] | undefined {
  const name = rel.slice(rel.lastIndexOf('/') + 1);
  if (name === 'REUSE.toml') return parseReuseToml(doc.getText(), rel).problems.map(problemDiagnostic);
  if (rel === '.reuse/dep5') {
    return [
      ...parseDep5(doc.getText(), rel).problems.map(problemDiagnostic),
      problemDiagnostic({ message: '.reuse/dep5 is deprecated since REUSE 3.2: convert it to REUSE.toml', line: 0, character: 0, severity: 'warning' }),
    ];
  }
  return undefined;
}

const create = (uri: string, text: string): (CreateFile | TextDocumentEdit)[] => [
  { kind: 'create', uri, options: { ignoreIfExists: true } },
  { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text }] },
];

/** Appends to a file (its open buffer when it is open, with that version), or creates it: the edit for REUSE.toml. */
function appendOrCreate(abs: string, text: string, header: string, openDocument: (uri: string) => TextDocument | undefined): (CreateFile | TextDocumentEdit)[] {
  const uri = URI.file(abs).toString();
  const open = openDocument(uri);
  if (!open && !existsSync(abs)) return create(uri, header + text);
  // REUSE.toml as it is on disk: a regular file only, so a link never points the edit elsewhere.
  const current = open ? open.getText() : readMetadataSync(abs)?.toString('utf8');
  if (current === undefined) return [];
  const lines = current.split('\n');
  const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
  return [
    {
      textDocument: { uri, version: open ? open.version : null },
      edits: [{ range: { start: end, end }, newText: (current.endsWith('\n') || !current ? '' : '\n') + '\n' + text }],
    },
  ];
}

const tomlString = (s: string) => JSON.stringify(s);

export interface ReuseActionInput {
  doc: TextDocument;
  root: string;
  rel: string;
  result: CheckResult;
  policy: Policy;
  ctx: FixContext;
  diagnostics: Diagnostic[];
  openDocument: (uri: string) => TextDocument | undefined;
}

/** Quick fixes that create or change other files than the document. */
export function reuseActions({ doc, root, rel, result, policy, ctx, diagnostics, openDocument }: ReuseActionInput): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== DiagnosticSource) continue;
    const finding = result.findings.find((f) => f.rule === d.code && sameRange(d, f));
    if (finding?.fix?.kind === 'create-license-text') {
      const text = licenseText(finding.fix.id);
      const target = path.join(root, 'LICENSES', `${finding.fix.id}.txt`);
      // Created, never prepended to a file that is there already.
      if (!text || existsSync(target)) continue;
      const uri = URI.file(target).toString();
      actions.push({
        title: message('fix.create-license-text', { id: finding.fix.id }),
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: true,
        edit: { documentChanges: create(uri, text.endsWith('\n') ? text : text + '\n') },
      });
    }
    // A file that cannot carry a comment, or whose sidecar is missing its tags: license it from outside.
    if (finding?.rule === 'header-missing' && result.file && (!result.file.style || result.file.hasSidecar)) {
      const name = rel.slice(rel.lastIndexOf('/') + 1);
      const lines = renderTemplate(policy, ctx);
      if (!result.file.hasSidecar && !existsSync(path.join(root, rel + '.license'))) {
        const uri = URI.file(path.join(root, rel + '.license')).toString();
        actions.push({
          title: message('fix.create-sidecar', { file: name }),
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: true,
          edit: { documentChanges: create(uri, lines.join('\n') + '\n') },
        });
      }
      const get = (key: string) =>
        lines
          .find((l) => l.startsWith(key + ':'))
          ?.slice(key.length + 1)
          .trim();
      const table = [
        '[[annotations]]',
        `path = ${tomlString(rel.replace(/[*\\]/g, (c) => '\\' + c))}`,
        ...(get('SPDX-FileCopyrightText') ? [`SPDX-FileCopyrightText = ${tomlString(get('SPDX-FileCopyrightText')!)}`] : []),
        ...(get('SPDX-License-Identifier') ? [`SPDX-License-Identifier = ${tomlString(get('SPDX-License-Identifier')!)}`] : []),
        '',
      ].join('\n');
      const edit: WorkspaceEdit = { documentChanges: appendOrCreate(path.join(root, 'REUSE.toml'), table, 'version = 1\n\n', openDocument) };
      actions.push({ title: message('fix.add-to-reuse-toml', { file: name }), kind: CodeActionKind.QuickFix, diagnostics: [d], edit });
    }
  }
  // Converting next to an existing REUSE.toml would write a second one into it: merging is the user's.
  if (rel === '.reuse/dep5' && !existsSync(path.join(root, 'REUSE.toml')) && !openDocument(URI.file(path.join(root, 'REUSE.toml')).toString())) {
    const toml = dep5ToReuseToml(parseDep5(doc.getText(), rel));
    const tomlUri = URI.file(path.join(root, 'REUSE.toml')).toString();
    actions.push({
      title: message('fix.convert-dep5'),
      kind: CodeActionKind.QuickFix,
      diagnostics: diagnostics.filter((d) => d.code === 'reuse-invalid'),
      edit: { documentChanges: [...create(tomlUri, toml), { kind: 'delete', uri: doc.uri }] },
    });
  }
  return actions;
}

function where(v: LicensingValue): string {
  const s = v.source;
  const line = String(s.line + 1);
  if (s.kind === 'header') return message('licensing.header-line', { line });
  if (s.kind === 'sidecar') return message('licensing.file-line', { file: path.basename(s.file), line });
  return message('licensing.file-line', { file: s.file, line }) + (s.precedence ? ` (${s.precedence})` : '');
}

/** One line: "MIT, from REUSE.toml line 12 (override)". */
export function licensingSummary(l: EffectiveLicensing): string {
  if (!l.licenses.length) return message('licensing.none');
  return l.licenses.map((v) => message('licensing.from', { value: v.value, where: where(v) })).join('; ');
}

export function licensingMarkdown(l: EffectiveLicensing): string {
  const rows = [
    ...l.licenses.map((v) => `| ${message('licensing.license')} | \`${v.value}\` | ${where(v)} |`),
    ...l.copyrights.map((v) => `| ${message('licensing.copyright')} | ${v.value.replace(/\|/g, '\\|')} | ${where(v)} |`),
  ];
  // A table only for what there is: no row that says "none", no column without a heading.
  const body = rows.length ? [message('licensing.table-head'), '|---|---|---|', ...rows] : [licensingSummary(l)];
  return [message('licensing.title'), '', ...body].join('\n');
}
