import path from 'node:path';

/** The repository root: every check reads the real files from here. */
export const WORKSPACE_ROOT = path.resolve(__dirname, '../../..');

export function fromRoot(...segments: string[]): string {
  return path.join(WORKSPACE_ROOT, ...segments);
}
