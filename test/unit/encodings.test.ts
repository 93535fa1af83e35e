// Files in legacy encodings (io/encoding.ts, io/encode-text.ts): read in their own encoding, checked
// like any other, and fixed byte for byte in it. The fixtures are made by fixtures/encodings/make.mjs.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkText } from '../../server/src/engine/check';
import { contentSkipReason } from '../../server/src/engine/coverage';
import { fixAll } from '../../server/src/engine/fixes';
import { defaultPolicy } from '../../server/src/engine/policy/model';
import { applyEdits, offsetAt, positionAt, type TextEdit } from '../../server/src/engine/text';
import iconv from 'iconv-lite';
import { decodeText, declaredEncoding, editorReadsAlike, isDecoded, lossyText, textOf } from '../../server/src/io/encoding';
import { editorEncodingLabel, SettingsCache } from '../../server/src/lsp/settings';
import { encodeFixed } from '../../server/src/io/encode-text';
import { readForCheck } from '../../server/src/io/read-file';
import { editorconfigCharset } from '../../server/src/io/editorconfig';
import { checkFile } from '../../server/src/scan/check-file';
import { jobFor } from '../../server/src/scan/scanner';
import { fixedContext, policyWith } from './helpers';

const dir = path.resolve(__dirname, '../../../test/unit/fixtures/encodings');
const bytesOf = (name: string) => fs.readFileSync(path.join(dir, name));

/** Each fixture: the encoding it is in, how that is told, and the holder its header names (none: no header). */
const fixtures: Record<string, { encoding: string; by: string; holder?: string; says: string }> = {
  'shift_jis.c': { encoding: 'shift_jis', by: 'detected', holder: '2024 山田太郎', says: '設定ファイル' },
  'shift_jis-bare.c': { encoding: 'shift_jis', by: 'detected', says: '再試行する' },
  'shift_jis-declared.py': { encoding: 'shift_jis', by: 'declared', says: '山田' },
  'crlf-shift_jis.bat': { encoding: 'shift_jis', by: 'detected', says: 'バッチファイル' },
  'euc-jp.c': { encoding: 'euc-jp', by: 'detected', holder: '2024 山田太郎', says: '設定ファイル' },
  'euc-jp-bare.c': { encoding: 'euc-jp', by: 'detected', says: '再試行する' },
  'iso-2022-jp.c': { encoding: 'iso-2022-jp', by: 'detected', holder: '2024 山田太郎', says: '設定ファイル' },
  'iso-2022-jp-bare.c': { encoding: 'iso-2022-jp', by: 'detected', says: '再試行する' },
  'gb18030.c': { encoding: 'gb18030', by: 'detected', holder: '2024 示例公司', says: '读取配置文件' },
  'big5.c': { encoding: 'big5', by: 'detected', holder: '2024 範例公司', says: '讀取設定檔' },
  'euc-kr.c': { encoding: 'euc-kr', by: 'detected', holder: '2024 예제 회사', says: '데이터베이스' },
  'windows-1252.c': { encoding: 'windows-1252', by: 'detected', holder: '2024 Jürgen Müller', says: 'Überprüft' },
  'latin1-declared.py': { encoding: 'windows-1252', by: 'declared', says: 'Crée la connexion' },
  'utf-16le.ts': { encoding: 'utf-16le', by: 'bom', holder: '2024 山田太郎', says: '値' },
  'utf-16be.ts': { encoding: 'utf-16be', by: 'bom', holder: '2024 山田太郎', says: '値' },
};

