import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ESLint } from 'eslint';

// The layer boundaries in eslint.config.mjs, run on virtual files: each restricted import must be reported, and the
// imports each layer is allowed must not be.
const root = path.resolve(__dirname, '../../..');
const boundaryRules = new Set(['@typescript-eslint/no-restricted-imports', 'no-restricted-syntax']);

let eslint: ESLint;
async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return result.messages.filter((m) => m.ruleId !== null && boundaryRules.has(m.ruleId)).map((m) => m.message);
}

const reported: [string, string][] = [
  ['server/src/engine/x.ts', "import fs from 'node:fs';"],
  ['server/src/engine/x.ts', "import * as path from 'path';"],
  ['server/src/engine/x.ts', "import { readFile } from 'fs/promises';"],
  ['server/src/engine/x.ts', "import cp = require('child_process');"],
  ['server/src/engine/x.ts', "const os = require('node:os');"],
  ['server/src/engine/x.ts', "import * as vscode from 'vscode';"],
  ['server/src/engine/x.ts', "import { createConnection } from 'vscode-languageserver/node';"],
  ['server/src/engine/x.ts', "import { readText } from '../io/read-file';"],
  ['server/src/engine/rules/x.ts', "import { walk } from '../../scan/walk';"],
  ['server/src/engine/policy/x.ts', "export { reportData } from '../../report/data';"],
  ['server/src/engine/x.ts', "import { main } from '../cli/main';"],
  ['server/src/engine/x.ts', "import { Settings } from '../lsp/settings';"],
  ['server/src/sbom/x.ts', "import { createHash } from 'node:crypto';"],
  ['server/src/sbom/x.ts', "import { listFiles } from '../scan/walk';"],
  ['server/src/lsp/main.ts', "import { reportData } from '../cli/report';"],
  ['server/src/lsp/commands/x.ts', "import { formats } from '../../cli/formats';"],
  ['server/src/cli/main.ts', "import { PolicyInfoRequest } from '../lsp/protocol';"],
  ['client/src/x.ts', "import { check } from '../../server/src/engine/check';"],
  ['client/src/x.ts', "import { readText } from '../../server/src/io/read-file';"],
  ['client/src/x.ts', "import { PolicyInfoRequest } from '../../server/src/lsp/typed-messages';"],
  ['shared/x.ts', "import { check } from '../server/src/engine/check';"],
  ['shared/x.ts', "import * as vscode from 'vscode';"],
];

const allowed: [string, string][] = [
  ['server/src/engine/x.ts', "import { parseExpression } from './spdx';"],
  ['server/src/sbom/x.ts', "import { licensingOf } from '../engine/check';"],
  ['server/src/engine/rules/x.ts', "import { check } from '../check';"],
  ['server/src/engine/x.ts', "import picomatch from 'picomatch';"],
  ['server/src/engine/x.ts', "import type { Diagnostic } from 'vscode-languageserver';"],
  ['server/src/engine/x.ts', "const ids = require('spdx-license-ids');"],
  ['server/src/io/x.ts', "import * as fs from 'node:fs';"],
  ['server/src/lsp/x.ts', "import { check } from '../engine/check';"],
  ['server/src/cli/x.ts', "import { reportData } from '../report/data';"],
  ['client/src/x.ts', "import { PolicyInfoRequest } from '../../shared/protocol';"],
  ['shared/x.ts', "import { commands } from './contributes';"],
  ['shared/x.ts', "import type { Range } from 'vscode-languageserver-protocol';"],
];

describe('lint: layer boundaries', function () {
  this.timeout(60_000);
  before(() => {
    eslint = new ESLint({ cwd: root });
  });

  for (const [file, code] of reported) {
    it(`reports ${code} in ${file}`, async () => {
      assert.equal((await boundaryErrors(file, code)).length, 1);
    });
  }
  for (const [file, code] of allowed) {
    it(`allows ${code} in ${file}`, async () => {
      assert.deepEqual(await boundaryErrors(file, code), []);
    });
  }
});
