import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from '@playwright/test'
import { startWebServer, stopProcess } from '../e2e/web-server'

const root = new URL('..', import.meta.url).pathname

/** Gzipped bytes of the JavaScript the renderer loads before first paint (entry + preloads). */
export function initialRendererJsGzipBytes(): number {
  const rendererDir = join(root, 'out', 'renderer')
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8')
  const scripts = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\.?\/?([^"]+\.js)"/g)]
  const files = [...new Set(scripts.map((match) => match[1]!))]
  return files.reduce((sum, file) => sum + gzipSync(readFileSync(join(rendererDir, file)), { level: 9 }).length, 0)
}

async function coldStartOnce(): Promise<{ serverReadyMs: number; firstContentfulPaintMs: number; totalMs: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mockroom-bench-'))
  const started = performance.now()
  const server = await startWebServer(dataDir)
  try {
    const serverReadyMs = performance.now() - started
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
    try {
      const page = await browser.newPage()
      const navigationStart = performance.now()
      await page.goto(server.url)
      const fcp = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const existing = performance.getEntriesByName('first-contentful-paint')[0]
            if (existing) return resolve(existing.startTime)
            new PerformanceObserver((list) => {
              const entry = list.getEntriesByName('first-contentful-paint')[0]
              if (entry) resolve(entry.startTime)
            }).observe({ type: 'paint', buffered: true } as PerformanceObserverInit)
          })
      )
      return { serverReadyMs, firstContentfulPaintMs: fcp, totalMs: serverReadyMs + (performance.now() - navigationStart) }
    } finally {
      await browser.close()
    }
  } finally {
    await stopProcess(server.child)
    rmSync(dataDir, { recursive: true, force: true })
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

export async function benchStartup(): Promise<Record<string, number | string>> {
  const runs = []
  for (let i = 0; i < 5; i++) runs.push(await coldStartOnce())
  const jsBytes = initialRendererJsGzipBytes()
  return {
    'browser mode: server ready (median ms)': Math.round(median(runs.map((r) => r.serverReadyMs))),
    'browser mode: first contentful paint after navigation (median ms)': Math.round(median(runs.map((r) => r.firstContentfulPaintMs))),
    'browser mode: cold start to FCP, spawn to paint (median ms)': Math.round(median(runs.map((r) => r.totalMs))),
    'initial renderer JS gzipped (KB, target ≤ 400)': Math.round(jsBytes / 1024)
  }
}
