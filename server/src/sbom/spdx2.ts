// SPDX 2.3 JSON (`ospo sbom --format spdx-json`): one package for the tree, which CONTAINS one file
// entry per Covered File. A file's licenseInfoInFiles are the expressions REUSE gives it, one entry
// each (SPDX 2.3 §8.6 takes expressions); licenseConcluded stays NOASSERTION, as reuse-tool writes
// it: a conclusion is a person's. Field by field: docs/design/sbom.md.

import { copyrightText, creationComment, expressionsOf, sourceOf, SbomFile, SbomTree, treeLicenses, uuidOf } from './model';

/** An SPDX id from a path: idstring allows letters, digits, `.` and `-` only; a clash gets a number. */
export function spdxIds(paths: readonly string[], prefix: string): Map<string, string> {
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  for (const p of paths) {
    const base = `${prefix}${p.replace(/[^A-Za-z0-9.-]+/g, '-')}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    ids.set(p, id);
  }
  return ids;
}

/** What REUSE found but an SPDX document cannot state as a license, and where each value came from. */
export function fileComment(file: SbomFile): string {
  const { invalid } = expressionsOf(file);
  const lines = [
    ...file.licenses.map((l) => `license: ${l.value} (in ${sourceOf(l)})`),
    ...file.copyrights.map((c) => `copyright: ${c.value} (in ${sourceOf(c)})`),
    ...invalid.map((e) => `Not a valid SPDX expression, left out: ${e}`),
  ];
  return lines.join('\n');
}

export function spdx2Document(tree: SbomTree): object {
  const fileIds = spdxIds(
    tree.files.map((f) => f.path),
    'SPDXRef-File-',
  );
  const packageId = 'SPDXRef-Package';
  const { expressions, refs } = treeLicenses(tree);
  const texts = new Map(tree.licenseRefs.map((r) => [r.id, r.text]));
  return {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: tree.name,
    documentNamespace: `https://spdx.org/spdxdocs/${encodeURIComponent(tree.name)}-${uuidOf(tree.digest)}`,
    creationInfo: {
      created: tree.created,
      creators: [`Tool: ${tree.tool.name}-${tree.tool.version}`, ...(tree.supplier ? [`Organization: ${tree.supplier}`] : [])],
      comment: creationComment(tree),
    },
    documentDescribes: [packageId],
    packages: [
      {
        SPDXID: packageId,
        name: tree.name,
        ...(tree.commit ? { versionInfo: tree.commit, sourceInfo: `git commit ${tree.commit}` } : {}),
        ...(tree.supplier ? { supplier: `Organization: ${tree.supplier}` } : {}),
        downloadLocation: 'NOASSERTION',
        filesAnalyzed: true,
        packageVerificationCode: { packageVerificationCodeValue: tree.verificationCode },
        licenseConcluded: 'NOASSERTION',
        licenseDeclared: 'NOASSERTION',
        licenseInfoFromFiles: expressions.length ? expressions : ['NONE'],
        copyrightText: 'NOASSERTION',
      },
    ],
    files: tree.files.map((f) => {
      const { valid } = expressionsOf(f);
      const comment = fileComment(f);
      return {
        fileName: `./${f.path}`,
        SPDXID: fileIds.get(f.path),
        checksums: [
          { algorithm: 'SHA1', checksumValue: f.sha1 },
          { algorithm: 'SHA256', checksumValue: f.sha256 },
        ],
        licenseConcluded: 'NOASSERTION',
        licenseInfoInFiles: valid.length ? valid : ['NONE'],
        copyrightText: copyrightText(f) ?? 'NONE',
        ...(comment ? { comment } : {}),
      };
    }),
    ...(refs.length
      ? {
          hasExtractedLicensingInfos: refs.map((id) => ({
            licenseId: id,
            extractedText: texts.get(id) ?? 'NOASSERTION',
            ...(texts.get(id) === undefined ? { comment: `No text for ${id} in LICENSES/` } : {}),
          })),
        }
      : {}),
    relationships: [
      { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: packageId },
      ...tree.files.map((f) => ({ spdxElementId: packageId, relationshipType: 'CONTAINS', relatedSpdxElement: fileIds.get(f.path) })),
    ],
  };
}
