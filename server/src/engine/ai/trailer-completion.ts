// Completion of the policy's AI trailer in a commit message being written (commit-ai-attribution):
// which trailers to offer on a line, as snippets. Pure; lsp/commit-message.ts makes completion items of them.

import { message } from '../messages';
import type { Policy } from '../policy/model';
import { disclosureRules, formById, formOfKey } from './disclosure-forms';
import { isPersonKey, isTrailerLine, parseCommitMessage } from './trailers';

export interface TrailerCompletion {
  label: string;
  /** Snippet syntax: `Assisted-by: ${1:AGENT}:${2:MODEL}`. */
  insertText: string;
  detail: string;
}

const escapeChoice = (s: string) => s.replace(/[$}\\,|]/g, (c) => '\\' + c);

/** A snippet choice of the policy's allowed tools, when they are literal names, else a placeholder. */
function agentPlaceholder(policy: Policy, n: number, fallback: string): string {
  const tools = policy.ai.tools.allow.map((t) => t.trim()).filter(Boolean);
  if (tools.length && tools.every((t) => !/[*?[\]{}]/.test(t))) return `\${${n}|${tools.map(escapeChoice).join(',')}|}`;
  return `\${${n}:${fallback}}`;
}

function snippetFor(key: string, policy: Policy): string {
  const k = key.toLowerCase();
  if (k === 'assisted-by' || k === 'ai-assisted-by') return `${key}: ${agentPlaceholder(policy, 1, 'AGENT')}:\${2:MODEL}`;
  if (k === 'generated-by') return `${key}: ${agentPlaceholder(policy, 1, 'TOOL')} \${2:VERSION}`;
  if (isPersonKey(k)) return `${key}: \${1:NAME} <\${2:EMAIL}>`;
  return `${key}: ${agentPlaceholder(policy, 1, 'AGENT')}`;
}

/**
 * The policy's AI trailers, offered on `line` when it is empty or holds the start of a trailer key,
 * and a trailer written there would be part of the trailer block: below the subject's paragraph,
 * after a blank line or other trailers, with nothing but trailers after it. Nothing under `ai.mode: forbid`.
 */
export function trailerCompletion(text: string, line: number, policy: Policy): TrailerCompletion[] {
  if (policy.ai.mode === 'forbid') return [];
  const msg = parseCommitMessage(text);
  if (line < 0 || line >= msg.end || !msg.isContent(line)) return [];
  const typed = msg.lines[line].trim();
  if (typed !== '' && !/^[A-Za-z][A-Za-z0-9-]*$/.test(typed)) return [];
  const content = (from: number, step: 1 | -1) => {
    const out: string[] = [];
    for (let i = from; i >= 0 && i < msg.end; i += step) if (msg.isContent(i)) out.push(msg.lines[i]);
    return out;
  };
  const before = content(line - 1, -1);
  const after = content(line + 1, 1);
  const blank = (l: string) => l.trim() === '';
  // Above: a blank line under some text (a new last paragraph), or trailers of a paragraph that is not the subject's.
  const above = before.findIndex((l) => !isTrailerLine(l));
  if (above < 0) return []; // nothing but trailer-like lines above: no subject yet
  if (!blank(before[above])) return [];
  if (!before.slice(above).some((l) => !blank(l))) return [];
  // Below: only blank lines, or trailers straight away (then blank lines).
  const firstBlank = after.findIndex(blank);
  const rest = firstBlank < 0 ? after : after.slice(0, firstBlank);
  if (!rest.every(isTrailerLine) || (firstBlank >= 0 && !after.slice(firstBlank).every(blank))) return [];

  const rules = disclosureRules(policy);
  const requiredKeys = rules.required.map((id) => formById(id)).flatMap((f) => (f.where === 'trailer' && f.write ? [f.write] : []));
  const accepted = (k: string) => {
    const form = formOfKey(k);
    const action = form && rules.action(form.id);
    return !action || action === 'allow' || action === 'require' || (action === 'convert' && k === rules.target);
  };
  const offered = [...new Map([rules.target, ...requiredKeys, ...rules.listedKeys].map((k) => [k.toLowerCase(), k])).values()].filter(accepted);
  const prefix = typed.toLowerCase();
  return offered
    .filter((k) => k.toLowerCase().startsWith(prefix))
    .map((k) => ({
      label: k,
      insertText: snippetFor(k, policy),
      detail: message(k === offered[0] ? 'commit-ai-attribution.completion.form' : 'commit-ai-attribution.completion.accepted'),
    }));
}
