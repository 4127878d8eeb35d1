import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Anchored on this file's folder so `vite build --config tab/vite.config.ts` works from any cwd.
const root = import.meta.dirname;

export default defineConfig({
  root,
  // The service serves the bundle under /tab/ (next to /api/v1 and /api/messages on the same origin).
  base: '/tab/',
  plugins: [react()],
  build: {
    outDir: `${root}/dist`,
    emptyOutDir: true,
    // Fluent UI + teams-js make a large but cacheable vendor bundle; warn only beyond that.
    chunkSizeWarningLimit: 1024,
  },
});
