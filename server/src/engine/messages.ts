// Every user-facing finding message, by key. Rules name a key and its arguments; the text lives
// here so that outputs stay consistent and a translation has one table to follow.

const en = {
  'header-missing': 'No license header: add SPDX-FileCopyrightText and SPDX-License-Identifier',
  'header-missing.license': 'No SPDX-License-Identifier in the header: add one',
  'header-missing.uncommentable': 'No license information: this format has no comments, so add a {file}.license file next to it',
  'spdx-invalid.empty': 'Empty SPDX-License-Identifier: write an SPDX license expression such as {example}',
  'spdx-invalid.unknown': "Unknown SPDX license id '{id}'{hint}",
  'spdx-invalid.unknown-exception': "Unknown SPDX license exception '{id}'{hint}",
  'spdx-invalid.prose': "'{text}' is not an SPDX expression: write '{suggestion}'",
  'spdx-invalid.case': "SPDX license id '{id}' is written '{canonical}'",
  'spdx-invalid.syntax': 'Invalid SPDX license expression: {detail}',
  'spdx-deprecated': "Deprecated SPDX license id '{id}': use '{successor}'",
  'spdx-deprecated.no-successor': "Deprecated SPDX license id '{id}': choose a current id from the SPDX license list",
  'copyright-missing': 'No copyright notice: add SPDX-FileCopyrightText',
  'fix.insert-header': 'Add license header',
  'fix.insert-license': 'Add SPDX-License-Identifier',
  'fix.replace': "Replace with '{text}'",
  'fix.insert-copyright': 'Add copyright notice',
  'fix.all': 'Fix all OSPO findings in this file',
} as const;

export type MessageKey = keyof typeof en;

export function message(key: MessageKey, args: Record<string, string> = {}): string {
  return en[key].replace(/\{(\w+)\}/g, (_, name: string) => args[name] ?? `{${name}}`);
}
