import * as assert from 'node:assert/strict';
import { reuseGlob } from '../../server/src/engine/glob';
import { parseReuseToml, ReuseToml } from '../../server/src/engine/reuse/reuse-toml';
import { dep5GlobToReuseGlob, dep5ParagraphFor, dep5ToReuseToml, parseDep5 } from '../../server/src/engine/reuse/dep5';
import { effectiveLicensing, EffectiveLicensing, licensingFromTags, ReuseContext } from '../../server/src/engine/reuse/licensing';
import { exemptReason } from '../../server/src/engine/coverage';
import { blankIgnoredRegions, ignoreBlockProblems } from '../../server/src/engine/reuse/ignore-blocks';
import { hasLicenseText, isKnownId, licenseFileProblems, licenseIdsIn, missingLicenseTexts } from '../../server/src/engine/reuse/license-texts';
import { expressionSyntaxError } from '../../server/src/engine/spdx/expression';
import { findSnippets } from '../../server/src/engine/reuse/snippets';
import { findHeader } from '../../server/src/engine/header';
import { checkText } from '../../server/src/engine/check';
import { reusePolicy } from '../../server/src/engine/reuse/policy';

const none: EffectiveLicensing = { licenses: [], copyrights: [] };

function own(licenses: string[], copyrights: string[], file = 'f'): EffectiveLicensing {
  return {
    licenses: licenses.map((value, line) => ({ value, source: { kind: 'header', file, line } })),
    copyrights: copyrights.map((value, line) => ({ value, source: { kind: 'header', file, line: 10 + line } })),
  };
}

const values = (e: EffectiveLicensing) => ({ licenses: e.licenses.map((v) => v.value), copyrights: e.copyrights.map((v) => v.value) });

function toml(file: string, body: string): ReuseToml {
  const t = parseReuseToml(`version = 1\n${body}`, file);
  assert.deepEqual(t.problems, [], `${file} parses cleanly`);
  return t;
}

function annotation(path: string, precedence: string | undefined, license?: string, copyright?: string): string {
  return (
    [
      '',
      '[[annotations]]',
      `path = ${JSON.stringify(path)}`,
      precedence ? `precedence = "${precedence}"` : '',
      license ? `SPDX-License-Identifier = ${JSON.stringify(license)}` : '',
      copyright ? `SPDX-FileCopyrightText = ${JSON.stringify(copyright)}` : '',
    ]
      .filter((l, i) => i < 2 || l)
      .join('\n') + '\n'
  );
}

describe('REUSE engine: REUSE.toml globs', () => {
  const cases: [string, string, boolean][] = [
    ['*.py', 'a.py', true],
    ['*.py', 'src/a.py', false],
    ['*.py', 'apy', false], // `.` is literal
    ['src/*', 'src/a.c', true],
    ['src/*', 'src/sub/a.c', false],
    ['src/*/x.c', 'src/a/x.c', true],
    ['src/*/x.c', 'src/a/b/x.c', false],
    ['src/**', 'src/a/b/c.txt', true],
    ['src/**', 'srcx/a', false],
    ['**/*.png', 'a/b/c.png', true],
    ['**/*.png', 'c.png', true], // `**/` also matches no folder
    ['**.png', 'a/b/c.png', true],
    ['src/**/x.c', 'src/x.c', true],
    ['src/**/x.c', 'src/a/b/x.c', true],
    ['**/x.c', 'ax.c', true], // "`**/` matches everything including forward slashes": the slash is not required
    ['src', 'src/a', false], // the whole path must match
    ['a/b.txt', 'a/b.txt', true],
    ['*', '.env', true], // no dotfile special case
    ['*', 'a/.env', false],
    ['**', 'a/.hidden/b', true],
    ['x\\*y', 'x*y', true], // TOML "x\\*y": a literal asterisk
    ['x\\*y', 'xay', false],
    ['a\\\\b', 'a\\b', true], // TOML "a\\\\b": a literal backslash
    ['a\\\\*', 'a\\zz', true],
    ['\\a\\b', 'ab', true], // `\` before another character is that character
    ['f(1)+[x].txt', 'f(1)+[x].txt', true], // regex metacharacters are literal
    ['{a,b}.txt', 'a.txt', false], // no braces
    ['a?.txt', 'ab.txt', false], // no `?`
    ['a?.txt', 'a?.txt', true],
  ];
  for (const [pattern, path, expected] of cases) {
    it(`${JSON.stringify(pattern)} ${expected ? 'matches' : 'does not match'} ${JSON.stringify(path)}`, () => {
      assert.equal(reuseGlob(pattern)(path), expected);
    });
  }
});

