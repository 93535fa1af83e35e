// What the editor's settings mean (lsp/settings.ts) and how diagnosticsOf shows findings by them;
// where a broken baseline file is wrong (engine/baseline.ts). docs/design/editor-settings.md.

import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import { isBaselineError, parseBaseline } from '../../server/src/engine/baseline';
import type { Finding } from '../../server/src/engine/findings';
import { baselineDiagnostics, diagnosticsOf } from '../../server/src/lsp/diagnostics';
import { displayOf, excludeGlobs, isExcluded } from '../../server/src/lsp/settings';
import { readSettings } from '../../shared/protocol';

const f = (rule: string, suppressed?: Finding['suppressed']): Finding => ({
  rule: rule as Finding['rule'],
  severity: 'error',
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
  message: rule,
  ...(suppressed ? { suppressed } : {}),
});

describe('editor settings (lsp/settings.ts)', () => {
  it('displayOf: VS Code severity names to the engine’s, and off kept', () => {
    const display = displayOf(readSettings({ suppressedSeverity: 'information', rules: { 'copyright-year': 'information', 'header-missing': 'off' } }));
    assert.deepEqual(display, { baselineSeverity: 'info', rules: { 'copyright-year': 'info', 'header-missing': 'off' } });
    assert.deepEqual(displayOf(readSettings(undefined)), { baselineSeverity: 'hint', rules: {} });
  });

  it('ospo.exclude as files.exclude: a pattern covers what it matches and everything below it; false turns it off', () => {
    const settings = readSettings({ exclude: { gen: true, '**/vendor/': true, 'src/*.py': true, 'docs/**': false } });
    assert.deepEqual(excludeGlobs(settings), ['gen', 'gen/**', '**/vendor/', '**/vendor/**', 'src/*.py', 'src/*.py/**']);
    assert.equal(isExcluded(settings, 'gen'), true);
    assert.equal(isExcluded(settings, 'gen/deep/a.py'), true);
    assert.equal(isExcluded(settings, 'a/b/vendor/x.c'), true);
    assert.equal(isExcluded(settings, 'src/a.py'), true);
    assert.equal(isExcluded(settings, 'src/deep/a.py'), false);
    assert.equal(isExcluded(settings, 'generated/a.py'), false);
    assert.equal(isExcluded(settings, 'docs/a.md'), false);
    assert.equal(isExcluded(readSettings(undefined), 'gen/a.py'), false);
  });
});

describe('diagnosticsOf by the display settings (lsp/diagnostics.ts)', () => {
  const severities = (findings: Finding[], settings: unknown) => diagnosticsOf(findings, displayOf(readSettings(settings))).map((d) => [d.code, d.severity]);

  it('baselined findings at ospo.suppressedSeverity, comment-suppressed ones hidden, others at ospo.rules or their own', () => {
    const findings = [f('header-missing', { kind: 'external' }), f('license-denied', { kind: 'inSource' }), f('copyright-year'), f('spdx-deprecated')];
    assert.deepEqual(severities(findings, { suppressedSeverity: 'warning', rules: { 'copyright-year': 'hint' } }), [
      ['header-missing', DiagnosticSeverity.Warning],
      ['copyright-year', DiagnosticSeverity.Hint],
      ['spdx-deprecated', DiagnosticSeverity.Error],
    ]);
  });

  it('off hides a rule, baselined findings of it too', () => {
    assert.deepEqual(
      severities([f('header-missing', { kind: 'external' }), f('header-missing'), f('copyright-year')], { rules: { 'header-missing': 'off' } }),
      [['copyright-year', DiagnosticSeverity.Error]],
    );
  });
});

describe('a broken baseline file: where it is wrong', () => {
  const at = (text: string) => {
    const read = parseBaseline(text);
    assert.ok(isBaselineError(read), JSON.stringify(read));
    return TextDocument.create('file:///b.json', 'json', 1, text).positionAt(read.offset ?? -1);
  };

  it('a JSON syntax error at its position, a wrong rule entry or file entry at its value', () => {
    assert.deepEqual(at('{\n  "a.py": {\n    "r": { "count": 1 },\n  }\n}\n'), { line: 3, character: 2 });
    assert.deepEqual(at('{\n  "a.py": {\n    "r": { "count": -1 }\n  }\n}\n'), { line: 2, character: 9 });
    assert.deepEqual(at('{\n  "a.py": {},\n  "b.py": [1]\n}\n'), { line: 2, character: 10 });
    assert.deepEqual(at('\n[1]\n'), { line: 1, character: 0 });
  });

  it('the diagnostic stands at that line in the file; a good file has none', () => {
    const doc = (text: string) => TextDocument.create('file:///r/.ospo/suppressions.json', 'json', 1, text);
    const [d] = baselineDiagnostics(doc('{\n  "a.py": {\n    "r": { "count": "x" }\n  }\n}\n'));
    assert.equal(d.code, 'baseline-invalid');
    assert.equal(d.range.start.line, 2);
    assert.deepEqual(baselineDiagnostics(doc('{\n  "a.py": {\n    "r": { "count": 2 }\n  }\n}\n')), []);
  });
});
