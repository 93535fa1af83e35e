// package.json's `contributes` and the shared protocol (shared/contributes.ts, shared/protocol.ts)
// name the same commands and settings, with the same types and defaults; the server announces
// exactly the server commands the protocol declares.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as protocol from '../../shared/protocol';
import { commandIds, defaultSettings, readSettings, settingsSchema, settingsSection } from '../../shared/protocol';
import { commands } from '../../server/src/lsp/commands';

const repo = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as {
  contributes: {
    commands: { command: string; title: string }[];
    configuration: { properties: Record<string, { type: string; default: unknown; enum?: string[] }> };
  };
};
const nls = JSON.parse(fs.readFileSync(path.join(repo, 'package.nls.json'), 'utf8')) as Record<string, string>;

describe('protocol parity with package.json', () => {
  it('contributes.commands are the client command ids, in order, each with a title', () => {
    assert.deepEqual(
      manifest.contributes.commands.map((c) => c.command),
      [...commandIds],
    );
    for (const c of manifest.contributes.commands) {
      const key = /^%(.+)%$/.exec(c.title)?.[1];
      assert.ok(key && nls[key], `${c.command}: its title ${c.title} is in package.nls.json`);
    }
  });

  it('contributes.configuration has the settings of the protocol, with their types, enums and defaults', () => {
    const properties = manifest.contributes.configuration.properties;
    const declared = Object.fromEntries(Object.entries(settingsSchema).map(([key, s]) => [`${settingsSection}.${key}`, s]));
    assert.deepEqual(Object.keys(properties).sort(), Object.keys(declared).sort());
    for (const [key, p] of Object.entries(properties)) {
      const s = declared[key] as { type: string; default: unknown; enum?: readonly string[] };
      assert.equal(p.type, s.type, `${key}: type`);
      assert.deepEqual(p.default, s.default, `${key}: default`);
      assert.deepEqual(p.enum, s.enum && [...s.enum], `${key}: enum`);
    }
  });

  it('the server announces exactly the ospo.server.* commands the protocol declares', () => {
    const declared = (Object.values(protocol) as unknown[]).filter((v): v is string => typeof v === 'string' && v.startsWith('ospo.server.'));
    assert.deepEqual(Object.keys(commands).sort(), declared.sort());
  });

  it('reads settings by their schema: right types and enum values taken, others left at the default', () => {
    assert.deepEqual(readSettings(undefined), defaultSettings);
    assert.deepEqual(readSettings({ enable: false, run: 'onSave', maxFindingsPerFile: 7, policyFile: 'p.yaml' }), {
      enable: false,
      run: 'onSave',
      maxFindingsPerFile: 7,
      policyFile: 'p.yaml',
    });
    assert.deepEqual(readSettings({ enable: 'no', run: 'sometimes', maxFindingsPerFile: 1.5, policyFile: 3 }), defaultSettings);
  });
});
