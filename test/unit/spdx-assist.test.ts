import * as assert from 'node:assert/strict';
import { CompletionItem, CompletionItemTag, MarkupContent, TextEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultPolicy, Policy } from '../../server/src/engine/policy/model';
import { spdxCompletions, spdxHover } from '../../server/src/lsp/spdx-assist';
import { policyWith } from './helpers';

/** A document and the position of the `|` marker in `text`. */
function at(text: string, uri = 'file:///w/src/a.ts') {
  const offset = text.indexOf('|');
  assert.ok(offset >= 0, 'the test text needs a | marker');
  const doc = TextDocument.create(uri, 'plaintext', 1, text.slice(0, offset) + text.slice(offset + 1));
  return { doc, position: doc.positionAt(offset) };
}

const bySortText = (items: CompletionItem[]) => [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));

/** The items, in the order a client shows them (by sortText), or undefined. */
function complete(text: string, uri?: string, policy: Policy = defaultPolicy()) {
  const { doc, position } = at(text, uri);
  const items = spdxCompletions(doc, position, policy);
  return { doc, items: items && bySortText(items) };
}

function itemsOf(text: string, uri?: string, policy?: Policy): CompletionItem[] {
  const { items } = complete(text, uri, policy);
  assert.ok(items, `expected completion in ${JSON.stringify(text)}`);
  return items;
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);

function item(items: CompletionItem[], label: string): CompletionItem {
  const found = items.find((i) => i.label === label);
  assert.ok(found, `no completion ${label} among ${labels(items).slice(0, 20).join(', ')}`);
  return found;
}

/** The document text after accepting `label`. */
function accept(text: string, label: string, uri?: string): string {
  const { doc, items } = complete(text, uri);
  assert.ok(items);
  const edit = item(items, label).textEdit as TextEdit;
  assert.ok(edit && 'range' in edit, 'completion items carry a TextEdit');
  return TextDocument.applyEdits(doc, [edit]);
}

function hoverOf(text: string, policy?: Policy, uri?: string) {
  const { doc, position } = at(text, uri);
  return spdxHover(doc, position, policy);
}

