import { describe, expect, it } from 'vitest'
import { localFontSources } from './local-font-sources'

const cdn = "url(https://esm.sh/@excalidraw/excalidraw@0.18.1/dist/prod/fonts/Virgil/Virgil-Regular.woff2) format('woff2')"

describe('localFontSources', () => {
  it('drops the CDN fallback and keeps the copy served by the app', () => {
    const local = "url(http://127.0.0.1:4317/excalidraw-assets/fonts/Virgil/Virgil-Regular.woff2) format('woff2')"
    expect(localFontSources(`${local}, ${cdn}`, 'http://127.0.0.1:4317/#/practice')).toBe(local)
  })

  it('keeps file:, data: and local() sources (Electron loads the app from file://)', () => {
    const file = "url(file:///app/out/renderer/excalidraw-assets/fonts/Virgil/Virgil-Regular.woff2) format('woff2')"
    const data = "url('data:font/woff2;base64,AAAA') format('woff2')"
    expect(localFontSources(`${file}, ${cdn}`, 'file:///app/out/renderer/index.html#/practice')).toBe(file)
    expect(localFontSources(`local(Virgil), ${data}, ${cdn}`, 'http://127.0.0.1:1/')).toBe(`local(Virgil), ${data}`)
  })

  it('drops another local port and keeps relative URLs', () => {
    expect(localFontSources("url(http://127.0.0.1:9999/x.woff2), url(./fonts/a.woff2) format('woff2')", 'http://127.0.0.1:1/')).toBe(
      "url(./fonts/a.woff2) format('woff2')"
    )
  })
})
