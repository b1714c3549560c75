#!/usr/bin/env node
/**
 * Copies Excalidraw's fonts next to the renderer (src/renderer/public/excalidraw-assets/fonts),
 * so the whiteboard loads them from the app instead of a CDN; the renderer points
 * window.EXCALIDRAW_ASSET_PATH there. Generated (gitignored); safe to run again: files already
 * copied with the same size are skipped.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const source = join(root, 'node_modules', '@excalidraw', 'excalidraw', 'dist', 'prod', 'fonts')
const target = join(root, 'src', 'renderer', 'public', 'excalidraw-assets', 'fonts')

if (!existsSync(source)) {
  console.error(`copy-excalidraw-assets: ${relative(root, source)} is missing; run npm install first.`)
  process.exit(1)
}

let copied = 0
let kept = 0
function copyTree(from, to) {
  mkdirSync(to, { recursive: true })
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const src = join(from, entry.name)
    const dest = join(to, entry.name)
    if (entry.isDirectory()) {
      copyTree(src, dest)
    } else if (existsSync(dest) && statSync(dest).size === statSync(src).size) {
      kept++
    } else {
      copyFileSync(src, dest)
      copied++
    }
  }
}

copyTree(source, target)
console.log(`copy-excalidraw-assets: ${copied} font files copied, ${kept} already there (${relative(root, target)})`)
