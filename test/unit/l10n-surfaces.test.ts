// Japanese on every surface (issue 16): walks each table of user-visible text and fails on an English
// string with no Japanese entry. The engine's messages are checked key by key in l10n.test.ts; here:
// - the client's texts, every t('…') in client/src, against l10n/bundle.l10n.ja.json (same {n} placeholders);
// - the contributions (commands, settings, walkthrough), package.nls.json against package.nls.ja.json;
// - the language server's messages to the user: no English literal left in a showMessage or an error result.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const read = (rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');
const sources = (dir: string) =>
  fs
    .readdirSync(path.join(root, dir))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ file: `${dir}/${f}`, text: read(`${dir}/${f}`) }));
const numbered = (text: string) => [...new Set([...text.matchAll(/\{(\d+)\}/g)].map((m) => m[1]))].sort();
const named = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

/** The first argument of each call `name(` whose first argument is a string literal. */
function literalsOf(text: string, name: string): string[] {
  const out: string[] = [];
  const call = new RegExp(`(?<![\\w.])${name}\\(\\s*(['"\`])`, 'g');
  for (const m of text.matchAll(call)) {
    const quote = m[1];
    let i = m.index + m[0].length;
    let s = '';
    while (i < text.length && text[i] !== quote) {
      if (text[i] === '\\') {
        s += JSON.parse(`"${text[i] + text[i + 1]}"`);
        i += 2;
      } else s += text[i++];
    }
    out.push(s);
  }
  return out;
}

describe('l10n: Japanese on every surface', () => {
  it('the client: every t() text has a Japanese entry with the same placeholders, and vscode.l10n.t is not used beside it', () => {
    const ja = JSON.parse(read('l10n/bundle.l10n.ja.json')) as Record<string, string>;
    const client = sources('client/src');
    const texts = client.flatMap(({ text }) => literalsOf(text, 't'));
    assert.ok(texts.length > 50, `found ${texts.length} texts`);
    const missing = texts.filter((t) => !(t in ja));
    assert.deepEqual(missing, [], 'texts without a Japanese entry');
    for (const t of texts) assert.deepEqual(numbered(ja[t]), numbered(t), t);
    // vscode.l10n.t follows VS Code's display language, not ospo.locale (client/src/l10n.ts).
    assert.deepEqual(
      client.filter(({ text }) => text.includes('vscode.l10n.t(')).map(({ file }) => file),
      [],
    );
  });

  it('the contributions: every package.nls.json entry is in package.nls.ja.json, translated, with the same placeholders', () => {
    const en = JSON.parse(read('package.nls.json')) as Record<string, string>;
    const ja = JSON.parse(read('package.nls.ja.json')) as Record<string, string>;
    assert.deepEqual(
      Object.keys(en).filter((k) => !(k in ja)),
      [],
    );
    // The product's name is a name in both languages.
    const names = new Set(['displayName']);
    for (const [k, v] of Object.entries(en)) {
      if (names.has(k)) continue;
      assert.match(ja[k], /[\u3040-\u30ff\u4e00-\u9fff]/, `${k} is not translated`);
      assert.deepEqual(named(ja[k]), named(v), k);
    }
  });

  it('the language server: no English literal in a message to the user or an error result', () => {
    const english = /^[A-Z]|^OSPO: [a-z]/;
    const found: string[] = [];
    for (const { file, text } of sources('server/src/lsp')) {
      for (const call of ['showInformationMessage', 'showWarningMessage', 'showErrorMessage'])
        for (const s of literalsOf(text, `window\\.${call}`)) found.push(`${file}: ${call}(${JSON.stringify(s)})`);
      for (const m of text.matchAll(/\berror: (['"`])(OSPO: [a-z][^'"`]*)\1/g)) found.push(`${file}: error ${JSON.stringify(m[2])}`);
      for (const m of text.matchAll(/\b(?:label|title): (['"`])([^'"`]*)\1/g)) if (english.test(m[2])) found.push(`${file}: ${JSON.stringify(m[2])}`);
    }
    assert.deepEqual(found, []);
  });
});
