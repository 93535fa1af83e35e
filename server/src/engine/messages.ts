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
  'fix.insert-header': 'Add license header',
  'fix.insert-license': 'Add SPDX-License-Identifier',
  'fix.replace': "Replace with '{text}'",
  'fix.insert-copyright': 'Add copyright notice',
  'fix.all': 'Fix all OSPO findings in this file',
  'fix.insert-line': "Add '{text}'",
  'fix.delete-header': 'Remove our header from this third-party file',
  'fix.project-license': "Use the project license '{text}'",
} as const;

export type MessageKey = keyof typeof en;

export function message(key: MessageKey, args: Record<string, string> = {}): string {
  return en[key].replace(/\{(\w+)\}/g, (_, name: string) => args[name] ?? `{${name}}`);
}
