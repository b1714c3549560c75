/// <reference types="vite/client" />
import type { Transport } from '@shared/api/window-api'

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    api?: Transport
  }
}