describe('files in other encodings than UTF-8', () => {
  it('every fixture is there', () => {
    assert.deepEqual(
      fs
        .readdirSync(dir)
        .filter((f) => !f.endsWith('.mjs'))
        .sort(),
      Object.keys(fixtures).sort(),
    );
  });

  for (const [name, want] of Object.entries(fixtures)) {
    it(`${name}: read as ${want.encoding} (${want.by}), never as binary, and checked`, async () => {
      const bytes = bytesOf(name);
      assert.equal(contentSkipReason(bytes, 1 << 20), undefined, 'not binary');
      const decoded = decodeText(bytes);
      assert.ok(isDecoded(decoded), JSON.stringify(decoded));
      assert.deepEqual([decoded.encoding, decoded.by], [want.encoding, want.by]);
      assert.ok(decoded.text.includes(want.says), decoded.text);

      const read = await readForCheck(path.join(dir, name));
      assert.ok('text' in read, JSON.stringify(read));
      assert.equal(read.encoding, want.encoding);
      const result = checkText({ path: name, text: read.text, currentYear: 2026 }, defaultPolicy());
      assert.deepEqual(
        result.file?.header.copyrights.map((c) => c.value),
        want.holder ? [want.holder] : [],
      );
      const rules = result.findings.map((f) => f.rule);
      assert.equal(rules.includes('header-missing'), !want.holder, rules.join(', '));

      // The scan's reader (scan/check-file.ts) says the same, in both scopes.
      for (const scope of ['all', 'header'] as const) {
        const r = checkFile({ rel: name }, { root: dir, policy: defaultPolicy(), scope, currentYear: 2026, today: '2026-12-04' });
        assert.equal(r.skipped, undefined, scope);
        assert.equal(
          r.findings.some((f) => f.rule === 'header-missing'),
          !want.holder,
          scope,
        );
      }
    });
  }

  it('the editor’s encoding (files.encoding) is taken instead of a guess, which short texts defeat', () => {
    for (const [text, codec, label] of [
      ['// 山田太郎\nint a;\n', 'euc-jp', 'euc-jp'],
      ['// 山田太郎\nint a;\n', 'cp932', 'shift_jis'],
      ['// 版权所有 2024 示例公司\n', 'gb18030', 'gb18030'],
      ['// 저작권 2024 예제 회사\n', 'euc-kr', 'euc-kr'],
    ]) {
      const bytes = iconv.encode(text, codec);
      const guessed = decodeText(bytes);
      assert.ok(
        isDecoded(guessed) && guessed.text !== text,
        `${codec}: the guess reads it otherwise (if this fails, chardet got better: keep the test for the setting)`,
      );
      const set = decodeText(bytes, { setting: label });
      assert.ok(isDecoded(set));
      assert.deepEqual([set.text, set.encoding, set.by], [text, label, 'setting']);
    }
    // UTF-8, a BOM and a declaration still come first.
    const utf8 = decodeText(Buffer.from('// 山田\n'), { setting: 'shift_jis' });
    assert.ok(isDecoded(utf8) && utf8.by === 'utf-8');
  });

  it('VS Code’s files.encoding ids map to decoder labels, and the editor reads alike only what it decodes the same', () => {
    const cases: [string, string | undefined][] = [
      ['utf8', 'utf-8'],
      ['utf8bom', 'utf-8'],
      ['shiftjis', 'shift_jis'],
      ['eucjp', 'euc-jp'],
      ['iso2022jp', 'iso-2022-jp'],
      ['windows1252', 'windows-1252'],
      ['iso88591', 'windows-1252'],
      ['iso885915', 'iso-8859-15'],
      ['gbk', 'gbk'],
      ['big5hkscs', 'big5'],
      ['euckr', 'euc-kr'],
      ['utf16le', 'utf-16le'],
      ['nonsense', undefined],
    ];
    for (const [id, label] of cases) assert.equal(editorEncodingLabel(id), label, id);
    const ascii = { text: 'int x;\n', encoding: 'utf-8', by: 'utf-8' as const };
    assert.ok(editorReadsAlike(ascii, 'shift_jis'), 'ASCII reads alike in Shift_JIS');
    assert.ok(!editorReadsAlike(ascii, 'utf-16le'), 'not in UTF-16');
    assert.ok(!editorReadsAlike({ text: '// 山田\n', encoding: 'utf-8', by: 'utf-8' }, 'shift_jis'), 'UTF-8 Japanese read as Shift_JIS is mojibake');
    assert.ok(editorReadsAlike({ text: '// 山田\n', encoding: 'shift_jis', by: 'setting' }, 'shift_jis'));
    assert.ok(editorReadsAlike({ text: '\ufeff// 山田\n', encoding: 'utf-16le', by: 'bom' }, 'utf-8'), 'VS Code reads a byte order mark too');
  });

  it('never reads what cannot be: UTF-16 declared in ASCII, UTF-8 with a stray byte, a declaration against valid UTF-8', () => {
    // A UTF-8 file that says utf-16 (as .NET writes it), with an even byte count: strict UTF-16 would decode it to CJK.
    const source = '<?xml version="1.0" encoding="utf-16"?>\n<a>Müller</a>\n';
    const xml = Buffer.from(Buffer.byteLength(source) % 2 ? source.replace('</a>', ' </a>') : source);
    assert.equal(xml.length % 2, 0);
    assert.ok(new TextDecoder('utf-16le', { fatal: true }).decode(xml), 'strict UTF-16 would have read it');
    const x = decodeText(xml);
    assert.ok(isDecoded(x));
    assert.deepEqual([x.encoding, x.text], ['utf-8', xml.toString('utf8')]);
    assert.deepEqual(
      decodeText(Buffer.concat([xml, Buffer.from([0xe9, 0x0a])])),
      { unknown: true },
      'UTF-8 (ü) with one Latin-1 byte: skipped, not read as mojibake',
    );
    const latin = decodeText(Buffer.from('# caf\xe9\n', 'latin1'));
    assert.ok(isDecoded(latin) && latin.text === '# café\n', 'ASCII with one Latin-1 byte is Latin-1');
    // Valid UTF-8 that declares Latin-1 is read as UTF-8, as the scan reads it.
    const declared = Buffer.from('# -*- coding: latin-1 -*-\n# Jürgen Müller\n');
    const d = decodeText(declared);
    assert.ok(isDecoded(d));
    assert.deepEqual([d.encoding, d.by], ['utf-8', 'utf-8']);
    // An editor encoding we cannot decode (a DOS code page): only BOM or ASCII files read alike.
    assert.ok(!editorReadsAlike({ text: 'é\n', encoding: 'utf-8', by: 'utf-8' }, undefined));
    assert.ok(editorReadsAlike({ text: 'e\n', encoding: 'utf-8', by: 'utf-8' }, undefined));
    assert.equal(editorEncodingLabel('cp437'), undefined);
  });

  it('a declared encoding is read from PEP 263, Emacs, Vim, XML and HTML declarations', () => {
    const cases: [string, string | undefined][] = [
      ['# -*- coding: latin-1 -*-\nx = 1\n', 'windows-1252'],
      ['#!/usr/bin/env python\n# vim: set fileencoding=euc_jp :\n', 'euc-jp'],
      ['/* -*- mode: c; coding: cp932-dos -*- */\n', 'shift_jis'],
      ['<?xml version="1.0" encoding="Shift_JIS"?>\n<a/>\n', 'shift_jis'],
      ['<!DOCTYPE html>\n<html><head><meta charset="EUC-JP">\n', 'euc-jp'],
      ['int x; /* coding: none here, and not in a # comment or -*- -*- */\n', undefined],
      ['x = 1\ny = 2\n# -*- coding: latin-1 -*-\n', undefined],
    ];
    for (const [text, want] of cases) {
      const label = declaredEncoding(Buffer.from(text, 'latin1'));
      assert.equal(label === undefined ? undefined : new TextDecoder(label).encoding, want, text);
    }
  });
});

