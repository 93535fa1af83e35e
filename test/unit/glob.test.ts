import * as assert from 'node:assert/strict';
import { dep5Glob, editorconfigGlob, globProblem, pathGlob, reuseGlob, wildcard } from '../../server/src/engine/glob';
import { parsePolicy } from '../../server/src/engine/policy/parse';

describe('globs (engine/glob.ts)', () => {
  it('path globs: picomatch syntax with dotfiles, compiled once per list', () => {
    const test = pathGlob(['src/**/*.ts']);
    assert.equal(test('src/.hidden/a.ts'), true);
    assert.equal(test('src/a.ts'), true, '`/**/` may match no folder');
    assert.equal(test('lib/a.ts'), false);
    assert.equal(pathGlob(['src/**/*.ts']), test);
  });

  it('path globs: `**` crosses folders only as a whole segment, `a/**` matches `a` itself', () => {
    assert.equal(pathGlob(['vendor/**'])('vendor'), true);
    assert.equal(pathGlob(['vendor/**'])('vendor/x/y.c'), true);
    assert.equal(pathGlob(['vendor/**'])('vendored/y.c'), false);
    assert.equal(pathGlob(['a**b'])('a/x/b'), false, '`**` inside a segment is `*`');
    assert.equal(pathGlob(['a**b'])('axxb'), true);
    assert.equal(pathGlob(['**/*.min.js'])('a/b/c.min.js'), true);
    assert.equal(pathGlob(['**/*.min.js'])('c.min.js'), true);
    assert.equal(pathGlob(['*.js'])('a/b.js'), false, 'a glob without `/` is not matched at any depth');
    assert.equal(pathGlob(['**/*'])('any/thing'), true);
  });

  it('path globs: `?`, classes, braces, ranges, extglobs, escapes and negation', () => {
    assert.equal(pathGlob(['a?c'])('abc'), true);
    assert.equal(pathGlob(['a?c'])('a/c'), false, '`?` never matches `/`');
    assert.equal(pathGlob(['[ab]x'])('bx'), true);
    assert.equal(pathGlob(['[!ab]x'])('bx'), false);
    assert.equal(pathGlob(['[!ab]x'])('cx'), true);
    assert.equal(pathGlob(['[[:digit:]]x'])('7x'), true);
    assert.equal(pathGlob(['*.{js,ts}'])('a.ts'), true);
    assert.equal(pathGlob(['*.{js,ts}'])('a.tsx'), false);
    assert.equal(pathGlob(['{src,lib/**}/x'])('lib/a/b/x'), true);
    assert.equal(pathGlob(['v{1..12}/*'])('v11/a'), true);
    assert.equal(pathGlob(['v{1..12}/*'])('v13/a'), false);
    assert.equal(pathGlob(['@(a|b).c'])('b.c'), true);
    assert.equal(pathGlob(['+(ab).c'])('ababab.c'), true);
    assert.equal(pathGlob(['a\\*b'])('a*b'), true);
    assert.equal(pathGlob(['a\\*b'])('axb'), false);
    assert.equal(pathGlob(['{a}'])('{a}'), true, 'braces without a comma are literal');
    assert.equal(pathGlob(['x.[ch'])('x.[ch'), true, 'an unclosed class is literal');
    assert.equal(pathGlob(['!*.md'])('a.c'), true);
    assert.equal(pathGlob(['!*.md'])('a.md'), false);
    assert.equal(pathGlob(['./a/b'])('a/b'), true);
  });

  it('path globs: a path that is the glob itself matches (picomatch), and only `**.ext` crosses folders when glued', () => {
    assert.equal(pathGlob(['app/(auth)/page.tsx'])('app/(auth)/page.tsx'), true);
    assert.equal(pathGlob(['src/foo (copy).c'])('src/foo (copy).c'), true);
    assert.equal(pathGlob(['a[x]'])('a[x]'), true);
    assert.equal(pathGlob(['**.d.ts'])('x/y/a.d.ts'), true);
    assert.equal(pathGlob(['**_test.go'])('pkg/a_test.go'), false);
    assert.equal(pathGlob(['**.{js,ts}'])('src/a.ts'), false);
    assert.equal(reuseGlob('a'.repeat(940_000))('a'), false, 'a glob too large for RE2 matches nothing, and does not throw');
  });

  it('a glob a linear matcher cannot run is a policy error at its line, and matches nothing', () => {
    assert.match(globProblem('!(vendor)/**') ?? '', /not supported/);
    assert.match(globProblem('{1..100000}') ?? '', /range/);
    assert.match(globProblem('{a,'.repeat(40) + 'b' + '}'.repeat(40)) ?? '', /nest/);
    assert.equal(globProblem('src/**/*.{js,ts}'), undefined);
    assert.equal(pathGlob(['!(vendor)/**'])('src/a.c'), false);
    const { problems } = parsePolicy('version: 1\nfiles:\n  exclude:\n    - "dist/**"\n    - "!(vendor)/**"\n');
    const problem = problems.find((p) => /Invalid glob/.test(p.message));
    assert.ok(problem, JSON.stringify(problems));
    assert.equal(problem.severity, 'error');
    assert.equal(problem.line, 4);
    const overrides = parsePolicy('version: 1\noverrides:\n  - paths: ["{1..9999999}"]\n    severity: {header-missing: off}\n');
    assert.ok(
      overrides.problems.some((p) => /Invalid glob .*overrides\[0\]\.paths/.test(p.message) && p.line === 2),
      JSON.stringify(overrides.problems),
    );
  });

  it('every flavour matches a backtracking-bomb glob in linear time', () => {
    const bomb = '*a'.repeat(14) + '*b';
    const name = 'a'.repeat(4000);
    // A backtracking engine takes longer than the age of the universe on each of these.
    assert.equal(pathGlob([bomb])(name), false);
    assert.equal(pathGlob(['**/' + bomb])(`x/${name}`), false);
    assert.equal(reuseGlob(bomb)(name), false);
    assert.equal(dep5Glob(bomb)(name), false);
    assert.equal(editorconfigGlob(bomb)(name), false);
    assert.equal(wildcard(bomb)(name), false);
    assert.equal(wildcard(bomb, { ignoreCase: true })(name + 'B'), true);
  });

  it('editorconfig globs: a glob with `/` is anchored, one without matches at any depth; `**` crosses folders', () => {
    assert.equal(editorconfigGlob('*.py')('a/b/c.py'), true);
    assert.equal(editorconfigGlob('lib/*.py')('lib/c.py'), true);
    assert.equal(editorconfigGlob('lib/*.py')('x/lib/c.py'), false);
    assert.equal(editorconfigGlob('/lib/**')('lib/x/y/c.py'), true);
    assert.equal(editorconfigGlob('a**b')('a/x/b'), true);
    assert.equal(editorconfigGlob('{*.c,*.h}')('x/y.h'), true);
    assert.equal(editorconfigGlob('v{1..3}.txt')('v2.txt'), true);
  });

  it('wildcards: `*` crosses any character, everything else is literal', () => {
    assert.equal(wildcard('GPL-*')('GPL-2.0+'), true);
    assert.equal(wildcard('GPL-2.0+')('GPL-2.00'), false);
    assert.equal(wildcard('GPL-*')('LGPL-2.1'), false);
    assert.equal(wildcard('*copilot*', { ignoreCase: true })('GitHub Copilot/1.2'), true);
    assert.equal(wildcard('*copilot*')('GitHub Copilot'), false);
    assert.equal(wildcard('a(b)[c]')('a(b)[c]'), true);
  });
});
