#!/usr/bin/env bash
# Scaffolds a library the way every Switchboard lib is laid out:
#   tools/new-lib.sh <dir under libs/> <import name> <scope tag> <type tag>
# e.g. tools/new-lib.sh order/domain @switchboard/order-domain scope:order type:domain
# Run from the workspace root.
set -euo pipefail
dir="libs/$1"; name="$2"; scope="$3"; type="$4"
project=$(echo "$1" | tr '/' '-')
depth=$(echo "$dir" | awk -F/ '{print NF}')
up=$(printf '../%.0s' $(seq 1 "$depth"))
mkdir -p "$dir/src" "$dir/test"
cat > "$dir/project.json" <<JSON
{
  "name": "$project",
  "\$schema": "${up}node_modules/nx/schemas/project-schema.json",
  "sourceRoot": "$dir/src",
  "projectType": "library",
  "tags": ["$scope", "$type"],
  "targets": {
    "typecheck": {
      "executor": "nx:run-commands",
      "options": { "command": "tsc -p $dir/tsconfig.lib.json --noEmit && tsc -p $dir/tsconfig.spec.json --noEmit" },
      "cache": true,
      "inputs": ["default", "^production"]
    },
    "lint": {},
    "test": {},
    "int": {}
  }
}
JSON
cat > "$dir/tsconfig.json" <<JSON
{
  "extends": "${up}tsconfig.base.json",
  "files": [],
  "include": [],
  "references": [{ "path": "./tsconfig.lib.json" }, { "path": "./tsconfig.spec.json" }]
}
JSON
cat > "$dir/tsconfig.lib.json" <<JSON
{
  "extends": "./tsconfig.json",
  "compilerOptions": { "outDir": "${up}dist/out-tsc", "types": ["node"] },
  "include": ["src/**/*.ts"],
  "exclude": ["src/**/*.spec.ts", "test/**/*"]
}
JSON
cat > "$dir/tsconfig.spec.json" <<JSON
{
  "extends": "./tsconfig.json",
  "compilerOptions": { "outDir": "${up}dist/out-tsc", "types": ["jest", "node"] },
  "include": ["src/**/*.ts", "test/**/*.ts"]
}
JSON
cat > "$dir/jest.config.js" <<JS
// Unit tier: specs beside the code, no servers.
module.exports = {
  displayName: '$project',
  preset: '${up}jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
JS
cat > "$dir/jest.int.config.js" <<JS
// Integration tier: test/*.int.spec.ts against the real NATS and PostgreSQL servers.
module.exports = {
  displayName: '$project:int',
  preset: '${up}jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.int.spec.ts'],
  testTimeout: 60000,
};
JS
cat > "$dir/eslint.config.mjs" <<JS
import baseConfig from '${up}eslint.config.mjs';

export default [...baseConfig];
JS
[ -f "$dir/src/index.ts" ] || echo "export {};" > "$dir/src/index.ts"

# The import alias, in tsconfig.base.json (one line, keeping the file's layout) and, for the
# service builds, in the root .swcrc.
if ! grep -q "\"$name\"" tsconfig.base.json; then
  sed -i "s#^\(\s*\)\"paths\": {#&\n\1  \"$name\": [\"$dir/src/index.ts\"],#" tsconfig.base.json
fi
node tools/sync-swc-paths.js
echo "created $dir ($project: $scope $type), imported as $name"
echo "a library without integration tests: remove the int target and jest.int.config.js"