/** iconv-lite's codec for a WHATWG name, as encode-text.ts picks it. */
const codec = (encoding: string) => (encoding === 'shift_jis' ? 'cp932' : encoding);

/**
 * The original bytes with each inserted text, encoded, put in at its place: what a byte-exact fix
 * writes. Removing the inserted lines from it gives the original back.
 */
function spliced(bytes: Buffer, text: string, edits: readonly TextEdit[], encoding: string): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (const e of [...edits].sort((a, b) => offsetAt(text, a.range.start) - offsetAt(text, b.range.start))) {
    assert.deepEqual(e.range.start, e.range.end, 'an insertion');
    const byteAt = iconv.encode(text.slice(0, offsetAt(text, e.range.start)), codec(encoding)).length;
    parts.push(bytes.subarray(at, byteAt), iconv.encode(e.newText, codec(encoding)));
    at = byteAt;
  }
  parts.push(bytes.subarray(at));
  return Buffer.concat(parts);
}

describe('fixes written in the file’s own encoding', () => {
  /** Inserts the header, in the file's encoding: the bytes, and the inserted text's bytes. */
  function fixed(name: string, holder: string) {
    const bytes = bytesOf(name);
    const decoded = decodeText(bytes);
    assert.ok(isDecoded(decoded));
    const edits = fixAll({ path: name, text: decoded.text, currentYear: 2026 }, defaultPolicy(), { ...fixedContext, holder });
    assert.ok(edits.length, 'there is a header to insert');
    const text = applyEdits(decoded.text, edits);
    return { bytes, out: encodeFixed(text, decoded.text, bytes, decoded.encoding), text, decoded, edits };
  }

  for (const name of ['shift_jis-bare.c', 'euc-jp-bare.c', 'crlf-shift_jis.bat']) {
    it(`${name}: the header is inserted in the file's encoding, and every other byte stays`, () => {
      const { bytes, out, text, decoded, edits } = fixed(name, '株式会社サンプル');
      assert.ok(Buffer.isBuffer(out), JSON.stringify(out));
      assert.ok(out.equals(spliced(bytes, decoded.text, edits, decoded.encoding)), 'only the inserted lines are new');
      const again = decodeText(out);
      assert.ok(isDecoded(again));
      assert.equal(again.text, text);
      assert.equal(again.encoding, decoded.encoding);
      assert.ok(again.text.includes('SPDX-FileCopyrightText: 2026 株式会社サンプル'), again.text);
      // Fixed again, nothing changes.
      assert.deepEqual(fixAll({ path: name, text: again.text, currentYear: 2026 }, defaultPolicy(), { ...fixedContext, holder: '株式会社サンプル' }), []);
    });
  }

  it('a holder the encoding cannot hold is refused with the character, not written as `?`', () => {
    const { out } = fixed('latin1-declared.py', '山田太郎');
    assert.deepEqual(out, { skipped: { id: 'fix-unencodable', args: { encoding: 'windows-1252', text: '山' } } });
    const ascii = fixed('latin1-declared.py', 'Example Corp');
    assert.ok(Buffer.isBuffer(ascii.out));
    assert.ok(ascii.out.equals(spliced(ascii.bytes, ascii.decoded.text, ascii.edits, 'windows-1252')), 'only the inserted lines are new');
    assert.ok(ascii.out.subarray(0, 26).equals(ascii.bytes.subarray(0, 26)), 'the coding line stays first');
  });

  it('ISO-2022-JP: the header goes in with balanced escapes; what JIS X 0208 cannot hold is refused', () => {
    const { bytes, out, text } = fixed('iso-2022-jp-bare.c', '株式会社サンプル');
    assert.ok(Buffer.isBuffer(out), JSON.stringify(out));
    const again = decodeText(out);
    assert.ok(isDecoded(again));
    assert.deepEqual([again.encoding, again.text], ['iso-2022-jp', text]);
    assert.ok(out.subarray(out.length - bytes.length).equals(bytes), 'the original bytes follow the header');
    // Each line ends in ASCII: every ESC $ B before a line feed has its ESC ( B.
    for (const line of out.toString('latin1').split('\n')) assert.equal(line.split('\x1b$B').length, line.split('\x1b(B').length, JSON.stringify(line));
    assert.deepEqual(fixed('iso-2022-jp-bare.c', '𠮷野家').out, { skipped: { id: 'fix-unencodable', args: { encoding: 'iso-2022-jp', text: '𠮷' } } });
  });

  it('property: for random Shift_JIS and EUC-JP texts, removing the inserted lines gives back the original bytes', () => {
    const pool = ['設定', 'ファイル', '山田', '、', '。', 'x', ' ', '漢字', 'ｶﾀｶﾅ', '①', '\t'];
    let seed = 7;
    let checked = 0;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
    for (const encoding of ['shift_jis', 'euc-jp']) {
      for (let i = 0; i < 50; i++) {
        const lines = Array.from({ length: 1 + rand(6) }, () => '// ' + Array.from({ length: rand(8) }, () => pool[rand(pool.length)]).join(''));
        const text = lines.join(rand(2) ? '\r\n' : '\n') + (rand(2) ? '\n' : '');
        const bytes = iconv.encode(text, codec(encoding));
        const decoded = decodeText(bytes);
        if (!isDecoded(decoded) || decoded.text !== text) continue; // a guess may read a short text otherwise: not this test's subject
        const edits = fixAll({ path: 'a.c', text, currentYear: 2026 }, defaultPolicy(), fixedContext);
        const out = encodeFixed(applyEdits(text, edits), text, bytes, decoded.encoding);
        if (!Buffer.isBuffer(out)) {
          assert.equal(out.skipped.id, 'fix-encoding', 'refused only when the encoder does not give the file back');
          continue;
        }
        assert.ok(out.equals(spliced(bytes, text, edits, encoding)), `${encoding}: ${JSON.stringify(text)}`);
        checked++;
      }
    }
    assert.ok(checked >= 60, `${checked} of 100 texts were fixed byte for byte`);
  });
});

