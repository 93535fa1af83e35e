import * as assert from 'node:assert/strict';
import { findHeader } from '../../server/src/engine/header';
import { checkText } from '../../server/src/engine/check';
import { isCovered } from '../../server/src/engine/paths';
import { policyWith } from './helpers';
import { reusePolicy } from '../../server/src/engine/reuse/policy';

describe('header detection', () => {
  it('finds tags in line and block comments', () => {
    const h = findHeader('a.c', '/*\n * SPDX-FileCopyrightText: 2026 A\n * SPDX-License-Identifier: MIT\n */\n');
    assert.deepEqual(
      h.licenses.map((t) => [t.value, t.line]),
      [['MIT', 2]],
    );
    assert.equal(h.copyrights[0].value, '2026 A');
    const one = findHeader('a.c', '/* SPDX-License-Identifier: GPL-2.0 */\n');
    assert.equal(one.licenses[0].value, 'GPL-2.0', 'the closer is not part of the value');
  });

  it('ignores tags quoted in strings: a .po msgid, a Python list of header lines', () => {
    const po = '# Translations.\n#\nmsgid ""\n"# SPDX-FileCopyrightText: [year] [holder]\\n"\n"# SPDX-License-Identifier: [identifier]\\n"\nmsgstr ""\n';
    assert.deepEqual(findHeader('a.po', po, { anywhere: false }).tags, []);
    assert.deepEqual(
      checkText({ path: 'a.po', text: po }, policyWith()).findings.map((f) => f.rule),
      ['header-missing'],
    );
    const py = 'HEADER = [\n    "# SPDX-License-Identifier: MIT",\n    \'# SPDX-FileCopyrightText: 2024 A\',\n]\n';
    assert.deepEqual(
      checkText({ path: 'gen.py', text: py }, policyWith()).findings.map((f) => f.rule),
      ['header-missing'],
    );
    // Where the quote is the comment (vim, Basic) it still leads a tag, and a docstring may open on the tag's line.
    assert.equal(findHeader('a.vim', '" SPDX-License-Identifier: MIT\n').licenses.length, 1);
    assert.equal(findHeader('a.vb', "' SPDX-License-Identifier: MIT\n").licenses.length, 1);
    assert.equal(findHeader('m.py', '"""SPDX-License-Identifier: MIT\n"""\n').licenses.length, 1);
  });

  it('ignores tags inside code or strings', () => {
    const text = 'const tag = "SPDX-License-Identifier: MIT";\n';
    assert.equal(findHeader('a.ts', text).licenses.length, 0);
    assert.equal(checkText({ path: 'a.ts', text }, policyWith()).findings[0].rule, 'header-missing');
  });

  it("reads tags after each format's own comment prefix from the style table", () => {
    const cases: [string, string][] = [
      ['build.com', '$!'],
      ['setup.dcl', '$!'],
      ['a.f', 'C'],
      ['a.for', 'c'],
      ['a.f90', '!'],
      ['a.bat', 'REM'],
      ['a.cmd', '@REM'],
      ['a.bat', '::'],
      ['a.vb', "'"],
      ['a.m4', 'dnl'],
      ['configure.ac', 'dnl'],
      ['a.rst', '..'],
      ['a.man', '.\\"'],
      ['a.xq', '(:'],
      ['a.bib', '@Comment{'],
      ['a.jl', '#='],
    ];
    for (const [file, lead] of cases) {
      const h = findHeader(file, `${lead} SPDX-FileCopyrightText: 2026 A\n${lead} SPDX-License-Identifier: MIT\n`);
      assert.deepEqual([h.licenses.map((t) => t.value), h.copyrights.map((t) => t.value)], [['MIT'], ['2026 A']], `${file}: ${lead}`);
    }
    // A block closer of the style ends the value, also a one-character one.
    assert.equal(findHeader('a.pas', '{ SPDX-License-Identifier: MIT }\n').licenses[0].value, 'MIT');
  });

  it("does not take another language's prefix for a comment, unless the format is unknown", () => {
    assert.equal(findHeader('a.py', 'dnl SPDX-License-Identifier: MIT\n').licenses.length, 0);
    assert.equal(findHeader('a.ts', '$! SPDX-License-Identifier: MIT\n').licenses.length, 0);
    assert.equal(findHeader('a.com', 'x$! SPDX-License-Identifier: MIT\n').licenses.length, 0);
    assert.equal(findHeader('notes.unknown', '$! SPDX-License-Identifier: MIT\n').licenses.length, 1);
  });

  it('a DCL command procedure with its header in `$!` comments has no header finding', () => {
    const text = '$! build.com: build the kit\n$!\n$! Copyright (C) 2026 A\n$!\n$! SPDX-License-Identifier: MIT\n$!\n$ set noon\n';
    const findings = checkText({ path: 'vms/build.com', text }, policyWith()).findings;
    assert.deepEqual(
      findings.map((f) => f.rule),
      [],
    );
  });

  it('accepts Copyright and © notices', () => {
    for (const line of ['# Copyright (c) 2020 A', '# Copyright 2020 A', '# © 2020 A', '# SPDX-FileCopyrightText: A']) {
      assert.equal(findHeader('a.py', `${line}\n# SPDX-License-Identifier: MIT\n`).copyrights.length, 1, line);
    }
  });
});

