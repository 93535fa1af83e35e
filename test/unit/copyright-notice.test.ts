import * as assert from 'node:assert/strict';
import { parseNotice } from '../../server/src/engine/copyright';

describe('a copyright notice read into years and holder', () => {
  it('reads a range written with a hyphen or an en dash, with or without spaces', () => {
    for (const value of ['2019-2024 Jane Doe', '2019\u20132024 Jane Doe', '2019 \u2013 2024 Jane Doe']) {
      const notice = parseNotice(value);
      assert.deepEqual(notice.years, [2019, 2024], value);
      assert.equal(notice.holder, 'Jane Doe', value);
      assert.equal(value.slice(...notice.holderSpan), 'Jane Doe', value);
      assert.equal(notice.isList, false, value);
    }
  });

  it('reads a list of years and ranges, and "present"', () => {
    const value = '(c) 2018, 2020\u20132022, 2024-present Example Corp. All rights reserved.';
    const notice = parseNotice(value);
    assert.deepEqual(notice.years, [2018, 2020, 2022, 2024]);
    assert.equal(notice.isList, true);
    assert.equal(value.slice(...notice.yearSpan!), '2018, 2020\u20132022, 2024-present');
    assert.equal(notice.holder, 'Example Corp');
  });

  it('leaves a dash that is not between years to the holder', () => {
    const notice = parseNotice('2020 \u2013 Jane Doe');
    assert.deepEqual(notice.years, [2020]);
    assert.equal(notice.holder, '\u2013 Jane Doe');
  });
});