describe('.editorconfig charset: the project declares its files’ encoding', () => {
  // chardet reads these Latin-1 bytes as Big5: without the declaration they would be mojibake.
  const letters = '# ÂÃÄÅ ÆÇÈÉ ÊËÌÍ ÎÏÐÑ ÒÓÔÕ Ö×ØÙ ÚÛÜÝ Þßàá âãäå æçèé êëìí îïðñ\n';
  const latin1 = iconv.encode('# SPDX-FileCopyrightText: 2026 Ñúñez Óscar\n# SPDX-License-Identifier: MIT\n' + letters.repeat(3), 'latin1');
  const tree = (files: Record<string, string | Buffer>) => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ospo-editorconfig-'));
    for (const [rel, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), content);
    }
    return root;
  };

  it('latin1 is read as Latin-1 instead of guessed, in the readers and in the scan', async () => {
    const root = tree({ '.editorconfig': 'root = true\n[*.py]\ncharset = latin1\n', 'src/a.py': latin1, 'src/b.txt': latin1 });
    const a = await readForCheck(path.join(root, 'src/a.py'));
    assert.ok('text' in a && a.by === 'project' && a.text.includes(letters), JSON.stringify(a).slice(0, 200));
    const b = await readForCheck(path.join(root, 'src/b.txt'));
    assert.ok('text' in b && b.by === 'detected' && !b.text.includes(letters), 'no declaration for *.txt: guessed (Big5 here), as before');
    // The holder is read right only in the declared encoding.
    const policy = policyWith((p) => (p.headers.copyright.holder = 'Ñúñez Óscar'));
    const scan = (r: string) => checkFile({ rel: 'src/a.py' }, { root: r, policy, scope: 'all', currentYear: 2026, today: '2026-12-04' }).findings ?? [];
    assert.deepEqual(scan(root), []);
    const undeclared = tree({ 'src/a.py': latin1 });
    assert.deepEqual(
      scan(undeclared).map((f) => f.rule),
      ['copyright-holder'],
    );
  });

  it('globs with a slash are anchored at their .editorconfig’s folder; nearer files win; root = true stops the search', () => {
    const root = tree({
      '.editorconfig': 'root = true\n[legacy/**]\ncharset = latin1\n',
      'sub/.editorconfig': '[deep/*.c]\ncharset = latin1\n[*.h]\ncharset = latin1\n[keep/*.h]\ncharset = utf-8\n',
      'inner/.editorconfig': 'root = true\n[*]\ncharset = utf-8\n',
    });
    const at = (rel: string) => editorconfigCharset(path.join(root, rel));
    assert.equal(at('legacy/x/y.txt'), 'iso-8859-1');
    assert.equal(at('x/legacy/y.txt'), undefined);
    assert.equal(at('sub/deep/a.c'), 'iso-8859-1');
    assert.equal(at('sub/other/deep/a.c'), undefined);
    assert.equal(at('sub/any/where/a.h'), 'iso-8859-1');
    assert.equal(at('sub/keep/a.h'), undefined, 'utf-8 declares no legacy encoding');
    assert.equal(at('inner/legacy/a.txt'), undefined, 'root = true: the top .editorconfig is not read');
  });

  it('an edited .editorconfig is read again', () => {
    const root = tree({ '.editorconfig': 'root = true\n[*]\ncharset = latin1\n' });
    assert.equal(editorconfigCharset(path.join(root, 'a.txt')), 'iso-8859-1');
    fs.writeFileSync(path.join(root, '.editorconfig'), 'root = true\n[*]\ncharset = utf-8\n# and a longer file\n');
    assert.equal(editorconfigCharset(path.join(root, 'a.txt')), undefined);
  });
});

