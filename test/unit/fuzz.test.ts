// Property-based fuzzing of the engine's parsers and of the fixer, with fast-check.
// The seed is fixed, so CI runs the same cases every time; OSPO_FUZZ_RUNS sets the number of runs
// per property (`npm run fuzz` runs many more), and OSPO_FUZZ_SEED picks another seed to explore.
// A failure prints the seed and the shrunk counterexample: fix the engine, then keep the
// counterexample as a plain test in fuzz-regressions.test.ts.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { checkText } from '../../server/src/engine/check';
import { withRelated } from '../../server/src/engine/findings';
import { checkCommitMessage } from '../../server/src/engine/ai/commit-rule';
import { allTrailers, parseCommitMessage } from '../../server/src/engine/ai/trailers';
import { editsFor, fixAll, isSafe } from '../../server/src/engine/fixes';
import { findPrologue } from '../../server/src/engine/prologue';
import { checkExpression } from '../../server/src/engine/spdx/check';
import { expressionSyntaxError, parseExpression } from '../../server/src/engine/spdx/expression';
import { applyEdits, offsetAt, splitLines, TextEdit } from '../../server/src/engine/text';
import { parsePolicy } from '../../server/src/engine/policy/parse';
import type { Policy } from '../../server/src/engine/policy/model';
import { parseReuseToml } from '../../server/src/engine/reuse/reuse-toml';
import { dep5GlobToReuseGlob, parseDep5 } from '../../server/src/engine/reuse/dep5';
import picomatch from 'picomatch';
import { dep5Glob, pathGlob, reuseGlob } from '../../server/src/engine/glob';
import { blankIgnoredRegions, ignoreBlockProblems } from '../../server/src/engine/reuse/ignore-blocks';
import { findSnippets, snippetProblems } from '../../server/src/engine/reuse/snippets';
import { fixedContext, policyWith } from './helpers';

const seed = Number(process.env.OSPO_FUZZ_SEED ?? 20260115);
const numRuns = Math.max(1, Number(process.env.OSPO_FUZZ_RUNS ?? 150));
const repoRoot = path.join(__dirname, '../../..');
const today = '2026-01-15';
const stats: { name: string; runs: number; ms: number }[] = [];

/** JSON with every non-ASCII character escaped. */
const ascii = (x: unknown) => JSON.stringify(x).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Runs a property with the fixed seed, and records its run count and time for the summary. */
function check<T>(name: string, arb: fc.Arbitrary<T>, predicate: (value: T) => void, runs = numRuns): void {
  const start = Date.now();
  const details = fc.check(fc.property(arb, predicate), { seed, numRuns: runs });
  if (details.failed) {
    // JSON shows invisible characters (NBSP, lone CR, BOM) that fast-check's own report prints raw.
    throw new Error(
      `${name} failed (seed ${seed}, path ${details.counterexamplePath}) on ${ascii(details.counterexample)}\n${(details.errorInstance as Error)?.message ?? details.errorInstance}`,
    );
  }
  stats.push({ name, runs, ms: Date.now() - start });
}

// ---------------------------------------------------------------- generators

const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);

const licenseIdArb = pick(
  'MIT',
  'Apache-2.0',
  'GPL-2.0',
  'GPL-2.0+',
  'GPL-2.0-only',
  'GPL-3.0-or-later',
  'LGPL-2.1',
  'BSD-3-Clause',
  'mit',
  'apache-2.0',
  'gpl-2.0+',
  'CC0-1.0',
  'MPL-2.0',
  'LicenseRef-Foo',
  'DocumentRef-x:LicenseRef-y',
  'LicenseRef-',
  'Foo-1.0',
  'NONE',
  'NOASSERTION',
  'StandardML-NJ',
  'eCos-2.0',
  'wxWindows',
  'Nunit',
  'GFDL-1.3',
  'AGPL-3.0',
  'bzip2-1.0.5',
  '0BSD',
  'X11',
  'Unlicense',
  'BSD-2-Clause-FreeBSD',
);
const exceptionArb = pick('Classpath-exception-2.0', 'LLVM-exception', 'GCC-exception-3.1', 'linux-syscall-note', 'Foo-exception', 'MIT');
const opArb = pick(' AND ', ' OR ', ' and ', ' or ', ' AND', 'OR ', ' WITH ', ' with ', '  AND  ', ' ');

