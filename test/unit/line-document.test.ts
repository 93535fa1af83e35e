// LineDocument (server/src/lsp/line-document.ts) must be the library's TextDocument, only faster: the
// same text, positions, offsets, line ranges and line breaks after any sequence of edits, whatever
// the line breaks (`\n`, `\r\n`, a lone `\r`) and however far a range reaches past the text.

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { LineDocument } from '../../server/src/lsp/line-document';

const seed = Number(process.env.OSPO_FUZZ_SEED ?? 20260115);
const numRuns = Math.max(1, Number(process.env.OSPO_FUZZ_RUNS ?? 150));

const textArb = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '\r', '\r\n', 'é', '\ud83d\ude00'), maxLength: 40 });
const positionArb = fc.record({ line: fc.integer({ min: -1, max: 8 }), character: fc.integer({ min: -1, max: 12 }) });
const changeArb: fc.Arbitrary<TextDocumentContentChangeEvent> = fc.oneof(
  { weight: 9, arbitrary: fc.record({ range: fc.record({ start: positionArb, end: positionArb }), text: textArb }) },
  { weight: 1, arbitrary: fc.record({ text: textArb }) },
);

// The text is compared with the library's after the same edits; positions with a TextDocument made
// afresh from that text: the library's incremental line table goes wrong for a range past the last
// line (`{ line: 6 }` in a one-line document adds phantom lines), which no client sends, and which
// LineDocument gets right.
function same(ours: LineDocument, edited: TextDocument, probes: { line: number; character: number }[], offsets: number[]): void {
  assert.equal(ours.getText(), edited.getText());
  const theirs = TextDocument.create(edited.uri, edited.languageId, edited.version, edited.getText());
  assert.equal(ours.lineCount, theirs.lineCount);
  for (const p of probes) {
    assert.equal(ours.offsetAt(p), theirs.offsetAt(p), `offsetAt ${JSON.stringify(p)}`);
    assert.deepEqual(ours.getLineRange(p.line), theirs.getLineRange(p.line), `getLineRange ${p.line}`);
    assert.equal(ours.getEOLCharacters(p.line), theirs.getEOLCharacters(p.line), `getEOLCharacters ${p.line}`);
    assert.equal(ours.getText({ start: p, end: { line: p.line + 1, character: 2 } }), theirs.getText({ start: p, end: { line: p.line + 1, character: 2 } }));
  }
  for (const o of offsets) assert.deepEqual(ours.positionAt(o), theirs.positionAt(o), `positionAt ${o}`);
}

describe('fuzz: LineDocument, the library TextDocument edited by lines', function () {
  this.timeout(0);

  it('agrees with TextDocument after any edits (fast-check)', () => {
    fc.assert(
      fc.property(
        textArb,
        fc.array(changeArb, { maxLength: 12 }),
        fc.array(positionArb, { minLength: 3, maxLength: 6 }),
        fc.array(fc.integer({ min: -2, max: 60 }), { minLength: 3, maxLength: 6 }),
        (text, changes, probes, offsets) => {
          const ours = new LineDocument('file:///a', 'plaintext', 1, text);
          const theirs = TextDocument.create('file:///a', 'plaintext', 1, text);
          same(ours, theirs, probes, offsets);
          let previous = theirs;
          changes.forEach((change, i) => {
            ours.update([change], i + 2);
            // Each edit on a fresh TextDocument: see `same` for the library's line table.
            previous = TextDocument.update(TextDocument.create(previous.uri, previous.languageId, previous.version, previous.getText()), [change], i + 2);
            same(ours, previous, probes, offsets);
          });
          assert.equal(ours.version, previous.version);
        },
      ),
      { seed, numRuns: Math.max(numRuns, 1500) },
    );
  });

  it('several changes in one notification apply in order', () => {
    const ours = new LineDocument('file:///a', 'plaintext', 1, 'one\r\ntwo\nthree');
    const theirs = TextDocument.create('file:///a', 'plaintext', 1, 'one\r\ntwo\nthree');
    const changes = [
      { range: { start: { line: 0, character: 3 }, end: { line: 1, character: 0 } }, text: '' },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x\r' },
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '\n' },
    ];
    ours.update(changes, 2);
    TextDocument.update(theirs, changes, 2);
    same(ours, theirs, [{ line: 1, character: 1 }], [0, 2, 3]);
  });

  it('a one-character edit to a 10 MB document copies its line, not the document', () => {
    const big = 'const x = 1; // some code on a line of a large file\n'.repeat(200_000);
    const doc = new LineDocument('file:///big.js', 'javascript', 1, big);
    for (let i = 0; i < 2000; i++) doc.update([{ range: { start: { line: 100_000, character: 0 }, end: { line: 100_000, character: 0 } }, text: 'x' }], i + 2);
    assert.equal(doc.lineCount, 200_001);
    assert.equal(doc.getText().length, big.length + 2000);
    assert.ok(doc.getText().includes('x'.repeat(2000) + 'const x'));
  });
});
