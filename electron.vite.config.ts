import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  main: {
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
    plugins: [react()],
    build: {
      // electron-vite leaves output unminified; the renderer is also served to browsers.
      minify: 'esbuild',
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } }
    }
  }
})
