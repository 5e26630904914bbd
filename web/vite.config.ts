import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The browser app: Preact (JSX through Vite's own transform, no plugin needed), one entry, hashed
 * assets under /assets. Built by `npm run build:web`, by `npm start` when the sources are newer than
 * the build, and by the test setup.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: { alias: { react: 'preact/compat', 'react-dom': 'preact/compat' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
  },
});
