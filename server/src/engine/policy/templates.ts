// Starter policies for `ospo init` and "OSPO: Create policy file": a complete, commented
// `.ospo/policy.yaml` that a team edits rather than writes from scratch. Every starter parses
// without problems (test/unit/templates.test.ts) and carries its own SPDX header, so the policy
// file is never reported by the policy it states.
//
// The comments are read by people new to the format, so they say what each key does and what
// else it could say. They avoid the literal markers the engine looks for (a generated-code banner,
// `AI-…: value` tags, chatbot phrases), which would otherwise make this file exempt or flag it.

import { disclosureForms } from '../ai/disclosure-forms';

export const templateNames = ['apache', 'mit', 'reuse-strict', 'ai-disclose', 'ai-forbid', 'kernel', 'kubernetes', 'asf', 'openinfra'] as const;
export type TemplateName = (typeof templateNames)[number];

export function isTemplateName(name: string): name is TemplateName {
  return (templateNames as readonly string[]).includes(name);
}

export interface StarterOptions {
  /** The copyright holder in the policy file's own header; default "The authors". */
  holder?: string;
  /** The year in the policy file's own header; default this year. */
  year?: number;
}

/** The text of the starter policy `name`, ready to write to `.ospo/policy.yaml`. */
export function starterPolicy(name: TemplateName, opts: StarterOptions = {}): string {
  if (!isTemplateName(name)) throw new Error(`Unknown policy template '${name}'`);
  const holder = (opts.holder ?? '').replace(/\s+/g, ' ').trim() || 'The authors';
  const year = opts.year ?? new Date().getFullYear();
  const t = starters[name];
  return (
    [
      // The policy file is CC0-1.0 so that others may copy it freely; an override below keeps
      // that from counting as a license mismatch.
      `# SPDX-FileCopyrightText: ${year} ${holder}\n# SPDX-License-Identifier: CC0-1.0`,
      intro(name, t.summary),
      'version: 1',
      meta(t.title),
      extendsExample,
      files(t.generated),
      t.licenses,
      headers(t.headers),
      t.ai,
      overrides(t.overrideExample),
      t.severity,
      exceptionsExample,
    ].join('\n\n') + '\n'
  );
}

interface Starter {
  title: string;
  /** What the starter does, in a few comment lines. */
  summary: string;
  generated: 'exempt' | 'check';
  licenses: string;
  /** maxLine: left out, the header is the whole leading comment block. */
  headers: { maxLine?: number; year: string };
  ai: string;
  overrideExample: string;
  severity: string;
}

const intro = (name: TemplateName, summary: string) => `# The open source policy of this repository, checked by OSPO Compliance: in VS Code as you
# type, and in CI with \`npx ospo check\`.
#
# Starter "${name}": ${summary}
#
# Every key is optional: leave one out and its built-in default applies. A misspelt key is
# reported as a warning on its own line, never silently ignored.
# Other starters (\`ospo init --template <name>\`): ${templateNames.join(', ')}.`;

const meta = (title: string) => `# Who owns this policy. Shown in hovers and reports, so people know whom to ask.
policy:
  title: ${title}
  # id: example-corp/source-policy
  # url: https://ospo.example.com/policy
  # contact: ospo@example.com`;

const extendsExample = `# An org-wide base policy to build on. This file may tighten the base but never loosen it:
# deny lists add up, allow lists narrow, and the stricter AI mode wins. Give a path relative to
# this file, or an https URL pinned by its SHA-256 so that it cannot change under you:
# extends:
#   - ../org-policy/base.yaml
#   - { source: https://ospo.example.com/base.yaml, sha256: "<64 hex digits>" }`;

const files = (generated: 'exempt' | 'check') => `# Which files are checked. Globs are relative to the folder that holds .ospo/.
files:
  include: ["**/*"]
  exclude: []                # for example ["dist/**", "**/*.min.js"]
  respectGitignore: true     # skip what git ignores (.gitignore files, .git/info/exclude)
  # Code from elsewhere keeps its own notices: it still needs license information, but adding
  # our header to it is reported (third-party-header).
  thirdParty: ["third_party/**", "vendor/**"]
${
  generated === 'exempt'
    ? `  # Files that say they are generated (a generated-code banner, or linguist-generated in
  # .gitattributes): exempt skips them, check checks them like any other file.
  generated: exempt`
    : `  # REUSE covers every file, generated ones too: check them like any other file (exempt would
  # skip them). Generated files can be licensed in bulk with a REUSE.toml annotation.
  generated: check`
}`;

