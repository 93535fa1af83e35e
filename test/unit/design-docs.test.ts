// docs/design/policy.md describes the policy format by hand. These checks fail when the format
// grows a key the document does not name, or when the document's examples stop parsing.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePolicy } from '../../server/src/engine/policy/parse';
import { keysAt, schemaAt } from '../../server/src/engine/policy/schema';

const repo = path.resolve(__dirname, '../../..');
const policyDoc = fs.readFileSync(path.join(repo, 'docs/design/policy.md'), 'utf8');
const yamlBlocks = [...policyDoc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);

describe('docs/design/policy.md', () => {
  it('names every key of the policy schema', () => {
    const missing: string[] = [];
    const named = (text: string) => policyDoc.includes('`' + text + '`');
    for (const { name } of keysAt([])) if (!named(name)) missing.push(name);
    for (const section of ['files', 'licenses', 'headers', 'ai']) {
      for (const { name } of keysAt([section])) {
        const nested = schemaAt([section, name])?.properties;
        // Nested maps (copyright, reviewer, tools) are written as `copyright.holder`; languages is a free map.
        if (nested && name !== 'languages') {
          for (const inner of Object.keys(nested)) if (!named(`${name}.${inner}`)) missing.push(`${section}.${name}.${inner}`);
        } else if (!named(name)) missing.push(`${section}.${name}`);
      }
    }
    assert.deepEqual(missing, []);
  });

  it('has a complete example that parses without problems', () => {
    const full = yamlBlocks.find((b) => b.startsWith('version: 1'));
    assert.ok(full, 'the complete example starts with version: 1');
    const parsed = parsePolicy(full);
    assert.deepEqual(parsed.problems, []);
    // Every top-level key of the schema is shown in it.
    for (const { name } of keysAt([])) {
      if (name !== 'allowOverride') assert.ok(new RegExp(`^${name}:`, 'm').test(full), name);
    }
  });

  it('has examples of overrides and severity that parse without problems', () => {
    const fragments = yamlBlocks.filter((b) => /^(overrides|severity):/.test(b));
    assert.equal(fragments.length, 2);
    for (const b of fragments) assert.deepEqual(parsePolicy(b).problems, [], b);
  });
});
