// Every user-facing finding message and fix title, by key, in English (`en`) and Japanese (`ja`).
// Rules name a key and its arguments; the text lives in a table so that outputs stay consistent and a
// translation has one table to follow. A rule's own texts live in its module (rules/<id>.ts,
// `meta.messages`); this file keeps the shared ones (fix titles, header line ranges, the CLI summary)
// and merges both into one table. The language is the process-wide one from l10n.ts.
//
// Why typed tables and not @vscode/l10n: its bundles are keyed by the English text (or a comment)
// and loaded from JSON at run time, so a missing or misspelt translation is found only by a user.
// Here each `ja` is typed by the keys of its `en`, so `tsc -b` fails on a missing, extra or misspelt key;
// esbuild bundles the tables into the server and the CLI with no file to locate at start-up
// (the CLI has no extension folder, and the client's l10n bundle is another process); and
// `message(key, args)` stays the single entry point. test/unit/l10n.test.ts
// checks that both languages have the same `{placeholders}`.

import { currentLocale, type Locale } from './l10n';
import type { rules } from './rules';
import type { RuleMeta, Translations } from './rules/rule';

const shared = {
  'lsp.ai-forbidden': 'OSPO: AI-generated code is forbidden here by the policy.',
  'lsp.ai-not-on-disk': 'OSPO: AI disclosure can only be added to files on disk.',
  'ai.no-comment-style': 'no comment style is known for {path}',
  'lsp.ai-already-marked': 'OSPO: the selection is already marked as AI-assisted.',
  'lsp.ai-already-tagged': 'OSPO: the header already has the AI tags.',
  'lsp.no-file': 'OSPO: open a file on disk first.',
  'lsp.no-folder-fix': 'OSPO: open a folder to fix its files.',
  'lsp.no-folder-report': 'OSPO: open a folder to report on.',
  'lsp.report-failed': 'OSPO: the report could not be built: {error}',
  'lsp.no-folder-scan': 'OSPO: open a folder to check all of its files.',
  'lsp.scan-title': 'OSPO: checking the workspace',
  'lsp.scan-listing': 'listing files',
  'lsp.scan-walking': '{where}checking {done} files ({found} found so far)',
  'lsp.scan-checking': '{where}checking {done} / {found} files',
  'lsp.insert-header-no-file': 'OSPO: open a file to insert a license header.',
  'lsp.insert-header-exempt': 'OSPO: this file is not checked ({reason}).',
  'lsp.insert-header-present': 'OSPO: this file already has a license header.',
  'lsp.scan-cap': 'OSPO: the workspace scan shows at most {count} problems per file (ospo.maxFindingsPerFile); open a file to see all of its problems.',
  'lsp.license-changes': 'OSPO: license changes',
  'lsp.licensing-lens': 'Licensing: {summary}',
  'licensing.header-line': 'header line {line}',
  'licensing.file-line': '{file} line {line}',
  'licensing.none': 'No license information',
  'licensing.from': '{value}, from {where}',
  'lsp.license-changes.detail': '{files}: a license the file states is rewritten or removed',
  'header.lines': 'lines {first}–{last}',
  'header.line': 'line {first}',
  'header.file': 'the file',
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
  'cli.summary': '{findings} in {files} checked',
  'cli.summary.skipped': '{findings} in {files} checked, {skipped} skipped',
  'cli.fix.would-fix': 'would fix {file} ({edits})',
  'cli.fix.fixed': 'fixed {file} ({edits})',
  'cli.fix.would-change': '{files} would change',
  'cli.fix.changed': '{files} changed',
  'cli.fix.not-written': '{files} could not be fixed',
  'cli.fix.left': '{where}: {rule}: not fixed: {reason}',
  'cli.fix.left-summary': '{findings} left for a person to fix',
  'cli.fix.reason.no-fix-rule': 'no automatic fix for this rule ({message})',
  'cli.fix.reason.no-fix': 'no automatic fix for this finding ({message})',
  'cli.fix.reason.license': 'the fix changes what the file claims, so a person chooses the license: {choices}',
  'cli.fix.reason.choice': 'the fix needs a choice, so only the editor offers it: {title}',
  'cli.fix.reason.other-file': 'the fix creates another file, which only the editor does: {title}',
  'cli.fix.reason.no-edit': 'no comment style is known for this kind of file: add the header by hand',
  'cli.fix.reason.overlap': 'its fix overlaps another one: run ospo fix again',
  'cli.report.summary': '{percent}% compliant ({compliant} of {files} without errors), {findings}',
  'cli.report.summary.history': '{percent}% compliant ({compliant} of {files} without errors), {findings}, {points}',
  'count.history-points.one': '{count} point of history',
  'count.history-points.other': '{count} points of history',
  'cli.did-you-mean': "Did you mean '{suggestion}'?",
  'cli.unknown-option': "Unknown option '{option}'.",
  'count.findings.one': '{count} finding',
  'count.findings.other': '{count} findings',
  'count.files.one': '{count} file',
  'count.files.other': '{count} files',
  'count.edits.one': '{count} edit',
  'count.edits.other': '{count} edits',
  'fix.disable-line': 'Disable {rule} for this line',
  'fix.disable-file': 'Disable {rule} for this file',
  'cli.baseline.stale':
    'ospo: {count} entries of the baseline (.ospo/suppressions.json) count findings that are gone; run again with --prune-suppressions, or pass --pass-on-unpruned-suppressions:',
  'fix.insert-line': "Add '{text}'",
  'fix.delete-header': 'Remove our header from this third-party file',
  'fix.project-license': "Use the project license '{text}'",
  'fix.insert-lines': 'Add {text} (placeholders: fill them in)',
  'fix.delete-artifact-line': 'Delete the chatbot comment line',
  'fix.sync-comment': 'Rewrite the comment from the AI tags',
  'list.or': ' or ',
  // The report page (report/html.ts): its markup and the texts its script fills in.
  'report.title': 'OSPO compliance report: {name}',
  'report.heading': 'OSPO compliance report',
  'report.meta': '{root} · generated {time}',
  'report.noscript': 'This report draws its tables and charts with JavaScript from the data embedded in it (the {element} element, the same as {command}).',
  'report.summary': 'Summary',
  'report.compliant-files': 'Compliant files',
  'report.compliant-of': '{compliant} of {files} files',
  'report.findings': 'Findings',
  'report.not-counted': 'Not counted',
  'report.exempt-skipped': '{exempt} exempt · {skipped} skipped',
  'report.compliant': 'compliant',
  'report.about':
    "A file is {compliant} when {check} would not fail on it: no finding of severity {error}; warnings and infos do not count against it. Licensing comes from the file's header or {sidecar} sidecar and from REUSE.toml or .reuse/dep5, as in {check}. Exempt files (license texts, REUSE sidecars and metadata, empty and generated files) and skipped files (binary, too large, unreadable) are not counted; the license mix includes binary files, with the licensing of their sidecar and REUSE.toml.",
  'report.chart.folders': 'Compliance by top-level folder',
  'report.chart.licenses': 'License mix',
  'report.chart.licenses-hint': '(files per SPDX id)',
  'report.chart.rules': 'Findings per rule',
  'report.chart.ai': 'AI-disclosed regions per folder',
  'report.chart.ai-hint': '(lines covered by an AI marker)',
  'report.chart.history': 'Compliance over time',
  'report.trend': 'Trend',
  'report.trend-note': "Each point checks the files of that commit, read from git, with today's policy and date; the AI commit-trailer rule is not replayed.",
  'report.trend-points': 'Points',
  'report.column.ref': 'Ref',
  'report.column.date': 'Date',
  'report.column.subject': 'Subject',
  'report.column.files': 'Files',
  'report.column.compliant': 'Compliant',
  'report.column.file': 'File',
  'report.column.line': 'Line',
  'report.column.column': 'Col',
  'report.column.message': 'Message',
  'report.severity': 'Severity',
  'report.rule': 'Rule',
  'report.filter': 'Filter by file, rule or message',
  'report.filter-label': 'Filter findings',
  'report.all-severities': 'All severities',
  'report.all-rules': 'All rules',
  'report.links-note': 'The path links to the file relative to this report; {open} opens it at the line in VS Code (on the machine where the report was made).',
  'report.open': 'open',
  'report.open-title': 'Open in VS Code at line {line}',
  'report.skipped': 'Skipped files ({count})',
  'report.top-level': '. (top level)',
  'report.no-files': 'No files checked',
  'report.no-findings': 'No findings',
  'report.no-ai': 'No AI-disclosed regions',
  'report.no-commits': 'No commits to show',
  'report.ai-covered': '{regions}, {lines}',
  'report.ai-regions.one': '{count} region',
  'report.ai-regions.other': '{count} regions',
  'report.ai-lines.one': '{count} line',
  'report.ai-lines.other': '{count} lines',
  'report.findings-of.one': '{shown} of {count} finding',
  'report.findings-of.other': '{shown} of {count} findings',
  'report.findings-capped': '{count} (the first {max} shown: filter to see the others)',
  'report.history-cap': 'Commits marked * had more than {cap} files: only the first {cap} by path were checked.',
  'report.history-tags': 'tagged commits',
  'report.license-none': '(none)',
  'report.license-not-spdx': '(not SPDX)',
  'report.history-last.one': 'up to the last {count} commit that changed these files',
  'report.history-last.other': 'up to the last {count} commits that changed these files',
};