describe('the header block: the leading comments, however long', () => {
  const policy = policyWith();
  const rulesOf = (path: string, text: string, p = policy) => checkText({ path, text }, p).findings.map((f) => f.rule);

  // A 22-line banner with the tag at its bottom, as large C projects write them.
  const banner = [
    '/***************************************************************************',
    ...Array.from({ length: 16 }, (_, i) => ` * banner line ${i}`),
    ' * Copyright (C) Example Project contributors',
    ' *',
    ' * SPDX-License-Identifier: MIT',
    ' *',
    ' ***************************************************************************/',
    '#include <stdio.h>',
    '',
  ].join('\n');

  it('reads a long banner to its end, and stops at the first line of code', () => {
    const h = findHeader('a.c', banner);
    assert.deepEqual(
      h.licenses.map((t) => t.line),
      [19],
    );
    assert.equal(h.end, 22);
    assert.deepEqual(rulesOf('a.c', banner), []);
  });

  it('reads a long list of copyright lines before the license', () => {
    const text =
      '#!/usr/bin/env python3\n' +
      Array.from({ length: 14 }, (_, i) => `# SPDX-FileCopyrightText: 20${10 + i} Person ${i}\n`).join('') +
      '#\n# SPDX-License-Identifier: GPL-3.0-or-later\n\n"""Docs."""\nimport os\n';
    assert.deepEqual(rulesOf('tool.py', text), []);
  });

  it('keeps blank lines and several comment blocks, and a module docstring', () => {
    assert.deepEqual(rulesOf('a.go', '// SPDX-FileCopyrightText: 2024 A\n\n// SPDX-License-Identifier: MIT\n\n// Package a does things.\npackage a\n'), []);
    assert.deepEqual(rulesOf('m.py', '"""Module.\n\nSPDX-FileCopyrightText: 2024 A\nSPDX-License-Identifier: MIT\n"""\nimport os\n'), []);
  });

  it('a tag below the first line of code is header-misplaced, with its line, not header-missing', () => {
    const text = 'package a\n\nfunc f() {}\n\n// SPDX-FileCopyrightText: 2024 A\n// SPDX-License-Identifier: MIT\n';
    const [f, ...rest] = checkText({ path: 'a.go', text }, policy).findings;
    assert.deepEqual(rest, []);
    assert.equal(f.rule, 'header-misplaced');
    assert.equal(f.range.start.line, 5);
    assert.equal(f.message, 'SPDX-License-Identifier on line 6 is outside the header (line 1): move it to the top of the file');
  });

  it('says in header-missing which lines it read', () => {
    const [f] = checkText({ path: 'a.sh', text: '#!/bin/sh\n# Deploys the thing.\n# Run from the top folder.\necho hi\n' }, policy).findings;
    assert.equal(f.rule, 'header-missing');
    assert.equal(f.message, 'No license header in lines 1–3: add SPDX-FileCopyrightText and SPDX-License-Identifier');
  });

  it('headers.maxLine, when a policy sets it, ends the block: tags further down are misplaced', () => {
    const capped = policyWith((p) => {
      p.headers.maxLine = 10;
    });
    assert.deepEqual(rulesOf('a.c', banner, capped), ['header-misplaced']);
    const body = '#!/bin/sh\n' + '#\n'.repeat(10) + '# SPDX-License-Identifier: MIT\n';
    assert.equal(findHeader('a.sh', body, { maxLine: 10 }).licenses.length, 0);
    assert.equal(findHeader('a.sh', body, { maxLine: 11 }).licenses.length, 1);
  });

  it('a tag in an ASCII frame ends before the mirror of its lead, as reuse-tool reads it', () => {
    const frame =
      '/*******************************************\\\n|*  SPDX-License-Identifier: CC-BY-SA-4.0  *|\n\\*******************************************/\n';
    assert.deepEqual(
      findHeader('notes.md', frame, { anywhere: true }).licenses.map((t) => t.value),
      ['CC-BY-SA-4.0'],
    );
    assert.deepEqual(
      findHeader('a.sh', '# SPDX-License-Identifier: MIT #\n').licenses.map((t) => t.value),
      ['MIT'],
    );
  });

  it('REUSE 3.3 (--reuse): tags count anywhere in the file, in comments or not', () => {
    const late = 'int main(void) {}\n'.repeat(190) + '/* SPDX-FileCopyrightText: 2024 A */\n/* SPDX-License-Identifier: MIT */\n';
    assert.deepEqual(rulesOf('late.c', late, reusePolicy()), []);
    const h = findHeader('late.c', late, { anywhere: true });
    assert.deepEqual(
      h.licenses.map((t) => t.line),
      [191],
    );
    assert.deepEqual(rulesOf('late.c', 'int x;\n', reusePolicy()), ['header-missing', 'copyright-missing'].slice(0, 1));
    // The policy's max line has no say in REUSE mode.
    const strict = reusePolicy();
    strict.headers.maxLine = 3;
    assert.deepEqual(rulesOf('late.c', late, strict), []);
  });
});

