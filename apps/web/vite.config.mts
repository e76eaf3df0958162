import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import { mantineStyles } from './mantine-styles.mjs';

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

/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside each script and style sheet, compressed once at the
 * highest level, which the api sends to browsers that accept them (apps/api/src/web-app.ts): 480 kB of
 * entry script travel as some 130 kB.
 */
function precompress(): Plugin {
  return {
    name: 'roundtable-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? '';
      for (const file of Object.keys(bundle).filter((name) => /\.(js|css)$/.test(name))) {
        const bytes = readFileSync(join(dir, file));
        writeFileSync(
          join(dir, `${file}.br`),
          brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }),
        );
        writeFileSync(join(dir, `${file}.gz`), gzipSync(bytes, { level: 9 }));
      }
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
  plugins: [mantineStyles({ sources: src }), offline(), precompress()],
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