const permissiveLicenses = (project: string) => `# License tiers. An SPDX expression is judged as a whole: "MIT OR GPL-3.0-only" is allowed,
# because MIT alone satisfies it. In these lists \`*\` matches any suffix, as in "GPL-*".
licenses:
  # The license of our own files. Fixes and snippets insert it, and a first-party file under
  # another license is reported (license-mismatch).
  project: ${project}
  # Allowed without review. Anything not listed counts as denied; remove the list to allow
  # every license that is not denied or in review.
  allow: [Apache-2.0, MIT, MIT-0, BSD-2-Clause, BSD-3-Clause, ISC, 0BSD, Zlib, BSL-1.0, CC0-1.0]
  # Allowed once reviewed: the file's header must then cite the review, matching reviewEvidence.
  # Weak copyleft such as MPL-2.0 or LGPL stays denied unless you list it here.
  # review: [MPL-2.0, "LGPL-*", "EPL-*"]
  # reviewEvidence: "OSRB-[0-9]+"
  # Never allowed, even in review: strong and network copyleft, and source-available licenses.
  deny: ["GPL-*", "AGPL-*", "EUPL-*", "OSL-*", "CC-BY-SA-*", SSPL-1.0, BUSL-1.1]`;

const anyLicense = `# License tiers. With none, any valid SPDX expression is accepted, and fixes insert the license
# found in LICENSES/ (when it holds exactly one) or in package.json. To name the project's license
# and restrict what code may come in (see the apache and mit starters):
# licenses:
#   project: Apache-2.0
#   allow: [Apache-2.0, MIT, BSD-2-Clause, BSD-3-Clause, ISC, 0BSD, CC0-1.0]
#   review: [MPL-2.0, "LGPL-*"]       # allowed once reviewed; the header cites the review
#   reviewEvidence: "OSRB-[0-9]+"
#   deny: ["GPL-*", "AGPL-*"]`;

const headers = (h: Starter['headers']) => `# License headers: the SPDX tags that REUSE 3.3 defines, in a comment near the top of each file.
# A <file>.license sidecar or a REUSE.toml annotation may license a file instead.
headers:
  # Every checked file needs the SPDX-FileCopyrightText and SPDX-License-Identifier tags.
  required: true
  # The header is the leading comment block, however long (after a shebang, encoding line or
  # front matter). maxLine makes it end within that many lines of the top.
  ${h.maxLine === undefined ? '# maxLine: 20' : `maxLine: ${h.maxLine}`}
  copyright:
    required: true
    # Our copyright holder, a regular expression matched in full. Left out, any holder passes
    # and fixes insert your git user.name.
    # holder: "Example Corp( and contributors)?"
    # Which years pass: any (any year not in the future), current (the latest year is this
    # year), range-to-current (a year is required: one year, or a range such as 2019-2026 rather
    # than a list) or none (no year). A year in the future is always reported.
    year: ${h.year}
  # What fixes and snippets insert, then wrapped in each file's comment style. {year} is this
  # year, {holder} the holder above (or your git user.name), {license} licenses.project.
  template: |
    SPDX-FileCopyrightText: {year} {holder}
    SPDX-License-Identifier: {license}
  # Comment styles for file types OSPO does not know yet, keyed by extension or file name:
  # languages:
  #   ".foo": { line: "--" }
  #   ".bar": { start: "(*", middle: " *", end: "*)" }`;

const aiIntro = `# Code written with AI help. It is disclosed with AI tags in the file's header, or inside an
# SPDX snippet around the region: AI-Generated-By or AI-Assisted-By (the role, naming the tool
# and model), AI-Reviewed-By (the person who checked it) and AI-Reviewed-On (the day).`;