// Style: です・ます調, no final 。 (like the English table, which has no final period); a finding
// states the problem, then after 。 what to do (〜してください). Fix titles end in a noun or
// サ変 stem (〜を追加, 〜を削除), as menu items do. Code (tags, ids, paths, formats) stays
// verbatim between ASCII quotes, as in VS Code's own Japanese diagnostics; a half-width space
// separates Japanese from Latin words, except in the fixed term 生成AI.
// Terms: ライセンスヘッダー, 著作権表示 (copyright notice), 著作権者 (holder), SPDX ライセンス識別子
// (license id), SPDX ライセンス式 (expression), ライセンステキスト (license text), 第三者コード
// (third-party), 自組織 (our organisation), サイドカーファイル (.license), ポリシー, OSPO, レビュー,
// 生成AI, AI マーカー / AI タグ (the tool's disclosure tags), プレースホルダー.
const sharedJa: Translations<typeof shared> = {
  'lsp.ai-forbidden': 'OSPO: ここではポリシーにより AI 生成コードが禁止されています。',
  'lsp.ai-not-on-disk': 'OSPO: AI の開示はディスク上のファイルにのみ追加できます。',
  'ai.no-comment-style': '{path} のコメント形式が不明です',
  'lsp.ai-already-marked': 'OSPO: 選択範囲はすでに AI 支援として記録されています。',
  'lsp.ai-already-tagged': 'OSPO: ヘッダーにはすでに AI タグがあります。',
  'lsp.no-file': 'OSPO: まずディスク上のファイルを開いてください。',
  'lsp.no-folder-fix': 'OSPO: ファイルを修正するにはフォルダーを開いてください。',
  'lsp.no-folder-report': 'OSPO: レポートを作成するにはフォルダーを開いてください。',
  'lsp.report-failed': 'OSPO: レポートを作成できませんでした: {error}',
  'lsp.no-folder-scan': 'OSPO: すべてのファイルをチェックするにはフォルダーを開いてください。',
  'lsp.scan-title': 'OSPO: ワークスペースをチェック中',
  'lsp.scan-listing': 'ファイルを列挙中',
  'lsp.scan-walking': '{where}{done} ファイルをチェック済み (これまでに {found} ファイルを発見)',
  'lsp.scan-checking': '{where}{done} / {found} ファイルをチェック済み',
  'lsp.insert-header-no-file': 'OSPO: ライセンスヘッダーを挿入するにはファイルを開いてください。',
  'lsp.insert-header-exempt': 'OSPO: このファイルはチェック対象外です ({reason})。',
  'lsp.insert-header-present': 'OSPO: このファイルにはすでにライセンスヘッダーがあります。',
  'lsp.scan-cap':
    'OSPO: ワークスペースのチェックで表示する問題は 1 ファイルあたり最大 {count} 件です (ospo.maxFindingsPerFile)。すべての問題を見るにはファイルを開いてください。',
  'lsp.license-changes': 'OSPO: ライセンスの変更',
  'lsp.licensing-lens': 'ライセンス: {summary}',
  'licensing.header-line': 'ヘッダー {line} 行目',
  'licensing.file-line': '{file} {line} 行目',
  'licensing.none': 'ライセンス情報がありません',
  'licensing.from': '{value} ({where} より)',
  'lsp.license-changes.detail': '{files}: ファイルが示すライセンスを書き換えるか削除します',
  'header.lines': '{first}〜{last} 行目',
  'header.line': '{first} 行目',
  'header.file': 'ファイル',
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
  'cli.summary': '{files}をチェックし、指摘は {findings}',
  'cli.summary.skipped': '{files}をチェックし、指摘は {findings} ({skipped}はスキップ)',
  'cli.fix.would-fix': '{file} を修正予定 ({edits})',
  'cli.fix.fixed': '{file} を修正 ({edits})',
  'cli.fix.would-change': '変更予定: {files}',
  'cli.fix.changed': '変更: {files}',
  'cli.fix.not-written': '{files}を修正できませんでした',
  'cli.fix.left': '{where}: {rule}: 未修正: {reason}',
  'cli.fix.left-summary': '人が修正する必要がある指摘: {findings}',
  'cli.fix.reason.no-fix-rule': 'このルールには自動修正がありません ({message})',
  'cli.fix.reason.no-fix': 'この指摘には自動修正がありません ({message})',
  'cli.fix.reason.license': 'ファイルが示すライセンスを変える修正のため、ライセンスは人が選んでください: {choices}',
  'cli.fix.reason.choice': '選択が必要な修正のため、エディターでのみ提供されます: {title}',
  'cli.fix.reason.other-file': '別のファイルを作成する修正はエディターでのみ行えます: {title}',
  'cli.fix.reason.no-edit': 'この種類のファイルのコメント形式が不明です。ヘッダーは手作業で追加してください',
  'cli.fix.reason.overlap': '別の修正と重なるため、もう一度 ospo fix を実行してください',
  'cli.report.summary': '準拠率 {percent}% (エラーのないファイルは {files}中 {compliant})、指摘は {findings}',
  'cli.report.summary.history': '準拠率 {percent}% (エラーのないファイルは {files}中 {compliant})、指摘は {findings}、履歴は {points}',
  'count.history-points.one': '{count} 点',
  'count.history-points.other': '{count} 点',
  'cli.did-you-mean': "'{suggestion}' のことですか?",
  'cli.unknown-option': "不明なオプション '{option}' です。",
  'count.findings.one': '{count} 件',
  'count.findings.other': '{count} 件',
  'count.files.one': '{count} ファイル',
  'count.files.other': '{count} ファイル',
  'count.edits.one': '{count} 箇所',
  'count.edits.other': '{count} 箇所',
  'fix.disable-line': 'この行の {rule} を無効にする',
  'fix.disable-file': 'このファイルの {rule} を無効にする',
  'cli.baseline.stale':
    'ospo: ベースライン (.ospo/suppressions.json) の {count} 件のエントリは、もう存在しない指摘を数えています。--prune-suppressions を付けて再実行するか、--pass-on-unpruned-suppressions を指定してください:',
  'fix.insert-line': "'{text}' を追加",
  'fix.delete-header': 'この第三者コードのファイルから自組織のヘッダーを削除',
  'fix.project-license': "プロジェクトのライセンス '{text}' を使用",
  'fix.insert-lines': '{text} を追加 (プレースホルダーは要記入)',
  'fix.delete-artifact-line': 'チャットボットの応答文のコメント行を削除',
  'fix.sync-comment': 'AI タグからコメントを書き直し',
  'list.or': ' または ',
  'report.title': 'OSPO コンプライアンスレポート: {name}',
  'report.heading': 'OSPO コンプライアンスレポート',
  'report.meta': '{root} · 作成日時 {time}',
  'report.noscript': 'このレポートは、埋め込まれたデータ ({element} 要素。{command} の出力と同じもの) から JavaScript で表とグラフを描きます。',
  'report.summary': '概要',
  'report.compliant-files': '準拠しているファイル',
  'report.compliant-of': '{files} ファイル中 {compliant} ファイル',
  'report.findings': '指摘',
  'report.not-counted': '集計対象外',
  'report.exempt-skipped': 'チェック対象外 {exempt} · スキップ {skipped}',
  'report.compliant': '準拠',
  'report.about':
    '{check} が失敗しないファイル、つまり重大度 {error} の指摘がないファイルを{compliant}とみなします。warning と info は数えません。ライセンス情報は {check} と同じく、ファイルのヘッダーまたはサイドカーファイル {sidecar} と、REUSE.toml または .reuse/dep5 から読み取ります。チェック対象外のファイル (ライセンステキスト、REUSE のサイドカーファイルとメタデータ、空のファイル、生成されたファイル) とスキップしたファイル (バイナリ、大きすぎるファイル、読み取れないファイル) は数えません。ライセンスの内訳にはバイナリファイルも含まれ、そのサイドカーファイルと REUSE.toml のライセンスで数えます。',
  'report.chart.folders': '最上位フォルダーごとの準拠率',
  'report.chart.licenses': 'ライセンスの内訳',
  'report.chart.licenses-hint': '(SPDX ライセンス識別子ごとのファイル数)',
  'report.chart.rules': 'ルールごとの指摘',
  'report.chart.ai': 'フォルダーごとの生成AIの開示箇所',
  'report.chart.ai-hint': '(AI マーカーが示す行)',
  'report.chart.history': '準拠率の推移',
  'report.trend': '推移',
  'report.trend-note':
    '各点は、そのコミットのファイルを git から読み、現在のポリシーと日付でチェックした結果です。AI のコミットトレーラーのルールは再現しません。',
  'report.trend-points': '各点の一覧',
  'report.column.ref': '参照',
  'report.column.date': '日付',
  'report.column.subject': '件名',
  'report.column.files': 'ファイル数',
  'report.column.compliant': '準拠',
  'report.column.file': 'ファイル',
  'report.column.line': '行',
  'report.column.column': '列',
  'report.column.message': 'メッセージ',
  'report.severity': '重大度',
  'report.rule': 'ルール',
  'report.filter': 'ファイル、ルール、メッセージで絞り込み',
  'report.filter-label': '指摘を絞り込み',
  'report.all-severities': 'すべての重大度',
  'report.all-rules': 'すべてのルール',
  'report.links-note': 'パスは、このレポートからの相対リンクでファイルを開きます。{open} は VS Code でその行を開きます (レポートを作成したマシン上でのみ)。',
  'report.open': '開く',
  'report.open-title': 'VS Code で {line} 行目を開く',
  'report.skipped': 'スキップしたファイル ({count})',
  'report.top-level': '. (最上位)',
  'report.no-files': 'チェックしたファイルはありません',
  'report.no-findings': '指摘はありません',
  'report.no-ai': '生成AIの開示箇所はありません',
  'report.no-commits': '表示するコミットはありません',
  'report.ai-covered': '{regions}、計 {lines}',
  'report.ai-regions.one': '{count} 箇所',
  'report.ai-regions.other': '{count} 箇所',
  'report.ai-lines.one': '{count} 行',
  'report.ai-lines.other': '{count} 行',
  'report.findings-of.one': '{count} 件中 {shown} 件',
  'report.findings-of.other': '{count} 件中 {shown} 件',
  'report.findings-capped': '{count} (最初の {max} 件のみ表示。ほかの指摘は絞り込んで表示してください)',
  'report.history-cap': '* の付いたコミットには {cap} を超えるファイルがありました。パス順で最初の {cap} ファイルだけをチェックしています。',
  'report.history-tags': 'タグの付いたコミット',
  'report.license-none': '(なし)',
  'report.license-not-spdx': '(SPDX 以外)',
  'report.history-last.one': 'これらのファイルを変更した直近 {count} 件までのコミット',
  'report.history-last.other': 'これらのファイルを変更した直近 {count} 件までのコミット',
};