describe('REUSE engine: REUSE.toml parsing', () => {
  it('reads annotations with their lines and values', () => {
    const text = [
      'version = 1', // 0
      '', // 1
      '[[annotations]]', // 2
      'path = ["po/*.po", "po/*.pot"]', // 3
      'precedence = "aggregate"', // 4
      'SPDX-FileCopyrightText = "2019 Translation Company"', // 5
      'SPDX-License-Identifier = "GPL-3.0-or-later"', // 6
      'SPDX-FileComment = "tolerated"', // 7
      '', // 8
      '[[annotations]]', // 9
      'path = "tests/resources/**"', // 10
      'precedence = "override"',
      'SPDX-FileCopyrightText = ["2019 Jane Doe", "2020 John"]',
      'SPDX-License-Identifier = "CC0-1.0"',
    ].join('\n');
    const t = parseReuseToml(text, 'sub/dir/REUSE.toml');
    assert.deepEqual(t.problems, []);
    assert.equal(t.dir, 'sub/dir');
    assert.equal(t.file, 'sub/dir/REUSE.toml');
    assert.equal(t.annotations.length, 2);
    const [a, b] = t.annotations;
    assert.deepEqual(
      [a.paths, a.precedence, a.copyrights, a.licenses, a.line],
      [['po/*.po', 'po/*.pot'], 'aggregate', ['2019 Translation Company'], ['GPL-3.0-or-later'], 2],
    );
    assert.deepEqual(a.keyLines, { path: 3, precedence: 4, copyrights: 5, licenses: 6 });
    assert.deepEqual([b.precedence, b.copyrights, b.line], ['override', ['2019 Jane Doe', '2020 John'], 9]);
    assert.equal(a.matches('po/de.po'), true);
    assert.equal(a.matches('po/x/de.po'), false);
    assert.equal(b.matches('tests/resources/a/b.bin'), true);
    assert.equal(parseReuseToml('version = 1\n[[annotations]]\npath = "x"\n', 'REUSE.toml').annotations[0].precedence, 'closest', 'closest is the default');
    assert.equal(parseReuseToml('version = 1\n', 'REUSE.toml').dir, '');
  });

  it('locates a TOML syntax error', () => {
    const t = parseReuseToml('version = 1\n[[annotations]]\npath = "a\n', 'REUSE.toml');
    assert.equal(t.annotations.length, 0);
    assert.equal(t.problems.length, 1);
    assert.equal(t.problems[0].line, 2);
    assert.match(t.problems[0].message, /not valid TOML/);
  });

  it('requires version = 1, an integer', () => {
    assert.deepEqual(
      parseReuseToml('[[annotations]]\npath = "a"\n', 'REUSE.toml').problems.map((p) => [p.line, /version = 1/.test(p.message)]),
      [[0, true]],
    );
    const float = parseReuseToml('# c\nversion = 1.0\n', 'REUSE.toml').problems;
    assert.deepEqual(
      float.map((p) => [p.line, p.character]),
      [[1, 0]],
    );
    assert.match(float[0].message, /integer/);
    const two = parseReuseToml('\n\n  version = 2\n', 'REUSE.toml').problems;
    assert.deepEqual(
      two.map((p) => [p.line, p.character]),
      [[2, 2]],
    );
    assert.match(two[0].message, /not supported/);
  });

  it('validates each key and locates the problem at the key', () => {
    const text = [
      'version = 1', // 0
      '[[annotations]]', // 1
      'SPDX-License-Identifier = "MIT"', // 2 (no path)
      '[[annotations]]', // 3
      'path = 3', // 4
      '[[annotations]]', // 5
      'path = "a"', // 6
      'precedence = "nearest"', // 7
      '[[annotations]]', // 8
      'path = []', // 9
      '[[annotations]]', // 10
      'path = "ok"', // 11
      'SPDX-License-Identifier = ["MIT AND", 4]', // 12
      'SPDX-FileCopyrightText = 7', // 13
      '"paths" = "typo"', // 14
      'spdx-license-identifier = "MIT"', // 15
      'SPDX-FileContributor = "fine"', // 16
      '[[annotations]]', // 17
      'path = ["../up", "/abs", "./dot"]', // 18
    ].join('\n');
    const t = parseReuseToml(text, 'REUSE.toml');
    const got = t.problems.map((p) => [p.line, p.severity ?? 'error', p.message.split(/[:,]/)[0]]);
    assert.deepEqual(got, [
      [1, 'error', 'this [[annotations]] table has no `path` (required)'],
      [4, 'error', '`path` must be a string or an array of strings'],
      [7, 'error', '`precedence` must be one of "closest"'],
      [9, 'error', '`path` must not be empty'],
      [13, 'error', '`SPDX-FileCopyrightText` must be a string or an array of strings'],
      [12, 'error', 'every item of `SPDX-License-Identifier` must be a string'],
      [12, 'error', '"MIT AND" is not a valid SPDX license expression'],
      [14, 'warning', 'unknown key `paths`'],
      [15, 'warning', 'unknown key `spdx-license-identifier`'],
      [18, 'error', '`path` "../up" must stay inside the folder of this REUSE.toml'],
      [18, 'error', '`path` "/abs" must stay inside the folder of this REUSE.toml'],
      [18, 'warning', '`path` "./dot" never matches'],
    ]);
    // Unusable tables are dropped; the rest is kept with its valid values.
    assert.deepEqual(
      t.annotations.map((a) => [a.paths, a.licenses, a.copyrights]),
      [
        [['ok'], ['MIT AND'], []],
        [['../up', '/abs', './dot'], [], []],
      ],
    );
  });

  it('reads inline annotation tables and never throws', () => {
    const t = parseReuseToml('version = 1\nannotations = [{ path = "a.txt", SPDX-License-Identifier = "MIT" }]\n', 'REUSE.toml');
    assert.deepEqual(t.problems, []);
    assert.deepEqual(
      t.annotations.map((a) => [a.paths, a.licenses, a.line]),
      [[['a.txt'], ['MIT'], 1]],
    );
    assert.match(parseReuseToml('version = 1\nannotations = "x"\n', 'REUSE.toml').problems[0].message, /array of tables/);
    for (const bad of ['', '\u0000', '[[annotations]]\n[annotations]\n', 'version = 1\n[[annotations]]\npath = { a = 1 }\n']) {
      assert.doesNotThrow(() => parseReuseToml(bad, 'REUSE.toml'));
    }
  });

  it('is not fooled by keys inside multi-line strings and arrays', () => {
    const text =
      'version = 1\n[[annotations]]\nSPDX-FileComment = """\npath = "x"\n"""\npath = [\n  "a",\n  "precedence = 1",\n]\nprecedence = "override" # [x]\nSPDX-License-Identifier = \'MIT\'\n';
    const t = parseReuseToml(text, 'REUSE.toml');
    assert.deepEqual(t.problems, []);
    assert.deepEqual(t.annotations[0].keyLines, { path: 5, precedence: 9, licenses: 10 });
  });
});

