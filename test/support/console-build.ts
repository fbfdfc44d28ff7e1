import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const SOURCES = [path.join(ROOT, 'console'), path.join(ROOT, 'package-lock.json')];
const OUTPUTS = [path.join(ROOT, 'dist/console/index.html'), path.join(ROOT, 'dist/graphiql/index.html')];

function newestMtime(entry: string): number {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

function outputMtime(file: string): number {
  return fs.existsSync(file) ? fs.statSync(file).mtimeMs : -1;
}

/** Builds the console and GraphiQL bundles when they are missing or older than their sources, so tests never run a stale UI. */
export function ensureConsoleBuilt(): void {
  const sources = Math.max(...SOURCES.map(newestMtime));
  if (OUTPUTS.every((file) => outputMtime(file) >= sources)) return;
  // Jest sets NODE_ENV=test, which would give Vite a development build of React: build what users get.
  execFileSync('npm', ['run', '-s', 'build:console'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}