type KeysOf<T> = T extends unknown ? keyof T : never;

export type MessageKey = keyof typeof shared | KeysOf<(typeof rules)[number]['meta']['messages']['en']>;

type Table = Readonly<Record<MessageKey, string>>;

// The rule modules import this one, and the registry imports them: so the registry hands its rules'
// tables over when it loads (rules/index.ts), rather than this module importing it.
const merged = { en: { ...shared } as Table, ja: { ...sharedJa } as Table };

/** Adds the rules' texts to the table: called once, by the registry. */
export function addRuleMessages(metas: readonly RuleMeta[]): void {
  for (const m of metas) {
    Object.assign(merged.en, m.messages.en);
    Object.assign(merged.ja, m.messages.ja);
  }
}

function tables(): { en: Table; ja: Table } {
  return merged;
}

/** Every key, for tests that compare the languages. */
export function messageKeys(): readonly MessageKey[] {
  return Object.keys(tables().en) as MessageKey[];
}

/** The template of a key in a language, placeholders unfilled. */
export function template(locale: Locale, key: MessageKey): string {
  return tables()[locale][key];
}

// Templates split once at their `{name}` placeholders (literal text at even indices, names at odd
// ones): a scan builds a message for nearly every file, and most messages have no placeholder.
const compiled = { en: new Map<MessageKey, string[]>(), ja: new Map<MessageKey, string[]>() };

