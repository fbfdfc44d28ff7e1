import path from 'node:path';
import { defineConfig } from 'vite';

// The reviewer console: console/app → dist/console, served by the API process at /.
export default defineConfig({
  root: path.join(import.meta.dirname, 'app'),
  base: '/',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: path.join(import.meta.dirname, '..', 'dist', 'console'),
    emptyOutDir: true,
    sourcemap: true,
  },
});
