// Bundles the client, the language server and the CLI with esbuild.
// The .vsix ships only these bundles (see .vscodeignore), so no node_modules go in it.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: { server: 'server/src/lsp/main.ts', cli: 'server/src/cli/main.ts', 'scan-worker': 'server/src/scan/scan-worker.ts' }, outdir: 'dist' }),
]);

// The policy schema ships beside the bundles, for VS Code's YAML tooling (contributes.yamlValidation).
mkdirSync('dist', { recursive: true });
copyFileSync('server/src/engine/policy/policy.schema.json', 'dist/policy.schema.json');