/** SPDX expressions from a grammar (mostly valid, some wrong case or unknown), plus garbage. */
const spdxExprArb: fc.Arbitrary<string> = fc.letrec<{ expr: string; simple: string }>((tie) => ({
  simple: fc.oneof(
    licenseIdArb,
    fc.tuple(licenseIdArb, exceptionArb).map(([l, e]) => `${l} WITH ${e}`),
  ),
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('simple'),
    fc.tuple(tie('expr'), opArb, tie('expr')).map(([a, o, b]) => `${a}${o}${b}`),
    tie('expr').map((e) => `(${e})`),
    tie('expr').map((e) => `(${e}`),
    tie('expr').map((e) => `${e})`),
  ),
})).expr;

const garbageArb = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({
    unit: pick('(', ')', '+', ' ', 'AND', 'OR', 'WITH', ':', '-', '.', 'Ref', 'License', 'MIT', '\t', '\0', '\u00e9', '\ud83d\ude00'),
    maxLength: 12,
  }),
);

const spdxValueArb = fc.oneof(
  { weight: 4, arbitrary: spdxExprArb },
  { weight: 1, arbitrary: garbageArb },
  { weight: 1, arbitrary: fc.tuple(spdxExprArb, garbageArb).map(([a, b]) => a + b) },
);

const leadArb = pick(
  '',
  '// ',
  '//',
  '# ',
  '#',
  ' * ',
  '/* ',
  '<!-- ',
  '-- ',
  ';; ',
  '; ',
  '% ',
  '! ',
  '" ',
  "' ",
  '@REM ',
  'REM ',
  '.. ',
  '{# ',
  '(* ',
  'dnl ',
  ':: ',
  '  ',
  '\t# ',
  '/// ',
  '//! ',
  'x = "',
  'code(); // ',
);
const closerArb = pick('', '', '', ' */', ' -->', ' *)', ' #}', ' -}', ' --}}', '  ', '\t');
const yearArb = pick('2020', '2019-2024', '2020, 2022', '2030', '2026', '1999-2030', '2021 - 2023', '', '(c) 2020', '© 2024', '20201');
const holderArb = pick(
  'Example Corp',
  'example corp',
  'Example Corp and contributors',
  'Example Corporation',
  'Other Inc',
  'Jane Doe <jane@example.com>',
  '',
  'Ünïcödé GmbH',
  'Example\u00a0Corp',
);
const aiKeyArb = pick(
  'AI-Generated-By',
  'AI-Assisted-By',
  'AI-Reviewed-By',
  'AI-Reviewed-On',
  'AI-Approval',
  'AI-Prompt-Ref',
  'AI-Session',
  'AI-Code-Reference',
  'AI-Foo',
  'ai-generated-by',
  'AI-',
);
const aiValueArb = pick(
  'ChatGPT:gpt-4o',
  'GitHub Copilot:gpt-4.1',
  'Claude',
  'TOOL:MODEL',
  'NAME <EMAIL>',
  'Jane Doe <jane@example.com>',
  'dependabot[bot] <bot@x>',
  '2025-01-01',
  '2024-02-30',
  '2027-01-01',
  'OSRB-12',
  'TODO',
  '<MODEL>',
  '',
  'x:y:z',
  ':',
);

/** One tag line's key and value. */
const tagArb = fc.oneof(
  spdxValueArb.map((v) => `SPDX-License-Identifier: ${v}`),
  fc.tuple(yearArb, holderArb).map(([y, h]) => `SPDX-FileCopyrightText: ${y} ${h}`.trimEnd()),
  fc.tuple(yearArb, holderArb).map(([y, h]) => `Copyright (c) ${y} ${h}`.trimEnd()),
  fc.tuple(yearArb, holderArb).map(([y, h]) => `Copyright ${y} ${h}`.trimEnd()),
  fc.tuple(yearArb, holderArb).map(([y, h]) => `© ${y} ${h}`.trimEnd()),
  fc.tuple(yearArb, holderArb).map(([y, h]) => `SPDX-SnippetCopyrightText: ${y} ${h}`.trimEnd()),
  pick(
    'SPDX-SnippetBegin',
    'SPDX-SnippetEnd',
    'SPDX-SnippetBegin SPDX-SnippetEnd',
    'SPDX-SnippetComment:',
    'SPDX-SnippetComment: AI-assisted',
    'SPDX-FileComment: x',
    'SPDX-Generated-By: ChatGPT',
    '@ai-generated',
    'AI-GENERATED',
    'Generated by ChatGPT',
    'Generated with Claude Code',
    'ai-generated: true',
    'REUSE-IgnoreStart',
    'REUSE-IgnoreEnd',
    '@generated',
    'DO NOT EDIT',
    'As an AI language model, I',
    'see oaicite:3',
    ':contentReference[oaicite:0]{index=0}',
    'https://x.org/?utm_source=chatgpt.com',
    "Here's the updated code:",
    'SPDX-License-Identifier:',
    'SPDX-FileCopyrightText:',
    'Copyright',
    'SPDX-',
    'AI-',
  ),
  fc.tuple(aiKeyArb, aiValueArb).map(([k, v]) => `${k}: ${v}`),
);

