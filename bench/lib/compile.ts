import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '../..');

/**
 * Compiles the server into dist/ as `npm run build:server` does (tsconfig.build.json, or another project
 * extending it), clearing dist/src first: tsc never removes the output of a deleted or moved source.
 */
export function compileService(project = path.join(ROOT, 'tsconfig.build.json')): void {
  fs.rmSync(path.join(ROOT, 'dist/src'), { recursive: true, force: true });
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', project], { stdio: 'inherit' });
}