describe('what may stand above the header', () => {
  const policy = policyWith();
  const rulesOf = (path: string, text: string) => checkText({ path, text }, policy).findings.map((f) => f.rule);
  const tags = (lead: string) => `${lead} SPDX-FileCopyrightText: 2024 A\n${lead} SPDX-License-Identifier: MIT\n`;

  it('a C include guard or #pragma once', () => {
    assert.deepEqual(rulesOf('a.h', `#ifndef A_H\n#define A_H\n/*\n${tags(' *')} */\nint a(void);\n#endif\n`), []);
    assert.deepEqual(rulesOf('a.hpp', `#pragma once\n${tags('//')}\nint a();\n`), []);
    assert.deepEqual(rulesOf('a.h', `#include <x.h>\n${tags('//')}`), ['header-misplaced'], 'an include is code');
  });

  it("PHP's strict_types declaration, after a blank line too", () => {
    assert.deepEqual(rulesOf('a.php', `<?php\n\ndeclare(strict_types=1);\n\n/**\n${tags(' *')} */\nnamespace A;\n`), []);
  });

  it("a batch file's @echo off, and rem in any case", () => {
    assert.deepEqual(rulesOf('a.bat', `@echo off\nrem ****\nrem banner\n${tags('rem')}rem ****\nset X=1\n`), []);
  });

  it('a /* */ banner in a file whose extension names another comment style', () => {
    assert.deepEqual(rulesOf('os400/build.cmd', `/****/\n/* banner */\n${tags('/*')}/****/\nPGM\n`), []);
  });

  it('a Go template comment in an HTML template', () => {
    assert.deepEqual(rulesOf('layouts/index.html', `{{- /* <!--\n${tags('   ')}--> */ -}}\n<html></html>\n`), []);
  });

  it('Lisp comments of any number of semicolons, and fixed-form Fortran comments only in column 1', () => {
    assert.deepEqual(rulesOf('a.clj', '; Copyright (c) 2020 Foo\n;\n;; Licensed under the EPL.\n;;; SPDX-License-Identifier: EPL-2.0\n(ns foo)\n'), []);
    assert.deepEqual(rulesOf('b.f', '* Copyright 2020 Foo\n*\nC SPDX-License-Identifier: MIT\n      call foo\n'), []);
    assert.equal(findHeader('c.f', '      common x\nc SPDX-License-Identifier: MIT\n').end, 0, 'a statement is not a comment');
  });

  it("m4's own # comments", () => {
    assert.deepEqual(rulesOf('acinclude.m4', `#****\n# banner\n#\n${tags('#')}#****\n\ndnl CHECK\nAC_DEFUN([X])\n`), []);
  });

  it('front matter whose end an ignore block swallows', () => {
    assert.deepEqual(
      rulesOf('spec.md', `---\n${tags('#')}\n# REUSE-IgnoreStart\ntitle: Spec\n---\n\nSPDX-License-Identifier: quoted\n<!-- REUSE-IgnoreEnd -->\n`),
      [],
    );
  });
});