const aiModes = `  # The mode, one of:
  #   allow     no rule
  #   disclose  AI code carries the tags
  #   review    the tags plus an AI-Approval that matches approvalPattern
  #   forbid    no AI code at all`;

const aiDefault = `${aiIntro}
ai:
${aiModes}
  mode: disclose
  # The fields every disclosure needs. Also possible: reviewed-by, reviewed-on, approval,
  # prompt-ref, session, code-reference (see the ai-disclose starter).
  requiredFields: [role]`;

const aiDisclose = `${aiIntro}
ai:
${aiModes}
  # For review, also set approvalPattern, for example "OSRB-[0-9]+".
  mode: disclose
  # The fields every disclosure needs: role is AI-Generated-By or AI-Assisted-By; reviewed-by and
  # reviewed-on say who checked the code and when. Also possible: approval, prompt-ref, session,
  # code-reference.
  requiredFields: [role, reviewed-by, reviewed-on]
  reviewer:
    # The reviewer must be a person, not a bot account.
    forbidBots: true
    # Who may review, as "Name <email>": a regular expression matched in full.
    # pattern: '.+ <[^@>]+@example\\.com>'
  # Which AI tools may be used. With no allow list any tool may; \`*\` is a wildcard.
  # tools:
  #   allow: ["GitHub Copilot", "Claude Code"]
  #   deny: ["*free-tier*"]
  # Commit trailers that disclose AI help in git history: Assisted-by (the Linux kernel form)
  # and Generated-by (the ASF form). A file that the history shows as AI-assisted still needs
  # its tags in the file.
  commitTrailers: [Assisted-by, Generated-by]`;

const aiForbid = `${aiIntro}
# This policy does not accept such code: no file may carry AI tags or other AI markers, or text
# left over from a chatbot.
ai:
${aiModes}
  mode: forbid
  # Commit trailers that show AI help in git history: Assisted-by (the Linux kernel form) and
  # Generated-by (the ASF form).
  commitTrailers: [Assisted-by, Generated-by]`;

// The AI-disclosure conventions of real projects, as of late 2026: each is the `ai` section of an
// `ospo init --template` starter and, alone, the base `extends: [ospo:NAME]` reads (presetBase).
// Each has a commit log that passes and one that fails in test/unit/fixtures/disclosure-presets/.

/** The forms a commit message can hold (disclosure-forms.ts), but Signed-off-by, which every preset forbids. */
const messageForms = disclosureForms.filter((f) => (f.where === 'trailer' || f.where === 'message-line') && f.id !== 'signed-off-by').map((f) => f.id);

/** Every other form a message can hold, each given `action`: what tools write by default. */
const allOthers = (own: string[], action: string) =>
  messageForms
    .filter((f) => !own.includes(f))
    .map((f) => `    ${f}: ${action}`)
    .join('\n');

const disclosureIntro = `# How a commit discloses AI help. Each form is one of: require (AI help must be disclosed in one
# of the required forms), allow, forbid, or convert (the quick fix rewrites a tool's default into
# the required trailer). Forms: assisted-by, generated-by, ai-assisted-by, ai-key (any other key
# with AI as a word), co-authored-by (an AI named as co-author), co-authored-by-ai, made-with,
# generated-with, signed-off-by (an AI signing off), generated-with-line (a tool's own line in the
# message), git-notes, file-marker.`;

const aiKernel = `${disclosureIntro}
# The Linux kernel (Documentation/process/coding-assistants.rst): AI help is disclosed as
# "Assisted-by: AGENT_NAME:MODEL_VERSION [TOOL1] [TOOL2]", and an AI never adds Signed-off-by,
# since only a person can certify the Developer Certificate of Origin.
ai:
  mode: disclose
  disclosure:
    assisted-by: require
    # What the tools write by default is rewritten into Assisted-by.
${allOthers(['assisted-by'], 'convert')}
    signed-off-by: forbid
    # Disclosure is in the commit, not in the files.
    file-marker: allow`;

