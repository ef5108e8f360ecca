// Copies the path aliases of tsconfig.base.json into the root .swcrc, which the services' builds
// use (SWC rewrites `@switchboard/*` imports to relative paths). Run after adding a library:
//   node tools/sync-swc-paths.js
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const tsconfig = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'));
const swcrcPath = path.join(root, '.swcrc');
const swcrc = JSON.parse(fs.readFileSync(swcrcPath, 'utf8'));
swcrc.jsc.paths = tsconfig.compilerOptions.paths;
fs.writeFileSync(swcrcPath, `${JSON.stringify(swcrc, null, 2)}\n`);
console.log(`.swcrc: ${Object.keys(swcrc.jsc.paths).length} path aliases`);
