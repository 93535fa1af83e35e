// spdx-tag-typo: an `SPDX-…:` tag in the header that no tool reads because it is misspelt
// (`SPDX-License-Identifer`, `SPDX-Licence-Identifier`) or written in another case
// (`SPDX-License-identifier`). reuse-tool and the SPDX tools match tag names exactly, so such a
// file counts as unlicensed for them although its author meant to license it.

import type { Finding } from '../findings';
import { distance } from 'fastest-levenshtein';
import type { SourceFile } from '../source-file';
import { range } from '../text';
import { finding, type Rule, type RuleMeta, type Translations } from './rule';

const en = {
  'spdx-tag-typo': "Unknown SPDX tag '{written}': did you mean '{tag}'? Tools read only the exact tag name",
  'spdx-tag-typo.case': "SPDX tag '{written}' is written '{tag}': tools read tag names case-sensitively",
};

const ja: Translations<typeof en> = {
  'spdx-tag-typo': "SPDX タグ '{written}' は定義されていません。'{tag}' の誤記ではありませんか。ツールはタグ名が完全に一致する場合にだけ読み取ります",
  'spdx-tag-typo.case': "SPDX タグ '{written}' の正しい表記は '{tag}' です。ツールはタグ名の大文字と小文字を区別します",
};

export const meta = {
  id: 'spdx-tag-typo',
  scope: 'file',
  defaultSeverity: 'warning',
  fixable: 'auto',
  headerOnly: true,
  options: [],
  messages: { en, ja },
} as const satisfies RuleMeta;

// The tags SPDX defines for source files (SPDX 2.3 Annex H: `SPDX-` and a tag of the File or
// Snippet Information sections, plus SPDX-License-Identifier of Annex E and the snippet bounds).
const knownTags = [
  'SPDX-License-Identifier',
  'SPDX-FileCopyrightText',
  'SPDX-FileContributor',
  'SPDX-FileComment',
  'SPDX-FileNotice',
  'SPDX-FileAttributionText',
  'SPDX-FileName',
  'SPDX-FileType',
  'SPDX-FileChecksum',
  'SPDX-LicenseConcluded',
  'SPDX-LicenseInfoInFile',
  'SPDX-LicenseComments',
  'SPDX-SnippetBegin',
  'SPDX-SnippetEnd',
  'SPDX-SnippetName',
  'SPDX-SnippetComment',
  'SPDX-SnippetCopyrightText',
  'SPDX-SnippetLicenseConcluded',
  'SPDX-SnippetLicenseComments',
  'SPDX-SnippetAttributionText',
  'SPDX-LicenseInfoInSnippet',
];
const byLowerCase = new Map(knownTags.map((t) => [t.toLowerCase(), t]));

/** The known tag a key was meant to be: the same letters in another case, or the one tag at most two edits away. */
export function intendedTag(key: string): { tag: string; caseOnly: boolean } | undefined {
  if (!/^spdx-/i.test(key) || knownTags.includes(key)) return undefined;
  const lower = key.toLowerCase();
  const sameLetters = byLowerCase.get(lower);
  if (sameLetters) return { tag: sameLetters, caseOnly: true };
  const near = knownTags.filter((t) => distance(lower, t.toLowerCase()) <= 2);
  // Two tags equally near is a guess: say nothing rather than guess.
  return near.length === 1 ? { tag: near[0], caseOnly: false } : undefined;
}

export function spdxTagTypo(file: SourceFile): Finding[] {
  return file.header.tags.flatMap((t): Finding[] => {
    const intended = intendedTag(t.key);
    if (!intended) return [];
    const r = range(t.line, t.keyStart, t.keyStart + t.key.length);
    return [
      finding(
        meta,
        r,
        intended.caseOnly ? 'spdx-tag-typo.case' : 'spdx-tag-typo',
        { written: t.key, tag: intended.tag },
        {
          // The author meant the tag: writing it as tools read it changes no claim, so fix-all may.
          fix: { kind: 'replace', range: r, text: intended.tag, safe: true },
        },
      ),
    ];
  });
}

export default { meta, check: spdxTagTypo } satisfies Rule;
