// A conformance corpus for the REUSE 3.3 engine: small REUSE projects built in temp folders, one per
// rule of the spec, each with the set of non-compliant files the spec gives. Where the `reuse` tool
// is installed, the cases it understands (Debian's reuse 1.1.2 implements spec 3.0: headers,
// sidecars, dep5, LICENSES/, ignore blocks, but not REUSE.toml) are checked against `reuse lint` too.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { promises as fs, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fg = require('fast-glob');
import { findHeader } from '../../server/src/engine/header';
import { blankIgnoredRegions } from '../../server/src/engine/reuse/ignore-blocks';
import { exemptReason } from '../../server/src/engine/coverage';
import { effectiveLicensing, EffectiveLicensing, licensingFromTags, noLicensing, ownLicensingIgnored } from '../../server/src/engine/reuse/licensing';
import { isKnownId, licenseFileProblems, licenseIdsIn, missingLicenseTexts } from '../../server/src/engine/reuse/license-texts';
import { expressionSyntaxError } from '../../server/src/engine/spdx/expression';
import { snippetTags } from '../../server/src/engine/reuse/snippets';
import { loadReuseContext } from '../../server/src/io/reuse-source';

interface Case {
  name: string;
  files: Record<string, string>;
  /** Root-relative paths of the Covered Files that are not compliant. */
  nonCompliant: string[];
  /** `file:kind` of the LICENSES/ problems. */
  licenseProblems?: string[];
  /** Run `reuse lint` on it too (spec-3.0 features only). */
  reuseTool?: boolean;
}

const cli = path.resolve(__dirname, '../../../dist/cli.js');
/** Findings that make a file non-compliant under REUSE 3.3. */
const fileRules = new Set(['header-missing', 'copyright-missing', 'spdx-invalid', 'license-text-missing']);
const mit = (holder = '2024 Jane Doe') => `# SPDX-FileCopyrightText: ${holder}\n# SPDX-License-Identifier: MIT\n`;
const tagged = (license: string, holder = '2024 Jane Doe') => `# SPDX-FileCopyrightText: ${holder}\n# SPDX-License-Identifier: ${license}\n`;

interface Verdict {
  nonCompliant: string[];
  licenseProblems: string[];
  used: string[];
}

/** What the engine says about the project in `root`: the test's own little `reuse lint`. */
async function lint(root: string): Promise<Verdict> {
  const ctx = await loadReuseContext(root);
  const all = (await fg('**/*', { cwd: root, dot: true, onlyFiles: true, followSymbolicLinks: false, ignore: ['**/.git/**'] })).sort();
  const used = new Set<string>();
  const perFile = new Map<string, { lic: EffectiveLicensing; ids: string[] }>();
  for (const rel of all) {
    if (exemptReason(rel)) continue;
    const abs = path.join(root, rel);
    const stat = await fs.lstat(abs);
    if (stat.isSymbolicLink() || stat.size === 0) continue; // not Covered Files (the caller's part)
    let own: EffectiveLicensing = noLicensing;
    if (!ownLicensingIgnored(rel, ctx)) {
      const sidecar = all.includes(rel + '.license');
      const holder = sidecar ? rel + '.license' : rel;
      const text = blankIgnoredRegions(await fs.readFile(path.join(root, holder), 'utf8'));
      const header = findHeader(holder, text, { anywhere: true });
      const snippets = snippetTags(text);
      const seen = new Set([...header.licenses, ...header.copyrights].map((t) => t.line));
      own = licensingFromTags(
        {
          licenses: [...header.licenses, ...snippets.licenses.filter((t) => !seen.has(t.line))],
          copyrights: [...header.copyrights, ...snippets.copyrights.filter((t) => !seen.has(t.line))],
        },
        holder,
        sidecar ? 'sidecar' : 'header',
      );
    }
    const lic = effectiveLicensing(rel, own, ctx);
    const ids = lic.licenses.flatMap((l) => licenseIdsIn(l.value));
    for (const id of ids) used.add(id);
    perFile.set(rel, { lic, ids });
  }
  const missing = new Set(missingLicenseTexts(used, ctx.licenseFiles));
  const nonCompliant: string[] = [];
  for (const [rel, { lic, ids }] of perFile) {
    const ok =
      lic.licenses.length > 0 &&
      lic.copyrights.length > 0 &&
      lic.licenses.every((l) => expressionSyntaxError(l.value) === undefined) &&
      ids.every((id) => isKnownId(id.endsWith('+') ? id.slice(0, -1) : id) && !missing.has(id));
    if (!ok) nonCompliant.push(rel);
  }
  const licenseProblems = licenseFileProblems(ctx.licenseFiles, used).map((p) => `${p.file}:${p.kind}`);
  return { nonCompliant: nonCompliant.sort(), licenseProblems, used: [...used].sort() };
}

