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
    configuration: {
      properties: Record<
        string,
        {
          type: string;
          default: unknown;
          enum?: string[];
          enumDescriptions?: string[];
          description?: string;
          markdownDescription?: string;
          additionalProperties?: { type: string; enum?: string[] };
        }
      >;
    };
  };
};
const nls = JSON.parse(fs.readFileSync(path.join(repo, 'package.nls.json'), 'utf8')) as Record<string, string>;
const nlsJa = JSON.parse(fs.readFileSync(path.join(repo, 'package.nls.ja.json'), 'utf8')) as Record<string, string>;

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
      // An object setting's values: the schema's enum, or its type.
      const values = (s as { values?: 'boolean' | readonly string[] }).values;
      if (values)
        assert.deepEqual(p.additionalProperties, values === 'boolean' ? { type: 'boolean' } : { type: 'string', enum: [...values] }, `${key}: values`);
    }
  });

  it('every setting has a description in English and Japanese, and backticks only where they render (markdownDescription)', () => {
    const key = (v: string | undefined) => /^%(.+)%$/.exec(v ?? '')?.[1];
    for (const [name, p] of Object.entries(manifest.contributes.configuration.properties)) {
      const description = key(p.description) ?? key(p.markdownDescription);
      assert.ok(description, `${name}: a description from package.nls.json`);
      assert.ok(!(p.description && p.markdownDescription), `${name}: one description`);
      const texts = [description, ...(p.enumDescriptions ?? []).map(key).filter((k): k is string => !!k)];
      for (const k of texts) {
        assert.ok(nls[k], `${name}: ${k} in package.nls.json`);
        assert.ok(nlsJa[k], `${name}: ${k} in package.nls.ja.json`);
      }
      // VS Code shows a plain description as it is: a backtick would appear as a backtick.
      const plain = [p.description && description, ...(p.enumDescriptions ?? []).map(key)].filter((k): k is string => !!k);
      for (const k of plain) assert.ok(!nls[k].includes('`') && !nlsJa[k].includes('`'), `${name}: ${k} is plain text, without backticks`);
    }
  });

  it('the server announces exactly the ospo.server.* commands the protocol declares', () => {
    const declared = (Object.values(protocol) as unknown[]).filter((v): v is string => typeof v === 'string' && v.startsWith('ospo.server.'));
    assert.deepEqual(Object.keys(commands).sort(), declared.sort());
  });

  it('reads settings by their schema: right types and enum values taken, others left at the default', () => {
    assert.deepEqual(readSettings(undefined), defaultSettings);
    assert.deepEqual(readSettings({ enable: false, run: 'onSave', maxFindingsPerFile: 7, policyFile: 'p.yaml' }), {
      ...defaultSettings,
      enable: false,
      run: 'onSave',
      maxFindingsPerFile: 7,
      policyFile: 'p.yaml',
    });
    assert.deepEqual(readSettings({ enable: 'no', run: 'sometimes', maxFindingsPerFile: 1.5, policyFile: 3 }), defaultSettings);
  });

  it('reads the object settings entry by entry, and dotted keys nested (as VS Code answers) or flat (as a pushed object may hold them)', () => {
    const read = readSettings({
      rules: { 'copyright-year': 'hint', 'header-missing': 'off', 'license-denied': 'fatal', 'ai-marker': 3 },
      exclude: { '**/gen': true, '**/keep': false, '**/bad': 'yes' },
      suppressedSeverity: 'warning',
      codeLens: { enable: false },
      'hover.licensing': false,
    });
    assert.deepEqual(read.rules, { 'copyright-year': 'hint', 'header-missing': 'off' });
    assert.deepEqual(read.exclude, { '**/gen': true, '**/keep': false });
    assert.equal(read.suppressedSeverity, 'warning');
    assert.equal(read['codeLens.enable'], false);
    assert.equal(read['hover.licensing'], false);
    const wrong = readSettings({ rules: ['error'], exclude: null, suppressedSeverity: 'error', codeLens: true, hover: { licensing: 'no' } });
    assert.deepEqual(wrong, defaultSettings);
  });
});
