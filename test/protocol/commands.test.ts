// workspace/executeCommand with bad arguments: a clear InvalidParams error, and the server goes on.

import * as assert from 'node:assert/strict';
import { ErrorCodes, ResponseError } from 'vscode-languageserver-protocol/node';
import { CreatePolicyCommand, InsertHeaderCommand, MarkAiSelectionCommand, ScanWorkspaceCommand } from '../../shared/protocol';
import { TestClient } from './lsp-client';
import { tempTree } from '../temp-tree';

describe('workspace/executeCommand arguments', () => {
  let client: TestClient;
  afterEach(async () => client?.stop());

  const run = (command: string, args: unknown[]) => client.connection.sendRequest('workspace/executeCommand', { command, arguments: args });

  async function rejects(command: string, args: unknown[], message: RegExp): Promise<void> {
    await assert.rejects(run(command, args), (err: unknown) => {
      assert.ok(err instanceof ResponseError, String(err));
      assert.equal(err.code, ErrorCodes.InvalidParams);
      assert.match(err.message, message);
      return true;
    });
  }

  it('answers a wrong argument with InvalidParams naming it, and keeps serving', async () => {
    const root = tempTree({ 'a.py': 'print(1)\n' }, 'ospo-commands-');
    client = new TestClient();
    await client.initialize(root, { pull: false });
    await rejects(CreatePolicyCommand, [42], /ospo\.server\.createPolicy: argument 1 must be a string, not 42/);
    await rejects(CreatePolicyCommand, [], /argument 1 must be a string, not undefined/);
    await rejects(MarkAiSelectionCommand, ['file://' + root + '/a.py', { start: 1 }], /argument 2 must be a range/);
    await rejects(InsertHeaderCommand, [{ uri: 'x' }], /argument 1 must be a string/);
    await rejects(ScanWorkspaceCommand, ['client'], /argument 1 must be an object/);
    await rejects('ospo.server.noSuchCommand', [], /Unknown command/);
    // Still alive, and a good call still works.
    const created = (await run(CreatePolicyCommand, ['file://' + root, null])) as { file?: string };
    assert.match(created.file ?? '', /\.ospo\/policy\.yaml$/);
  });
});
