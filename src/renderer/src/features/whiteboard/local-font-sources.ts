/**
 * Keeps only the sources of a CSS `src` list (as given to `new FontFace`) that stay on this
 * machine: `url(...)` on the page's own origin, file:, data: or blob:, and `local(...)`.
 * Excalidraw always appends a CDN copy of each font after the local one; Chromium checks every
 * listed source when the FontFace is created, so even an unused fallback shows up as a request.
 */
export function localFontSources(source: string, pageUrl: string): string {
  const page = new URL(pageUrl)
  const kept = splitSources(source).filter((entry) => {
    const match = /^url\(\s*(['"]?)(.*?)\1\s*\)/i.exec(entry)
    if (!match) return true
    let url: URL
    try {
      url = new URL(match[2] ?? '', page)
    } catch {
      return false
    }
    if (['data:', 'blob:', 'file:'].includes(url.protocol)) return true
    return url.origin === page.origin && page.origin !== 'null'
  })
  return kept.join(', ')
}

/** Splits on the commas between sources, not those inside `url(...)` or quotes. */
function splitSources(source: string): string[] {
  const parts: string[] = []
  let depth = 0
  let quote: string | null = null
  let current = ''
  for (const char of source) {
    if (quote) {
      if (char === quote) quote = null
    } else if (char === '"' || char === "'") {
      quote = char
    } else if (char === '(') {
      depth++
    } else if (char === ')') {
      depth--
    } else if (char === ',' && depth === 0) {
      parts.push(current.trim())
      current = ''
      continue
    }
    current += char
  }
  if (current.trim()) parts.push(current.trim())
  return parts
}
