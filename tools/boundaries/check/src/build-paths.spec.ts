import { readFileSync } from 'node:fs';
import path from 'node:path';

const workspaceRoot = path.resolve(__dirname, '../../../..');
const read = (file: string) => JSON.parse(readFileSync(path.join(workspaceRoot, file), 'utf8'));

describe('build configuration', () => {
  it('gives the service builds (.swcrc) the same path aliases as TypeScript (tsconfig.base.json)', () => {
    // A missing alias compiles but fails at run time with "Cannot find module": run tools/sync-swc-paths.js.
    expect(read('.swcrc').jsc.paths).toEqual(read('tsconfig.base.json').compilerOptions.paths);
  });
});