const cases: Case[] = [
  {
    name: 'comment headers: copyright and license both needed, ids known, texts present',
    reuseTool: true,
    files: {
      'LICENSES/MIT.txt': 'MIT text\n',
      'src/ok.py': mit() + 'print(1)\n',
      'src/none.py': 'print(1)\n',
      'src/no-copyright.py': '# SPDX-License-Identifier: MIT\n',
      'src/no-license.py': '# SPDX-FileCopyrightText: 2024 Jane\n',
      'src/unknown.py': tagged('Foo-1.0'),
      'src/no-text.py': tagged('GPL-3.0-or-later'),
      'src/copyright-word.c': '/* Copyright (c) 2020 Jane */\n/* SPDX-License-Identifier: MIT */\n',
    },
    nonCompliant: ['src/no-copyright.py', 'src/no-license.py', 'src/no-text.py', 'src/none.py', 'src/unknown.py'],
    licenseProblems: [],
  },
  {
    name: 'files that are not covered',
    reuseTool: true,
    files: {
      'LICENSES/MIT.txt': 'MIT text\n',
      LICENSE: 'whatever\n',
      'COPYING.md': 'whatever\n',
      '.reuse/templates/t.jinja2': 'x\n',
      'sbom.spdx.json': '{}\n',
      'empty.txt': '',
      'ok.py': mit(),
    },
    nonCompliant: [],
    licenseProblems: [],
  },
  {
    name: "a .license sidecar replaces the file's own header",
    reuseTool: true,
    files: {
      'LICENSES/MIT.txt': 'MIT text\n',
      'LICENSES/CC0-1.0.txt': 'CC0 text\n',
      'img/cat.png': 'not really a png\n',
      'img/cat.png.license': 'SPDX-FileCopyrightText: 2024 Photographer\nSPDX-License-Identifier: CC0-1.0\n',
      'img/dog.png': 'no sidecar\n',
      'src/replaced.py': mit(),
      'src/replaced.py.license': 'SPDX-License-Identifier: MIT\n',
      'src/fixed.py': '# SPDX-License-Identifier: Nonsense-License\n',
      'src/fixed.py.license': 'SPDX-FileCopyrightText: 2024 Jane\nSPDX-License-Identifier: MIT\n',
      'orphan.txt.license': 'not covered\n',
    },
    nonCompliant: ['img/dog.png', 'src/replaced.py'],
    licenseProblems: [],
  },
  {
    name: 'REUSE.toml precedence = closest: a fallback, separately for copyright and license',
    files: {
      'LICENSES/MIT.txt': 'MIT text\n',
      'LICENSES/CC0-1.0.txt': 'CC0 text\n',
      'REUSE.toml': 'version = 1\n\n[[annotations]]\npath = "**"\nSPDX-FileCopyrightText = "2024 Toml Holder"\nSPDX-License-Identifier = "CC0-1.0"\n',
      'own.py': mit(),
      'bare.txt': 'nothing\n',
      'copyright-only.py': '# SPDX-FileCopyrightText: 2024 Jane\n',
      'license-only.py': '# SPDX-License-Identifier: MIT\n',
      'no-text.py': tagged('GPL-3.0-or-later'),
    },
    nonCompliant: ['no-text.py'],
    licenseProblems: [],
  },
  {
    name: 'REUSE.toml precedence = aggregate: the table and the file both apply',
    files: {
      'LICENSES/MIT.txt': 'MIT text\n',
      'REUSE.toml': 'version = 1\n[[annotations]]\npath = "src/**"\nprecedence = "aggregate"\nSPDX-License-Identifier = "Apache-2.0"\n',
      'src/a.py': mit(),
      'docs/b.md': mit(),
    },
    nonCompliant: ['src/a.py'],
    licenseProblems: [],
  },
  {
    name: 'REUSE.toml precedence = override: only the table applies',
    files: {
      'LICENSES/MIT.txt': 'MIT text\n',
      'REUSE.toml':
        'version = 1\n[[annotations]]\npath = "vendor/**"\nprecedence = "override"\nSPDX-FileCopyrightText = "Vendor Inc."\nSPDX-License-Identifier = "MIT"\n',
      'vendor/x.c': tagged('GPL-3.0-or-later'),
      'vendor/y.c': 'int y;\n',
      'vendor/z.c': '// SPDX-License-Identifier: Unparseable AND\n',
      'src/z.c': tagged('GPL-3.0-or-later'),
    },
    nonCompliant: ['src/z.c'],
    licenseProblems: [],
  },
  {
    name: 'REUSE.toml: the last matching table wins',
    files: {
      'LICENSES/MIT.txt': 'MIT text\n',
      'LICENSES/CC0-1.0.txt': 'CC0 text\n',
      'REUSE.toml':
        'version = 1\n[[annotations]]\npath = "**"\nprecedence = "aggregate"\nSPDX-License-Identifier = "LicenseRef-missing"\n\n' +
        '[[annotations]]\npath = "*.png"\nSPDX-FileCopyrightText = "Artist"\nSPDX-License-Identifier = "CC0-1.0"\n',
      'a.png': 'png\n',
      'sub/b.png': mit(),
      'x.c': mit(),
    },
    nonCompliant: ['sub/b.png', 'x.c'],
    licenseProblems: [],
  },
  {
    name: 'nested REUSE.toml: the closest one for closest, the outermost override',
    files: {
      'LICENSES/MIT.txt': 'MIT text\n',
      'REUSE.toml':
        'version = 1\n[[annotations]]\npath = "**"\nSPDX-FileCopyrightText = "Root"\nSPDX-License-Identifier = "MIT"\n\n' +
        '[[annotations]]\npath = "vendor/**"\nprecedence = "override"\nSPDX-FileCopyrightText = "Vendor"\nSPDX-License-Identifier = "MIT"\n',
      'lib/REUSE.toml': 'version = 1\n[[annotations]]\npath = "*.c"\nSPDX-License-Identifier = "LicenseRef-lib"\n',
      'vendor/REUSE.toml': 'version = 1\n[[annotations]]\npath = "**"\nprecedence = "override"\nSPDX-License-Identifier = "LicenseRef-inner"\n',
      'a.c': 'int a;\n',
      'lib/a.c': 'int a;\n',
      'lib/b.c': mit(),
      'lib/deeper/c.c': 'int c;\n',
      'vendor/v.c': 'int v;\n',
    },
    nonCompliant: ['lib/a.c'],
    licenseProblems: [],
  },
  {
    name: ".reuse/dep5: aggregated with the files' own information",
    reuseTool: true,
    files: {
      'LICENSES/CC0-1.0.txt': 'CC0 text\n',
      '.reuse/dep5':
        'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\nUpstream-Name: demo\n\n' +
        'Files: assets/*\nCopyright: 2024 Artist\n 2023 Other Artist\nLicense: CC0-1.0\n',
      'assets/logo.svg': '<svg/>\n',
      'assets/deep/x.bin': 'x\n',
      'assets/notes.md': '<!-- SPDX-License-Identifier: MIT -->\n',
      'src/a.py': 'print(1)\n',
    },
    nonCompliant: ['assets/notes.md', 'src/a.py'],
    licenseProblems: [],
  },
  {
    name: "ignore blocks: licensing between REUSE-IgnoreStart and REUSE-IgnoreEnd is not the file's",
    reuseTool: true,
    files: {
      'LICENSES/MIT.txt': 'MIT text\n',
      'a.sh': mit() + '# REUSE-IgnoreStart\n# SPDX-License-Identifier: GPL-3.0-or-later\n# REUSE-IgnoreEnd\necho hi\n',
      'b.sh': '# REUSE-IgnoreStart\n# SPDX-FileCopyrightText: 2024 Jane\n# SPDX-License-Identifier: MIT\n# REUSE-IgnoreEnd\n',
      'c.sh': 'echo\n# REUSE-IgnoreStart\n' + mit(),
    },
    nonCompliant: ['b.sh', 'c.sh'],
    licenseProblems: [],
  },
  {
    name: 'snippets: their licenses count and need texts',
    reuseTool: true,
    files: {
      'LICENSES/MIT.txt': 'MIT text\n',
      'a.js':
        '// SPDX-FileCopyrightText: 2024 Jane\n// SPDX-License-Identifier: MIT\n\n// SPDX-SnippetBegin\n// SPDX-SnippetCopyrightText: 2022 Other\n// SPDX-License-Identifier: Apache-2.0\nfoo();\n// SPDX-SnippetEnd\n',
      'b.js':
        '// SPDX-FileCopyrightText: 2024 Jane\n// SPDX-License-Identifier: MIT\n// SPDX-SnippetBegin\n// SPDX-SnippetCopyrightText: 2022 Other\n// SPDX-License-Identifier: MIT\nbar();\n// SPDX-SnippetEnd\n',
    },
    nonCompliant: ['a.js'],
    licenseProblems: [],
  },
  {
    name: 'snippets deep in a file are found (reuse-tool reads the whole file once it sees a snippet)',
    files: {
      'LICENSES/MIT.txt': 'MIT text\n',
      'c.js':
        '// SPDX-FileCopyrightText: 2024 Jane\n// SPDX-License-Identifier: MIT\n' +
        'x();\n'.repeat(2000) +
        '// SPDX-SnippetBegin\n// SPDX-SnippetCopyrightText: 2022 Other\n// SPDX-License-Identifier: LicenseRef-snippet\ny();\n// SPDX-SnippetEnd\n',
    },
    nonCompliant: ['c.js'],
    licenseProblems: [],
  },
  {
    name: 'LICENSES/: texts present, missing and unused',
    reuseTool: true,
    files: {
      'LICENSES/MIT.txt': 'MIT text\n',
      'LICENSES/Apache-2.0.txt': 'Apache text\n',
      'LICENSES/LicenseRef-custom.txt': 'custom\n',
      'a.py': mit(),
      'b.py': tagged('LicenseRef-custom'),
      'c.py': tagged('GPL-2.0-or-later'),
      'd.py': tagged('MIT OR LicenseRef-custom'),
    },
    nonCompliant: ['c.py'],
    licenseProblems: ['Apache-2.0.txt:unused'],
  },
  {
    name: 'LICENSES/: deprecated ids, names without an extension, names that are no id',
    reuseTool: true,
    files: {
      'LICENSES/GPL-2.0.txt': 'GPL text\n',
      'LICENSES/MIT': 'MIT text\n',
      'LICENSES/Foo.txt': 'foo\n',
      'a.c': '// SPDX-FileCopyrightText: 2024 Jane\n// SPDX-License-Identifier: GPL-2.0\n',
      'b.c': '// SPDX-FileCopyrightText: 2024 Jane\n// SPDX-License-Identifier: MIT\n',
    },
    nonCompliant: [],
    licenseProblems: ['Foo.txt:not-spdx', 'Foo.txt:unused', 'GPL-2.0.txt:deprecated', 'MIT:no-extension'],
  },
];

