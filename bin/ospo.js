#!/usr/bin/env node
// The `ospo` command; the bundle is built by `npm install` (the prepare script) or `npm run build`.
require('../dist/cli.js').run();