const tagLineArb = fc.tuple(leadArb, tagArb, closerArb).map(([l, t, c]) => l + t + c);

const prologueArb = pick(
  '#!/usr/bin/env python3',
  '#!/bin/sh',
  '# -*- coding: utf-8 -*-',
  '# coding=latin-1',
  '# frozen_string_literal: true',
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<?xml version="1.0"',
  'encoding="UTF-8"?>',
  '<!DOCTYPE html>',
  '<?php',
  'declare(strict_types=1);',
  '---',
  'title: Hello',
  '...',
  '%YAML 1.2',
  '# syntax=docker/dockerfile:1',
  '# escape=`',
  '<html>',
);

const codeLineArb = fc.oneof(
  {
    weight: 3,
    arbitrary: pick(
      '',
      '',
      '   ',
      'int main() { return 0; }',
      'x = "SPDX-License-Identifier: MIT"',
      'def f():',
      '    pass',
      '}',
      '/*',
      ' */',
      '-->',
      '<!--',
      '#',
      '//',
      'a\0b',
      '\0',
    ),
  },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  // Lone surrogates: JavaScript strings can hold them, UTF-8 cannot.
  { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 3 }) },
  { weight: 1, arbitrary: fc.tuple(pick('x', '/', ' ', 'SPDX-', '*'), fc.integer({ min: 200, max: 5000 })).map(([c, n]) => c.repeat(n)) },
);

const lineArb = fc.oneof({ weight: 3, arbitrary: tagLineArb }, { weight: 1, arbitrary: prologueArb }, { weight: 3, arbitrary: codeLineArb });

const pathArb = pick(
  'src/a.ts',
  'a.py',
  'README.md',
  'index.html',
  'page.php',
  'tpl.phtml',
  'Dockerfile',
  'conf.yaml',
  'a.xml',
  'a.css',
  'a.ml',
  'a.j2',
  'run.bat',
  'a.vim',
  'q.sql',
  'doc.rst',
  'paper.tex',
  'Makefile',
  'data.json',
  'notes.txt',
  'noext',
  'third_party/lib/a.c',
  'vendor/x.go',
  'a.svg',
  'post.mdx',
  'b.rb',
  'x.hs',
  'x.f90',
  'x.vb',
  'x.lisp',
);

interface Doc {
  lines: string[];
  eols: string[];
  bom: boolean;
  finalNewline: boolean;
}

function render(d: Doc): string {
  let out = d.bom ? '\uFEFF' : '';
  d.lines.forEach((l, i) => {
    out += l;
    if (i < d.lines.length - 1 || d.finalNewline) out += d.eols[i % d.eols.length];
  });
  return out;
}

/** A file with mixed line endings (LF, CRLF, lone CR): for the parsers, which must not throw. */
const mixedTextArb = fc
  .record({
    lines: fc.array(lineArb, { maxLength: 25 }),
    eols: fc.array(pick('\n', '\r\n', '\r', '\n\n'), { minLength: 1, maxLength: 4 }),
    bom: fc.boolean(),
    finalNewline: fc.boolean(),
  })
  .map(render);

/** A file with one line-ending style: the fixer must keep it, the BOM and the final newline. */
const fixerTextArb = fc
  .record({
    lines: fc.array(
      lineArb.map((l) => l.replace(/[\r\n]/g, ' ')),
      { maxLength: 20 },
    ),
    eols: pick('\n', '\r\n').map((e) => [e]),
    bom: fc.boolean(),
    finalNewline: fc.boolean(),
  })
  .map(render);

const policies: Record<string, Policy> = {
  default: policyWith(),
  strict: policyWith((p) => {
    p.headers.copyright.holder = 'Example Corp( and contributors)?';
    p.headers.copyright.year = 'range-to-current';
    p.licenses.project = 'MIT';
    p.files.thirdParty = ['third_party/**', 'vendor/**'];
  }),
  current: policyWith((p) => {
    p.headers.copyright.holder = 'Example Corp';
    p.headers.copyright.year = 'current';
    p.ai.requiredFields = ['role', 'reviewed-by', 'reviewed-on'];
  }),
  none: policyWith((p) => {
    p.headers.copyright.year = 'none';
    // A small window, but one the wrapped template fits in: a template taller than headers.maxLine
    // makes a header whose license line the window does not reach (a policy mistake; see the report).
    p.headers.maxLine = 5;
    p.files.generated = 'check';
    p.headers.template = 'Copyright {year} {holder}\n\nSPDX-License-Identifier: {license}\n';
  }),
  noCopyright: policyWith((p) => {
    p.headers.copyright.required = false;
    p.headers.languages = { '.txt': { line: '#' }, '.json': { start: '/*', end: '*/' } };
    p.ai.mode = 'review';
  }),
};
const policyArb = pick(...Object.keys(policies));

