// Maps the tsconfig.base.json path aliases (@switchboard/*) to source files for Jest.
const path = require('node:path');
const fs = require('node:fs');

function pathsToModuleNameMapper() {
  const root = path.resolve(__dirname, '../..');
  const tsconfig = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'));
  const mapper = {};
  for (const [alias, targets] of Object.entries(tsconfig.compilerOptions.paths ?? {})) {
    const escaped = alias.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    mapper[`^${escaped}$`] = path.join(root, targets[0]);
  }
  return mapper;
}

module.exports = { pathsToModuleNameMapper };
