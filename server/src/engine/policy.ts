// The org policy (../shared/design/policy.md), resolved to plain values the rules read.
// Loading the YAML file lives in policy-file.ts; this module only knows the shape and the default.

import type { CommentStyle } from './comments';
import type { SeverityOrOff } from './findings';

export type YearRule = 'any' | 'current' | 'range-to-current' | 'none';

export interface Policy {
  /** Where the policy came from, for hovers, the status item and the log. */
  source: string;
  headers: {
    required: boolean;
    maxLine: number;
    copyright: { required: boolean; holder?: string; year: YearRule };
    template: string;
    languages: Record<string, CommentStyle>;
  };
  licenses: { project?: string };
  files: { include: string[]; exclude: string[] };
  severity: Record<string, SeverityOrOff>;
}

export const defaultTemplate = 'SPDX-FileCopyrightText: {year} {holder}\nSPDX-License-Identifier: {license}';

/** The built-in default: an SPDX header is required and any valid SPDX expression is accepted. */
export function defaultPolicy(): Policy {
  return {
    source: 'built-in default',
    headers: {
      required: true,
      maxLine: 10,
      copyright: { required: true, year: 'any' },
      template: defaultTemplate,
      languages: {},
    },
    licenses: {},
    files: { include: ['**/*'], exclude: [] },
    severity: {},
  };
}

/**
 * A literal holder name for fixes, taken from the policy's holder regex when it is a plain name
 * ("Example Corp( and contributors)?" gives "Example Corp"); otherwise undefined.
 */
export function literalHolder(pattern: string | undefined): string | undefined {
  if (!pattern) return undefined;
  let text = pattern.replace(/\((?:[^()\\]|\\.)*\)[?*]/g, '').replace(/^\^|\$$/g, '');
  if (/(^|[^\\])[[\](){}|*+?^$]/.test(text)) return undefined;
  text = text.replace(/\\(.)/g, '$1').trim();
  return text || undefined;
}
