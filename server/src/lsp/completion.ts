// Policy snippets: typing `ospo` offers the org's header and disclosure blocks, filled from the
// policy (holder, license, current year) and wrapped in the file's own comment style.

import { todayIso } from '../engine/dates';
import { CompletionItem, CompletionItemKind, InsertTextFormat, Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CommentStyle, commentStyleFor } from '../engine/comments';
import type { FixContext } from '../engine/context';
import { renderTemplate, wrapInComment } from '../engine/fixes';
import { toolFor } from '../engine/ai/disclosure';
import { literalHolder, Policy } from '../engine/policy/model';

const escapeSnippet = (s: string) => s.replace(/[\\$}]/g, (c) => '\\' + c);

function wordBefore(doc: TextDocument, pos: Position): string {
  const line = doc.getText({ start: { line: pos.line, character: 0 }, end: pos });
  return /[\w-]*$/.exec(line)?.[0] ?? '';
}

// Placeholders the user fills in after insertion; the rest is literal text.
const placeholders: Record<string, string> = {
  'TOOL:MODEL': '${1:TOOL:MODEL}',
  '<MODEL>': '${1:MODEL}',
  'NAME <EMAIL>': '${2:NAME <EMAIL>}',
  'APPROVAL-ID': '${3:APPROVAL-ID}',
  'PROMPT-REF': '${4:PROMPT-REF}',
  'SESSION-ID': '${5:SESSION-ID}',
  'CODE-REFERENCE': '${6:CODE-REFERENCE}',
};

function item(label: string, detail: string, style: CommentStyle, before: string[], after: string[] = []): CompletionItem {
  const wrap = (lines: string[]) => wrapInComment(lines, style);
  const fill = (line: string) => Object.entries(placeholders).reduce((l, [k, v]) => l.split(escapeSnippet(k)).join(v), escapeSnippet(line));
  const body = [...wrap(before).map(fill), '$0', ...(after.length ? wrap(after).map(fill) : [])].join('\n');
  const preview = [...wrap(before), '…', ...(after.length ? wrap(after) : [])].join('\n');
  return {
    label,
    kind: CompletionItemKind.Snippet,
    detail,
    documentation: { kind: 'markdown', value: '```\n' + preview + '\n```' },
    insertText: body,
    insertTextFormat: InsertTextFormat.Snippet,
  };
}

export function policySnippets(doc: TextDocument, fsPath: string, pos: Position, policy: Policy, ctx: FixContext): CompletionItem[] {
  const word = wordBefore(doc, pos).toLowerCase();
  if (!word || !('ospo'.startsWith(word) || word.startsWith('ospo'))) return [];
  const style = commentStyleFor(fsPath, policy.headers.languages);
  if (!style) return [];
  const holder = literalHolder(policy.headers.copyright.holder) ?? ctx.holder;
  const license = policy.licenses.project ?? ctx.license;
  const today = todayIso();
  const snippet = ['SPDX-SnippetBegin', `SPDX-SnippetCopyrightText: ${ctx.year} ${holder}`, `SPDX-License-Identifier: ${license}`];
  return [
    item('ospo-policy-header', 'License header from the OSPO policy', style, renderTemplate(policy, ctx)),
    item('ospo-policy-snippet', 'SPDX snippet with the policy license', style, snippet, ['SPDX-SnippetEnd']),
    // The AI block carries exactly the fields the policy requires here; none is offered where AI code is forbidden.
    ...(policy.ai.mode === 'forbid'
      ? []
      : [
          item(
            'ospo-policy-ai',
            'AI-assisted code, disclosed as the policy requires',
            style,
            [
              ...snippet,
              `SPDX-SnippetComment: AI-assisted, reviewed ${today}`,
              `AI-Assisted-By: ${toolFor(policy)}`,
              'AI-Reviewed-By: NAME <EMAIL>',
              `AI-Reviewed-On: ${today}`,
              ...(policy.ai.mode === 'review' || policy.ai.requiredFields.includes('approval') ? ['AI-Approval: APPROVAL-ID'] : []),
              ...(policy.ai.requiredFields.includes('prompt-ref') ? ['AI-Prompt-Ref: PROMPT-REF'] : []),
              ...(policy.ai.requiredFields.includes('session') ? ['AI-Session: SESSION-ID'] : []),
              ...(policy.ai.requiredFields.includes('code-reference') ? ['AI-Code-Reference: CODE-REFERENCE'] : []),
            ],
            ['SPDX-SnippetEnd'],
          ),
        ]),
  ];
}
