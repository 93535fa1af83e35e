// Malformed frames on the server's stdio (issue 7/7, H): after a frame whose header is
// `Content-Length: abc`, vscode-jsonrpc's reader could not find the next message, and no request
// after it was answered. lsp/stdio.ts `framedInput` drops the bad frame and reads on. Also a header
// over 8 KiB and a header without Content-Length. Raw bytes, so the test client cannot tidy them up.

import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { serverPath } from '../protocol/lsp-client';
import { serverNodeArgs } from './run';

const frame = (message: object) => {
  const body = JSON.stringify({ jsonrpc: '2.0', ...message });
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
};
const request = (id: number, command: string) => frame({ id, method: 'workspace/executeCommand', params: { command, arguments: [] } });

/** Sends `raw` after initialize and returns the ids the server answered within the time given. */
async function answered(raw: string[], waitMs = 3000): Promise<number[]> {
  const child = spawn(process.execPath, [...serverNodeArgs, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  try {
    child.stdin.write(frame({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));
    const deadline = Date.now() + 20_000;
    while (!out.includes('"id":1')) {
      if (Date.now() > deadline) throw new Error('no answer to initialize');
      await new Promise((r) => setTimeout(r, 20));
    }
    // Each part a write of its own, a moment apart, so each reaches the server as a chunk of its own.
    for (const part of raw) {
      child.stdin.write(part);
      await new Promise((r) => setTimeout(r, 15));
    }
    await new Promise((r) => setTimeout(r, waitMs));
    return [...out.matchAll(/"id":(\d+)/g)].map((m) => Number(m[1])).filter((id) => id !== 1);
  } finally {
    child.kill();
  }
}

describe('malformed frames on stdio', function () {
  this.timeout(60_000);

  it('Content-Length: abc: the frame is dropped, and the requests after it are answered', async () => {
    const ids = await answered(['Content-Length: abc\r\n\r\n{"jsonrpc":"2.0","id":2,"method":"shutdown"}', request(3, 'a'), request(4, 'b'), request(5, 'c')]);
    assert.deepEqual(ids.sort(), [3, 4, 5]);
  });

  it('after a broken frame, each message written on its own, header and body apart as vscode-jsonrpc writes them', async () => {
    const parts = [3, 4, 5, 6].flatMap((id) => {
      const message = request(id, 'x');
      const cut = message.indexOf('\r\n\r\n') + 4;
      return [message.slice(0, cut), message.slice(cut)];
    });
    // A broken body may even hold the words: the next real header is still found.
    const ids = await answered(['Content-Length: abc\r\n\r\n{"text":"Content-Length: 3"}', ...parts]);
    assert.deepEqual(ids.sort(), [3, 4, 5, 6]);
  });

  it('a header without Content-Length, and one over 8 KiB, the same; a frame split across writes still arrives', async () => {
    const split = request(8, 'split');
    const ids = await answered([
      'Content-Type: application/vscode-jsonrpc\r\n\r\n{}',
      request(6, 'a'),
      `X-Junk: ${'x'.repeat(10_000)}`,
      request(7, 'b'),
      split.slice(0, 10),
      split.slice(10, 40),
      split.slice(40),
    ]);
    assert.deepEqual(ids.sort(), [6, 7, 8]);
  });

  it('a header with a bare line feed, or two Content-Lengths, is dropped; a tab after the colon is fine', async () => {
    const ids = await answered([
      'Content-Length: 7\n\n{"a":1}',
      request(10, 'a'),
      'Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}',
      request(11, 'b'),
      request(12, 'c').replace('Content-Length: ', 'Content-Length:\t'),
    ]);
    assert.deepEqual(ids.sort(), [10, 11, 12]);
  });

  it('a byte left over from a dropped frame, glued to the next header, costs nothing more', async () => {
    const ids = await answered(['Content-Length: x\r\n\r\nabc', request(20, 'a'), 'x', request(21, 'b'), 'Content-Length: 3"}', request(22, 'c')]);
    assert.deepEqual(ids.sort(), [20, 21, 22]);
  });
});
