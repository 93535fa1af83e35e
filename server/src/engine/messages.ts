// Every user-facing finding message and fix title, by key, in English (`en`) and Japanese (`ja`).
// Rules name a key and its arguments; the text lives here so that outputs stay consistent and a
// translation has one table to follow. The language is the process-wide one from l10n.ts.
//
// Why typed tables and not @vscode/l10n: its bundles are keyed by the English text (or a comment)
// and loaded from JSON at run time, so a missing or misspelt translation is found only by a user.
// Here `ja` is typed by the keys of `en`, so `tsc -b` fails on a missing, extra or misspelt key;
// esbuild bundles both tables into the server and the CLI with no file to locate at start-up
// (the CLI has no extension folder, and the client's l10n bundle is another process); and
// `message(key, args)` stays the single entry point, so no rule changes. test/unit/l10n.test.ts
// checks that both languages have the same `{placeholders}`.

import { currentLocale, type Locale } from './l10n';

const en = {
  'header-missing': 'No license header in {lines}: add SPDX-FileCopyrightText and SPDX-License-Identifier',
  'header-missing.license': 'No SPDX-License-Identifier in the header ({lines}): add one',
  'header-misplaced': 'SPDX-License-Identifier on line {line} is outside the header ({lines}): move it to the top of the file',
  'header.lines': 'lines {first}–{last}',
  'header.line': 'line {first}',
  'header.file': 'the file',
  'header-missing.uncommentable': 'No license information: this format has no comments, so add a {file}.license file next to it',
  'spdx-invalid.empty': 'Empty SPDX-License-Identifier: write an SPDX license expression such as {example}',
  'spdx-invalid.unknown': "Unknown SPDX license id '{id}'{hint}",
  'spdx-invalid.unknown-exception': "Unknown SPDX license exception '{id}'{hint}",
  'spdx-invalid.prose': "'{text}' is not an SPDX expression: write '{suggestion}'",
  'spdx-invalid.case': "SPDX license id '{id}' is written '{canonical}'",
  'spdx-invalid.syntax': 'Invalid SPDX license expression: {detail}',
  'spdx-deprecated': "Deprecated SPDX license id '{id}': use '{successor}'",
  'spdx-deprecated.no-successor': "Deprecated SPDX license id '{id}': choose a current id from the SPDX license list",
  'spdx-deprecated.candidates': "Deprecated SPDX license id '{id}': SPDX names no exact successor; check the license text against {candidates}",
  'spdx-operator-case': "Lower-case operator '{written}': SPDX operators are upper case ({operator})",
  'copyright-missing': 'No copyright notice: add SPDX-FileCopyrightText',
  'copyright-missing.sidecar': 'No copyright notice in {file}.license: add SPDX-FileCopyrightText there',
  'copyright-missing.external': 'No copyright notice: {source} gives {file} its license but no SPDX-FileCopyrightText; add one there or in the file',
  'header-missing.sidecar': 'No SPDX-License-Identifier in {file}.license, which replaces the header of this file: add it there',
  'license-text-missing.external': "No license text for '{id}' ({source}): add LICENSES/{id}.txt (REUSE)",
  'license-text-missing': "No license text for '{id}': add LICENSES/{id}.txt (REUSE)",
  'license-text-unused': '{detail}',
  'reuse-invalid': '{detail}',
  'reuse-annotation-unmatched': 'This entry applies to no file (its path matches none, or a later entry takes its files): its licenses need no text in LICENSES/. Remove it or fix its path',
  'header-missing.third-party': 'Third-party file without license information: add its original notice, a {file}.license file or a REUSE.toml entry (never our header)',
  'license-denied': "License '{expression}' is denied by the policy{detail}: use an allowed license or ask the OSPO ({policy})",
  'license-denied.not-allowed': "License '{expression}' is not on the policy's allow list: use an allowed license or ask the OSPO ({policy})",
  'license-review': "License '{expression}' needs review evidence ({ids}): add a reference matching '{pattern}' to the header",
  'license-review.no-pattern': "License '{expression}' is in the policy's review tier ({ids}): ask the OSPO for a review",
  'license-mismatch': "License '{expression}' differs from the project license '{project}'",
  'copyright-holder': "Copyright holder '{holder}' is not the policy's holder '{pattern}'",
  'copyright-holder.none': "No copyright notice names the policy's holder '{pattern}'",
  'copyright-year.future': 'Copyright year {year} is in the future',
  'copyright-year.current': 'Copyright year should include {year} (the policy asks for the current year)',
  'copyright-year.missing': 'Copyright notice has no year: the policy asks for one',
  'copyright-year.none': 'Copyright notice has a year, but the policy asks for none',
  'copyright-year.list': 'Copyright years should be one year or a range (first-last)',
  'third-party-header': "Our header on a third-party file ({path} matches files.thirdParty): remove it and keep the original notice",
  'snippet-unbalanced.open': 'SPDX-SnippetBegin without SPDX-SnippetEnd: close the snippet',
  'snippet-unbalanced.close': 'SPDX-SnippetEnd without SPDX-SnippetBegin: remove it or open the snippet',
  'snippet-incomplete.license': 'Snippet without SPDX-License-Identifier: add the license of this region',
  'snippet-incomplete.file-tag': 'SPDX-FileCopyrightText inside a snippet: use SPDX-SnippetCopyrightText',
  'ai-forbidden': 'AI-generated code is forbidden here by the policy ({where}): remove it or ask the OSPO',
  'ai-marker-incomplete': 'AI marker lacks {fields}: the policy requires {tags}',
  'ai-marker-malformed.role': "'{key}' should be 'agent:model', e.g. 'Claude Code:claude-opus-4-5'",
  'ai-marker-malformed.reviewer': "'AI-Reviewed-By' should be 'Name <email>'",
  'ai-marker-malformed.date': "'AI-Reviewed-On' should be a date YYYY-MM-DD",
  'ai-marker-malformed.future': "'AI-Reviewed-On' {date} is in the future",
  'ai-marker-malformed.placeholder': "'{key}' still holds a placeholder: fill it in",
  'ai-marker-malformed.unknown': "Unknown AI tag '{key}': use AI-Generated-By, AI-Assisted-By, AI-Reviewed-By, AI-Reviewed-On, AI-Approval, AI-Prompt-Ref, AI-Session or AI-Code-Reference",
  'ai-marker-malformed.outside': "'{key}' outside a header or SPDX snippet: wrap the code in SPDX-SnippetBegin/End, or move the tag into the file header",
  'ai-marker-malformed.approval': "'AI-Approval' does not match the policy's approval pattern '{pattern}'",
  'ai-tool-denied': "AI tool '{tool}' is denied by the policy ({rule})",
  'ai-tool-denied.not-allowed': "AI tool '{tool}' is not on the policy's list of allowed tools: {tools}",
  'ai-reviewer-invalid.bot': "Reviewer '{reviewer}' is a bot: a person must review AI code",
  'ai-reviewer-invalid.pattern': "Reviewer '{reviewer}' does not match the policy's reviewer pattern '{pattern}'",
  'ai-nonstandard-marker': "Non-standard AI marker '{text}': use the canonical AI-Generated-By / AI-Assisted-By tags",
  'ai-generated-semantics': "AI-marked code is also marked generated ('@generated' / 'DO NOT EDIT'): that marks machine output nobody edits; drop the generated marker",
  'ai-chatbot-artifact': "Leftover chatbot text '{text}': delete it",
  'ai-marker-missing': "Commit {commit} records AI help with '{trailer}', but the file has no AI marker: add AI header tags",
  'ai-marker-missing.more': "{count} commits record AI help, the newest {commit} with '{trailer}', but the file has no AI marker: add AI header tags",
  'fix.insert-header': 'Add license header',
  'fix.create-license-text': 'Create LICENSES/{id}.txt from the SPDX license text',
  'fix.create-sidecar': 'Create {file}.license',
  'fix.add-to-reuse-toml': 'Add {file} to REUSE.toml',
  'fix.convert-dep5': 'Convert .reuse/dep5 to REUSE.toml',
  'fix.snippet-end': 'Close the snippet with SPDX-SnippetEnd',
  'fix.snippet-copyright': 'Use SPDX-SnippetCopyrightText',
  'fix.delete-artifact': 'Delete the chatbot text',
  'fix.convert-marker': "Convert to '{text}'",
  'fix.insert-license': 'Add SPDX-License-Identifier',
  'fix.replace': "Replace with '{text}'",
  'fix.insert-copyright': 'Add copyright notice',
  'fix.all': 'Fix all OSPO findings in this file',
  'cli.summary': '{findings} findings in {files} files checked',
  'cli.summary.skipped': '{findings} findings in {files} files checked, {skipped} skipped',
  'fix.insert-line': "Add '{text}'",
  'fix.delete-header': 'Remove our header from this third-party file',
  'fix.project-license': "Use the project license '{text}'",
  'fix.insert-lines': 'Add {text} (placeholders: fill them in)',
  'fix.delete-artifact-line': 'Delete the chatbot comment line',
  'fix.sync-comment': 'Rewrite the comment from the AI tags',
  'ai-marker-malformed.comment': "{key} does not mention '{tool}' from {role}: keep the readable copy in step with the AI tags",
  // Fragments that callers put into the arguments above (`{hint}`, `{detail}`, the ' or ' of `{tags}`).
  'spdx-invalid.hint': ": did you mean '{suggestion}'?",
  'spdx-invalid.syntax-dangling': 'the expression ends where a license id was expected',
  'list.or': ' or ',
  // commit-ai-attribution (engine/ai/commit-rule.ts): `{action}` is one of its `action.*` messages.
  'commit-ai-attribution.signoff': 'An AI cannot certify the Developer Certificate of Origin, so {agent} must not sign off: {action}, and sign off yourself (git commit -s)',
  'commit-ai-attribution.co-author': "{agent} is named as a co-author in '{key}': the policy records AI help as '{form}: …', so {action}",
  'commit-ai-attribution.form': "'{key}' is not the policy's AI trailer ('{form}: …'): {action}",
  'commit-ai-attribution.forbidden': 'The policy forbids AI-assisted changes (ai.mode: forbid), and this trailer names {agent}: leave AI-generated changes out of this commit, or ask the OSPO ({contact})',
  'commit-ai-attribution.forbidden.signoff': 'An AI cannot sign off, and the policy forbids AI-assisted changes (ai.mode: forbid): leave AI-generated changes out of this commit, or ask the OSPO ({contact})',
  'commit-ai-attribution.action.rewrite': "write '{text}' instead",
  'commit-ai-attribution.action.remove': "remove this line ('{text}' is already there)",
  'commit-ai-attribution.fix.rewrite': "Rewrite as '{text}'",
  'commit-ai-attribution.fix.remove': "Remove this trailer (the policy's trailer for this AI is already there)",
  'commit-ai-attribution.completion.form': "AI disclosure trailer (the policy's form)",
  'commit-ai-attribution.completion.accepted': 'AI disclosure trailer (accepted by the policy)',
} as const;

