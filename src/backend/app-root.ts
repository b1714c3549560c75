import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The folder holding mockroom's package.json (and question-banks/, resources/), found by
 * walking up from the calling module: the same answer from `src/` under tsx and from `out/`
 * after a build.
 */
export function findAppRoot(moduleUrl: string): string {
  let dir = dirname(fileURLToPath(moduleUrl))
  for (;;) {
    const manifest = join(dir, 'package.json')
    if (existsSync(manifest)) {
      const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }
      if (name === 'mockroom') return dir
    }
    const parent = dirname(dir)
    if (parent === dir) throw new Error(`Cannot find mockroom's package.json above ${fileURLToPath(moduleUrl)}`)
    dir = parent
  }
}

/**
 * The bank-parser worker built beside the calling entry point (out/main/bank-worker.js), or
 * undefined when running from sources (tsx, tests), where banks parse in process.
 */
export function builtBankWorker(entryUrl: string): URL | undefined {
  const url = new URL('./bank-worker.js', entryUrl)
  return existsSync(fileURLToPath(url)) ? url : undefined
}