function hoverText(text: string, policy?: Policy, uri?: string): string | undefined {
  const hover = hoverOf(text, policy, uri);
  return hover ? (hover.contents as MarkupContent).value : undefined;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const exceptions = new Set<string>(require('spdx-exceptions') as string[]);

describe('SPDX assist: completion of license ids', () => {
  it('offers Apache-2.0 first after `// SPDX-License-Identifier: Apa`, replacing the typed word', () => {
    const items = itemsOf('// SPDX-License-Identifier: Apa|');
    assert.equal(items[0].label, 'Apache-2.0');
    assert.ok(labels(items).includes('Apache-1.0') && labels(items).includes('Apache-1.1'));
    for (const i of items) assert.ok(i.label.toLowerCase().startsWith('apa'), `${i.label} does not start with Apa`);
    const apache = item(items, 'Apache-2.0');
    assert.equal(apache.detail, 'Apache License 2.0');
    assert.equal(apache.filterText, 'Apache-2.0');
    assert.deepEqual((apache.textEdit as TextEdit).range, { start: { line: 0, character: 28 }, end: { line: 0, character: 31 } });
    assert.equal((apache.textEdit as TextEdit).newText, 'Apache-2.0');
    assert.equal(accept('// SPDX-License-Identifier: Apa|', 'Apache-2.0'), '// SPDX-License-Identifier: Apache-2.0');
  });

  it('matches case-insensitively: `apache` offers Apache-2.0', () => {
    const items = itemsOf('// SPDX-License-Identifier: apache|');
    assert.equal(items[0].label, 'Apache-2.0');
    assert.equal(accept('// SPDX-License-Identifier: apache|', 'Apache-2.0'), '// SPDX-License-Identifier: Apache-2.0');
  });

  it('replaces the whole word when the cursor is inside it', () => {
    assert.equal(accept('// SPDX-License-Identifier: Ap|ache-1.0\n', 'Apache-2.0'), '// SPDX-License-Identifier: Apache-2.0\n');
  });

  it('after `MIT WITH ` offers the exceptions only', () => {
    const items = itemsOf('// SPDX-License-Identifier: MIT WITH |');
    assert.ok(items.length >= exceptions.size, `only ${items.length} items`);
    for (const i of items) assert.ok(exceptions.has(i.label) || i.label === 'Nokia-Qt-exception-1.1', `${i.label} is not an exception`);
    assert.ok(labels(items).includes('LLVM-exception'));
    assert.ok(!labels(items).includes('MIT') && !labels(items).includes('AND'));
    assert.deepEqual(labels(itemsOf('// SPDX-License-Identifier: Apache-2.0 WITH llvm|')), ['LLVM-exception']);
    assert.equal(accept('// SPDX-License-Identifier: Apache-2.0 WITH LL|', 'LLVM-exception'), '// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception');
  });

  it('offers the operators after an id, and only AND/OR after an exception or a parenthesis', () => {
    assert.deepEqual(labels(itemsOf('// SPDX-License-Identifier: MIT |')), ['AND', 'OR', 'WITH']);
    assert.deepEqual(labels(itemsOf('// SPDX-License-Identifier: MIT o|')), ['OR']);
    assert.equal(accept('// SPDX-License-Identifier: MIT O|', 'OR'), '// SPDX-License-Identifier: MIT OR ');
    assert.deepEqual(labels(itemsOf('// SPDX-License-Identifier: MIT WITH LLVM-exception |')), ['AND', 'OR']);
    assert.deepEqual(labels(itemsOf('// SPDX-License-Identifier: (MIT OR ISC) |')), ['AND', 'OR']);
    // After an operator or an opening parenthesis: ids again.
    assert.ok(labels(itemsOf('// SPDX-License-Identifier: MIT OR |')).includes('Apache-2.0'));
    assert.ok(labels(itemsOf('// SPDX-License-Identifier: (|')).includes('Apache-2.0'));
  });

  it('works in any comment style: `#` in Python, `<!-- -->` in HTML, `/* */` up to the closer', () => {
    const py = itemsOf('#!/usr/bin/env python3\n# SPDX-License-Identifier: |\nimport os\n', 'file:///w/tool.py');
    assert.ok(labels(py).includes('MIT') && labels(py).includes('Apache-2.0'));
    assert.deepEqual((item(py, 'MIT').textEdit as TextEdit).range, { start: { line: 1, character: 27 }, end: { line: 1, character: 27 } });
    assert.equal(accept('<!-- SPDX-License-Identifier: GPL-3.0-o| -->', 'GPL-3.0-only', 'file:///w/x.html'), '<!-- SPDX-License-Identifier: GPL-3.0-only -->');
    assert.equal(accept('/* SPDX-License-Identifier: MI| */', 'MIT'), '/* SPDX-License-Identifier: MIT */');
    assert.equal(complete('/* SPDX-License-Identifier: MIT */ |').items, undefined, 'after the comment closer');
  });

  it('works in a .license sidecar, which has no comment markers', () => {
    const text = 'SPDX-FileCopyrightText: 2026 Example Corp\nSPDX-License-Identifier: CC-BY-4|\n';
    const items = itemsOf(text, 'file:///w/img/logo.png.license');
    assert.equal(items[0].label, 'CC-BY-4.0');
    assert.equal(
      accept(text, 'CC-BY-4.0', 'file:///w/img/logo.png.license'),
      'SPDX-FileCopyrightText: 2026 Example Corp\nSPDX-License-Identifier: CC-BY-4.0\n',
    );
  });

  it('adds the space when the cursor is right after the colon', () => {
    assert.equal(accept('# SPDX-License-Identifier:|', 'MIT', 'file:///w/a.py'), '# SPDX-License-Identifier: MIT');
  });

  it('completes REUSE.toml values and .reuse/dep5 License lines', () => {
    const toml = '[[annotations]]\npath = "img/**"\nSPDX-License-Identifier = "CC0|"\n';
    assert.equal(accept(toml, 'CC0-1.0', 'file:///w/REUSE.toml'), '[[annotations]]\npath = "img/**"\nSPDX-License-Identifier = "CC0-1.0"\n');
    assert.equal(complete('SPDX-License-Identifier = "CC0"|\n', 'file:///w/REUSE.toml').items, undefined, 'after the closing quote');
    assert.equal(complete(toml, 'file:///w/other.toml').items, undefined, 'only in REUSE.toml');
    const dep5 = 'Files: img/*\nCopyright: 2026 Example Corp\nLicense: Apa|\n';
    assert.equal(accept(dep5, 'Apache-2.0', 'file:///w/.reuse/dep5'), 'Files: img/*\nCopyright: 2026 Example Corp\nLicense: Apache-2.0\n');
    assert.equal(complete(dep5, 'file:///w/notes.txt').items, undefined, '`License:` only in dep5');
  });

  it('offers nothing elsewhere in the line or the file', () => {
    assert.equal(complete('// SPDX-Lic|ense-Identifier: MIT').items, undefined, 'in the key');
    assert.equal(complete('|// SPDX-License-Identifier: MIT').items, undefined, 'before the comment');
    assert.equal(complete('// SPDX-License-Identifier: MIT\nexport const a = |1;\n').items, undefined, 'in code');
    assert.equal(complete('// SPDX-FileCopyrightText: 2026 Ex|\n').items, undefined, 'in another tag');
    assert.equal(complete('const s = "SPDX-License-Identifier: MI|";\n').items, undefined, 'in a string in code');
    assert.equal(complete('See the SPDX-License-Identifier: MI| tag\n').items, undefined, 'in prose');
    assert.equal(complete('|').items, undefined, 'in an empty file');
  });

  it('returns an empty list (not undefined) in a value where nothing matches, so no other completion is offered there', () => {
    assert.deepEqual(complete('// SPDX-License-Identifier: zzzz|').items, []);
  });

  it('tags deprecated ids and sorts them after the current ones', () => {
    const items = itemsOf('// SPDX-License-Identifier: GPL-2|');
    assert.deepEqual(item(items, 'GPL-2.0').tags, [CompletionItemTag.Deprecated]);
    assert.equal(item(items, 'GPL-2.0-only').tags, undefined);
    const deprecated = items.map((i, n) => (i.tags?.includes(CompletionItemTag.Deprecated) ? n : -1)).filter((n) => n >= 0);
    const current = items.map((i, n) => (i.tags ? -1 : n)).filter((n) => n >= 0);
    assert.ok(deprecated.length >= 2 && current.length >= 2);
    assert.ok(Math.min(...deprecated) > Math.max(...current), labels(items).join(', '));
    assert.deepEqual(labels(items).slice(0, 2), ['GPL-2.0-only', 'GPL-2.0-or-later']);
  });
});

describe('SPDX assist: ranking by policy', () => {
  const policy = policyWith((p) => {
    p.licenses.project = 'BSD-2-Clause';
    p.licenses.allow = ['MIT', 'Apache-*', 'BSD-2-Clause'];
    p.licenses.review = ['LGPL-2.1-only'];
    p.licenses.deny = ['GPL-3.0-only', 'AGPL-*', 'Apache-1.0'];
  });
  const items = () => itemsOf('// SPDX-License-Identifier: |', undefined, policy);
  const index = (all: CompletionItem[], id: string) => {
    const i = labels(all).indexOf(id);
    assert.ok(i >= 0, `${id} not offered`);
    return i;
  };

  it('puts the project license first, then allowed (globs too), review, the rest, deprecated, and denied last', () => {
    const all = items();
    assert.equal(all[0].label, 'BSD-2-Clause');
    assert.equal(all[0].labelDetails?.description, 'project license');
    const allowed = Math.max(index(all, 'MIT'), index(all, 'Apache-2.0'), index(all, 'Apache-1.1'));
    assert.ok(allowed < index(all, 'LGPL-2.1-only'), 'allowed before review');
    assert.ok(index(all, 'LGPL-2.1-only') < index(all, 'ISC'), 'review before the unlisted');
    assert.ok(index(all, 'ISC') < index(all, 'GPL-2.0'), 'current before deprecated');
    for (const denied of ['GPL-3.0-only', 'AGPL-3.0-only', 'AGPL-3.0', 'Apache-1.0']) {
      assert.ok(index(all, denied) > index(all, 'GPL-2.0'), `${denied} after the deprecated ids`);
      assert.equal(item(all, denied).labelDetails?.description, 'denied by policy');
    }
    assert.equal(item(all, 'Apache-2.0').labelDetails?.description, 'allowed');
    assert.equal(item(all, 'LGPL-2.1-only').labelDetails?.description, 'needs review');
    assert.equal(item(all, 'ISC').labelDetails?.description, 'not in the allow list');
  });

  it('ranks a denied id below an allowed one with the same prefix (deny beats a glob allow)', () => {
    assert.deepEqual(labels(itemsOf('// SPDX-License-Identifier: Apache|', undefined, policy)), ['Apache-2.0', 'Apache-1.1', 'Apache-1.0']);
  });

  it('offers a compound project license whole, first, on an empty value only', () => {
    const compound = policyWith((p) => {
      p.licenses.project = 'Apache-2.0 OR MIT';
    });
    const all = itemsOf('# SPDX-License-Identifier: |', 'file:///w/a.py', compound);
    assert.equal(all[0].label, 'Apache-2.0 OR MIT');
    assert.equal((all[0].textEdit as TextEdit).newText, 'Apache-2.0 OR MIT');
    assert.ok(['Apache-2.0', 'MIT'].includes(all[1].label) && ['Apache-2.0', 'MIT'].includes(all[2].label));
    assert.ok(!labels(itemsOf('# SPDX-License-Identifier: MIT OR |', 'file:///w/a.py', compound)).includes('Apache-2.0 OR MIT'));
  });
});

describe('SPDX assist: hover', () => {
  it('shows the full name, OSI approval and the SPDX link, over the id only', () => {
    const hover = hoverOf('// SPDX-License-Identifier: Apa|che-2.0 OR MIT');
    assert.ok(hover);
    const text = (hover.contents as MarkupContent).value;
    assert.match(text, /\*\*Apache License 2\.0\*\*/);
    assert.match(text, /OSI approved: yes/);
    assert.match(text, /https:\/\/spdx\.org\/licenses\/Apache-2\.0\.html/);
    assert.doesNotMatch(text, /Policy/, 'no policy, no tier');
    assert.deepEqual(hover.range, { start: { line: 0, character: 28 }, end: { line: 0, character: 38 } });
    assert.match(hoverText('# SPDX-License-Identifier: Beer|ware', undefined, 'file:///w/a.py') ?? '', /OSI approved: no/);
    assert.match(hoverText('// SPDX-License-Identifier: Apache-2.0 OR MIT|') ?? '', /\*\*MIT License\*\*/, 'just after the id');
  });

  it('names the successor of a deprecated id', () => {
    const plain = hoverText('// SPDX-License-Identifier: GPL-2|.0') ?? '';
    assert.match(plain, /Deprecated by SPDX: use `GPL-2\.0-only` instead/);
    assert.match(hoverText('// SPDX-License-Identifier: GPL-2|.0+') ?? '', /use `GPL-2\.0-or-later` instead/);
    // SPDX names no exact successor for these: the hover names the candidates, never "use … instead".
    assert.match(
      hoverText('// SPDX-License-Identifier: wxWin|dows') ?? '',
      /no exact successor: check the license text against `GPL-2\.0-or-later WITH WxWindows-exception-3\.1`/,
    );
    assert.match(hoverText('// SPDX-License-Identifier: BSD-2-Clause-Free|BSD') ?? '', /`BSD-2-Clause-Views`, `BSD-2-Clause`/);
  });

  it('names the upper-case spelling of a lower-case operator, and is silent on an upper-case one', () => {
    assert.match(hoverText('// SPDX-License-Identifier: MIT o|r ISC') ?? '', /SPDX spells this operator `OR`/);
    assert.equal(hoverText('// SPDX-License-Identifier: MIT O|R ISC'), undefined);
    assert.doesNotMatch(hoverText('// SPDX-License-Identifier: GPL-2|.0-only') ?? '', /Deprecated/);
  });

  it('shows the policy tier: allowed, needs review, denied', () => {
    const policy = policyWith((p) => {
      p.licenses.allow = ['MIT'];
      p.licenses.review = ['LGPL-2.1-only'];
      p.licenses.deny = ['GPL-3.0-only'];
      p.source = '/w/.ospo/policy.yaml';
    });
    assert.match(hoverText('// SPDX-License-Identifier: M|IT', policy) ?? '', /Policy \(\.ospo\/policy\.yaml\): \*\*allowed\*\*/);
    assert.match(hoverText('// SPDX-License-Identifier: LGPL|-2.1-only', policy) ?? '', /\*\*needs review\*\*/);
    assert.match(hoverText('// SPDX-License-Identifier: GPL|-3.0-only', policy) ?? '', /\*\*denied\*\*/);
    assert.match(hoverText('// SPDX-License-Identifier: M|IT OR GPL-3.0-only', policy) ?? '', /whole expression `MIT OR GPL-3\.0-only`: \*\*allowed\*\*/);
    assert.match(hoverText('// SPDX-License-Identifier: M|IT', defaultPolicy()) ?? '', /allowed \(the policy lists no licenses\)/);
  });

  it('describes an exception after WITH', () => {
    const text = hoverText('// SPDX-License-Identifier: Apache-2.0 WITH LLVM-ex|ception') ?? '';
    assert.match(text, /`LLVM-exception`/);
    assert.match(text, /license exception/);
    assert.match(text, /https:\/\/spdx\.org\/licenses\/LLVM-exception\.html/);
  });

  it('suggests the SPDX id for prose and typos', () => {
    const hover = hoverOf('// SPDX-License-Identifier: Apa|che 2');
    assert.ok(hover);
    assert.equal((hover.contents as MarkupContent).value, 'Not an SPDX id; did you mean `Apache-2.0`?');
    assert.deepEqual(hover.range, { start: { line: 0, character: 28 }, end: { line: 0, character: 36 } }, 'the whole prose');
    assert.match(hoverText('// SPDX-License-Identifier: MIT AND Apche|-2.0') ?? '', /did you mean `Apache-2\.0`\?/);
    assert.match(hoverText('// SPDX-License-Identifier: Zorg|license-9') ?? '', /^Not an SPDX id\./);
    assert.match(hoverText('// SPDX-License-Identifier: m|it') ?? '', /SPDX spells this id `MIT`/);
  });

  it('works in REUSE.toml and dep5 too', () => {
    assert.match(hoverText('SPDX-License-Identifier = "CC0-|1.0"', undefined, 'file:///w/REUSE.toml') ?? '', /Creative Commons Zero v1\.0 Universal/);
    assert.match(hoverText('License: M|IT', undefined, 'file:///w/.reuse/dep5') ?? '', /MIT License/);
  });

  it('gives no hover on operators, the key, or outside an SPDX value', () => {
    assert.equal(hoverOf('// SPDX-License-Identifier: MIT O|R ISC'), undefined);
    assert.equal(hoverOf('// SPDX-Lic|ense-Identifier: MIT'), undefined);
    assert.equal(hoverOf('const MIT = 1; // M|IT'), undefined);
    assert.equal(hoverOf('// SPDX-License-Identifier: MIT\nconst M|IT = 1;'), undefined);
  });
});
