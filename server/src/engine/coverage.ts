// Which files carry licensing at all. REUSE exempts license texts, VCS data and sidecars;
// binary and oddly encoded content is skipped with a reason instead of being misread.

export interface Skip { reason: string }

/** Files whose text is a license or licensing metadata, not code: never flagged. */
export function exemptReason(path: string): string | undefined {
  const parts = path.split(/[\\/]/);
  const name = parts[parts.length - 1];
  if (parts.includes('.git') || parts.includes('.hg') || parts.includes('.svn')) return 'version control data';
  if (parts.length >= 2 && parts[parts.length - 2] === 'LICENSES') return 'license text in LICENSES/';
  if (/^(LICEN[CS]E|COPYING)([-.].*)?$/.test(name)) return 'license file';
  if (name.endsWith('.license')) return 'REUSE sidecar';
  if (name === 'REUSE.toml' || parts.includes('.reuse')) return 'REUSE metadata';
  if (/\.spdx(\.(json|ya?ml|xml|rdf))?$/i.test(name)) return 'SPDX document';
  return undefined;
}

/** Bytes we can read as text, or why not. Only the start of the file is looked at for binary content. */
export function contentSkipReason(bytes: Uint8Array, maxBytes: number): string | undefined {
  if (bytes.length === 0) return 'empty file';
  if (bytes.length > maxBytes) return `larger than ${Math.round(maxBytes / 1024 / 1024)} MB`;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 'UTF-16 text is not checked';
  const probe = bytes.subarray(0, 8000);
  if (probe.includes(0)) return 'binary file';
  return undefined;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes UTF-8 keeping a BOM as U+FEFF, so fixes can leave it in place; undefined when not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}