async function build(files: Record<string, string>): Promise<string> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'ospo-reuse-'));
  for (const [rel, text] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await fs.writeFile(path.join(root, rel), text);
  }
  return root;
}

// --- the reuse tool -------------------------------------------------------------------------

const reuseInstalled = spawnSync('sh', ['-c', 'command -v reuse'], { encoding: 'utf8' }).status === 0;
let reuseHasJson: boolean | undefined;

interface ReuseVerdict {
  nonCompliant: string[];
  unused: string[];
  deprecated: string[];
}

function runReuse(root: string): ReuseVerdict {
  reuseHasJson ??= /--json/.test(spawnSync('reuse', ['lint', '--help'], { encoding: 'utf8' }).stdout ?? '');
  // reuse works without a VCS (it warns "could not find supported VCS"): no `git init` needed.
  const run = spawnSync('reuse', ['--root', '.', 'lint', ...(reuseHasJson ? ['--json'] : [])], { cwd: root, encoding: 'utf8' });
  const realRoot = realpathSync(root);
  const rel = (p: string) =>
    (path.isAbsolute(p) ? path.relative(p.startsWith(realRoot + path.sep) ? realRoot : root, p) : p).replace(/\\/g, '/').replace(/^\.\//, '');
  const files = new Set<string>();
  if (reuseHasJson) {
    const report = JSON.parse(run.stdout) as { non_compliant: Record<string, string[] | Record<string, string[]>> };
    const nc = report.non_compliant;
    for (const key of ['missing_licensing_info', 'missing_copyright_info']) for (const f of (nc[key] as string[]) ?? []) files.add(rel(f));
    for (const key of ['bad_licenses', 'missing_licenses'])
      for (const list of Object.values((nc[key] as Record<string, string[]>) ?? {})) for (const f of list) files.add(rel(f));
    return {
      nonCompliant: [...files].filter((f) => !f.startsWith('LICENSES/')).sort(),
      unused: [...((nc.unused_licenses as string[]) ?? [])].sort(),
      deprecated: [...((nc.deprecated_licenses as string[]) ?? [])].sort(),
    };
  }
  // reuse 1.x text report: "# SECTION" headings, "* item" lines.
  let section = '';
  const unused: string[] = [];
  const deprecated: string[] = [];
  for (const line of run.stdout.split('\n')) {
    if (line.startsWith('# ')) {
      section = line.slice(2).trim();
      continue;
    }
    const item = /^\* (.*)$/.exec(line)?.[1];
    if (item === undefined) continue;
    if (section === 'BAD LICENSES' || section === 'MISSING LICENSES' || section === 'MISSING COPYRIGHT AND LICENSING INFORMATION') files.add(rel(item));
    else if (section === 'UNUSED LICENSES') unused.push(item);
    else if (section === 'DEPRECATED LICENSES') deprecated.push(item);
  }
  return { nonCompliant: [...files].filter((f) => !f.startsWith('LICENSES/')).sort(), unused: unused.sort(), deprecated: deprecated.sort() };
}

describe('REUSE conformance corpus', function () {
  this.timeout(30000);
  const roots: string[] = [];
  after(() => {
    for (const r of roots) rmSync(r, { recursive: true, force: true });
  });

  for (const c of cases) {
    describe(c.name, () => {
      let root = '';
      before(async () => {
        root = await build(c.files);
        roots.push(root);
      });

      it('the engine finds exactly the non-compliant files', async () => {
        const verdict = await lint(root);
        assert.deepEqual(verdict.nonCompliant, [...c.nonCompliant].sort());
        if (c.licenseProblems) assert.deepEqual([...verdict.licenseProblems].sort(), [...c.licenseProblems].sort());
      });

      it('ospo check --reuse flags exactly the non-compliant files, with lines', () => {
        const run = spawnSync(process.execPath, [cli, 'check', '--reuse', '--format', 'json'], { cwd: root, encoding: 'utf8' });
        assert.equal(run.status, c.nonCompliant.length || c.licenseProblems?.length ? 1 : 0, run.stderr);
        const findings = JSON.parse(run.stdout).findings as { file: string; rule: string; line: number }[];
        const flagged = [
          ...new Set(findings.filter((f) => fileRules.has(f.rule) && !/^(LICENSES\/|\.reuse\/|(.*\/)?REUSE\.toml$)/.test(f.file)).map((f) => f.file)),
        ].sort();
        assert.deepEqual(flagged, [...c.nonCompliant].sort());
        assert.ok(
          findings.every((f) => f.line >= 1),
          'every finding has a line',
        );
      });

      if (c.reuseTool) {
        it('reuse lint agrees', async function () {
          if (!reuseInstalled) this.skip();
          const theirs = runReuse(root);
          const ours = await lint(root);
          assert.deepEqual(theirs.nonCompliant, ours.nonCompliant, 'non-compliant files');
          const ourKinds = (kind: string) =>
            ours.licenseProblems
              .filter((p) => p.endsWith(':' + kind))
              .map((p) => p.split(':')[0].replace(/\.[^.]*$/, ''))
              .sort();
          assert.deepEqual(theirs.unused, ourKinds('unused'), 'unused licenses');
          assert.deepEqual(theirs.deprecated, ourKinds('deprecated'), 'deprecated licenses');
        });
      }
    });
  }

  it('loadReuseContext reads REUSE.toml files (given a listing or not), dep5 and LICENSES/', async () => {
    const root = await build({
      'REUSE.toml': 'version = 1\n[[annotations]]\npath = "a"\nprecedence = "sideways"\n',
      'sub/REUSE.toml': 'version = 1\n',
      'node_modules/x/REUSE.toml': 'version = 1\n',
      '.reuse/dep5': 'Format: x\n\nFiles: *\nCopyright: c\nLicense: MIT\n',
      'LICENSES/MIT.txt': 'x\n',
      'LICENSES/MIT.txt.license': 'x\n',
      'LICENSES/sub/LicenseRef-a.md': 'x\n',
    });
    roots.push(root);
    const ctx = await loadReuseContext(root);
    assert.deepEqual(
      ctx.tomls.map((t) => [t.file, t.dir]),
      [
        ['REUSE.toml', ''],
        ['sub/REUSE.toml', 'sub'],
      ],
    );
    assert.deepEqual(ctx.licenseFiles, ['MIT.txt', 'MIT.txt.license', 'sub/LicenseRef-a.md']);
    assert.equal(ctx.dep5?.paragraphs.length, 1);
    assert.deepEqual(
      ctx.problems.map((p) => [p.file, p.problem.line]),
      [
        ['REUSE.toml', 3],
        ['.reuse/dep5', 0],
      ],
    );
    assert.match(ctx.problems[1].problem.message, /must not be used together/);
    const listed = await loadReuseContext(root, ['REUSE.toml', 'node_modules/x/REUSE.toml', 'LICENSES/MIT.txt', 'src\\a.c']);
    assert.deepEqual(
      listed.tomls.map((t) => t.file),
      ['REUSE.toml'],
    );
    assert.deepEqual(listed.licenseFiles, ['MIT.txt']);
    const empty = await build({ 'a.txt': 'x\n' });
    roots.push(empty);
    assert.deepEqual(await loadReuseContext(empty), { tomls: [], dep5: undefined, licenseFiles: [], problems: [] });
  });
});