export type MessageKey = keyof typeof en;

/** Every key, for tests that compare the languages. */
export const messageKeys = Object.keys(en) as readonly MessageKey[];

// Style: です・ます調, no final 。 (like the English table, which has no final period); a finding
// states the problem, then after 。 what to do (〜してください). Fix titles end in a noun or
// サ変 stem (〜を追加, 〜を削除), as menu items do. Code (tags, ids, paths, formats) stays
// verbatim between ASCII quotes, as in VS Code's own Japanese diagnostics; a half-width space
// separates Japanese from Latin words, except in the fixed term 生成AI.
// Terms: ライセンスヘッダー, 著作権表示 (copyright notice), 著作権者 (holder), SPDX ライセンス識別子
// (license id), SPDX ライセンス式 (expression), ライセンステキスト (license text), 第三者コード
// (third-party), 自組織 (our organisation), サイドカーファイル (.license), ポリシー, OSPO, レビュー,
// 生成AI, AI マーカー / AI タグ (the tool's disclosure tags), プレースホルダー.
const ja: { readonly [K in MessageKey]: string } = {
  'header-missing': '{lines}にライセンスヘッダーがありません。SPDX-FileCopyrightText と SPDX-License-Identifier を追加してください',
  'header-missing.license': 'ヘッダー ({lines}) に SPDX-License-Identifier がありません。追加してください',
  'header-misplaced': '{line} 行目の SPDX-License-Identifier がヘッダー ({lines}) の外にあります。ファイルの先頭に移動してください',
  'header.lines': '{first}〜{last} 行目',
  'header.line': '{first} 行目',
  'header.file': 'ファイル',
  'header-missing.uncommentable': 'ライセンス情報がありません。この形式にはコメントを書けないため、サイドカーファイル {file}.license を同じフォルダーに追加してください',
  'spdx-invalid.empty': 'SPDX-License-Identifier が空です。{example} のような SPDX ライセンス式を記述してください',
  'spdx-invalid.unknown': "不明な SPDX ライセンス識別子 '{id}'{hint}",
  'spdx-invalid.unknown-exception': "不明な SPDX ライセンス例外 '{id}'{hint}",
  'spdx-invalid.prose': "'{text}' は SPDX ライセンス式ではありません。'{suggestion}' と記述してください",
  'spdx-invalid.case': "SPDX ライセンス識別子 '{id}' の正しい表記は '{canonical}' です",
  'spdx-invalid.syntax': 'SPDX ライセンス式の構文エラー: {detail}',
  'spdx-deprecated': "SPDX ライセンス識別子 '{id}' は非推奨です。'{successor}' を使用してください",
  'spdx-deprecated.no-successor': "SPDX ライセンス識別子 '{id}' は非推奨です。SPDX ライセンスリストから現行の識別子を選んでください",
  'spdx-deprecated.candidates': "SPDX ライセンス識別子 '{id}' は非推奨です。SPDX は完全に同等な後継を定めていません。ライセンス本文を {candidates} と照合してください",
  'spdx-operator-case': "小文字の演算子 '{written}': SPDX の演算子は大文字で記述します ({operator})",
  'copyright-missing': '著作権表示がありません。SPDX-FileCopyrightText を追加してください',
  'copyright-missing.sidecar': 'サイドカーファイル {file}.license に著作権表示がありません。そちらに SPDX-FileCopyrightText を追加してください',
  'copyright-missing.external': '著作権表示がありません。{source} は {file} にライセンスを与えていますが SPDX-FileCopyrightText がありません。そちらかファイルに追加してください',
  'header-missing.sidecar': 'このファイルのヘッダーに代わるサイドカーファイル {file}.license に SPDX-License-Identifier がありません。そちらに追加してください',
  'license-text-missing.external': "'{id}' のライセンステキストがありません ({source})。LICENSES/{id}.txt を追加してください (REUSE)",
  'license-text-missing': "'{id}' のライセンステキストがありません。LICENSES/{id}.txt を追加してください (REUSE)",
  'license-text-unused': '{detail}',
  'reuse-invalid': '{detail}',
  'reuse-annotation-unmatched': 'このエントリはどのファイルにも適用されません (path に一致するファイルがないか、後のエントリが同じファイルを扱っています)。そのライセンスのテキストは LICENSES/ には不要です。削除するか path を修正してください',
  'header-missing.third-party': '第三者コードのファイルにライセンス情報がありません。元の表記、サイドカーファイル {file}.license、または REUSE.toml のエントリーを追加してください (自組織のヘッダーは不可)',
  'license-denied': "ライセンス '{expression}' はポリシーで禁止されています{detail}。許可されたライセンスを使用するか、OSPO に相談してください ({policy})",
  'license-denied.not-allowed': "ライセンス '{expression}' はポリシーの許可リストにありません。許可されたライセンスを使用するか、OSPO に相談してください ({policy})",
  'license-review': "ライセンス '{expression}' にはレビューの証跡が必要です ({ids})。'{pattern}' に一致する参照をヘッダーに追加してください",
  'license-review.no-pattern': "ライセンス '{expression}' はポリシーでレビュー対象です ({ids})。OSPO にレビューを依頼してください",
  'license-mismatch': "ライセンス '{expression}' がプロジェクトのライセンス '{project}' と異なります",
  'copyright-holder': "著作権者 '{holder}' がポリシーの著作権者 '{pattern}' と一致しません",
  'copyright-holder.none': "ポリシーの著作権者 '{pattern}' を記載した著作権表示がありません",
  'copyright-year.future': '著作権表示の年 {year} が未来の年です',
  'copyright-year.current': '著作権表示の年に {year} を含めてください (ポリシーで現在の年が求められています)',
  'copyright-year.missing': '著作権表示に年がありません。ポリシーで年の記載が求められています',
  'copyright-year.none': '著作権表示に年がありますが、ポリシーでは年を記載しないことになっています',
  'copyright-year.list': '著作権表示の年は単一の年か範囲 (開始年-終了年) で記載してください',
  'third-party-header': '第三者コードのファイルに自組織のヘッダーがあります ({path} は files.thirdParty に該当)。ヘッダーを削除し、元の表記を残してください',
  'snippet-unbalanced.open': 'SPDX-SnippetBegin に対応する SPDX-SnippetEnd がありません。スニペットを閉じてください',
  'snippet-unbalanced.close': 'SPDX-SnippetEnd に対応する SPDX-SnippetBegin がありません。削除するか、スニペットを開始してください',
  'snippet-incomplete.license': 'スニペットに SPDX-License-Identifier がありません。この範囲のライセンスを追加してください',
  'snippet-incomplete.file-tag': 'スニペット内に SPDX-FileCopyrightText があります。SPDX-SnippetCopyrightText を使用してください',
  'ai-forbidden': 'この場所では生成AIによるコードはポリシーで禁止されています ({where})。削除するか、OSPO に相談してください',
  'ai-marker-incomplete': 'AI マーカーに {fields} がありません。ポリシーで {tags} が必要です',
  'ai-marker-malformed.role': "'{key}' は 'agent:model' の形式で記述してください (例: 'Claude Code:claude-opus-4-5')",
  'ai-marker-malformed.reviewer': "'AI-Reviewed-By' は 'Name <email>' の形式で記述してください",
  'ai-marker-malformed.date': "'AI-Reviewed-On' は YYYY-MM-DD 形式の日付で記述してください",
  'ai-marker-malformed.future': "'AI-Reviewed-On' の日付 {date} が未来の日付です",
  'ai-marker-malformed.placeholder': "'{key}' にプレースホルダーが残っています。値を記入してください",
  'ai-marker-malformed.unknown': "不明な AI タグ '{key}'。AI-Generated-By、AI-Assisted-By、AI-Reviewed-By、AI-Reviewed-On、AI-Approval、AI-Prompt-Ref、AI-Session、AI-Code-Reference のいずれかを使用してください",
  'ai-marker-malformed.outside': "'{key}' がヘッダーにも SPDX スニペットにもありません。コードを SPDX-SnippetBegin/End で囲むか、タグをファイルヘッダーに移動してください",
  'ai-marker-malformed.approval': "'AI-Approval' がポリシーの承認パターン '{pattern}' に一致しません",
  'ai-tool-denied': "AI ツール '{tool}' はポリシーで禁止されています ({rule})",
  'ai-tool-denied.not-allowed': "AI ツール '{tool}' はポリシーで許可されたツールではありません。許可されたツール: {tools}",
  'ai-reviewer-invalid.bot': "レビュアー '{reviewer}' はボットです。生成AIによるコードは人がレビューしてください",
  'ai-reviewer-invalid.pattern': "レビュアー '{reviewer}' がポリシーで定めたレビュアーのパターン '{pattern}' に一致しません",
  'ai-nonstandard-marker': "非標準の AI マーカー '{text}'。標準の AI-Generated-By / AI-Assisted-By タグを使用してください",
  'ai-generated-semantics': "AI マーカーのあるコードに自動生成のマーカー ('@generated' / 'DO NOT EDIT') も付いています。これは人が編集しない機械出力を表すため、自動生成のマーカーを削除してください",
  'ai-chatbot-artifact': "チャットボットの応答文 '{text}' が残っています。削除してください",
  'ai-marker-missing': 'Git 履歴のコミット {commit} の「{trailer}」に生成AIの利用が記録されていますが、ファイルに AI マーカーがありません。ヘッダーに AI タグを追加してください',
  'ai-marker-missing.more': 'Git 履歴の {count} 件のコミットに生成AIの利用が記録されています (最新はコミット {commit} の「{trailer}」) が、ファイルに AI マーカーがありません。ヘッダーに AI タグを追加してください',
  'fix.insert-header': 'ライセンスヘッダーを追加',
  'fix.create-license-text': 'SPDX のライセンステキストから LICENSES/{id}.txt を作成',
  'fix.create-sidecar': '{file}.license を作成',
  'fix.add-to-reuse-toml': '{file} を REUSE.toml に追加',
  'fix.convert-dep5': '.reuse/dep5 を REUSE.toml に変換',
  'fix.snippet-end': 'SPDX-SnippetEnd でスニペットを終了',
  'fix.snippet-copyright': 'SPDX-SnippetCopyrightText に変更',
  'fix.delete-artifact': 'チャットボットの応答文を削除',
  'fix.convert-marker': "'{text}' に変換",
  'fix.insert-license': 'SPDX-License-Identifier を追加',
  'fix.replace': "'{text}' に置換",
  'fix.insert-copyright': '著作権表示を追加',
  'fix.all': 'このファイルの OSPO の指摘をすべて修正',
  'cli.summary': '{files} ファイルをチェックし、指摘は {findings} 件',
  'cli.summary.skipped': '{files} ファイルをチェックし、指摘は {findings} 件 ({skipped} ファイルはスキップ)',
  'fix.insert-line': "'{text}' を追加",
  'fix.delete-header': 'この第三者コードのファイルから自組織のヘッダーを削除',
  'fix.project-license': "プロジェクトのライセンス '{text}' を使用",
  'fix.insert-lines': '{text} を追加 (プレースホルダーは要記入)',
  'fix.delete-artifact-line': 'チャットボットの応答文のコメント行を削除',
  'fix.sync-comment': 'AI タグからコメントを書き直し',
  'ai-marker-malformed.comment': "{key} に {role} のツール '{tool}' の記載がありません。人が読むための記述を AI タグと一致させてください",
  'spdx-invalid.hint': "。もしかして: '{suggestion}'",
  'spdx-invalid.syntax-dangling': 'ライセンス識別子が必要な位置で式が終わっています',
  'list.or': ' または ',
  'commit-ai-attribution.signoff': 'AI は Developer Certificate of Origin を証明できないため、{agent} はサインオフできません。{action}。そのうえで自分でサインオフしてください (git commit -s)',
  'commit-ai-attribution.co-author': "{agent} が '{key}' で共同作成者として記載されています。ポリシーでは生成AIの利用を '{form}: …' として記録するため、{action}",
  'commit-ai-attribution.form': "'{key}' はポリシーで定めた AI のトレーラー ('{form}: …') ではありません。{action}",
  'commit-ai-attribution.forbidden': 'ポリシーで生成AIを利用した変更は禁止されています (ai.mode: forbid)。このトレーラーには {agent} が記載されています。生成AIによる変更をこのコミットから除くか、OSPO に相談してください ({contact})',
  'commit-ai-attribution.forbidden.signoff': 'AI はサインオフできません。また、ポリシーで生成AIを利用した変更は禁止されています (ai.mode: forbid)。生成AIによる変更をこのコミットから除くか、OSPO に相談してください ({contact})',
  'commit-ai-attribution.action.rewrite': "代わりに '{text}' と記述してください",
  'commit-ai-attribution.action.remove': "この行を削除してください ('{text}' は既にあります)",
  'commit-ai-attribution.fix.rewrite': "'{text}' に書き換え",
  'commit-ai-attribution.fix.remove': 'このトレーラーを削除 (この AI に対するポリシーのトレーラーは既にあります)',
  'commit-ai-attribution.completion.form': 'AI 開示のトレーラー (ポリシーの形式)',
  'commit-ai-attribution.completion.accepted': 'AI 開示のトレーラー (ポリシーで認められた形式)',
};

