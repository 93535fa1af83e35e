// `ospo sbom`'s documents: each valid against its official schema (test/schemas/, and the CycloneDX
// library's own validator), the SPDX 2.3 one in agreement with reuse-tool 6.2 on the fixture trees
// (its output committed in fixtures/sbom/reuse6/, compared as bench/sbom-compare.mjs compares), and
// reproducible under SOURCE_DATE_EPOCH.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { Validation, Spec } from '@cyclonedx/cyclonedx-library';
import { sbomFormats, sbomText, sbomTree } from '../../server/src/cli/sbom';
import type { SbomTree } from '../../server/src/sbom/model';
import { gitIn } from '../git-repo';

const repo = path.resolve(__dirname, '../../..');
const fixtures = path.join(repo, 'test/unit/fixtures/sbom');
const quiet = { stdout: { write: () => true }, stderr: { write: () => true } };
const epoch = { SOURCE_DATE_EPOCH: '1700000000' };

/** A fixture tree copied out of this repository, so that it is a tree of its own (no git above it). */
function copyOf(name: string): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `ospo-sbom-${name}-`)));
  fs.cpSync(path.join(fixtures, name), dir, { recursive: true });
  return dir;
}

async function treeOf(dir: string, env: NodeJS.ProcessEnv = epoch): Promise<SbomTree> {
  return (await sbomTree([], { cwd: dir, io: { ...quiet, cwd: dir }, env })).tree;
}

function schemaValidator(file: string, draft2020: boolean) {
  const schema = JSON.parse(fs.readFileSync(path.join(repo, 'test/schemas', file), 'utf8'));
  const ajv = draft2020 ? new Ajv2020({ strict: false, allErrors: true }) : new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return (doc: unknown) => {
    validate(doc);
    return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  };
}

// The comparison of bench/sbom-compare.mjs: ESM, loaded as such (a variable name keeps tsc from resolving it).
const compareModule = pathToFileURL(path.join(repo, 'bench/sbom-compare.mjs')).href;