describe('REUSE engine: SPDX expressions', () => {
  it('checks syntax only, with ids collected', () => {
    for (const ok of [
      'MIT',
      'GPL-2.0+',
      'MIT OR Apache-2.0',
      '(MIT AND BSD-3-Clause) OR GPL-2.0-only WITH Classpath-exception-2.0',
      'LicenseRef-mine',
      'Unknown-1.0',
      'mit or isc',
    ]) {
      assert.equal(expressionSyntaxError(ok), undefined, ok);
    }
    for (const bad of ['', 'MIT AND', 'MIT OR (ISC', 'MIT ISC', 'WITH x', 'MIT WITH', 'Apache License 2.0', 'MIT)']) {
      assert.notEqual(expressionSyntaxError(bad), undefined, bad);
    }
    assert.deepEqual(licenseIdsIn('(GPL-2.0+ WITH Classpath-exception-2.0 OR MIT) AND MIT AND LicenseRef-x'), [
      'GPL-2.0+',
      'Classpath-exception-2.0',
      'MIT',
      'LicenseRef-x',
    ]);
  });
});

describe('REUSE engine: dep5', () => {
  const text = [
    'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/', // 0
    'Upstream-Name: demo', // 1
    '', // 2
    '# a comment line', // 3
    'Files: po/*.po', // 4
    '  po/*.pot', // 5
    'Copyright: 2019 Translation Company', // 6
    ' 2020 Other Company', // 7
    ' .', // 8
    'License: GPL-3.0-or-later', // 9
    ' The license text, ignored.', // 10
    '', // 11
    'Files: tests/resources/*', // 12
    'Copyright: 2019 Jane Doe', // 13
    'License: CC0-1.0', // 14
    '', // 15
    'Files: tests/resources/special/file-?.bin', // 16
    'Copyright: 2021 Special', // 17
    'License: MIT', // 18
    '', // 19
    'License: MIT', // 20: a stand-alone license paragraph
    ' MIT text', // 21
  ].join('\n');

  it('parses paragraphs with lines, continuation and last-match-wins', () => {
    const d = parseDep5(text);
    assert.deepEqual(d.problems, []);
    assert.equal(d.header.upstreamName, 'demo');
    assert.equal(d.paragraphs.length, 3);
    const [po, res] = d.paragraphs;
    assert.deepEqual(po.files, ['po/*.po', 'po/*.pot']);
    assert.deepEqual(po.copyrights, [
      { value: '2019 Translation Company', line: 6 },
      { value: '2020 Other Company', line: 7 },
    ]);
    assert.deepEqual(po.license, { value: 'GPL-3.0-or-later', line: 9 });
    assert.equal(po.line, 4);
    assert.equal(res.line, 12);
    // dep5 `*` crosses folders, `?` is one character
    assert.equal(dep5ParagraphFor(d, 'po/sub/x.po')?.line, 4);
    assert.equal(dep5ParagraphFor(d, 'tests/resources/a/b/c')?.line, 12);
    assert.equal(dep5ParagraphFor(d, 'tests/resources/special/file-1.bin')?.line, 16);
    assert.equal(dep5ParagraphFor(d, 'tests/resources/special/file-12.bin')?.line, 12);
    assert.equal(dep5ParagraphFor(d, 'src/x.c'), undefined);
  });

  it('reports what is missing, located', () => {
    const d = parseDep5('Upstream-Name: x\n\nFiles: a\nLicense: MIT\n\nFiles: b\nCopyright: me\n\nFiles: c\\x\nCopyright: me\nLicense: MIT\n');
    assert.deepEqual(
      d.problems.map((p) => [p.line, p.message.split(/[:,(]/)[0].trim()]),
      [
        [0, 'the first paragraph of .reuse/dep5 must be the header'],
        [2, 'this Files paragraph has no `Copyright'],
        [5, 'this Files paragraph has no `License'],
        [8, '"\\x" is not a valid escape in a dep5 path'],
      ],
    );
    assert.equal(parseDep5('').problems.length, 1);
  });

  it('converts to an equivalent REUSE.toml (aggregate), checked path by path', () => {
    const d = parseDep5(text.replace('file-?.bin', 'file-\\?.bin') + '\n\nFiles: */docs/*.md a\\*b\nCopyright: Docs\nLicense: CC-BY-4.0\n');
    assert.deepEqual(d.problems, []);
    const converted = parseReuseToml(dep5ToReuseToml(d), 'REUSE.toml');
    assert.deepEqual(converted.problems, []);
    assert.ok(converted.annotations.every((a) => a.precedence === 'aggregate'));
    const viaDep5: ReuseContext = { tomls: [], dep5: d };
    const viaToml: ReuseContext = { tomls: [converted] };
    const samples = [
      'po/de.po',
      'po/sub/de.pot',
      'po/de.txt',
      'tests/resources/a.png',
      'tests/resources/x/y/z',
      'tests/resources/special/file-?.bin',
      'tests/resources/special/file-1.bin',
      'x/docs/a.md',
      'x/y/docs/b.md',
      'docs/a.md',
      'xdocs/a.md',
      'a*b',
      'axb',
      'src/main.c',
    ];
    for (const path of samples) {
      for (const mine of [none, own(['MIT'], ['2024 Me'])]) {
        assert.deepEqual(values(effectiveLicensing(path, mine, viaToml)), values(effectiveLicensing(path, mine, viaDep5)), path);
      }
    }
    assert.deepEqual(values(effectiveLicensing('po/de.po', own(['MIT'], ['Me']), viaDep5)), {
      licenses: ['GPL-3.0-or-later', 'MIT'],
      copyrights: ['2019 Translation Company', '2020 Other Company', 'Me'],
    });
    assert.equal(effectiveLicensing('po/de.po', none, viaDep5).licenses[0].source.kind, 'dep5');
    assert.deepEqual(effectiveLicensing('po/de.po', none, viaDep5).licenses[0].source, { kind: 'dep5', file: '.reuse/dep5', line: 9, precedence: 'aggregate' });
  });

  it('says when a dep5 "?" had to be widened', () => {
    assert.deepEqual(dep5GlobToReuseGlob('a?b*'), { glob: 'a*b**', widened: true });
    assert.deepEqual(dep5GlobToReuseGlob('*/x'), { glob: '**/*/x', widened: false });
    assert.match(dep5ToReuseToml(parseDep5('Format: x\n\nFiles: a?\nCopyright: c\nLicense: MIT\n')), /# dep5 "\?"/);
  });
});

describe('REUSE engine: effective licensing', () => {
  it('closest: the file wins where it has information, per kind', () => {
    const ctx = { tomls: [toml('REUSE.toml', annotation('**', undefined, 'CC0-1.0', '2000 Toml'))] };
    assert.deepEqual(values(effectiveLicensing('a.c', own(['MIT'], ['Me']), ctx)), { licenses: ['MIT'], copyrights: ['Me'] });
    assert.deepEqual(values(effectiveLicensing('a.c', none, ctx)), { licenses: ['CC0-1.0'], copyrights: ['2000 Toml'] });
    assert.deepEqual(values(effectiveLicensing('a.c', own([], ['Me']), ctx)), { licenses: ['CC0-1.0'], copyrights: ['Me'] });
    assert.deepEqual(values(effectiveLicensing('a.c', own(['MIT'], []), ctx)), { licenses: ['MIT'], copyrights: ['2000 Toml'] });
    const src = effectiveLicensing('a.c', none, ctx).licenses[0].source;
    assert.deepEqual(src, { kind: 'reuse-toml', file: 'REUSE.toml', line: 4, precedence: 'closest' });
  });

  it('aggregate: both', () => {
    const ctx = { tomls: [toml('REUSE.toml', annotation('**', 'aggregate', 'CC0-1.0', '2000 Toml'))] };
    assert.deepEqual(values(effectiveLicensing('a.c', own(['MIT'], ['Me']), ctx)), { licenses: ['CC0-1.0', 'MIT'], copyrights: ['2000 Toml', 'Me'] });
    assert.deepEqual(values(effectiveLicensing('a.c', none, ctx)), { licenses: ['CC0-1.0'], copyrights: ['2000 Toml'] });
  });

  it('override: only the table', () => {
    const ctx = { tomls: [toml('REUSE.toml', annotation('**', 'override', 'CC0-1.0', '2000 Toml'))] };
    assert.deepEqual(values(effectiveLicensing('a.c', own(['MIT'], ['Me']), ctx)), { licenses: ['CC0-1.0'], copyrights: ['2000 Toml'] });
    const half = { tomls: [toml('REUSE.toml', annotation('**', 'override', 'CC0-1.0'))] };
    assert.deepEqual(
      values(effectiveLicensing('a.c', own(['MIT'], ['Me']), half)),
      { licenses: ['CC0-1.0'], copyrights: [] },
      "an override without copyright still hides the file's",
    );
  });

  it('uses only the last matching table of a REUSE.toml', () => {
    const ctx = { tomls: [toml('REUSE.toml', annotation('**', 'aggregate', 'MIT', 'First') + annotation('*.png', undefined, 'CC0-1.0'))] };
    assert.deepEqual(values(effectiveLicensing('a.png', none, ctx)), { licenses: ['CC0-1.0'], copyrights: [] }, 'the earlier aggregate table is not used');
    assert.deepEqual(values(effectiveLicensing('x/a.c', none, ctx)), { licenses: ['MIT'], copyrights: ['First'] });
    assert.deepEqual(values(effectiveLicensing('x/a.png', none, ctx)), { licenses: ['MIT'], copyrights: ['First'] }, '*.png does not cross folders');
  });

  it('nested REUSE.toml: paths are relative to their folder, the closest closest wins, per kind', () => {
    const root = toml('REUSE.toml', annotation('**', undefined, 'MIT', 'Root'));
    const sub = toml('lib/REUSE.toml', annotation('*.c', undefined, 'BSD-3-Clause'));
    const ctx = { tomls: [sub, root] };
    assert.deepEqual(values(effectiveLicensing('lib/a.c', none, ctx)), { licenses: ['BSD-3-Clause'], copyrights: ['Root'] });
    assert.deepEqual(values(effectiveLicensing('lib/x/a.c', none, ctx)), { licenses: ['MIT'], copyrights: ['Root'] });
    assert.deepEqual(values(effectiveLicensing('a.c', none, ctx)), { licenses: ['MIT'], copyrights: ['Root'] });
    assert.deepEqual(values(effectiveLicensing('libx/a.c', none, ctx)), { licenses: ['MIT'], copyrights: ['Root'] }, 'lib/ does not cover libx/');
    assert.equal(effectiveLicensing('lib/a.c', none, ctx).licenses[0].source.file, 'lib/REUSE.toml');
    assert.deepEqual(values(effectiveLicensing('lib/a.c', own(['ISC'], []), ctx)), { licenses: ['ISC'], copyrights: ['Root'] });
  });

  it('nested REUSE.toml: an outer override beats inner files and the file', () => {
    const ctx = {
      tomls: [
        toml('REUSE.toml', annotation('vendor/**', 'override', 'Apache-2.0', 'Vendor')),
        toml('vendor/REUSE.toml', annotation('**', 'override', 'MIT', 'Inner')),
      ],
    };
    assert.deepEqual(values(effectiveLicensing('vendor/x.c', own(['GPL-2.0-only'], ['Me']), ctx)), { licenses: ['Apache-2.0'], copyrights: ['Vendor'] });
  });

  it('nested REUSE.toml: an inner override keeps outer aggregate tables and drops outer closest ones', () => {
    const agg = {
      tomls: [toml('REUSE.toml', annotation('**', 'aggregate', 'MIT', 'Root')), toml('a/REUSE.toml', annotation('**', 'override', 'CC0-1.0', 'A'))],
    };
    assert.deepEqual(values(effectiveLicensing('a/f', own(['ISC'], ['Me']), agg)), { licenses: ['MIT', 'CC0-1.0'], copyrights: ['Root', 'A'] });
    const closest = { tomls: [toml('REUSE.toml', annotation('**', undefined, 'MIT', 'Root')), toml('a/REUSE.toml', annotation('**', 'override', 'CC0-1.0'))] };
    assert.deepEqual(values(effectiveLicensing('a/f', none, closest)), { licenses: ['CC0-1.0'], copyrights: [] });
  });

  it('a file REUSE.toml gives a license but no copyright still lacks a copyright, unless it has its own', () => {
    const ctx = { tomls: [toml('REUSE.toml', annotation('data.json', undefined, 'MIT') + annotation('a.py', undefined, 'MIT'))] };
    const reuse = { context: ctx, licenseFiles: ['MIT.txt'] };
    const json = checkText({ path: 'data.json', text: '{"a": 1}\n', reuse }, reusePolicy()).findings;
    assert.deepEqual(
      json.map((f) => f.rule),
      ['copyright-missing'],
    );
    assert.match(json[0].message, /REUSE\.toml line \d+ gives data\.json its license but no SPDX-FileCopyrightText/);
    assert.deepEqual(checkText({ path: 'a.py', text: '# SPDX-FileCopyrightText: 2024 Me\nimport os\n', reuse }, reusePolicy()).findings, []);
    assert.deepEqual(
      checkText({ path: 'a.py', text: 'import os\n', reuse }, reusePolicy()).findings.map((f) => f.rule),
      ['copyright-missing'],
    );
  });

  it('nested REUSE.toml: an inner closest with an outer aggregate gives both', () => {
    const ctx = {
      tomls: [toml('REUSE.toml', annotation('**', 'aggregate', 'MIT', 'Root')), toml('a/REUSE.toml', annotation('**', undefined, 'CC0-1.0', 'A'))],
    };
    assert.deepEqual(values(effectiveLicensing('a/f', none, ctx)), { licenses: ['MIT', 'CC0-1.0'], copyrights: ['Root', 'A'] });
    assert.deepEqual(values(effectiveLicensing('a/f', own(['ISC'], ['Me']), ctx)), { licenses: ['MIT', 'ISC'], copyrights: ['Root', 'Me'] });
  });

  it("a sidecar replaces the header: the caller passes the sidecar tags as the file's own", () => {
    const header = findHeader('a.py', '# SPDX-FileCopyrightText: Header\n# SPDX-License-Identifier: MIT\n');
    const sidecar = findHeader('a.py.license', 'SPDX-FileCopyrightText: Sidecar\nSPDX-License-Identifier: CC0-1.0\n');
    const mine = licensingFromTags(sidecar, 'a.py.license', 'sidecar');
    const got = effectiveLicensing('a.py', mine, { tomls: [] });
    assert.deepEqual(values(got), { licenses: ['CC0-1.0'], copyrights: ['Sidecar'] });
    assert.deepEqual(got.licenses[0].source, { kind: 'sidecar', file: 'a.py.license', line: 1 });
    assert.deepEqual(values(licensingFromTags(header, 'a.py', 'header')), { licenses: ['MIT'], copyrights: ['Header'] });
  });
});

describe('REUSE engine: ignore blocks and snippets', () => {
  const text = [
    '# SPDX-FileCopyrightText: 2021 Jane Doe', // 0
    '# SPDX-License-Identifier: GPL-3.0-or-later', // 1
    '# REUSE-IgnoreStart', // 2
    'echo "SPDX-License-Identifier: MIT" > file.txt', // 3
    '# REUSE-IgnoreEnd', // 4
    '# SPDX-License-Identifier: ISC', // 5
  ].join('\r\n');

  it('blanks ignored regions, keeping every offset and line break', () => {
    const blank = blankIgnoredRegions(text);
    assert.equal(blank.length, text.length);
    assert.equal(blank.split('\r\n').length, 6);
    assert.equal(blank.split('\r\n')[3].trim(), '');
    assert.equal(blank.split('\r\n')[2], '# ' + ' '.repeat('REUSE-IgnoreStart'.length));
    assert.deepEqual(
      findHeader('a.sh', blank).licenses.map((t) => [t.value, t.line]),
      [
        ['GPL-3.0-or-later', 1],
        ['ISC', 5],
      ],
    );
    // findHeader blanks ignore blocks itself: the code line inside one neither counts nor ends the header.
    assert.deepEqual(
      findHeader('a.sh', text).licenses.map((t) => t.value),
      ['GPL-3.0-or-later', 'ISC'],
    );
    assert.deepEqual(
      findHeader('a.sh', text.replace('# REUSE-IgnoreStart', '# ignore').replace('# REUSE-IgnoreEnd', '# end')).licenses.map((t) => t.value),
      ['GPL-3.0-or-later'],
      'a line of code ends the header block',
    );
    // REUSE 3.3 reads the whole file, code included, as reuse-tool does (to the end of the line): only the ignore block hides MIT.
    assert.deepEqual(
      findHeader('a.sh', text, { anywhere: true }).licenses.map((t) => t.value),
      ['GPL-3.0-or-later', 'ISC'],
    );
    assert.deepEqual(
      findHeader('a.sh', text.replace('REUSE-IgnoreStart', 'x'), { anywhere: true }).licenses.map((t) => t.value),
      ['GPL-3.0-or-later', 'MIT" > file.txt', 'ISC'],
    );
    const inComment = '# REUSE-IgnoreStart\n# SPDX-License-Identifier: MIT\n# REUSE-IgnoreEnd\n';
    assert.equal(findHeader('a.sh', inComment).licenses.length, 0);
    assert.equal(findHeader('a.sh', inComment.replace(/REUSE-Ignore/g, 'x')).licenses.length, 1);
    assert.equal(blankIgnoredRegions('no markers'), 'no markers');
    assert.deepEqual(ignoreBlockProblems(text), []);
  });

  it('an unclosed IgnoreStart hides the rest of the file and is reported where it is', () => {
    const t = '# SPDX-License-Identifier: MIT\n  # REUSE-IgnoreStart\n# SPDX-License-Identifier: ISC\n';
    assert.equal(findHeader('a.sh', blankIgnoredRegions(t)).licenses.length, 1);
    assert.deepEqual(
      ignoreBlockProblems(t).map((p) => [p.line, p.character]),
      [[1, 4]],
    );
    const twice = 'REUSE-IgnoreEnd a REUSE-IgnoreStart b REUSE-IgnoreEnd c REUSE-IgnoreStart d REUSE-IgnoreEnd e';
    assert.equal(blankIgnoredRegions(twice).replace(/ +/g, ' '), 'REUSE-IgnoreEnd a c e');
  });

  it('finds snippets anywhere in the file', () => {
    const t =
      '# SPDX-License-Identifier: MIT\n' +
      'x\n'.repeat(200) +
      '# SPDX-SnippetBegin\n# SPDX-SnippetCopyrightText: 2022 Jane\n# SPDX-License-Identifier: Apache-2.0\ncode\n# SPDX-SnippetEnd\n';
    const [s] = findSnippets(t);
    assert.deepEqual([s.begin, s.end, s.licenses.map((x) => x.value), s.copyrights.map((x) => x.value)], [201, 205, ['Apache-2.0'], ['2022 Jane']]);
    assert.deepEqual(findSnippets('x = "# SPDX-SnippetBegin"\n"# SPDX-SnippetBegin\\n"\nUse `SPDX-SnippetBegin` here.\n'), [], 'quoted, not tags');
  });
});

describe('REUSE engine: covered files', () => {
  const exempt = [
    'LICENSES/MIT.txt',
    'LICENSE',
    'LICENSE.md',
    'LICENCE-MIT',
    'COPYING',
    'COPYING.LESSER',
    'sub/LICENSE.txt',
    '.git/config',
    'a/.hg/store',
    '.sl/x',
    'sub/.git',
    '.reuse/dep5',
    '.reuse/templates/x.jinja2',
    'REUSE.toml',
    'sub/REUSE.toml',
    'cat.jpg.license',
    'sbom.spdx',
    'sbom.spdx.json',
    'x.spdx.yaml',
    'x.spdx.yml',
    'x.spdx.rdf',
    'x.spdx.rdf.xml',
    'x.spdx.xml',
    'subprojects/zlib/zlib.c',
    'lib/subprojects/zlib/src/a.c',
    '.hgtags',
    'sub/.hgtags',
    'LICENSES/sub/MIT.txt',
    '.svn/entries',
  ];
  const covered = [
    'src/a.c',
    'LICENSES.md',
    'MY-LICENSE',
    'license',
    'LICENSEE',
    'src/licenses.ts',
    'spdx.json',
    'a.spdx.txt',
    'REUSE.toml.bak',
    'subprojects/zlib.wrap',
    '.gitignore',
    '.github/workflows/ci.yml',
    'notes.licenses',
    'subprojects/meson.build',
    'src/subprojects.c',
    '.hgignore',
  ];
  for (const p of exempt) it(`exempts ${p}`, () => assert.notEqual(exemptReason(p), undefined));
  for (const p of covered) it(`covers ${p}`, () => assert.equal(exemptReason(p), undefined));

  it('the product checks no file that is not a Covered File: a Meson subproject, .hgtags, a folder in LICENSES/', () => {
    for (const path of ['subprojects/zlib/a.c', '.hgtags', 'LICENSES/sub/notes.md', '.sl/config']) {
      const result = checkText({ path, text: 'int x;\n', reuse: { licenseFiles: [] } }, reusePolicy());
      assert.deepEqual([result.findings, typeof result.exempt], [[], 'object'], path);
    }
  });
});

describe('REUSE engine: LICENSES/', () => {
  it('reports unused, deprecated, non-SPDX, extension-less and duplicate texts', () => {
    const files = [
      'MIT.txt',
      'Apache-2.0.txt',
      'GPL-2.0.txt',
      'Foo.txt',
      'ISC',
      'BSD-3-Clause.txt',
      'BSD-3-Clause.md',
      'MIT.txt.license',
      'LicenseRef-mine.txt',
      'GPL-3.0',
    ];
    const used = new Set(['MIT', 'GPL-2.0', 'ISC', 'BSD-3-Clause', 'LicenseRef-mine', 'GPL-3.0+']);
    const got = licenseFileProblems(files, used).map((p) => `${p.file}:${p.kind}`);
    assert.deepEqual(got, [
      'Apache-2.0.txt:unused',
      'GPL-2.0.txt:deprecated',
      'Foo.txt:not-spdx',
      'Foo.txt:unused',
      'ISC:no-extension',
      'BSD-3-Clause.md:duplicate',
      'GPL-3.0:no-extension',
      'GPL-3.0:deprecated',
    ]);
  });

  it('lists the used ids without a text (an or-later id takes the plain text)', () => {
    const files = ['MIT.txt', 'GPL-2.0-or-later.txt', 'Apache-2.0.txt', 'ISC'];
    const used = new Set(['MIT', 'GPL-2.0-or-later', 'Apache-2.0+', 'LGPL-2.1+', 'Classpath-exception-2.0', 'ISC', 'LicenseRef-x']);
    assert.deepEqual(missingLicenseTexts(used, files), ['Classpath-exception-2.0', 'LGPL-2.1+', 'LicenseRef-x']);
  });

  it('knows which SPDX texts ship, and the ids', () => {
    assert.equal(hasLicenseText('MIT'), true);
    assert.equal(hasLicenseText('LicenseRef-x'), false);
    assert.equal(hasLicenseText('Classpath-exception-2.0'), false);
    assert.equal(hasLicenseText('toString'), false);
    assert.equal(isKnownId('LicenseRef-a.b-c'), true);
    assert.equal(isKnownId('Classpath-exception-2.0'), true);
    assert.equal(isKnownId('Foo'), false);
  });
});
