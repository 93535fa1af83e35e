// The server's end of the stdio transport (`--stdio`: Neovim, Helix, Zed, Emacs). vscode-jsonrpc
// writes each message as two writes, its header then its body, and waits for each to complete; on
// a pipe each write is a system call of its own. A workspace scan of the kernel tree sends 77,000
// files' diagnostics, and its writes took 1.1 s of CPU (0.07 s now, same profile). This stream takes the writes as
// they come and hands them to stdout together, once per turn of the event loop. The VS Code client
// talks over Node IPC, one message per `process.send`, and is left as it is.
// On the way in, `framedInput` drops a frame whose header is broken and finds the next one (below).

import { PassThrough, Readable, Writable } from 'node:stream';
import { format, inspect } from 'node:util';
import { Connection, createConnection, ProposedFeatures } from 'vscode-languageserver/node';

/** A stream that writes to `out` what it was given since the last turn of the event loop, in one write. */
export function batchedOutput(out: NodeJS.WritableStream): Writable {
  let pending: Buffer[] = [];
  let scheduled = false;
  // Write callbacks held while `out` is full: the writer then waits, as it would on `out` itself.
  let held: (() => void)[] = [];
  let full = false;
  const flush = () => {
    scheduled = false;
    if (!pending.length) return;
    const data = pending.length === 1 ? pending[0] : Buffer.concat(pending);
    pending = [];
    if (out.write(data) || full) return;
    full = true;
    out.once('drain', () => {
      full = false;
      const callbacks = held;
      held = [];
      for (const callback of callbacks) callback();
    });
  };
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      pending.push(chunk);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
      if (full) held.push(callback);
      else callback();
    },
    final(callback) {
      flush();
      callback();
    },
  });
  out.on('error', (err) => stream.destroy(err));
  out.on('close', () => stream.destroy());
  return stream;
}

/** The largest header block a frame may have (the LSP base protocol has two short headers). */
const maxHeaderBytes = 8 * 1024;
const headerEnd = Buffer.from('\r\n\r\n');
// Frames follow each other with nothing between: a body's `}` and the next `Content-Length:`. Sought as
// bytes, in the spellings clients write (vscode-jsonrpc's, and all lower case), so a drop costs a native search.
const headerSpellings = [Buffer.from('Content-Length:'), Buffer.from('content-length:'), Buffer.from('CONTENT-LENGTH:')];
const headerName = 'content-length:';

/** The one Content-Length of a header block, or undefined: lines end with CRLF only, and every line is `Name: value`. */
function contentLength(header: string): number | undefined {
  let length: number | undefined;
  for (const line of header.split('\r\n')) {
    if (/[\r\n]/.test(line) || !/^[A-Za-z][\w-]*:/.test(line)) return undefined;
    const m = /^content-length:[ \t]*(\d+)[ \t]*$/i.exec(line);
    if (m) {
      if (length !== undefined) return undefined; // two: vscode-jsonrpc would take the last, a reader the first
      length = Number(m[1]);
    } else if (/^content-length:/i.test(line)) return undefined;
  }
  return length;
}

/**
 * The frames of the LSP base protocol from `input`, passed on unchanged; a frame whose header has no
 * Content-Length of digits is dropped with `onDrop`, and reading goes on at the next
 * `Content-Length:`. vscode-jsonrpc's reader, given `Content-Length: abc`, reports the error and cannot find where
 * the next message begins: every request after it was lost (upstream: microsoft/vscode-languageserver-node
 * #870 and #871, where the maintainers chose to stop reading; a client that sends such a frame is
 * broken, but one bad frame should not silence the server for good).
 */
