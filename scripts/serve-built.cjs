// Runs the production server as bundled by `npm run build` (scripts/build-server.ts) for the
// build in NEXT_DIST_DIR (default .next). Plain JavaScript, one process: its PID is the server's.
const fs = require('node:fs');
const path = require('node:path');

const bundle = path.resolve(process.env.NEXT_DIST_DIR || '.next', 'portal', 'serve.js');
if (!fs.existsSync(bundle)) {
  console.error(`No server bundle at ${bundle}: run \`npm run build\` (or \`npm start\`) first.`);
  process.exit(1);
}
require(bundle);