const hasLoneSurrogate = (s: string) => /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

/** True when every character of `a` appears in `b` in order (as in fixer-golden.test.ts). */
function isSubsequence(a: string, b: string): boolean {
  let i = 0;
  for (let j = 0; j < b.length && i < a.length; j++) if (b[j] === a[i]) i++;
  return i === a.length;
}

function fix(file: string, text: string, policy: Policy): { edits: TextEdit[]; fixed: string } {
  const edits = fixAll({ path: file, text, currentYear: 2026, today }, policy, fixedContext);
  return { edits, fixed: applyEdits(text, edits) };
}

// ---------------------------------------------------------------- properties

describe('fuzz: engine properties (fast-check)', function () {
  this.timeout(0);

  before(() => console.log(`      fast-check seed ${seed}, ${numRuns} runs per property (OSPO_FUZZ_RUNS, OSPO_FUZZ_SEED)`));
  after(() => {
    for (const s of stats) console.log(`      ${s.name}: ${s.runs} runs, ${s.ms} ms`);
    console.log(`      total: ${stats.reduce((n, s) => n + s.runs, 0)} runs, ${stats.reduce((n, s) => n + s.ms, 0)} ms`);
  });

  describe('fuzz: header, marker and snippet parsing', () => {
    it('checkText never throws and locates every finding inside the text', () => {
      check('checkText', fc.tuple(pathArb, mixedTextArb, policyArb, fc.boolean()), ([file, text, name, headerOnly]) => {
        const result = checkText({ path: file, text, currentYear: 2026, today, scope: headerOnly ? 'header' : 'all' }, policies[name]);
        const lines = splitLines(text).lines.length;
        for (const f of result.findings) {
          assert.ok(f.range.start.line >= 0 && f.range.start.line < lines, `${f.rule} at line ${f.range.start.line} of ${lines}`);
          assert.ok(f.range.end.line >= f.range.start.line && f.range.end.line < lines, `${f.rule} ends at line ${f.range.end.line}`);
          assert.ok(f.range.start.character >= 0, f.rule);
        }
        if (result.file) void result.file.markers.lineCount;
      });
    });

    it('checkText never throws on a sidecar, REUSE ignore blocks, or a very long line', () => {
      const arb = fc.tuple(pathArb, mixedTextArb, fc.option(mixedTextArb, { nil: undefined }), fc.integer({ min: 0, max: 3 }));
      check(
        'checkText+sidecar',
        arb,
        ([file, text, sidecar, shape]) => {
          const t = shape === 1 ? `REUSE-IgnoreStart\n${text}` : shape === 2 ? `${text}${'y'.repeat(100_000)}\n// SPDX-License-Identifier: MIT` : text;
          checkText({ path: file, text: t, sidecarText: sidecar, currentYear: 2026, today }, policies.strict);
        },
        Math.max(1, Math.ceil(numRuns / 3)),
      );
    });
  });

  describe('fuzz: SPDX expressions', () => {
    it('checkExpression never throws, and its tokens lie inside the expression', () => {
      check(
        'checkExpression',
        spdxValueArb,
        (expr) => {
          const r = checkExpression(expr);
          for (const t of r.tokens) assert.equal(expr.slice(t.start, t.end), t.id);
          parseExpression(expr);
          expressionSyntaxError(expr);
        },
        numRuns * 4,
      );
    });

    it('checkText never throws on random SPDX-License-Identifier values', () => {
      const arb = fc.tuple(leadArb, spdxValueArb, closerArb, pick('a.c', 'a.py', 'a.md'));
      check(
        'checkText(SPDX value)',
        arb,
        ([lead, value, closer, file]) => {
          checkText(
            {
              path: file,
              text: `${lead}SPDX-FileCopyrightText: 2026 Example Corp${closer}\n${lead}SPDX-License-Identifier: ${value}${closer}\n`,
              currentYear: 2026,
              today,
            },
            policies.strict,
          );
        },
        numRuns * 2,
      );
    });
  });

  describe('fuzz: policy loader', () => {
    const valid = [
      ...['examples/policies/org-base.yaml', 'examples/policies/repo-policy.yaml', 'test/unit/fixtures/policies/bases/base.yaml']
        .map((f) => path.join(repoRoot, f))
        .filter((f) => fs.existsSync(f))
        .map((f) => fs.readFileSync(f, 'utf8')),
      'version: 1\nlicenses:\n  project: Apache-2.0\n  allow: [MIT, Apache-2.0]\nheaders:\n  maxLine: 5\n  copyright: { holder: "Example Corp", year: current }\n',
    ];
    const yamlTokenArb = pick(
      'version: 1',
      'licenses:',
      '  allow: [MIT',
      '  deny:',
      '  - GPL-*',
      'headers:',
      '  maxLine: 10',
      '  template: |',
      '    SPDX-License-Identifier: {license}',
      'ai:',
      '  mode: forbid',
      '  requiredFields: [role]',
      'overrides:',
      '  - paths: ["a/**"]',
      '    ai: { mode: review }',
      'severity:',
      '  header-missing: off',
      'extends:',
      '  - ./base.yaml',
      '  - { source: "https://x", sha256: "abc" }',
      '&a [*a, *a]',
      '*a',
      '!!binary',
      '? complex',
      ': x',
      '---',
      '...',
      '%YAML 1.2',
      '"unterminated',
      "'x'",
      '{',
      '}',
      '[',
      ']',
      '- ',
      '#',
      '\t',
      '  ',
      '',
      'holder: "(["',
      'reviewEvidence: "*"',
      'files:',
      '  include: []',
      '  thirdParty: ~',
      'policy: { id: x, title: y }',
      'allowOverride: yes',
      '<<: *a',
    );
    const yamlishArb = fc.oneof(
      fc
        .array(fc.oneof({ weight: 4, arbitrary: yamlTokenArb }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) }), { maxLength: 30 })
        .chain((ls) => pick('\n', '\r\n', '\r').map((eol) => ls.join(eol))),
      fc.string({ maxLength: 200 }),
    );
    // Mutations of valid policies: delete, duplicate, or insert, at a random place.
    const mutatedArb = fc
      .tuple(
        pick(...valid),
        fc.array(fc.tuple(pick('delete', 'insert', 'duplicate', 'indent'), fc.nat(), fc.nat({ max: 40 }), yamlTokenArb), { minLength: 1, maxLength: 4 }),
      )
      .map(([text, ops]) => {
        let t = text;
        for (const [op, at, n, token] of ops) {
          const i = t.length ? at % t.length : 0;
          if (op === 'delete') t = t.slice(0, i) + t.slice(i + n);
          else if (op === 'insert') t = t.slice(0, i) + token + t.slice(i);
          else if (op === 'duplicate') t = t.slice(0, i) + t.slice(i, i + n) + t.slice(i);
          else {
            const ls = t.split('\n');
            const k = at % ls.length;
            ls[k] = ' '.repeat(n % 5) + ls[k];
            t = ls.join('\n');
          }
        }
        return t;
      });

    it('parsePolicy never throws and every problem lies within the text', () => {
      check('parsePolicy', fc.oneof(yamlishArb, mutatedArb), (text) => {
        const r = parsePolicy(text);
        const lines = text.split('\n').length;
        for (const p of r.problems) {
          assert.ok(p.line >= 0 && p.line < lines, `problem at line ${p.line} of ${lines}: ${p.message}`);
          assert.ok(p.endLine >= p.line && p.endLine < lines, `problem ends at line ${p.endLine} of ${lines}: ${p.message}`);
          assert.ok(p.character >= 0 && p.endCharacter >= 0, p.message);
        }
      });
    });
  });

  describe('fuzz: fixer', () => {
    const arb = fc.tuple(pathArb, fixerTextArb, policyArb);

    it('fixAll never throws, and keeps the bytes, BOM, line endings, final newline and prologue', () => {
      check('fixAll byte fidelity', arb, ([file, text, name]) => {
        const policy = policies[name];
        const { edits, fixed } = fix(file, text, policy);
        // Which fix kinds made the edits: only replace and delete-lines may remove bytes, and only their own spans.
        // The findings fixPlan fixes: with those folded into another by precedence (withRelated).
        const result = checkText({ path: file, text, currentYear: 2026, today }, policy);
        const spans: [number, number][] = [];
        for (const f of withRelated(result.findings).filter(isSafe)) {
          for (const e of editsFor(f, result.file!, result.policy ?? policy, fixedContext)) {
            const s = offsetAt(text, e.range.start);
            const end = offsetAt(text, e.range.end);
            assert.ok(s <= end, `${f.rule}: edit ends before it starts`);
            if (f.fix!.kind === 'replace' || f.fix!.kind === 'delete-lines') spans.push([s, end]);
            else assert.equal(s, end, `${f.rule}: an insert fix (${f.fix!.kind}) removed text`);
          }
        }
        if (!spans.length) assert.ok(isSubsequence(text, fixed), 'an insert-only fix removed or reordered bytes');
        else {
          // What lies outside the named spans stays, in order.
          let kept = '';
          let at = 0;
          for (const [s, e] of spans.sort((a, b) => a[0] - b[0])) {
            if (s >= at) {
              kept += text.slice(at, s);
              at = e;
            } else at = Math.max(at, e);
          }
          kept += text.slice(at);
          assert.ok(isSubsequence(kept, fixed), 'a fix changed bytes outside the spans it names');
        }
        assert.equal(fixed.startsWith('\uFEFF'), text.startsWith('\uFEFF'), 'BOM');
        assert.ok(count(fixed, /\uFEFF/g) <= count(text, /\uFEFF/g), 'a fix added a BOM');
        // (A third-party file holding only our notice may be deleted down to nothing.)
        // A file whose only line was deleted is empty (its byte order mark, if any, stays): no line, no final newline.
        if (fixed.replace(/^\uFEFF/, '') !== '') assert.equal(/\n$/.test(fixed), /\n$/.test(text), 'final newline');
        if (text.includes('\r\n')) assert.ok(!/(^|[^\r])\n/.test(fixed), 'CRLF file gained a bare LF');
        else assert.ok(!fixed.includes('\r'), 'LF file gained a CR');
        if (!hasLoneSurrogate(text)) assert.ok(!hasLoneSurrogate(fixed), 'a fix split a surrogate pair');
        // Prologue lines (shebang, encoding, XML declaration, front matter…) stay first, unless a replace fix names them.
        const before = splitLines(text).lines;
        const after = splitLines(fixed).lines;
        const { insertLine } = findPrologue(file, before);
        // Tags written inside the prologue (a YAML comment in front matter) are the file's header: fixes go beside them.
        const tagsInPrologue = result.file?.header.tags.some((t) => t.line < insertLine);
        for (let i = 0; i < insertLine && i < before.length && !tagsInPrologue; i++) {
          if (
            edits.some(
              (e) =>
                e.range.start.line <= i &&
                i <= e.range.end.line &&
                (e.range.start.line !== e.range.end.line || e.range.start.character !== e.range.end.character),
            )
          )
            continue;
          assert.equal(after[i], before[i], `prologue line ${i} moved or changed`);
        }
      });
    });

    it('fixAll is idempotent and leaves no safe-fixable finding', () => {
      check('fixAll idempotent', arb, ([file, text, name]) => {
        const policy = policies[name];
        const { fixed } = fix(file, text, policy);
        const again = fix(file, fixed, policy).fixed;
        assert.equal(JSON.stringify(again), JSON.stringify(fixed), 'a second fix changed the text');
        const left = checkText({ path: file, text: fixed, currentYear: 2026, today }, policy).findings.filter(isSafe);
        assert.deepEqual(
          left.map((f) => `${f.rule}: ${f.message}`),
          [],
          'a safe-fixable finding remains',
        );
      });
    });
  });

  describe('fuzz: commit messages', () => {
    // Trailer-ish lines, the keys and values the disclosure forms read, and what git strips or cuts.
    const commitLineArb = fc.oneof(
      { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
      {
        weight: 5,
        arbitrary: fc
          .tuple(
            pick(
              'Assisted-by',
              'Generated-by',
              'Co-authored-by',
              'Co-developed-by',
              'Signed-off-by',
              'AI-assistant',
              'Made-with',
              'AI-Tool',
              'Reviewed-by',
              'x',
            ),
            pick(':', ': ', ' : ', ''),
            pick(
              'Claude Code:claude-opus-4-5',
              'Copilot <175728472+Copilot@users.noreply.github.com>',
              'Jane Doe <jane@example.com>',
              'Cursor',
              '',
              'aider@aider.chat',
              '\u00e9',
            ),
          )
          .map(([k, sep, v]) => k + sep + v),
      },
      {
        weight: 1,
        arbitrary: pick(
          '',
          ' ',
          '# a comment',
          '# ------------------------ >8 ------------------------',
          '   continued',
          '\uFEFF',
          '🤖 Generated with [Claude Code](https://claude.com/claude-code)',
        ),
      },
    );
    const messageArb = fc.record({ lines: fc.array(commitLineArb, { maxLength: 14 }), eol: pick('\n', '\r\n') }).map(({ lines, eol }) => lines.join(eol));
    const commitPolicies = [policyWith(), policyWith((p) => (p.ai.mode = 'forbid')), policyWith((p) => (p.ai.mode = 'review'))];

    it('parseCommitMessage and checkCommitMessage never throw, and locate their trailers and findings in the message', () => {
      check('commit messages', fc.tuple(messageArb, fc.integer({ min: 0, max: commitPolicies.length - 1 })), ([text, i]) => {
        const msg = parseCommitMessage(text);
        const lines = msg.lines.length;
        for (const t of allTrailers(msg)) assert.ok(t.line >= 0 && t.endLine >= t.line && t.endLine < lines, `trailer at ${t.line}–${t.endLine} of ${lines}`);
        for (const f of checkCommitMessage(text, commitPolicies[i])) {
          assert.ok(f.range.start.line >= 0 && f.range.end.line < lines, `${f.rule} at line ${f.range.start.line} of ${lines}`);
        }
      });
    });
  });

  describe('fuzz: REUSE parsers', () => {
    const tomlTokenArb = pick(
      'version = 1',
      'version = 2',
      'version = "1"',
      '[[annotations]]',
      '[annotations]',
      'path = "src/**"',
      'path = ["a/*.c", "b/**/x"]',
      'path = 3',
      'path = ""',
      'precedence = "override"',
      'precedence = "closest"',
      'precedence = "aggregate"',
      'precedence = "bad"',
      'SPDX-FileCopyrightText = "2020 X"',
      'SPDX-FileCopyrightText = ["a", 1]',
      'SPDX-License-Identifier = "MIT OR"',
      'SPDX-License-Identifier = "MIT"',
      'SPDX-License-Identifier = ["MIT", "(Apache-2.0"]',
      'annotations = [{ path = "x", SPDX-License-Identifier = "MIT" }]',
      'Path = "x"',
      '"quoted key" = 1',
      'a.b.c = 1',
      '[table]',
      '[[x.y]]',
      '"""',
      "'''",
      '# comment',
      '=',
      '[',
      ']',
      '{',
      '}',
      '',
      'path = "\\\\*"',
      'x = 1979-05-27T07:32:00Z',
    );
    const tomlArb = fc.oneof(
      fc
        .array(fc.oneof({ weight: 5, arbitrary: tomlTokenArb }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) }), { maxLength: 20 })
        .chain((ls) => pick('\n', '\r\n').map((e) => ls.join(e))),
      fc.string({ maxLength: 100 }),
    );
    const dep5TokenArb = pick(
      'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/',
      'Upstream-Name: x',
      'Upstream-Contact: a',
      ' b',
      'Source: s',
      'Disclaimer: d',
      ' .',
      'Files: *',
      'Files: src/*.c doc/?',
      'Files:',
      'Files: \\*x\\?',
      'Copyright: 2020 X',
      'Copyright:',
      ' 2021 Y',
      'License: MIT',
      'License:',
      'License: GPL-2.0+ WITH x',
      'Comment: c',
      '',
      '',
      ' ',
      '\t',
      'not a field',
      ':',
      'Files: [a',
      'Files: **/x\\',
    );
    const dep5Arb = fc.oneof(
      fc
        .array(fc.oneof({ weight: 5, arbitrary: dep5TokenArb }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) }), { maxLength: 25 })
        .chain((ls) => pick('\n', '\r\n', '\r').map((e) => ls.join(e))),
      fc.string({ maxLength: 100 }),
    );
    const globArb = fc.string({
      unit: pick('*', '**', '/', '\\', '?', '.', 'a', 'b', '[', ']', '(', ')', '{', '}', '^', '$', '+', '|', '-', ' ', '\n', 'é', '\ud800'),
      maxLength: 12,
    });
    const relArb = fc.string({ unit: pick('a', 'b', '/', '.', '*', '\\', '?', ' ', '\n', 'é'), maxLength: 12 });

    it('parseReuseToml never throws and locates its problems', () => {
      check('parseReuseToml', fc.tuple(tomlArb, relArb), ([text, rel]) => {
        const toml = parseReuseToml(text, 'sub/REUSE.toml');
        const lines = text.split(/\r\n|\r|\n/).length;
        for (const p of toml.problems) assert.ok(p.line >= 0 && p.line < lines, `problem at line ${p.line} of ${lines}: ${p.message}`);
        for (const a of toml.annotations) a.matches(rel);
      });
    });

    it('parseDep5 never throws', () => {
      check('parseDep5', fc.tuple(dep5Arb, relArb), ([text, rel]) => {
        const dep5 = parseDep5(text);
        for (const p of dep5.paragraphs) {
          p.matches(rel);
          for (const g of p.files) reuseGlob(dep5GlobToReuseGlob(g).glob)(rel);
        }
      });
    });

    it('reuseGlob and dep5Glob never throw', () => {
      check(
        'reuseGlob',
        fc.tuple(globArb, relArb),
        ([glob, rel]) => {
          reuseGlob(glob)(rel);
          dep5Glob(glob)(rel);
          reuseGlob(dep5GlobToReuseGlob(glob).glob)(rel);
          // A glob without wildcards matches itself (escapes aside).
          if (!/[*\\?]/.test(glob)) assert.ok(reuseGlob(glob)(glob), `${JSON.stringify(glob)} does not match itself`);
        },
        numRuns * 4,
      );
    });

    it('policy path globs match as picomatch does (dot files included), in linear time', () => {
      // picomatch was the policy's glob engine until its backtracking regexes were replaced (engine/glob.ts);
      // it stays the reference for the syntax. Left out of the comparison, where picomatch is not what
      // its own documentation says: `[!a]` (picomatch reads `!` literally), `**` glued to other
      // characters, `?` right after an extglob (picomatch makes it a regex quantifier), `//`, and a
      // `.` beside a `{1..3}` range (picomatch leaves it a regex dot: `{1..3}..` matches `1.a`), and an
      // optional extglob after `**/` (picomatch lets `a/**/?(a|b)` match `a`), and `*.*`, whose second
      // `*` picomatch makes match at least one character (`a.` does not match, though `a.*` does).
      const token = pick(
        'a',
        'b',
        '.',
        '/',
        '*',
        '/**/',
        'a/**/',
        '/**',
        '**/',
        '?',
        '[ab]',
        '[^a-b]',
        '{a,b}',
        '{a,b/c}',
        '@(a|b)x',
        '(a|b)',
        '+(a)',
        'a-b',
        '{1..3}',
        '1',
        '\\*',
        'x',
      );
      const globArb = fc
        .array(token, { minLength: 1, maxLength: 7 })
        .map((ts) => ts.join(''))
        .filter((g) => !/[^/]\*\*|\*\*[^/]|\*\*\*|\)\?|\/\/|\{1\.\.3\}.*\.|\.[^{]*\{1\.\.3\}|\*\*\/[?*]\(|\*\.\*/.test(g.replace(/^\*\*\//, '')));
      const segment = fc.string({ unit: pick('a', 'b', '.', 'x', '1', '2', '-', 'c'), minLength: 1, maxLength: 4 }).filter((s) => s !== '.' && s !== '..');
      const pathArb = fc.array(segment, { minLength: 1, maxLength: 4 }).map((ss) => ss.join('/'));
      check(
        'pathGlob = picomatch',
        fc.tuple(globArb, fc.array(pathArb, { minLength: 1, maxLength: 6 })),
        ([glob, paths]) => {
          const reference = picomatch(glob, { dot: true });
          const ours = pathGlob([glob]);
          for (const p of paths) assert.equal(ours(p), reference(p), `${JSON.stringify(glob)} on ${JSON.stringify(p)}`);
        },
        numRuns * 4,
      );
    });

    it('blankIgnoredRegions keeps the length and every line break', () => {
      const textArb = fc
        .array(
          fc.oneof(
            pick(
              'REUSE-IgnoreStart',
              'REUSE-IgnoreEnd',
              'SPDX-License-Identifier: MIT',
              'SPDX-SnippetBegin',
              'SPDX-SnippetEnd',
              '\n',
              '\r\n',
              '\r',
              ' ',
              '\ud83d\ude00',
            ),
            fc.string({ maxLength: 8 }),
          ),
          { maxLength: 20 },
        )
        .map((xs) => xs.join(''));
      check(
        'blankIgnoredRegions',
        textArb,
        (text) => {
          const out = blankIgnoredRegions(text);
          assert.equal(out.length, text.length);
          for (let i = 0; i < text.length; i++) {
            const c = text[i];
            if (c === '\n' || c === '\r') assert.equal(out[i], c, `line break at ${i}`);
            else assert.ok(out[i] === c || out[i] === ' ', `character ${i} became ${JSON.stringify(out[i])}`);
          }
          ignoreBlockProblems(text);
          findSnippets(out);
          snippetProblems(out);
        },
        numRuns * 2,
      );
    });
  });
});
