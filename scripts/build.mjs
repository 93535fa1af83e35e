// Bundles the client, the language server and the CLI with esbuild.
// The .vsix ships only these bundles (see .vscodeignore), so no node_modules go in it.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { brotliCompressSync, constants } from 'node:zlib';
import { update as updatePolicyValidator } from './policy-validator.mjs';
import { update } from './rule-help.mjs';

const production = process.argv.includes('--production');
// --outdir DIR: somewhere else than dist/ (the packaging test builds a production bundle aside).
const at = process.argv.indexOf('--outdir');
const outdir = at > 0 ? process.argv[at + 1] : 'dist';
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // Test hooks are not shipped: with the variable fixed to undefined, minification drops the code behind it.
  define: production ? { 'process.env.OSPO_TEST_CRASH_ON': 'undefined', 'process.env.OSPO_TEST_WORKER_CRASH_ON': 'undefined' } : {},
};

// What derives from the rule registry and docs/rules/ (rule help, the rules index, the schema's
// severity keys) is written first, then the policy validator generated from that schema, so the bundles
// and the shipped schema have them.
for (const file of [...update(), ...updatePolicyValidator()]) console.log(`wrote ${file}`);

// The language server and the scan worker share most of their code (the engine, re2js, the SPDX
// lists): one ESM build with code splitting puts it in one chunk, which the .vsix then holds once.
// ESM has no __dirname nor require, which modules here and CommonJS dependencies use: the banner
// gives each chunk both. The CLI is a bundle of its own: it is not in the .vsix, and npm's size is
// not what a user waits on.
const esm = {
  format: 'esm',
  splitting: true,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunk-[hash]',
  banner: {
    js: [
      "import { createRequire as ospoCreateRequire } from 'node:module';",
      "import { fileURLToPath as ospoFileURLToPath } from 'node:url';",
      'const require = ospoCreateRequire(import.meta.url);',
      'const __filename = ospoFileURLToPath(import.meta.url);',
      "const __dirname = ospoFileURLToPath(new URL('.', import.meta.url));",
    ].join(' '),
  },
};
// Chunks are named by content: those of an earlier build would otherwise stay and be shipped.
mkdirSync(outdir, { recursive: true });
for (const f of readdirSync(outdir)) if (/^chunk-.*\.mjs(\.map)?$/.test(f)) rmSync(`${outdir}/${f}`);

await Promise.all([
  esbuild.build({ ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir, external: ['vscode'] }),
  // The encoders (and their CJK tables) only for `ospo fix` on a file that is not UTF-8 (io/encode-text.ts): loaded
  // from node_modules then, not parsed by every CLI run. They are dependencies of the npm package that ships the CLI.
  // The same for spdx-license-list, whose names and OSI flags only reports read (engine/spdx/osi.ts), and for the
  // CycloneDX library, for `ospo sbom --format cyclonedx` only (sbom/cyclonedx.ts).
  esbuild.build({
    ...common,
    entryPoints: { cli: 'server/src/cli/main.ts' },
    outdir,
    external: ['iconv-lite', 'encoding-japanese', 'spdx-license-list', '@cyclonedx/cyclonedx-library'],
  }),
  esbuild.build({ ...common, ...esm, entryPoints: { server: 'server/src/lsp/main.ts', 'scan-worker': 'server/src/scan/scan-worker.ts' }, outdir }),
]);

// The names every launcher knows (the client, bin/, the worker pool, LSP clients of other editors)
// stay CommonJS files that load the ESM entries.
for (const entry of ['server', 'scan-worker']) writeFileSync(`${outdir}/${entry}.js`, `import('./${entry}.mjs');\n`);

// The SPDX license texts are data, not code: one file beside the bundles that io/license-texts.ts reads
// when a fix writes a text. Brotli at its best (a 16 MB window spans the whole list) takes them from
// 5 MB to 0.4 MB, where gzip leaves 1.4 MB; it takes seconds, so it is redone only when the list changes.
const require = createRequire(import.meta.url);
const listFile = require.resolve('spdx-license-list/spdx-full.json');
const textsFile = `${outdir}/license-texts.json.br`;
if (!existsSync(textsFile) || statSync(textsFile).mtimeMs < statSync(listFile).mtimeMs) {
  const texts = Object.fromEntries(Object.entries(require(listFile)).map(([id, { licenseText }]) => [id, licenseText]));
  const json = Buffer.from(JSON.stringify(texts));
  const params = { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24, [constants.BROTLI_PARAM_SIZE_HINT]: json.length };
  writeFileSync(textsFile, brotliCompressSync(json, { params }));
  console.log(`wrote ${textsFile}`);
}

// The policy schema ships beside the bundles, for VS Code's YAML tooling (contributes.yamlValidation).
copyFileSync('server/src/engine/policy/policy.schema.json', `${outdir}/policy.schema.json`);
