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
  'copyright-missing.sidecar': 'No copyright notice in {file}.license: add SPDX-FileCopyrightText there',
  'header-missing.sidecar': 'No SPDX-License-Identifier in {file}.license, which replaces the header of this file: add it there',
  'license-text-missing.external': "No license text for '{id}' ({source}): add LICENSES/{id}.txt (REUSE)",
  'license-text-missing': "No license text for '{id}': add LICENSES/{id}.txt (REUSE)",
  'license-text-unused': '{detail}',
  'reuse-invalid': '{detail}',
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
  'ai-marker-missing': 'Git history shows AI help ({commit}, {trailer}) but the file has no AI marker: add AI header tags',
  'ai-marker-missing.more': 'Git history shows AI help in {count} commits (newest {commit}, {trailer}) but the file has no AI marker: add AI header tags',
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
  'fix.insert-line': "Add '{text}'",
  'fix.delete-header': 'Remove our header from this third-party file',
  'fix.project-license': "Use the project license '{text}'",
  'fix.insert-lines': 'Add {text} (placeholders: fill them in)',
  'fix.delete-artifact-line': 'Delete the chatbot comment line',
  'fix.sync-comment': 'Rewrite the comment from the AI tags',
  'ai-marker-malformed.comment': "{key} does not mention '{tool}' from {role}: keep the readable copy in step with the AI tags",
} as const;

export type MessageKey = keyof typeof en;

// Templates split once at their `{name}` placeholders (literal text at even indices, names at odd
// ones): a scan builds a message for nearly every file, and most messages have no placeholder.
const compiled = new Map<MessageKey, string[]>();

export function message(key: MessageKey, args: Record<string, string> = {}): string {
  let parts = compiled.get(key);
  if (!parts) {
    parts = en[key].split(/\{(\w+)\}/);
    compiled.set(key, parts);
  }
  if (parts.length === 1) return parts[0];
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) out += (args[parts[i]] ?? `{${parts[i]}}`) + parts[i + 1];
  return out;
}
