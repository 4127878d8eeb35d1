import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// Anchored on this file's folder so `vite build --config tab/vite.config.ts` works from any cwd.
const root = import.meta.dirname;

/**
 * Prints what a first visit downloads before anything shows: the entry chunk and every chunk it
 * imports statically. Pages are lazy chunks and not counted; the budget is 300 kB gzip (issue 6).
 */
function initialSizeReport(): Plugin {
  let line = '';
  return {
    name: 'guichet-initial-size',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map(
        Object.values(bundle).flatMap((out) => (out.type === 'chunk' ? [[out.fileName, out] as const] : [])),
      );
      const initial = new Set<string>();
      const visit = (fileName: string): void => {
        if (initial.has(fileName)) return;
        initial.add(fileName);
        for (const imported of chunks.get(fileName)?.imports ?? []) visit(imported);
      };
      for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);
      let raw = 0;
      let gzip = 0;
      for (const fileName of initial) {
        const code = chunks.get(fileName)?.code ?? '';
        raw += Buffer.byteLength(code);
        gzip += gzipSync(code).length;
      }
      const kB = (bytes: number): string => (bytes / 1000).toFixed(2);
      line = `initial JS (${initial.size} chunks): ${kB(raw)} kB │ gzip: ${kB(gzip)} kB (budget 300 kB gzip)`;
    },
    // After Vite's own size table, so the total comes last.
    closeBundle() {
      if (line) this.info(line);
    },
  };
}

export default defineConfig({
  root,
  // The service serves the bundle under /tab/ (next to /api/v1 and /api/messages on the same origin).
  base: '/tab/',
  plugins: [react(), initialSizeReport()],
  build: {
    outDir: `${root}/dist`,
    emptyOutDir: true,
    // Fluent UI + teams-js make a large but cacheable vendor bundle; warn only beyond that.
    chunkSizeWarningLimit: 1024,
  },
});
