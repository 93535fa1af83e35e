// Covered Files (REUSE 3.3, "Covered and ignored Files"): which files must carry licensing.
// This is the part decidable from the path alone. The caller handles the rest, which needs the
// file system or the VCS:
//   - symlinks and zero-byte files ("Symlinks and files with no data") are not covered;
//   - files ignored by the VCS (.gitignore) are not covered;
//   - VCS submodules are separate projects (not covered).
// Meson subprojects (`subprojects/<name>/…`) are recognised here by path, as reuse-tool does.

const vcsDirs = new Set(['.git', '.hg', '.sl']);

// `LICENSE`, `LICENSE.md`, `LICENSE-MIT`, `LICENCE.txt`, `COPYING`, `COPYING.LESSER`…: the spec says
// "with or without file extensions"; reuse-tool also takes a `-suffix`, and so do we.
const licenseFile = /^(LICEN[CS]E|COPYING)([-.].*)?$/s;

// SPDX documents, SPDX 2.3 clause 4.4: tag-value `.spdx`, RDF/XML `.spdx.rdf` / `.spdx.rdf.xml`,
// JSON, XML, YAML. (reuse-tool's pattern misses `.spdx.rdf.xml`; the spec points at the SPDX list.)
const spdxDocument = /\.spdx(\.(rdf|rdf\.xml|json|xml|ya?ml))?$/s;

/** Why `rel` (root-relative) is not a Covered File, or undefined when it is covered. */
export function reuseExemptReason(rel: string): string | undefined {
  const parts = rel.replace(/\\/g, '/').replace(/^\.\//, '').split('/').filter((p) => p !== '');
  if (parts.length === 0) return undefined;
  const name = parts[parts.length - 1];
  const dirs = parts.slice(0, -1);
  if (dirs.some((d) => vcsDirs.has(d))) return 'version control data';
  // A `.git` file is how a submodule's work tree points at its repository.
  if (name === '.git' || name === '.hgtags') return 'version control data';
  // "The License Files stored in the LICENSES/ directory" and "the files in the .reuse/ directory
  // in the root of the Project". reuse-tool skips a LICENSES/ or .reuse/ folder at any depth, and so
  // do we (the spec only ever places them at the root, so the difference is on odd trees only).
  if (dirs.includes('LICENSES')) return 'license text in LICENSES/';
  if (dirs.includes('.reuse')) return 'REUSE metadata in .reuse/';
  const sub = dirs.indexOf('subprojects');
  if (sub >= 0 && sub < dirs.length - 1) return 'Meson subproject (a separate project)';
  if (licenseFile.test(name)) return 'LICENSE/COPYING file';
  if (name === 'REUSE.toml') return 'REUSE metadata';
  // A `.license` sidecar holds another file's licensing; it is not a Covered File itself.
  if (name.endsWith('.license')) return 'REUSE .license sidecar';
  if (spdxDocument.test(name)) return 'SPDX document';
  return undefined;
}

/** The file a `.license` sidecar belongs to (`cat.jpg.license` → `cat.jpg`), or undefined. */
export function sidecarTarget(rel: string): string | undefined {
  return rel.endsWith('.license') && rel.length > '.license'.length ? rel.slice(0, -'.license'.length) : undefined;
}

/** The sidecar path for a file. */
export function sidecarOf(rel: string): string {
  return rel + '.license';
}