function render(locale: Locale, key: MessageKey, args: Record<string, string>): string {
  let parts = compiled[locale].get(key);
  if (!parts) {
    const text = template(locale, key);
    // A rule's key is there once the registry (rules/index.ts) is loaded; checkText loads it.
    if (text === undefined) throw new Error(`No message '${key}': unknown key, or the rule registry is not loaded`);
    parts = text.split(/\{(\w+)\}/);
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
function suggestionIn(hint: string | undefined): string | undefined {
  const [hintBefore, hintAfter] = template('en', 'spdx-invalid.hint').split('{suggestion}');
  if (hint === undefined || hint.length <= hintBefore.length + hintAfter.length) return undefined;
  return hint.startsWith(hintBefore) && hint.endsWith(hintAfter) ? hint.slice(hintBefore.length, hint.length - hintAfter.length) : undefined;
}

function localizedArgs(key: MessageKey, args: Record<string, string>): Record<string, string> {
  if (key === 'spdx-invalid.unknown' || key === 'spdx-invalid.unknown-exception') {
    const suggestion = suggestionIn(args.hint);
    if (suggestion !== undefined) return { ...args, hint: render('ja', 'spdx-invalid.hint', { suggestion }) };
  } else if (key === 'spdx-invalid.syntax') {
    if (args.detail === template('en', 'spdx-invalid.syntax-dangling')) return { ...args, detail: template('ja', 'spdx-invalid.syntax-dangling') };
  } else if (key === 'ai-marker-incomplete') {
    if (args.tags !== undefined) return { ...args, tags: args.tags.split(shared['list.or']).join(sharedJa['list.or']) };
  }
  return args;
}

type Counted<K> = K extends `${infer Noun}.other` ? Noun : never;
/** A noun with plural forms: keys `<noun>.<category>` for Intl.PluralRules' categories, `.other` always among them. */
export type CountKey = Counted<MessageKey>;

const pluralRules = { en: new Intl.PluralRules('en'), ja: new Intl.PluralRules('ja') };

/**
 * `count` with its noun (`1 file`, `2 files`), in the form the language's plural rules choose, or
 * `.other` where the table has no such form. Japanese has only `other`; its `.one` keys exist because
 * both tables have the same keys.
 */
export function countOf(noun: CountKey, count: number): string {
  const locale = currentLocale();
  const form = `${noun}.${pluralRules[locale].select(count)}` as MessageKey;
  return render(locale, template(locale, form) === undefined ? (`${noun}.other` as MessageKey) : form, { count: String(count) });
}

export function message(key: MessageKey, args: Record<string, string> = {}): string {
  const locale = currentLocale();
  return render(locale, key, locale === 'en' ? args : localizedArgs(key, args));
}
