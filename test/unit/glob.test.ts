import * as assert from 'node:assert/strict';
import { pathGlob, wildcard } from '../../server/src/engine/glob';

describe('globs (engine/glob.ts)', () => {
  it('path globs: picomatch with dotfiles, compiled once per list', () => {
    const test = pathGlob(['src/**/*.ts']);
    assert.equal(test('src/.hidden/a.ts'), true);
    assert.equal(test('lib/a.ts'), false);
    assert.equal(pathGlob(['src/**/*.ts']), test);
  });

  it('wildcards: `*` crosses any character, everything else is literal', () => {
    assert.equal(wildcard('GPL-*')('GPL-2.0+'), true);
    assert.equal(wildcard('GPL-2.0+')('GPL-2.00'), false);
    assert.equal(wildcard('GPL-*')('LGPL-2.1'), false);
    assert.equal(wildcard('*copilot*', { ignoreCase: true })('GitHub Copilot/1.2'), true);
    assert.equal(wildcard('*copilot*')('GitHub Copilot'), false);
  });
});
