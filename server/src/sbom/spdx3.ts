// SPDX 3.0.1 JSON-LD (`ospo sbom --format spdx3`) and its Lite profile (`--format spdx-lite`).
// Both hold an SpdxDocument whose root is a software_Sbom for one software_Package, the tree.
// spdx3 adds a software_File per Covered File, which the package `contains`, with a
// `hasDeclaredLicense` relationship to each license expression REUSE gives it (SPDX 3 has no
// "license info in file": what the file says of itself is what it declares). Lite is the profile's
// package-level view (docs/annexes/spdx-lite.md of SPDX 3.0.1): a version, a supplier, a download
// location and a copyright text on the package, and exactly one declared and one concluded
// license. The declared one is every file's licenses ANDed; the concluded one is NoAssertion, a
// conclusion being a person's. Field by field: docs/design/sbom.md.

import { conjunction, copyrightText, creationComment, expressionsOf, SbomTree, treeLicenses, uuidOf } from './model';
import { spdxIds } from './spdx2';

type Node = Record<string, unknown>;

const noAssertion = 'expandedlicensing_NoAssertionLicense';

export function spdx3Document(tree: SbomTree, profile: 'full' | 'lite'): object {
  const base = `https://spdx.org/spdxdocs/${encodeURIComponent(tree.name)}-${uuidOf(tree.digest)}`;
  const id = (local: string) => `${base}#${local}`;
  const creationInfo = '_:creationinfo';
  const graph: Node[] = [];
  const element = (node: Node) => {
    graph.push({ ...node, creationInfo });
    return node.spdxId as string;
  };
  const agent = element({ type: 'SoftwareAgent', spdxId: id('SoftwareAgent-ospo'), name: tree.tool.name });
  const tool = element({ type: 'Tool', spdxId: id('Tool-ospo'), name: `${tree.tool.name} ${tree.tool.version}` });
  graph.unshift({ type: 'CreationInfo', '@id': creationInfo, specVersion: '3.0.1', created: tree.created, createdBy: [agent], createdUsing: [tool] });
  const supplier = element({ type: 'Organization', spdxId: id('Organization-supplier'), name: tree.supplier ?? 'NOASSERTION' });

  // One element per distinct expression, shared by every file (and the package) that has it.
  const expressionIds = new Map<string, string>();
  const expression = (value: string) => {
    let known = expressionIds.get(value);
    if (!known) {
      known = element({
        type: 'simplelicensing_LicenseExpression',
        spdxId: id(`LicenseExpression-${expressionIds.size + 1}`),
        simplelicensing_licenseExpression: value,
      });
      expressionIds.set(value, known);
    }
    return known;
  };
  let relationships = 0;
  const relate = (from: string, type: string, to: string[]) =>
    element({ type: 'Relationship', spdxId: id(`Relationship-${++relationships}`), from, relationshipType: type, to });

  const pkg = element({
    type: 'software_Package',
    spdxId: id('Package'),
    name: tree.name,
    comment: creationComment(tree),
    // Lite requires a version: the commit, else nothing better is known.
    software_packageVersion: tree.commit ?? 'NOASSERTION',
    software_downloadLocation: 'NOASSERTION',
    software_copyrightText: 'NOASSERTION',
    suppliedBy: supplier,
    software_primaryPurpose: 'source',
    verifiedUsing: [{ type: 'PackageVerificationCode', algorithm: 'sha1', hashValue: tree.verificationCode }],
  });
  const declared = conjunction(treeLicenses(tree).expressions);
  relate(pkg, 'hasDeclaredLicense', [declared ? expression(declared) : noAssertion]);
  relate(pkg, 'hasConcludedLicense', [noAssertion]);

  if (profile === 'full') {
    const fileIds = spdxIds(
      tree.files.map((f) => f.path),
      'File-',
    );
    const files = tree.files.map((f) => {
      const copyright = copyrightText(f);
      const file = element({
        type: 'software_File',
        spdxId: id(fileIds.get(f.path)!),
        name: f.path,
        software_fileKind: 'file',
        software_copyrightText: copyright ?? 'NONE',
        verifiedUsing: [
          { type: 'Hash', algorithm: 'sha1', hashValue: f.sha1 },
          { type: 'Hash', algorithm: 'sha256', hashValue: f.sha256 },
        ],
      });
      const licenses = expressionsOf(f).valid;
      if (licenses.length) relate(file, 'hasDeclaredLicense', licenses.map(expression));
      return file;
    });
    if (files.length) relate(pkg, 'contains', files);
  }

  const sbom = element({ type: 'software_Sbom', spdxId: id('Sbom'), software_sbomType: ['source'], rootElement: [pkg], element: [] });
  const document = element({
    type: 'SpdxDocument',
    spdxId: id('SpdxDocument'),
    name: tree.name,
    comment: creationComment(tree),
    profileConformance: profile === 'lite' ? ['core', 'software', 'simpleLicensing', 'lite'] : ['core', 'software', 'simpleLicensing'],
    rootElement: [sbom],
    element: [],
  });
  // Every element but the two collections themselves, in the order made.
  const members = graph.flatMap((n) => (typeof n.spdxId === 'string' && n.spdxId !== sbom && n.spdxId !== document ? [n.spdxId] : []));
  for (const n of graph) {
    if (n.spdxId === sbom) n.element = members;
    if (n.spdxId === document) n.element = [sbom, ...members];
  }
  return { '@context': 'https://spdx.org/rdf/3.0.1/spdx-context.jsonld', '@graph': graph };
}