export function framedInput(input: NodeJS.ReadableStream, onDrop: (why: string) => void): Readable {
  const out = new PassThrough();
  let chunks: Buffer[] = [];
  let buffered = 0;
  // The whole frame's length, once its header is read: until that many bytes are in, nothing is joined.
  let frame = 0;
  const take = (): Buffer => {
    const all = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, buffered);
    chunks = [];
    buffered = 0;
    return all;
  };
  const keep = (rest: Buffer) => {
    if (!rest.length) return;
    chunks = [rest];
    buffered = rest.length;
  };
  input.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    buffered += chunk.length;
    if (frame && buffered < frame) return;
    let data = take();
    while (data.length) {
      frame = 0;
      // A frame starts with a header line, `Name: value`; anything else is what is left of a dropped frame.
      const start = data.toString('latin1', 0, Math.min(data.length, 64));
      if (!/^[A-Za-z][\w-]*:/.test(start)) {
        if (data.length < 64 && /^[A-Za-z][\w-]*$/.test(start)) break; // a header name, still arriving
        data = resync(data, 0);
        continue;
      }
      // Sought in the first 8 KiB only: a flood of garbage costs each drop its own bytes, not the rest of the chunk.
      const end = data.subarray(0, maxHeaderBytes + headerEnd.length).indexOf(headerEnd);
      if (end < 0 || end > maxHeaderBytes) {
        if (end < 0 && data.length <= maxHeaderBytes) break;
        onDrop('a header longer than 8 KiB');
        data = resync(data, 1);
        continue;
      }
      const header = data.toString('latin1', 0, end);
      const length = contentLength(header);
      if (length === undefined) {
        onDrop('a header without one Content-Length of digits');
        // A broken frame's body glued to the next header makes one line (`Content-Length: 3"}Content-Length: 95`,
        // or `c` left over and `Content-Length: 2`): the next header is then in its first line, after its start.
        // Otherwise the header's own lines are passed (two Content-Lengths: the second is not a frame of its own).
        const firstLine = header.indexOf('\r\n');
        const glued = headerSpellings.map((h) => data.subarray(0, firstLine < 0 ? end : firstLine).indexOf(h, 1)).filter((i) => i >= 0);
        const lastLine = header.lastIndexOf('\r\n');
        data = glued.length ? data.subarray(Math.min(...glued)) : resync(data, (lastLine < 0 ? 0 : lastLine + 2) + 1);
        continue;
      }
      const total = end + headerEnd.length + length;
      if (data.length < total) {
        frame = total;
        break;
      }
      out.write(data.subarray(0, total));
      data = data.subarray(total);
    }
    keep(data);
  });
  // From the next `Content-Length:` after `from` on; with none yet, only what may be the start of one.
  const resync = (data: Buffer, from: number): Buffer => {
    // In windows that grow fourfold: a spelling that is not there would otherwise be sought to the end for each drop.
    for (let size = 256; ; size *= 4) {
      const window = data.subarray(from, Math.min(data.length, from + size + headerName.length));
      const found = headerSpellings.map((h) => window.indexOf(h)).filter((i) => i >= 0);
      if (found.length) return data.subarray(from + Math.min(...found));
      if (from + size >= data.length) break;
    }
    const tail = data.toString('latin1', Math.max(from, data.length - headerName.length + 1));
    for (let k = tail.length; k > 0; k--) {
      if (headerName.startsWith(tail.slice(-k).toLowerCase())) return data.subarray(data.length - k);
    }
    return data.subarray(data.length);
  };
  input.on('end', () => {
    if (buffered) onDrop('a message cut short by the end of the input');
    out.end();
  });
  input.on('error', (err) => out.destroy(err));
  return out;
}

/**
 * The connection over stdin and stdout. As vscode-languageserver does for `--stdio` itself, console
 * output goes to the client's log: a stray `console.log` on stdout would break the protocol's stream.
 */
export function stdioConnection(): Connection {
  let warn = (why: string): void => void process.stderr.write(`ospo: dropped a message from the client: ${why}\n`);
  const connection = createConnection(
    ProposedFeatures.all,
    framedInput(process.stdin, (why) => warn(why)),
    batchedOutput(process.stdout),
  );
  warn = (why) => connection.console.warn(`Dropped a message from the client: ${why}`);
  const say =
    (to: (message: string) => void) =>
    (...args: unknown[]) =>
      to(format(...args));
  console.log = say((m) => connection.console.log(m));
  console.info = say((m) => connection.console.info(m));
  console.debug = say((m) => connection.console.log(m));
  console.warn = say((m) => connection.console.warn(m));
  console.error = say((m) => connection.console.error(m));
  console.trace = say((m) => connection.console.log(`${m}\n${new Error().stack}`));
  console.dir = (item: unknown) => connection.console.log(inspect(item));
  return connection;
}
