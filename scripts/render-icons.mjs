#!/usr/bin/env node
// `npm run icons`: renders resources/icons/mockroom.svg into the PNG sizes the window, the
// packaged app and the page's fallback favicon use (resources/icons/png/<n>x<n>.png). The PNGs
// are committed, so installing needs no image tooling; run this again after editing the SVG.
// Chromium draws the SVG (the same engine that shows it in the app), driven by Playwright.
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from '@playwright/test'

const root = new URL('..', import.meta.url).pathname
const source = join(root, 'resources', 'icons', 'mockroom.svg')
const outDir = join(root, 'resources', 'icons', 'png')
const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024]

const svg = readFileSync(source)
const dataUrl = `data:image/svg+xml;base64,${svg.toString('base64')}`
mkdirSync(outDir, { recursive: true })
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] })
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 })
  for (const size of sizes) {
    await page.setViewportSize({ width: size, height: size })
    await page.setContent(`<html><body style="margin:0;background:transparent"><img src="${dataUrl}" width="${size}" height="${size}" style="display:block"></body></html>`)
    await page.locator('img').evaluate((img) => img.decode())
    const file = join(outDir, `${size}x${size}.png`)
    await page.screenshot({ path: file, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } })
    console.log(`render-icons: ${file.slice(root.length)}`)
  }
} finally {
  await browser.close()
}