const aiKubernetes = `${disclosureIntro}
# Kubernetes (2026-04): no AI co-author and no AI trailer in commits, because of the CLA; AI help
# is disclosed in the pull request description only.
ai:
  mode: disclose
  disclosure:
${allOthers([], 'forbid')}
    signed-off-by: forbid
    file-marker: allow`;

const aiAsf = `${disclosureIntro}
# The Apache Software Foundation (Generative Tooling guidance): a contribution made with AI
# tools says so with a "Generated-by: <tool>" trailer.
ai:
  mode: disclose
  disclosure:
    generated-by: require
${allOthers(['generated-by'], 'convert')}
    signed-off-by: forbid
    file-marker: allow`;

const aiOpenInfra = `${disclosureIntro}
# The OpenInfra Foundation (AI policy): "Generated-By: <tool>" when a tool generated the
# change, "Assisted-By: <tool>" when it helped; either will do.
ai:
  mode: disclose
  # How the two trailers are spelled; the first is what the quick fix writes.
  commitTrailers: [Generated-By, Assisted-By]
  disclosure:
    generated-by: require
    assisted-by: require
${allOthers(['generated-by', 'assisted-by'], 'convert')}
    signed-off-by: forbid
    file-marker: allow`;

/** The AI presets `extends` may name as `ospo:NAME`, each its starter's `ai` section. */
const presetAi: Partial<Record<TemplateName, string>> = {
  kernel: aiKernel,
  kubernetes: aiKubernetes,
  asf: aiAsf,
  openinfra: aiOpenInfra,
  'ai-forbid': aiForbid,
  'ai-disclose': aiDisclose,
};

export const presetNames = Object.keys(presetAi) as TemplateName[];

/** The base policy `extends: [ospo:NAME]` stands for: the preset's `ai` section alone. */
export function presetBase(name: string): string | undefined {
  const ai = presetAi[name as TemplateName];
  return ai === undefined ? undefined : `version: 1\n\n${ai}\n`;
}

/** A starter that is an AI preset over any license. */
function presetStarter(name: TemplateName, title: string, summary: string): Starter {
  return {
    title: `Open source policy (${title})`,
    summary,
    generated: 'exempt',
    licenses: anyLicense,
    headers: { year: 'any' },
    ai: presetAi[name]!,
    overrideExample: `  # Other rules for some paths, for example:
  # - paths: ["test/**"]
  #   severity: { commit-ai-attribution: warning }`,
    severity: defaultSeverity,
  };
}

// The OpenChain (ISO/IEC 5230) record of decisions: who approved what, when, and until when.
const exceptionsExample = `# Decisions on record: an exception silences the findings of the rules it names, on the paths
# and licenses it names (paths, licenses or both), and says who approved it, when, and the ticket.
# After its expiry date its findings are reported again; 30 days before, the policy file says so.
# \`ospo report\` lists the exceptions with their status.
# exceptions:
#   - id: LEGAL-123
#     rules: [license-denied]
#     paths: ["vendor/legacy/**"]
#     licenses: [GPL-2.0-only]
#     approver: Jane Doe <jane@example.com>
#     date: 2026-03-01
#     ref: https://tracker.example.com/LEGAL-123
#     expires: 2027-03-01
#     reason: Kept until the legacy module is replaced`;

const overrides = (example: string) => `# Changes for some paths; the first entry whose paths match a file applies to it, with the same
# sections as above.
overrides:
  # This policy file is itself CC0-1.0 (see its header), so anyone may copy it.
  - paths: [".ospo/**"]
    licenses: { project: CC0-1.0 }
${example}`;

const defaultSeverity = `# How loud each rule is: error, warning, info, hint or off. Unlisted rules keep their defaults.
# severity:
#   copyright-year: warning    # info by default
#   license-mismatch: off`;

/** The apache and mit starters differ only in the project license. */
function permissiveStarter(license: string): Starter {
  return {
    title: `Open source policy (${license})`,
    summary: `our own files are ${license}; code we bring in (vendored files,
# snippets) may use permissive licenses but no copyleft; every file needs an SPDX header.`,
    generated: 'exempt',
    licenses: permissiveLicenses(license),
    headers: { year: 'any' },
    ai: aiDefault,
    overrideExample: `  # Stricter rules for sensitive code, for example:
  # - paths: ["src/crypto/**"]
  #   ai: { mode: forbid }`,
    severity: defaultSeverity,
  };
}

