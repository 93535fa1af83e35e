// The license texts a fix writes come from the data file the build writes beside the bundles (run
// `npm run build` first); the engine only knows which ids have one.

import * as assert from 'node:assert/strict';
import licenseList = require('spdx-license-list/full');
import { hasLicenseText } from '../../server/src/engine/reuse/license-texts';
import { licenseText, readLicenseTexts } from '../../server/src/io/license-texts';

describe('license texts data file', () => {
  it('holds the SPDX list text of every license, unchanged', () => {
    const texts = readLicenseTexts();
    const expected = Object.fromEntries(Object.entries(licenseList).map(([id, { licenseText }]) => [id, licenseText]));
    assert.equal(Object.keys(texts).length, Object.keys(expected).length);
    assert.deepEqual(texts, expected);
  });

  it('has a text for every id the engine offers to create one for, and none for others', () => {
    for (const id of Object.keys(licenseList)) assert.ok(hasLicenseText(id) && licenseText(id), id);
    assert.match(licenseText('MIT') ?? '', /Permission is hereby granted/);
    for (const id of ['LicenseRef-x', 'Classpath-exception-2.0', 'toString', '__proto__']) {
      assert.equal(licenseText(id), undefined, id);
      assert.equal(hasLicenseText(id), false, id);
    }
  });
});
