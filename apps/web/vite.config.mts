import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const src = fileURLToPath(new URL('./src', import.meta.url));

/**
 * Writes sw.js (see sw/service-worker.js) with this build's files to keep,
 * and a version that changes whenever they do. Sixty lines of service worker
 * need no generator: vite-plugin-pwa's workbox-build brings some 240
 * packages (Babel, Rollup plugins) to write the same thing.
 */
function offline(): Plugin {
  return {
    name: 'roundtable-offline',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const publicFiles = readdirSync(fileURLToPath(new URL('./public', import.meta.url)));
      const files = [...Object.keys(bundle), ...publicFiles].filter((file) => !file.endsWith('.map')).sort();
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
      const source = readFileSync(fileURLToPath(new URL('./sw/service-worker.js', import.meta.url)), 'utf8')
        .replace("'__VERSION__'", JSON.stringify(version))
        .replace('__PRECACHE__', JSON.stringify(['', ...files]));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}

// Served by the Nest api under /app (see apps/api/src/web-app.ts); `npm run build:web` writes dist/web.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/app/',
  resolve: {
    alias: {
      '@': src,
      '@roundtable/api-client': fileURLToPath(new URL('../../libs/api-client/src/index.ts', import.meta.url)),
    },
  },
  plugins: [offline()],
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      // Mantine marks its modules "use client" (for React Server Components); meaningless in a browser bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
