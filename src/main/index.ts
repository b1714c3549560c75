import { app, BrowserWindow, ipcMain, net, protocol, session } from 'electron'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { builtBankWorker, findAppRoot } from '../backend/app-root'
import { createBackend, type Backend } from '../backend/create-backend'
import { forwardEvents, registerIpcHandlers } from './ipc'
import { hardenSession, hardenWindow, secureWebPreferences } from './security'
import { isTrustedAppUrl } from './trusted-url'

// userData becomes <config>/mockroom, the same folder browser mode and the CLI use.
app.setName('mockroom')
const devServerUrl = process.env.ELECTRON_RENDERER_URL
let backend: Backend | null = null

// Answers' audio reaches the page as mockroom-media://audio/<answerId>.wav (streamed, seekable).
protocol.registerSchemesAsPrivileged([{ scheme: 'mockroom-media', privileges: { stream: true, supportFetchAPI: true } }])

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 840,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'mockroom',
    // Linux and Windows show it in the title bar and task bar; macOS uses the bundle's icon.
    icon: join(findAppRoot(import.meta.url), 'resources', 'icons', 'png', '256x256.png'),
    webPreferences: {
      ...secureWebPreferences,
      preload: fileURLToPath(new URL('../preload/index.cjs', import.meta.url))
    }
  })
  hardenWindow(window, devServerUrl)
  window.once('ready-to-show', () => window.show())
  if (devServerUrl) void window.loadURL(devServerUrl)
  else void window.loadFile(fileURLToPath(new URL('../renderer/index.html', import.meta.url)))
  return window
}

async function start(): Promise<void> {
  await app.whenReady()
  hardenSession(session.defaultSession, devServerUrl)
  backend = await createBackend({
    dataDir: process.env.APP_DATA_DIR ?? app.getPath('userData'),
    appRoot: findAppRoot(import.meta.url),
    host: 'electron',
    warmUp: true,
    bankWorkerUrl: builtBankWorker(import.meta.url)
  })
  const media = backend
  protocol.handle('mockroom-media', (request) => {
    const url = new URL(request.url)
    const file = media.mediaFile(`${url.host}${decodeURIComponent(url.pathname)}`)
    return file ? net.fetch(pathToFileURL(file).href, { headers: request.headers }) : new Response('Not found', { status: 404 })
  })
  registerIpcHandlers(ipcMain, backend, (url) => isTrustedAppUrl(url, devServerUrl))
  forwardEvents(backend, () => BrowserWindow.getAllWindows().map((window) => window.webContents))
  createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow()
  })
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
app.on('will-quit', () => {
  void backend?.close()
})

start().catch((error: unknown) => {
  console.error(`mockroom: ${error instanceof Error ? error.message : String(error)}`)
  app.exit(1)
})
