// The SPDX license texts a fix writes into LICENSES/. They are 5 MB of data, so they are not in the
// bundles: scripts/build.mjs writes them, brotli-compressed (0.4 MB), to one file beside the bundles,
// read here only when a fix needs a text, never at start-up.

import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';

/** Its name in dist/; scripts/build.mjs writes it. */
export const licenseTextsFile = 'license-texts.json.br';

type Texts = Readonly<Record<string, string>>;

// Bundled, this module runs from dist/; compiled by tsc (the unit tests), from out/server/src/io/.
function shippedFile(): string {
  const beside = path.join(__dirname, licenseTextsFile);
  return existsSync(beside) ? beside : path.resolve(__dirname, '../../../../dist', licenseTextsFile);
}

/** Every text in the data file, by SPDX id. */
export function readLicenseTexts(file = shippedFile()): Texts {
  return JSON.parse(brotliDecompressSync(readFileSync(file)).toString('utf8')) as Texts;
}

// Decompressed, the texts are 10 MB of strings: held only until the next garbage collection, so a
// language server that offered one quick fix does not keep them for the rest of the session.
let held: WeakRef<Texts> | undefined;

/** The SPDX list's text of a license, or undefined (LicenseRef-*, exceptions, unknown ids). */
export function licenseText(id: string): string | undefined {
  let texts = held?.deref();
  if (!texts) held = new WeakRef((texts = readLicenseTexts()));
  return Object.prototype.hasOwnProperty.call(texts, id) ? texts[id] : undefined;
}