describe('front matter', () => {
  const policy = policyWith();
  const rulesOf = (path: string, text: string) => checkText({ path, text }, policy).findings.map((f) => f.rule);

  it('a copyright given as a YAML value counts, as do SPDX keys and comments there', () => {
    assert.deepEqual(rulesOf('doc.md', '---\nc: Copyright (C) Example Project contributors\nSPDX-License-Identifier: MIT\nTitle: doc\n---\n\n# Doc\n'), []);
    assert.deepEqual(rulesOf('doc.md', '---\ncopyright: 2024 Jane Doe\nSPDX-License-Identifier: MIT\n---\nText\n'), []);
    assert.deepEqual(rulesOf('doc.md', '---\n# SPDX-FileCopyrightText: 2019 A\n# SPDX-License-Identifier: CC-BY-SA-4.0\n\ntitle: "FAQ"\n---\n\nText\n'), []);
  });

  it('other keys are not notices', () => {
    assert.deepEqual(rulesOf('doc.md', '---\ntitle: Copyright law\nSPDX-License-Identifier: MIT\n---\nText\n'), ['copyright-missing']);
  });
});

describe('rules', () => {
  const check = (path: string, text: string, sidecarText?: string) => checkText({ path, text, sidecarText }, policyWith()).findings;

  it('header-missing on line 1 with the exact message, underlining the first word', () => {
    const [f] = check('src/a.ts', 'export {};\n');
    assert.equal(f.rule, 'header-missing');
    assert.equal(f.severity, 'error');
    assert.equal(f.message, 'No license header in line 1: add SPDX-FileCopyrightText and SPDX-License-Identifier');
    assert.deepEqual(f.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 'export'.length } });
  });

  it('does not flag license texts, empty files, sidecars or a file with a sidecar', () => {
    assert.deepEqual(check('LICENSES/MIT.txt', 'MIT License\n'), []);
    assert.deepEqual(check('LICENSE', 'text\n'), []);
    assert.deepEqual(check('COPYING.md', 'text\n'), []);
    assert.deepEqual(check('a.ts', ''), []);
    assert.deepEqual(check('a.ts', '\n\n  \n'), []);
    assert.deepEqual(check('logo.svg.license', 'x'), []);
    assert.deepEqual(check('data.json', '{}', 'SPDX-FileCopyrightText: 2026 A\nSPDX-License-Identifier: MIT\n'), []);
  });

  it('asks for a sidecar for formats without comments', () => {
    const [f] = check('data.json', '{}\n');
    assert.match(f.message, /data\.json\.license/);
    assert.equal(f.fix, undefined);
  });

  it('spdx-invalid, spdx-deprecated and copyright-missing', () => {
    const text = '// SPDX-License-Identifier: GPL-2.0+ OR Foo-Bar\n';
    assert.deepEqual(
      check('a.ts', text).map((f) => f.rule),
      ['copyright-missing', 'spdx-invalid'],
    );
    const dep = check('a.ts', '// SPDX-FileCopyrightText: 2026 A\n// SPDX-License-Identifier: GPL-2.0+\n');
    assert.deepEqual(
      dep.map((f) => [f.rule, f.range.start.character, f.range.end.character]),
      [['spdx-deprecated', 28, 36]],
    );
  });

  it('follows the policy severity table, including off', () => {
    const p = policyWith((x) => {
      x.severity['header-missing'] = 'warning';
      x.severity['copyright-missing'] = 'off';
    });
    assert.equal(checkText({ path: 'a.ts', text: 'x\n' }, p).findings[0].severity, 'warning');
    assert.deepEqual(checkText({ path: 'a.ts', text: '// SPDX-License-Identifier: MIT\n' }, p).findings, []);
  });
});