describe('the encoding the editor has a file open in', () => {
  // Declared as Shift_JIS, but the user reopened it in VS Code as Windows-1252: positions are in the editor's text.
  const bytes = Buffer.concat([Buffer.from('# -*- coding: shift_jis -*-\n# '), Buffer.from([0x83, 0x65, 0x83, 0x58, 0x83, 0x67]), Buffer.from('\n')]);

  it('comes first after a byte order mark, over the file’s own declaration', () => {
    assert.equal((decodeText(bytes) as { by: string }).by, 'declared');
    const d = decodeText(bytes, { editor: 'windows-1252', setting: 'euc-jp' });
    assert.ok(isDecoded(d) && d.by === 'editor' && d.encoding === 'windows-1252', JSON.stringify(d));
    // Bytes the editor's encoding cannot hold strictly: told as before.
    assert.equal((decodeText(Buffer.from([0x23, 0x20, 0xff, 0xfe, 0xfd, 0x0a]), { editor: 'shift_jis' }) as { by?: string }).by, 'detected');
  });

  it('the scan reads such a file in it, and never from the cache', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ospo-editor-encoding-'));
    fs.writeFileSync(path.join(root, 'a.py'), bytes);
    assert.equal(jobFor('a.py', new Set(), undefined, undefined, 'windows-1252').encoding, 'windows-1252');
    const policy = policyWith((p) => (p.headers.copyright.holder = 'テスト'));
    const withHolder = Buffer.concat([
      Buffer.from('# -*- coding: shift_jis -*-\n# SPDX-FileCopyrightText: 2026 '),
      Buffer.from([0x83, 0x65, 0x83, 0x58, 0x83, 0x67]),
      Buffer.from('\n# SPDX-License-Identifier: MIT\n'),
    ]);
    fs.writeFileSync(path.join(root, 'b.py'), withHolder);
    const scan = (encoding?: string) =>
      checkFile({ rel: 'b.py', encoding }, { root, policy, scope: 'all', currentYear: 2026, today: '2026-12-04' }).findings?.map((f) => f.rule);
    assert.deepEqual(scan(), []);
    assert.deepEqual(scan('windows-1252'), ['copyright-holder'], 'read as the editor reads it, the holder is not テスト');
  });
});

