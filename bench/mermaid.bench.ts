import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { callApi, startWebServer, stopProcess } from '../e2e/web-server'
import { median } from './startup.bench'

/** A 30-node pipeline flowchart, the size of a real system-design answer. */
function flowchart(nodes: number): string {
  const lines = ['flowchart LR']
  for (let i = 1; i < nodes; i++) lines.push(`  n${i}[Stage ${i}] --> n${i + 1}[Stage ${i + 1}]`)
  return lines.join('\n')
}

/**
 * The Mermaid preview in the system-design runner: the time from a keystroke in the editor
 * until the preview holds the new SVG (the editor's debounce included), in the real app.
 */
export async function benchMermaid(): Promise<Record<string, number | string>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mockroom-bench-'))
  const server = await startWebServer(dataDir)
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
  try {
    // No clarify phase, so the design board (and its Mermaid editor) is up at once.
    const times = { 'system-design': { prepMs: 0 }, scenario: { prepMs: 0 } }
    const session = await callApi<{ id: string }>(server, 'createSession', { type: 'system-design', count: 1, order: 'as-listed', times })
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    await page.goto(server.url)
    await page.goto(`${server.origin}/#/practice/session/${encodeURIComponent(session.id)}`)
    const editor = page.getByRole('textbox', { name: 'Mermaid source' })
    await editor.waitFor({ timeout: 60_000 })
    await editor.fill(flowchart(30))
    await page.getByTestId('mermaid-preview').locator('svg').waitFor({ timeout: 60_000 })

    const samples: number[] = []
    for (let i = 0; i < 12; i++) {
      // Type inside the last node's label, so every keystroke leaves a valid diagram.
      await editor.press('End')
      await editor.press('ArrowLeft')
      const waitForNewSvg = page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const preview = document.querySelector('[data-testid="mermaid-preview"]')!
            const before = preview.querySelector('svg')
            new MutationObserver((_records, observer) => {
              const svg = preview.querySelector('svg')
              if (svg && svg !== before) {
                observer.disconnect()
                resolve(performance.now())
              }
            }).observe(preview, { childList: true, subtree: true })
          })
      )
      const pressedAt = await page.evaluate(() => performance.now())
      await page.keyboard.type(String(i % 10))
      samples.push((await waitForNewSvg) - pressedAt)
    }
    return {
      'mermaid preview after a keystroke, 30-node flowchart (median ms, debounce included)': Math.round(median(samples)),
      'mermaid preview after a keystroke (max ms)': Math.round(Math.max(...samples))
    }
  } finally {
    await browser.close()
    await stopProcess(server.child)
    rmSync(dataDir, { recursive: true, force: true })
  }
}