const tables = { en, ja } as const;

// Templates split once at their `{name}` placeholders (literal text at even indices, names at odd
// ones): a scan builds a message for nearly every file, and most messages have no placeholder.
const compiled = { en: new Map<MessageKey, string[]>(), ja: new Map<MessageKey, string[]>() };

function render(locale: Locale, key: MessageKey, args: Record<string, string>): string {
  let parts = compiled[locale].get(key);
  if (!parts) {
    parts = tables[locale][key].split(/\{(\w+)\}/);
    compiled[locale].set(key, parts);
  }
  if (parts.length === 1) return parts[0];
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) out += (args[parts[i]] ?? `{${parts[i]}}`) + parts[i + 1];
  return out;
}

// Some callers still build an argument in English: spdx-invalid's `{hint}` and syntax `{detail}`,
// and ai-marker-incomplete's `{tags}` ("A or B, C"). In Japanese those are recognised by their
// English template and rendered again; a caller that passes message('spdx-invalid.hint', …) etc.
// is already in the current language and passes through unchanged.
const [hintBefore, hintAfter] = en['spdx-invalid.hint'].split('{suggestion}');

function suggestionIn(hint: string | undefined): string | undefined {
  if (hint === undefined || hint.length <= hintBefore.length + hintAfter.length) return undefined;
  return hint.startsWith(hintBefore) && hint.endsWith(hintAfter) ? hint.slice(hintBefore.length, hint.length - hintAfter.length) : undefined;
}

function localizedArgs(key: MessageKey, args: Record<string, string>): Record<string, string> {
  if (key === 'spdx-invalid.unknown' || key === 'spdx-invalid.unknown-exception') {
    const suggestion = suggestionIn(args.hint);
    if (suggestion !== undefined) return { ...args, hint: render('ja', 'spdx-invalid.hint', { suggestion }) };
  } else if (key === 'spdx-invalid.syntax') {
    if (args.detail === en['spdx-invalid.syntax-dangling']) return { ...args, detail: ja['spdx-invalid.syntax-dangling'] };
  } else if (key === 'ai-marker-incomplete') {
    if (args.tags !== undefined) return { ...args, tags: args.tags.split(en['list.or']).join(ja['list.or']) };
  }
  return args;
}

export function message(key: MessageKey, args: Record<string, string> = {}): string {
  const locale = currentLocale();
  return render(locale, key, locale === 'en' ? args : localizedArgs(key, args));
}