describe('the server keeps what the client says of open files’ encodings', () => {
  it('as decoder labels, by URI and by path under a folder; UTF-8 forgets the file', () => {
    const settings = new SettingsCache({} as never, () => true);
    settings.setFileEncoding('file:///w/src/a%20b.c', 'shiftjis');
    settings.setFileEncoding('file:///w/src/c.c', 'eucjp');
    settings.setFileEncoding('file:///other/d.c', 'windows1252');
    settings.setFileEncoding('file:///w/src/c.c', undefined);
    assert.equal(settings.fileEncoding('file:///w/src/a%20b.c'), 'shift_jis');
    assert.deepEqual([...settings.fileEncodingsUnder('file:///w')], [['src/a b.c', 'shift_jis']]);
  });
});

describe('text no encoding reads: checked with the bad bytes replaced, never written back', () => {
  const bytes = Buffer.concat([Buffer.from('caf\u00e9 na\u00efve r\u00e9sum\u00e9\r\n\ufffd x '), Buffer.from([0xff, 0xc3]), Buffer.from(' y\n')]);

  it('lossyText points at the first bad byte, past a U+FFFD the file itself holds', () => {
    const decoded = decodeText(bytes);
    assert.ok(!isDecoded(decoded));
    const lossy = lossyText(bytes, decoded);
    assert.equal(lossy.by, 'lossy');
    assert.equal(lossy.text, 'caf\u00e9 na\u00efve r\u00e9sum\u00e9\r\n\ufffd x \ufffd\ufffd y\n');
    assert.equal(lossy.undecodable?.offset, lossy.text.indexOf('x ') + 2);
    assert.deepEqual(positionAt(lossy.text, lossy.undecodable!.offset), { line: 1, character: 4 });
    assert.deepEqual(lossy.undecodable?.reason, { id: 'not-utf8' });
  });

  it('textOf gives it only when asked (a check), and skips it otherwise (a fix)', () => {
    assert.deepEqual(textOf(bytes, 1 << 20), { skipped: { id: 'not-utf8' } });
    assert.equal((textOf(bytes, 1 << 20, {}, true) as { by: string }).by, 'lossy');
  });

  it('the check reports text-undecodable there, besides what the text holds', () => {
    const text = '# SPDX-License-Identifier: GPL-3.0-only\n' + lossyText(bytes, { unknown: true }).text;
    const offset = text.indexOf('\ufffd', text.indexOf('x '));
    const policy = policyWith((p) => (p.licenses.deny = ['GPL-3.0-only']));
    const { findings } = checkText({ path: 'a.py', text, undecodable: { offset, reason: { id: 'not-utf8' } } }, policy);
    const undecodable = findings.find((f) => f.rule === 'text-undecodable');
    assert.deepEqual(undecodable?.range.start, { line: 2, character: 4 });
    assert.equal(undecodable?.severity, 'error');
    assert.ok(findings.some((f) => f.rule === 'license-denied'));
    assert.ok(!checkText({ path: 'a.py', text }, policy).findings.some((f) => f.rule === 'text-undecodable'), 'only where the reader says so');
  });

  it('positionAt is offsetAt inverted, over every kind of line break', () => {
    const text = 'ab\r\ncd\ref\ngh';
    for (let offset = 0; offset <= text.length; offset++) {
      const pos = positionAt(text, offset);
      // An offset inside a CRLF maps to the end of its line, as a position there clamps.
      if (text[offset - 1] === '\r' && text[offset] === '\n') continue;
      assert.equal(offsetAt(text, pos), offset, `offset ${offset} → ${JSON.stringify(pos)}`);
    }
  });

  it('UTF-32 with a byte order mark is read (the Encoding Standard leaves it out), strictly', () => {
    const text = '\ufeff# SPDX-License-Identifier: MIT\nprint("\u{1f600}")\n';
    for (const encoding of ['utf-32le', 'utf-32be']) {
      const encoded = iconv.encode(text, encoding);
      const decoded = decodeText(encoded);
      assert.ok(isDecoded(decoded), encoding);
      assert.equal(decoded.text, text);
      assert.equal(decoded.encoding, encoding);
      assert.deepEqual(encodeFixed(decoded.text, decoded.text, encoded, encoding), encoded, 'a fix can write it back');
    }
    const truncated = iconv.encode(text, 'utf-32le').subarray(0, 10);
    assert.ok(!isDecoded(decodeText(truncated)), 'a length that is not a multiple of four is not UTF-32');
  });
});
