// Bundles the client, the language server and the CLI with esbuild.
// The .vsix ships only these bundles (see .vscodeignore), so no node_modules go in it.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
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
  define: production ? { 'process.env.OSPO_TEST_CRASH_ON': 'undefined' } : {},
};

// What derives from the rule registry and docs/rules/ (rule help, the rules index, the schema's
// severity keys) is written first, so the bundles and the shipped schema have it.
for (const file of update()) console.log(`wrote ${file}`);

await Promise.all([
  esbuild.build({ ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir, external: ['vscode'] }),
  esbuild.build({
    ...common,
    entryPoints: { server: 'server/src/lsp/main.ts', cli: 'server/src/cli/main.ts', 'scan-worker': 'server/src/scan/scan-worker.ts' },
    outdir,
  }),
]);

// The policy schema ships beside the bundles, for VS Code's YAML tooling (contributes.yamlValidation).
mkdirSync(outdir, { recursive: true });
copyFileSync('server/src/engine/policy/policy.schema.json', `${outdir}/policy.schema.json`);
