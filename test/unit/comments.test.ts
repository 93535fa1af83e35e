import * as assert from 'node:assert/strict';
import { commentStyleFor, knownStyles } from '../../server/src/engine/comments';

describe('comment styles', () => {
  it('covers at least 40 languages by extension, and well-known file names', () => {
    assert.ok(knownStyles.extensions.length >= 100, `${knownStyles.extensions.length} extensions`);
    const samples: Record<string, string | undefined> = {
      'a.c': '//', 'a.py': '#', 'a.sh': '#', 'a.sql': '--', 'a.lua': '--', 'a.hs': '--', 'a.el': ';;', 'a.tex': '%',
      'a.f90': '!', 'a.vim': '"', 'a.bat': '@REM', 'a.rs': '//', 'a.go': '//', 'a.rb': '#', 'a.yaml': '#',
      'Makefile': '#', 'Dockerfile': '#', 'Dockerfile.dev': '#', 'CMakeLists.txt': '#', 'go.mod': '//', '.gitignore': '#',
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
});
