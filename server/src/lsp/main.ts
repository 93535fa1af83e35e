// The language server's entry point (the bundle dist/server.js): started by the VS Code client over
// Node IPC, or by any editor as `ospo-language-server --stdio`.

import { startServer } from './server';

const session = startServer();

// A failure in one handler is logged, never allowed to end the process (the server must not crash on content).
process.on('unhandledRejection', (reason) => session.logError(`Unhandled error: ${reason instanceof Error ? reason.stack : String(reason)}`));
