import { localFontSources } from './local-font-sources'

/**
 * Excalidraw fetches its fonts from a CDN unless EXCALIDRAW_ASSET_PATH says where they are.
 * scripts/copy-excalidraw-assets.mjs copies them into the renderer's public folder, served beside
 * index.html; the path is absolute because Excalidraw resolves a relative one against the page's
 * origin, which is "null" under file:// (Electron). Import this module before Excalidraw.
 */
const base = new URL('excalidraw-assets/', window.location.href)
base.hash = ''
base.search = ''
;(window as unknown as { EXCALIDRAW_ASSET_PATH: string }).EXCALIDRAW_ASSET_PATH = base.href

/**
 * Excalidraw still lists its CDN copy after the local one in every FontFace it creates, and
 * Chromium checks (and reports as a request) every listed source. Strip the remote ones.
 */
const NativeFontFace = window.FontFace
if (!(NativeFontFace as { localOnly?: boolean }).localOnly) {
  class LocalFontFace extends NativeFontFace {
    static localOnly = true
    constructor(family: string, source: string | BufferSource, descriptors?: FontFaceDescriptors) {
      super(family, typeof source === 'string' ? localFontSources(source, window.location.href) : source, descriptors)
    }
  }
  window.FontFace = LocalFontFace
}

export {}
