import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { commentStyleFor, isUncommentable, knownStyles } from '../../server/src/engine/comments';
import { compareWithReuse, ReuseSnapshot } from './reuse-comment-coverage';

describe('comment styles', () => {
  it('covers at least 40 languages by extension, and well-known file names', () => {
    assert.ok(knownStyles.extensions.length >= 100, `${knownStyles.extensions.length} extensions`);
    const samples: Record<string, string | undefined> = {
      'a.c': '//',
      'a.py': '#',
      'a.sh': '#',
      'a.sql': '--',
      'a.lua': '--',
      'a.hs': '--',
      'a.el': ';;',
      'a.tex': '%',
      'a.f90': '!',
      'a.vim': '"',
      'a.bat': '@REM',
      'a.rs': '//',
      'a.go': '//',
      'a.rb': '#',
      'a.yaml': '#',
      Makefile: '#',
      Dockerfile: '#',
      'Dockerfile.dev': '#',
      'CMakeLists.txt': '#',
      'go.mod': '//',
      '.gitignore': '#',
    };
    for (const [file, line] of Object.entries(samples)) assert.equal(commentStyleFor(file)?.line, line, file);
    assert.equal(commentStyleFor('a.html')?.start, '<!--');
    assert.equal(commentStyleFor('a.ml')?.start, '(*');
    assert.equal(commentStyleFor('a.css')?.start, '/*');
    assert.equal(commentStyleFor('a.json'), undefined);
  });

  it('lets the policy add or override styles', () => {
    assert.equal(commentStyleFor('x.foo', { '.foo': { line: '--' } })?.line, '--');
    assert.equal(commentStyleFor('x.py', { '.py': { line: '##' } })?.line, '##');
  });

  it("covers reuse-tool's table: every extension and file name, read in reuse's syntax, written the same unless noted", () => {
    // A snapshot of reuse-tool's comment.py tables, renewed by bench/comment-coverage.mjs --update.
    const snapshot: ReuseSnapshot = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../test/unit/fixtures/reuse-comment-styles.json'), 'utf8'));
    const { extensions, names } = compareWithReuse(snapshot);
    assert.deepEqual([...extensions.gaps, ...names.gaps], []);
    assert.ok(extensions.total > 250 && names.total > 70, 'the snapshot holds the whole table');
    for (const c of [extensions, names]) assert.equal(c.read, c.total - c.notApplicable);
  });

  it('knows formats without comments by extension and by file name', () => {
    for (const file of ['a.json', 'a.pdf', 'a.png', 'a.docx', 'Cargo.lock', 'go.sum', 'flake.lock', '.prettierrc']) {
      assert.equal(isUncommentable(file), true, file);
      assert.equal(commentStyleFor(file), undefined, file);
    }
    assert.equal(isUncommentable('a.py'), false);
  });

  it('takes a two-part extension before the last part, and never a prototype member', () => {
    assert.equal(commentStyleFor('views/a.blade.php')?.start, '{{--');
    assert.equal(commentStyleFor('a.php')?.line, '//');
    assert.equal(commentStyleFor('x.y.constructor'), undefined);
    assert.equal(commentStyleFor('constructor'), undefined);
    assert.equal(commentStyleFor('.constructor'), undefined);
  });
});
