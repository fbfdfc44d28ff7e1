import path from 'node:path';
import { defineConfig } from 'vite';

// GraphiQL bundled from the graphiql package (no CDN): console/graphiql → dist/graphiql, served at /graphiql.
export default defineConfig({
  root: path.join(import.meta.dirname, 'graphiql'),
  base: '/graphiql/',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: path.join(import.meta.dirname, '..', 'dist', 'graphiql'),
    emptyOutDir: true,
    // GraphiQL is one large app by nature; its size is reported in the README, not warned about on every build.
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      // framer-motion's "use client" markers mean nothing in a plain client bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