describe('ospo sbom', function () {
  this.timeout(30_000);
  const dirs: string[] = [];
  const copy = (name: string) => {
    const dir = copyOf(name);
    dirs.push(dir);
    return dir;
  };
  after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  const spdx23 = schemaValidator('spdx-2.3.schema.json', false);
  const spdx301 = schemaValidator('spdx-3.0.1.schema.json', true);

  for (const name of ['toml', 'dep5']) {
    it(`SPDX 2.3: the ${name} fixture has the files, licenses and copyrights reuse-tool 6.2 gives it`, async () => {
      const doc = JSON.parse(sbomText(await treeOf(copy(name)), 'spdx-json'));
      assert.deepEqual(spdx23(doc), []);
      const { parseReuseSpdx, parseOspoSpdx, agreement } = await import(compareModule);
      const reference = parseReuseSpdx(fs.readFileSync(path.join(fixtures, 'reuse6', `${name}.spdx`), 'utf8'));
      const a = agreement(reference, parseOspoSpdx(doc));
      assert.ok(reference.size > 0);
      assert.deepEqual(
        { both: a.both, onlyReference: a.onlyReference, onlyOurs: a.onlyOurs, licenses: a.licenses, copyrights: a.copyrights },
        { both: reference.size, onlyReference: [], onlyOurs: [], licenses: [], copyrights: [] },
      );
    });
  }

  it('quotes a notice as the file writes it, and states an "or later" `+` expression', async () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ospo-sbom-plus-')));
    dirs.push(dir);
    fs.mkdirSync(path.join(dir, 'LICENSES'));
    fs.writeFileSync(path.join(dir, 'LICENSES/GPL-2.0-or-later.txt'), 'GPL text\n');
    fs.writeFileSync(path.join(dir, 'a.c'), '// Copyright (c) 2020 Jane Doe\n// SPDX-License-Identifier: GPL-2.0+\nint a;\n');
    fs.writeFileSync(path.join(dir, 'b.c'), '/* © 2021 Example Corp */\n/* SPDX-License-Identifier: GPL-2.0-or-later */\nint b;\n');
    const doc = JSON.parse(sbomText(await treeOf(dir), 'spdx-json'));
    assert.deepEqual(spdx23(doc), []);
    const file = (name: string) => doc.files.find((f: { fileName: string }) => f.fileName === `./${name}`);
    assert.deepEqual(file('a.c').licenseInfoInFiles, ['GPL-2.0+']);
    assert.equal(file('a.c').copyrightText, 'Copyright (c) 2020 Jane Doe');
    assert.equal(file('b.c').copyrightText, '© 2021 Example Corp');
  });

  it('the comparison tells a missing file, license or notice', async () => {
    const { parseReuseSpdx, agreement } = await import(compareModule);
    const reference = parseReuseSpdx(fs.readFileSync(path.join(fixtures, 'reuse6', 'toml.spdx'), 'utf8'));
    const ours = parseReuseSpdx(fs.readFileSync(path.join(fixtures, 'reuse6', 'toml.spdx'), 'utf8'));
    ours.delete('unlicensed.txt');
    ours.get('src/dual.py').licenses.delete('MIT');
    ours.get('src/main.c').copyrights.clear();
    const a = agreement(reference, ours);
    assert.deepEqual(a.onlyReference, ['unlicensed.txt']);
    assert.deepEqual(
      a.licenses.map((d: { file: string }) => d.file),
      ['src/dual.py'],
    );
    assert.deepEqual(
      a.copyrights.map((d: { file: string }) => d.file),
      ['src/main.c'],
    );
  });

  it('SPDX 2.3: an expression per licenseInfoInFiles entry, where each value came from, LicenseRef texts', async () => {
    const doc = JSON.parse(sbomText(await treeOf(copy('toml')), 'spdx-json'));
    const file = (name: string) => doc.files.find((f: { fileName: string }) => f.fileName === `./${name}`);
    assert.deepEqual(file('src/dual.py').licenseInfoInFiles, ['MIT OR GPL-2.0-or-later']);
    assert.deepEqual(file('unlicensed.txt').licenseInfoInFiles, ['NONE']);
    assert.equal(file('unlicensed.txt').copyrightText, 'NONE');
    // override: the file's own GPL is not read; aggregate: the sidecar's and REUSE.toml's both.
    assert.deepEqual(file('vendor/lib.js').licenseInfoInFiles, ['MIT']);
    assert.deepEqual(file('assets/logo.png').licenseInfoInFiles.sort(), ['CC0-1.0', 'MIT']);
    assert.match(file('assets/logo.png').comment, /license: MIT \(in assets\/logo\.png\.license\)/);
    assert.match(file('assets/logo.png').comment, /license: CC0-1\.0 \(in REUSE\.toml line \d+\)/);
    assert.deepEqual(doc.hasExtractedLicensingInfos, [
      { licenseId: 'LicenseRef-Proprietary', extractedText: 'The text of LicenseRef-Proprietary (a stand-in for the test).\n' },
    ]);
    assert.equal(new Set(doc.files.map((f: { SPDXID: string }) => f.SPDXID)).size, doc.files.length);
  });

  it('the schema checks bite: a document without its version or with a bad checksum is refused', async () => {
    const doc = JSON.parse(sbomText(await treeOf(copy('dep5')), 'spdx-json'));
    delete doc.spdxVersion;
    doc.files[0].checksums[0].algorithm = 'CRC32';
    assert.equal(spdx23(doc).length >= 2, true, 'two errors');
    const three = JSON.parse(sbomText(await treeOf(copy('dep5')), 'spdx3'));
    three['@graph'][1].type = 'software_Nonsense';
    assert.notDeepEqual(spdx301(three), []);
  });

  for (const format of ['spdx3', 'spdx-lite'] as const) {
    it(`SPDX 3.0.1 (${format}): valid against the JSON schema, every reference resolved`, async () => {
      const tree = await treeOf(copy('toml'));
      const doc = JSON.parse(sbomText(tree, format));
      assert.deepEqual(spdx301(doc), []);
      const graph: Record<string, unknown>[] = doc['@graph'];
      const ids = new Set(graph.map((n) => (n.spdxId ?? n['@id']) as string));
      assert.equal(ids.size, graph.length, 'ids are unique');
      const individuals = new Set(['expandedlicensing_NoAssertionLicense']);
      for (const n of graph) {
        for (const ref of [n.from, ...((n.to as string[]) ?? []), ...((n.element as string[]) ?? []), ...((n.rootElement as string[]) ?? [])]) {
          if (ref !== undefined) assert.ok(ids.has(ref as string) || individuals.has(ref as string), `${ref} is in the graph`);
        }
      }
      const files = graph.filter((n) => n.type === 'software_File');
      assert.equal(files.length, format === 'spdx3' ? tree.files.length : 0);
    });
  }

  it('SPDX Lite: what the profile asks of the package, the document and the agents', async () => {
    const doc = JSON.parse(sbomText(await treeOf(copy('toml')), 'spdx-lite'));
    const graph: Record<string, unknown>[] = doc['@graph'];
    const one = (type: string) => {
      const found = graph.filter((n) => n.type === type);
      assert.equal(found.length, 1, type);
      return found[0];
    };
    const document = one('SpdxDocument');
    assert.ok((document.profileConformance as string[]).includes('lite'));
    const sbom = one('software_Sbom');
    assert.deepEqual(document.rootElement, [sbom.spdxId]);
    const pkg = one('software_Package');
    assert.deepEqual(sbom.rootElement, [pkg.spdxId]);
    for (const key of ['software_copyrightText', 'software_packageVersion', 'suppliedBy', 'software_downloadLocation', 'name', 'creationInfo'])
      assert.ok(pkg[key], key);
    for (const type of ['hasConcludedLicense', 'hasDeclaredLicense'])
      assert.equal(graph.filter((n) => n.type === 'Relationship' && n.relationshipType === type && n.from === pkg.spdxId).length, 1, type);
    for (const agent of graph.filter((n) => ['SoftwareAgent', 'Organization', 'Person', 'Agent'].includes(n.type as string))) assert.ok(agent.name);
    const declared = graph.find((n) => n.type === 'Relationship' && n.relationshipType === 'hasDeclaredLicense')!;
    const expression = graph.find((n) => n.spdxId === (declared.to as string[])[0])!;
    for (const id of ['MIT', 'CC0-1.0', 'GPL-2.0-or-later WITH Classpath-exception-2.0', 'LicenseRef-Proprietary'])
      assert.ok((expression.simplelicensing_licenseExpression as string).includes(id), id);
  });

  it('CycloneDX 1.6: valid for the library’s strict JSON validator, a file component per file', async () => {
    const tree = await treeOf(copy('toml'));
    const text = sbomText(tree, 'cyclonedx');
    const errors = await new Validation.JsonStrictValidator(Spec.Version.v1dot6).validate(text);
    assert.equal(errors, null, JSON.stringify(errors));
    const bom = JSON.parse(text);
    assert.equal(bom.specVersion, '1.6');
    assert.equal(bom.components.length, tree.files.length);
    const dual = bom.components.find((c: { name: string }) => c.name === 'src/dual.py');
    assert.deepEqual(dual.licenses, [{ expression: 'MIT OR GPL-2.0-or-later', acknowledgement: 'declared' }]);
    const logo = bom.components.find((c: { name: string }) => c.name === 'assets/logo.png');
    // REUSE.toml's aggregate table first, then the sidecar: effectiveLicensing's order.
    assert.deepEqual(logo.licenses, [{ expression: 'CC0-1.0 AND MIT', acknowledgement: 'declared' }]);
    assert.deepEqual(logo.evidence.copyright.map((c: { text: string }) => c.text).sort(), ['2022 Logo Maker', '2023 Artist']);
    // The validator is live: a broken BOM is refused.
    assert.notEqual(await new Validation.JsonStrictValidator(Spec.Version.v1dot6).validate(text.replace('"file"', '"no-such-type"')), null);
  });

  it('is reproducible under SOURCE_DATE_EPOCH, and names the git commit', async () => {
    const dir = copy('dep5');
    const git = gitIn(dir);
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'fixture');
    const commit = git('rev-parse', 'HEAD');
    for (const format of sbomFormats) {
      const first = sbomText(await treeOf(dir), format);
      assert.equal(sbomText(await treeOf(dir), format), first, format);
      assert.ok(first.includes(commit), `${format} names the commit`);
      assert.ok(first.includes('2023-11-14T22:13:20'), `${format} has SOURCE_DATE_EPOCH's time`);
    }
    assert.equal(JSON.parse(sbomText(await treeOf(dir), 'spdx-json')).creationInfo.created, '2023-11-14T22:13:20Z', 'to the second');
    const later = sbomText(await treeOf(dir, { SOURCE_DATE_EPOCH: '1700000001' }), 'spdx-json');
    assert.notEqual(JSON.parse(later).documentNamespace, JSON.parse(sbomText(await treeOf(dir), 'spdx-json')).documentNamespace);
  });
});
