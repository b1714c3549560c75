import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

// electron-vite picks its Node and Chrome build targets from the installed electron package.
// Electron is an optional dependency (npm drops it where its binary cannot be downloaded), and
// browser mode is built by the same config: then the major version comes from package.json.
try {
  createRequire(import.meta.url).resolve('electron/package.json')
} catch {
  const manifest = JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { optionalDependencies?: Record<string, string> }
  const major = /\d+/.exec(manifest.optionalDependencies?.electron ?? '')?.[0]
  if (major) process.env.ELECTRON_MAJOR_VER ||= major
}

/** `@shared/x` is src/shared/x in every bundle (tsconfig paths say the same to tsc, tsx and Playwright). */
const resolveShared = { alias: { '@shared': resolve('src/shared') } }

export default defineConfig({
  main: {
    resolve: resolveShared,
    build: {
      rollupOptions: {
        // Browser mode is built beside main so both serve the same backend code.
        input: {
          index: resolve('src/main/index.ts'),
          web: resolve('src/web/index.ts'),
          // Bank parsing runs in a worker thread so the backend keeps answering meanwhile.
          'bank-worker': resolve('src/backend/banks/bank-worker.ts'),
          // The SQL drills' engine (PGlite) runs in a worker thread the backend can terminate.
          'sql-worker': resolve('src/backend/sql/sql-worker.ts')
        }
      }
    }
  },
  preload: {
    resolve: resolveShared,
    build: {
      // A sandboxed preload can require nothing but electron: bundle everything, as CommonJS.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve('src/renderer'),
    resolve: resolveShared,
    plugins: [react()],
    build: {
      // electron-vite leaves output unminified; the renderer is also served to browsers.
      minify: 'esbuild',
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } }
    }
  }
})