const starters: Record<TemplateName, Starter> = {
  apache: permissiveStarter('Apache-2.0'),
  mit: permissiveStarter('MIT'),

  'reuse-strict': {
    title: 'Open source policy (REUSE 3.3, strict)',
    summary: `every file carries copyright and license information as
# REUSE 3.3 defines it (what \`reuse lint\` checks) within its first 5 lines, and every
# copyright notice has a year or a year range. Nothing is reported below warning.`,
    generated: 'check',
    licenses: anyLicense,
    headers: { maxLine: 5, year: 'range-to-current' },
    ai: aiDefault,
    overrideExample: `  # A REUSE.toml annotation is the REUSE way to license many files at once; an override only
  # changes the rules, for example:
  # - paths: ["docs/**"]
  #   headers: { copyright: { year: any } }`,
    severity: `# How loud each rule is: error, warning, info, hint or off. \`reuse lint\` fails on each of the
# errors below; a copyright year in the wrong form is only a warning (its default is info).
severity:
  header-missing: error
  header-misplaced: warning     # the tags stand below the first 5 lines
  copyright-missing: error
  spdx-invalid: error
  spdx-deprecated: error        # reuse lint rejects deprecated license ids
  spdx-operator-case: warning   # reuse lint accepts or, and, with; SPDX writes OR, AND, WITH
  license-text-missing: error   # each license used needs its text in LICENSES/<id>.txt
  snippet-unbalanced: error
  copyright-year: warning
  ai-nonstandard-marker: warning  # legacy AI markers should be converted to the canonical tags`,
  },
  'ai-disclose': {
    title: 'Open source policy (AI disclosure)',
    summary: `code written with AI help is allowed when it says so:
# AI tags name the tool, the person who reviewed the code and the day. Every file needs an SPDX
# header; any valid SPDX license is accepted.`,
    generated: 'exempt',
    licenses: anyLicense,
    headers: { year: 'any' },
    ai: aiDisclose,
    overrideExample: `  # No AI help at all in sensitive code, for example:
  # - paths: ["src/crypto/**"]
  #   ai: { mode: forbid }`,
    severity: defaultSeverity,
  },
  'ai-forbid': {
    title: 'Open source policy (no AI-generated code)',
    summary: `code written with AI help is not accepted: AI markers in
# files are reported. Every file needs an SPDX header; any valid SPDX license is accepted.`,
    generated: 'exempt',
    licenses: anyLicense,
    headers: { year: 'any' },
    ai: aiForbid,
    overrideExample: `  # Allow disclosed AI help where it matters less, for example:
  # - paths: ["test/**"]
  #   ai: { mode: disclose, requiredFields: [role, reviewed-by, reviewed-on] }`,
    severity: defaultSeverity,
  },
  kernel: presetStarter(
    'kernel',
    'AI disclosure as the Linux kernel asks',
    `AI help is disclosed in the commit as
# "Assisted-by: AGENT:MODEL"; an AI never signs off. Every file needs an SPDX header; any valid
# SPDX license is accepted.`,
  ),
  kubernetes: presetStarter(
    'kubernetes',
    'AI disclosure as Kubernetes asks',
    `no AI trailer or AI co-author in commits;
# AI help is disclosed in the pull request. Every file needs an SPDX header; any valid SPDX
# license is accepted.`,
  ),
  asf: presetStarter(
    'asf',
    'AI disclosure as the ASF asks',
    `AI help is disclosed in the commit as
# "Generated-by: <tool>". Every file needs an SPDX header; any valid SPDX license is accepted.`,
  ),
  openinfra: presetStarter(
    'openinfra',
    'AI disclosure as OpenInfra asks',
    `AI help is disclosed in the commit as
# "Generated-By: <tool>" or "Assisted-By: <tool>". Every file needs an SPDX header; any valid SPDX
# license is accepted.`,
  ),
};
