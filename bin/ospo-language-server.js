#!/usr/bin/env node
// The bundled language server for any LSP client: `ospo-language-server --stdio`.
require('../dist/server.js');
