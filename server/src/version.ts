// The product's version, as package.json says (test/cli/wording.test.ts compares them): the CLI's
// --version and SARIF driver, and the language server's serverInfo and first log line.
export const version = '0.1.0';
