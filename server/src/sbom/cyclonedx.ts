// CycloneDX 1.6 JSON (`ospo sbom --format cyclonedx`), made with @cyclonedx/cyclonedx-library:
// the tree is metadata.component, each Covered File a component of type `file` with its hashes,
// its license expressions ANDed into one (CycloneDX takes one expression per component) and
// acknowledged as `declared`, and its copyright notices, also as evidence. Field by field:
// docs/design/sbom.md.
//
// The library is loaded when this format is asked for, not with the CLI: the CLI bundle leaves it
// out (scripts/build.mjs), and the language server never reaches this module.

import type * as CycloneDX from '@cyclonedx/cyclonedx-library';
import { conjunction, copyrightText, creationComment, expressionsOf, SbomTree, uuidOf } from './model';

/** The CycloneDX version written, and validated against in the tests. */
export const cyclonedxVersion = '1.6';

export function cyclonedxDocument(tree: SbomTree): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cdx = require('@cyclonedx/cyclonedx-library') as typeof CycloneDX;
  const { Models, Enums } = cdx;
  const bom = new Models.Bom({ serialNumber: `urn:uuid:${uuidOf(tree.digest)}` });
  bom.metadata.timestamp = new Date(tree.created);
  bom.metadata.tools.components.add(new Models.Component(Enums.ComponentType.Application, tree.tool.name, { version: tree.tool.version }));
  bom.metadata.component = new Models.Component(Enums.ComponentType.Application, tree.name, {
    bomRef: 'tree',
    version: tree.commit,
    description: creationComment(tree),
    supplier: tree.supplier ? new Models.OrganizationalEntity({ name: tree.supplier }) : undefined,
  });
  for (const f of tree.files) {
    const expression = conjunction(expressionsOf(f).valid);
    const licenses = new Models.LicenseRepository();
    if (expression) {
      const license = new Models.LicenseExpression(expression);
      license.acknowledgement = Enums.LicenseAcknowledgement.Declared;
      licenses.add(license);
    }
    const notices = [...new Set(f.copyrights.map((c) => c.value))];
    bom.components.add(
      new Models.Component(Enums.ComponentType.File, f.path, {
        bomRef: `file:${f.path}`,
        hashes: new Models.HashDictionary([
          [Enums.HashAlgorithm['SHA-1'], f.sha1],
          [Enums.HashAlgorithm['SHA-256'], f.sha256],
        ]),
        licenses,
        copyright: copyrightText(f),
        evidence: notices.length ? new Models.ComponentEvidence({ copyright: new Models.CopyrightRepository(notices) }) : undefined,
      }),
    );
  }
  const serializer = new cdx.Serialize.JsonSerializer(new cdx.Serialize.JSON.Normalize.Factory(cdx.Spec.Spec1dot6));
  return serializer.serialize(bom, { sortLists: true, space: 2 }) + '\n';
}
