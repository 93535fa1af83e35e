// Japanese for findings and fix titles (server/src/engine/messages.ts), the process-wide locale
// (engine/l10n.ts) and the CLI's choice of locale (cli/locale.ts). Every test leaves the locale
// English: other tests assert English texts.

import * as assert from 'node:assert/strict';
import { currentLocale, resolveLocale, setLocale } from '../../server/src/engine/l10n';
import { message, MessageKey, messageKeys } from '../../server/src/engine/messages';
import { localeFor, withoutLocale } from '../../server/src/cli/locale';
// The rules' own texts join the table when the registry loads.
import '../../server/src/engine/rules';
// So do the texts of `ospo policy render`.
import '../../server/src/policy-doc/messages';

// A message with no argument is its template: `{name}` stays in the output when no value is given.
const template = (locale: string, key: MessageKey): string => {
  setLocale(locale);
  try {
    return message(key);
  } finally {
    setLocale(undefined);
  }
};
const placeholders = (text: string): string[] => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

// Messages that are only a placeholder: the text comes from the caller (REUSE metadata and
// LICENSES/ problems), so the Japanese template is the English one.
const sameInBothLanguages = new Set<MessageKey>(['license-text-unused', 'reuse-invalid']);

describe('l10n: Japanese messages (engine/messages.ts)', () => {
  afterEach(() => setLocale(undefined));

  it('has every key in both languages, with the same {placeholders}', () => {
    const all = messageKeys();
    assert.ok(all.length > 70, `found ${all.length} keys`);
    for (const key of all) {
      const en = template('en', key);
      const ja = template('ja', key);
      assert.ok(en.length > 0 && ja.length > 0, key);
      assert.deepEqual(placeholders(ja), placeholders(en), `placeholders of ${key}`);
    }
  });

  it('translates every message except those that are only a placeholder', () => {
    for (const key of messageKeys()) {
      const en = template('en', key);
      const ja = template('ja', key);
      if (sameInBothLanguages.has(key)) {
        assert.equal(ja, en, key);
        assert.match(en, /^\{\w+\}$/, `${key} is only a placeholder`);
      } else {
        assert.notEqual(ja, en, `${key} is not translated`);
        assert.match(ja, /[\u3040-\u30ff\u4e00-\u9fff]/, `${key} has Japanese text`);
      }
    }
  });

  it('keeps ids and tags verbatim and uses the usual OSPO terms', () => {
    setLocale('ja');
    assert.equal(message('copyright-missing'), '著作権表示がありません。SPDX-FileCopyrightText を追加してください');
    assert.match(message('header-missing'), /ライセンスヘッダー/);
    assert.match(message('header-missing'), /SPDX-FileCopyrightText と SPDX-License-Identifier/);
    assert.match(message('spdx-deprecated', { id: 'GPL-2.0', successor: 'GPL-2.0-only' }), /SPDX ライセンス識別子 'GPL-2.0' は非推奨です。'GPL-2.0-only'/);
    assert.match(message('ai-chatbot-artifact', { text: 'As an AI language model' }), /チャットボット.*'As an AI language model'/);
    assert.match(message('ai-forbidden', { where: '.ospo/policy.yaml' }), /生成AI.*\(\.ospo\/policy\.yaml\)。.*OSPO/);
    assert.match(message('header-missing.third-party', { file: 'jquery.js' }), /第三者コード.*サイドカーファイル jquery\.js\.license.*REUSE\.toml/);
    assert.match(message('license-review', { expression: 'MPL-2.0', ids: 'MPL-2.0', pattern: 'OSRB-\\d+' }), /レビュー/);
    assert.match(message('license-denied.not-allowed', { expression: 'AGPL-3.0-only', policy: 'https://ospo.example.com/policy' }), /ポリシー.*OSPO/);
    assert.equal(message('fix.insert-header'), 'ライセンスヘッダーを追加');
    assert.equal(message('fix.create-license-text', { id: 'MIT' }), 'SPDX のライセンステキストから LICENSES/MIT.txt を作成');
  });

  it('switches language with setLocale, for any ja tag', () => {
    assert.equal(currentLocale(), 'en');
    assert.equal(message('copyright-missing'), 'No copyright notice: add SPDX-FileCopyrightText');
    for (const tag of ['ja', 'ja-JP', 'JA-jp', 'ja_JP.UTF-8']) {
      setLocale(tag);
      assert.equal(currentLocale(), 'ja', tag);
      assert.match(message('copyright-missing'), /著作権表示/, tag);
    }
    for (const tag of [undefined, '', 'en', 'en-US', 'de', 'zh-cn', 'C', 'POSIX', 'jav', 'java']) {
      setLocale('ja');
      setLocale(tag);
      assert.equal(currentLocale(), 'en', String(tag));
      assert.equal(message('fix.insert-copyright'), 'Add copyright notice', String(tag));
    }
    assert.equal(resolveLocale(' ja '), 'ja');
  });

  it('fills placeholders in Japanese, and leaves a missing argument visible', () => {
    setLocale('ja');
    assert.equal(
      message('license-text-missing', { id: 'Apache-2.0' }),
      "'Apache-2.0' のライセンステキストがありません。LICENSES/Apache-2.0.txt を追加してください (REUSE)",
    );
    assert.equal(message('copyright-year.future', {}), '著作権表示の年 {year} が未来の年です');
    assert.equal(
      message('ai-marker-missing.more', { count: '3', commit: '3f2a9c1', trailer: 'Assisted-by: Claude Code:claude-opus-4-5' }),
      'Git 履歴の 3 件のコミットに生成AIの利用が記録されています (最新はコミット 3f2a9c1 の「Assisted-by: Claude Code:claude-opus-4-5」) が、ファイルに AI マーカーがありません。ヘッダーに AI タグを追加してください',
    );
  });

  it('renders the English fragments callers pass as arguments in Japanese', () => {
    // spdx-invalid.ts builds `: did you mean 'X'?`; spdx.ts the dangling-operator detail;
    // ai-marker-incomplete.ts joins alternatives with ' or '.
    setLocale('ja');
    assert.equal(
      message('spdx-invalid.unknown', { id: 'Apache2', hint: ": did you mean 'Apache-2.0'?" }),
      "不明な SPDX ライセンス識別子 'Apache2'。もしかして: 'Apache-2.0'",
    );
    assert.equal(message('spdx-invalid.unknown', { id: 'Foo-1.0', hint: '' }), "不明な SPDX ライセンス識別子 'Foo-1.0'");
    assert.equal(
      message('spdx-invalid.unknown-exception', { id: 'Foo-exception', hint: message('spdx-invalid.hint', { suggestion: 'Classpath-exception-2.0' }) }),
      "不明な SPDX ライセンス例外 'Foo-exception'。もしかして: 'Classpath-exception-2.0'",
    );
    assert.equal(
      message('spdx-invalid.syntax', { detail: 'the expression ends where a license id was expected' }),
      'SPDX ライセンス式の構文エラー: ライセンス識別子が必要な位置で式が終わっています',
    );
    assert.equal(message('spdx-invalid.syntax', { detail: 'Unexpected `)` at offset 4' }), 'SPDX ライセンス式の構文エラー: Unexpected `)` at offset 4');
    assert.equal(
      message('ai-marker-incomplete', { fields: 'role, reviewed-by', tags: 'AI-Generated-By or AI-Assisted-By, AI-Reviewed-By' }),
      'AI マーカーに role, reviewed-by がありません。ポリシーで AI-Generated-By または AI-Assisted-By, AI-Reviewed-By が必要です',
    );
    setLocale('en');
    assert.equal(
      message('spdx-invalid.unknown', { id: 'Apache2', hint: ": did you mean 'Apache-2.0'?" }),
      "Unknown SPDX license id 'Apache2': did you mean 'Apache-2.0'?",
    );
    assert.equal(
      message('ai-marker-incomplete', { fields: 'role', tags: 'AI-Generated-By or AI-Assisted-By' }),
      'AI marker lacks role: the policy requires AI-Generated-By or AI-Assisted-By',
    );
  });
});

