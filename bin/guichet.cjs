#!/usr/bin/env node
// The `guichet` operator command. Runs the compiled CLI when the service has been built (production),
// otherwise the TypeScript sources through tsx, so that `npx guichet …` works on a fresh clone.
const fs = require('node:fs');
const path = require('node:path');

const compiled = path.join(__dirname, '..', 'dist', 'bot', 'src', 'cli', 'main.js');
let cli;
if (fs.existsSync(compiled)) {
  cli = require(compiled);
} else {
  require('tsx/cjs');
  cli = require('../bot/src/cli/main.ts');
}
cli.runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
