import * as assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { batchedOutput } from '../../server/src/lsp/stdio';

/** A stand-in for stdout that records each write it gets, and says it is full after `room` writes until drained. */
function recorder(room = Infinity) {
  const writes: string[] = [];
  const out = new Writable({
    highWaterMark: 1,
    write(chunk: Buffer, _e, callback) {
      writes.push(chunk.toString());
      callback();
    },
  });
  const write = out.write.bind(out);
  let full = false;
  out.write = ((data: Buffer) => {
    write(data);
    full = writes.length >= room;
    return !full;
  }) as typeof out.write;
  return { out, writes, drain: () => out.emit('drain') };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('stdio output', () => {
  it('hands the writes of one turn of the event loop to stdout as one write, in order', async () => {
    const { out, writes } = recorder();
    const batched = batchedOutput(out);
    for (let i = 0; i < 100; i++) {
      batched.write(`Content-Length: ${String(i).length}\r\n\r\n`, 'ascii');
      batched.write(String(i));
    }
    await tick();
    await tick();
    assert.equal(writes.length, 1);
    assert.equal(writes[0], Array.from({ length: 100 }, (_, i) => `Content-Length: ${String(i).length}\r\n\r\n${i}`).join(''));
  });

  it('holds the writer back while stdout is full, until it drains', async () => {
    const { out, writes, drain } = recorder(1);
    const batched = batchedOutput(out);
    let done = 0;
    batched.write('a', () => done++);
    await tick();
    await tick();
    assert.equal(writes.length, 1);
    batched.write('b', () => done++);
    await tick();
    await tick();
    assert.equal(done, 1, 'the second write waits for the drain');
    drain();
    await tick();
    assert.equal(done, 2);
    assert.deepEqual(writes, ['a', 'b']);
  });
});