describe('l10n: CLI locale (cli/locale.ts)', () => {
  afterEach(() => setLocale(undefined));

  it('takes --locale first, in both forms, before any --', () => {
    const env = { LANG: 'en_US.UTF-8' };
    assert.equal(localeFor(['check', '--locale', 'ja', 'src'], env), 'ja');
    assert.equal(localeFor(['check', '--locale=ja-JP', 'src'], env), 'ja');
    assert.equal(localeFor(['--locale=en', 'check'], { LC_ALL: 'ja_JP.UTF-8' }), 'en');
    assert.equal(localeFor(['check', '--', '--locale=ja'], env), 'en');
  });

  it('falls back to LC_ALL, LC_MESSAGES, LANG in that order', () => {
    assert.equal(localeFor([], { LC_ALL: 'ja_JP.UTF-8', LC_MESSAGES: 'en_US.UTF-8', LANG: 'en_US.UTF-8' }), 'ja');
    assert.equal(localeFor([], { LC_ALL: '', LC_MESSAGES: 'ja_JP.eucJP', LANG: 'en_US.UTF-8' }), 'ja');
    assert.equal(localeFor([], { LC_MESSAGES: 'en_GB.UTF-8', LANG: 'ja_JP.UTF-8' }), 'en');
    assert.equal(localeFor([], { LANG: 'ja_JP.UTF-8' }), 'ja');
    assert.equal(localeFor([], { LANG: 'ja_JP' }), 'ja');
    assert.equal(localeFor([], { LANG: 'ja' }), 'ja');
    assert.equal(localeFor([], {}), undefined);
  });

  it('reads C and POSIX as English', () => {
    for (const name of ['C', 'POSIX', 'C.UTF-8']) {
      assert.equal(localeFor([], { LC_ALL: name, LANG: 'ja_JP.UTF-8' }), 'en', name);
      setLocale(localeFor([], { LC_ALL: name }));
      assert.equal(currentLocale(), 'en', name);
    }
  });

  it('gives setLocale what it needs, and strips --locale for parseArgs', () => {
    setLocale(localeFor(['check', '.'], { LANG: 'ja_JP.UTF-8' }));
    assert.equal(currentLocale(), 'ja');
    assert.equal(message('fix.insert-copyright'), '著作権表示を追加');
    setLocale(localeFor(['check', '.'], {}));
    assert.equal(currentLocale(), 'en');
    assert.deepEqual(withoutLocale(['check', '--locale', 'ja', '--format=json', '--locale=en', 'src']), ['check', '--format=json', 'src']);
    assert.deepEqual(withoutLocale(['check', '--', '--locale', 'ja']), ['check', '--', '--locale', 'ja']);
    assert.deepEqual(withoutLocale(['report', '--out', 'r.html']), ['report', '--out', 'r.html']);
  });
});