describe('covered paths', () => {
  it('follows files.include and files.exclude, and never checks dependencies', () => {
    const p = policyWith((x) => {
      x.files.exclude = ['dist/**', '**/*.min.js'];
    });
    assert.equal(isCovered('src/a.ts', p), true);
    assert.equal(isCovered('.github/workflows/ci.yml', p), true);
    assert.equal(isCovered('dist/a.js', p), false);
    assert.equal(isCovered('src/vendor/x.min.js', p), false);
    assert.equal(isCovered('node_modules/x/index.js', p), false);
    assert.equal(isCovered('a/node_modules/x/index.js', p), false);
  });
});

describe('license-text-missing under REUSE reading', () => {
  it('asks once for a snippet license, and never for the ids of an expression that does not parse', () => {
    const text =
      '# SPDX-FileCopyrightText: 2024 A\n# SPDX-License-Identifier: MIT\nx = 1\n# SPDX-SnippetBegin\n# SPDX-SnippetCopyrightText: 2024 B\n# SPDX-License-Identifier: ISC\n# SPDX-SnippetEnd\ns = "SPDX-License-Identifier: GPL-3.0-or-later\\n"\n';
    const findings = checkText({ path: 'a.py', text, reuse: { licenseFiles: ['MIT.txt'] } }, reusePolicy()).findings;
    assert.deepEqual(
      findings.filter((f) => f.rule === 'license-text-missing').map((f) => [f.range.start.line, f.message]),
      [[5, "No license text for 'ISC': add LICENSES/ISC.txt (REUSE)"]],
    );
    assert.deepEqual(
      findings.filter((f) => f.rule === 'spdx-invalid').map((f) => f.range.start.line),
      [7],
    );
  });
});

