// ai-chatbot-artifact against a labelled corpus (test/unit/fixtures/chatbot-artifacts): precision and
// recall, measured. No negative may be flagged; the positives left out are named, so a pattern that
// starts to miss one, or to catch one on purpose left out, shows here.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkText } from '../../server/src/engine/check';
import { defaultPolicy } from '../../server/src/engine/policy/model';
import { editsFor } from '../../server/src/engine/fixes';
import { applyEdits } from '../../server/src/engine/text';
import { fixedContext } from './helpers';

const corpus = path.resolve(__dirname, '../../../test/unit/fixtures/chatbot-artifacts');

function flagged(kind: 'positive' | 'negative'): { name: string; texts: string[] }[] {
  return fs
    .readdirSync(path.join(corpus, kind))
    .sort()
    .map((name) => {
      const text = fs.readFileSync(path.join(corpus, kind, name), 'utf8');
      const findings = checkText({ path: `src/${name}`, text, currentYear: 2026 }, defaultPolicy()).findings.filter((f) => f.rule === 'ai-chatbot-artifact');
      return { name, texts: findings.map((f) => text.split('\n')[f.range.start.line].slice(f.range.start.character, f.range.end.character)) };
    });
}

describe('ai-chatbot-artifact: the labelled corpus', () => {
  const positives = flagged('positive');
  const negatives = flagged('negative');
  const caught = positives.filter((p) => p.texts.length > 0);
  const falseAlarms = negatives.filter((n) => n.texts.length > 0);

  after(() => {
    const precision = caught.length / (caught.length + falseAlarms.length);
    console.log(
      `      ai-chatbot-artifact: recall ${caught.length}/${positives.length} (${((100 * caught.length) / positives.length).toFixed(0)} %), precision ${(100 * precision).toFixed(0)} % (${falseAlarms.length} false alarms on ${negatives.length} hard negatives)`,
    );
  });

  it('flags no hard negative: human prose, docs, docstrings, notebooks, Japanese 【】, footnote daggers', () => {
    assert.deepEqual(
      falseAlarms.map((n) => `${n.name}: ${n.texts.join(' | ')}`),
      [],
    );
  });

  it('catches every positive but the phrases left out for precision', () => {
    assert.deepEqual(
      positives.filter((p) => !p.texts.length).map((p) => p.name),
      // "I hope this helps!" and "Certainly! Here's …" are what people write too.
      ['certainly.js', 'hope.py'],
    );
  });

  it('deletes a fence around a pasted file and keeps its byte order mark, its CRLF and the code', () => {
    for (const [text, want] of [
      ['\uFEFF```python\nprint(1)\n```\n', '\uFEFFprint(1)\n'],
      // No final newline before, none after.
      ['\r\n```js\r\nlet x = 1;\r\n```', '\r\nlet x = 1;'],
    ]) {
      const policy = defaultPolicy();
      const result = checkText({ path: 'src/a.py', text, currentYear: 2026 }, policy);
      const fences = result.findings.filter((f) => f.rule === 'ai-chatbot-artifact');
      assert.equal(fences.length, 2, text);
      const edits = fences.flatMap((f) => editsFor(f, result.file!, policy, fixedContext));
      assert.equal(applyEdits(text, edits), want);
    }
  });

  it('reports each leftover as its text, one finding each (a fence: its opening and closing lines)', () => {
    const texts = Object.fromEntries(caught.map((p) => [p.name, p.texts]));
    assert.deepEqual(texts['citation.ts'], ['【4†source】']);
    assert.deepEqual(texts['cutoff.py'], ['As of my last knowledge update']);
    assert.deepEqual(texts['closing.js'], ['Let me know if you need any further modifications']);
    assert.deepEqual(texts['fence.py'], ['```python', '```']);
    assert.deepEqual(texts['fence.ts'], ['```typescript', '```']);
  });
});