describe('a license below the header', () => {
  const rulesOf = (path: string, text: string, p = policyWith(), sidecarText?: string) =>
    checkText({ path, text, sidecarText }, p)
      .findings.map((f) => f.rule)
      .sort();

  it('is still judged by the license rules: a denied license below a line of code is denied', () => {
    const deny = policyWith((p) => {
      p.licenses.deny = ['GPL-*'];
    });
    assert.deepEqual(rulesOf('a.js', "'use strict';\n// SPDX-FileCopyrightText: 2024 A\n// SPDX-License-Identifier: GPL-3.0-only\n", deny), [
      'header-misplaced',
      'license-denied',
    ]);
    assert.deepEqual(rulesOf('a.js', "'use strict';\n// SPDX-FileCopyrightText: 2024 A\n// SPDX-License-Identifier: MITT\n"), [
      'header-misplaced',
      'spdx-invalid',
    ]);
  });

  it('is not a tag when it stands bare in a string literal, but is inside a block comment', () => {
    assert.deepEqual(rulesOf('gen.py', 'import os\n\nTEMPLATE = """\nSPDX-License-Identifier: MIT\n"""\n'), ['header-missing']);
    assert.deepEqual(rulesOf('a.c', 'int x;\n/*\nSPDX-FileCopyrightText: 2024 A\nSPDX-License-Identifier: MIT\n*/\n'), ['header-misplaced']);
  });

  it("is an example when another language's comment leads it (a code block in Markdown or reStructuredText)", () => {
    assert.deepEqual(rulesOf('guide.md', '# Guide\n\n```sh\n# SPDX-License-Identifier: MIT\n```\n'), ['header-missing']);
    assert.deepEqual(rulesOf('guide.rst', 'Guide\n=====\n\n::\n\n    # SPDX-License-Identifier: MIT\n'), ['header-missing']);
    assert.deepEqual(rulesOf('guide.md', '# Guide\n\nText.\n\n<!-- SPDX-FileCopyrightText: 2024 A -->\n<!-- SPDX-License-Identifier: MIT -->\n'), [
      'header-misplaced',
    ]);
  });

  it('in code, any comment lead counts (a heredoc banner), and in plain text a bare line does', () => {
    assert.deepEqual(rulesOf('gen.pl', 'use strict;\nprint <<HEAD\n/*\n * SPDX-FileCopyrightText: 2024 A\n * SPDX-License-Identifier: MIT\n */\nHEAD\n'), [
      'header-misplaced',
    ]);
    assert.deepEqual(rulesOf('notes.txt', 'Build notes.\n\n Copyright (C) 2024 A\n SPDX-License-Identifier: ISC\n'), ['header-misplaced']);
  });

  it('gives no header-misplaced beside a sidecar, which licenses the file instead', () => {
    assert.deepEqual(rulesOf('a.py', 'x = 1\n# SPDX-License-Identifier: MIT\n', policyWith(), 'SPDX-FileCopyrightText: 2024 A\n'), ['header-missing']);
  });

  it('header-missing on a file of unknown format says which lines it read', () => {
    const [f] = checkText({ path: 'ChangeLog', text: 'text\n' }, policyWith()).findings;
    assert.equal(f.message, 'No license header in line 1: add SPDX-FileCopyrightText and SPDX-License-Identifier');
  });

  it('offers no license insert after a copyright given in front matter (it would be a second YAML key)', () => {
    const [f] = checkText({ path: 'a.md', text: '---\ntitle: x\nc: Copyright (C) 2020 Foo\n---\n# Doc\n' }, policyWith()).findings;
    assert.equal(f.rule, 'header-missing');
    assert.equal(f.fix, undefined);
  });
});

describe('a copyright notice starts with the word Copyright, on its own', () => {
  const notices = (text: string, file = 'a.c') =>
    findHeader(file, text, { anywhere: true })
      .tags.filter((t) => t.kind === 'copyright')
      .map((t) => t.value);

  it('reads Copyright followed by a space, (c) or a colon', () => {
    assert.deepEqual(notices('/* Copyright 2020 Jane Doe */\n'), ['2020 Jane Doe']);
    assert.deepEqual(notices('// Copyright (c) 2020 Jane Doe\n'), ['2020 Jane Doe']);
    assert.equal(notices('# Copyright: 2020 Jane Doe\n', 'a.py').length, 1);
    // As reuse-tool 6.2 reads them: (c) or © right after the word, and comment leads glued to it.
    assert.deepEqual(notices('// Copyright(C)2020 Jane\n'), ['2020 Jane']);
    assert.deepEqual(notices('// Copyright(c)2020 Jane\n'), ['2020 Jane']);
    assert.deepEqual(notices('/* Copyright©2019 Jane */\n'), ['2019 Jane']);
    assert.deepEqual(notices('--Copyright 2020 Jane\n', 'a.sql'), ['2020 Jane']);
    assert.deepEqual(notices('# -Copyright 2020 Jane\n', 'a.py'), ['2020 Jane']);
    assert.deepEqual(notices('//Copyright 2020 Jane\n'), ['2020 Jane']);
  });

  it('not inside a word, nor as a name in code, as reuse-tool reads them', () => {
    assert.deepEqual(notices('<key>NSHumanReadableCopyright</key>\n<string>x</string>\n', 'Info.plist'), []);
    assert.deepEqual(notices('enum Field {\n    Title,\n    Copyright,\n    Author,\n};\n'), []);
    assert.deepEqual(notices('const MyCopyright = 1;\n', 'a.js'), []);
  });
});
