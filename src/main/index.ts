import { app, BrowserWindow, dialog, ipcMain, net, protocol, session } from 'electron'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { builtBankWorker, findAppRoot } from '../backend/app-root'
import { createBackend, type Backend } from '../backend/create-backend'
import { forwardEvents, registerIpcHandlers } from './ipc'
import { hardenApp, hardenSession, secureWebPreferences } from './security'
import { devServerUrlFrom, isTrustedAppUrl, mediaPathOf, type AppLocation } from './trusted-url'
import { messageOf } from '@shared/errors'

// userData becomes <config>/mockroom, the same folder browser mode and the CLI use.
app.setName('mockroom')
// electron-vite sets DEV only when it builds for `npm run dev`; a release ignores the variable.
const isDevelopmentBuild = (import.meta as ImportMeta & { env?: { DEV?: boolean } }).env?.DEV === true
const devServerUrl = devServerUrlFrom(process.env.ELECTRON_RENDERER_URL, isDevelopmentBuild)
const indexFile = fileURLToPath(new URL('../renderer/index.html', import.meta.url))
const dataDir = process.env.APP_DATA_DIR ?? app.getPath('userData')
const location: AppLocation = {
  indexUrl: pathToFileURL(indexFile).href,
  fileRoots: [fileURLToPath(new URL('../renderer/', import.meta.url)), join(dataDir, 'audio')],
  devServerUrl
}
let backend: Backend | null = null
hardenApp(app, location)

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
  window.once('ready-to-show', () => window.show())
  if (devServerUrl) void window.loadURL(devServerUrl)
  else void window.loadFile(indexFile)
  return window
}

async function start(): Promise<void> {
  await app.whenReady()
  hardenSession(session.defaultSession, location)
  backend = await createBackend({
    dataDir,
    appRoot: findAppRoot(import.meta.url),
    host: 'electron',
    warmUp: true,
    bankWorkerUrl: builtBankWorker(import.meta.url)
  })
  const media = backend
  protocol.handle('mockroom-media', (request) => {
    const relative = mediaPathOf(request.url)
    const file = relative === null ? null : media.mediaFile(relative)
    return file ? net.fetch(pathToFileURL(file).href, { headers: request.headers }) : new Response('Not found', { status: 404 })
  })
  registerIpcHandlers(ipcMain, backend, (url) => isTrustedAppUrl(url, location))
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
  const message = `mockroom: ${messageOf(error)}`
  console.error(message)
  // Started from a desktop there is no terminal: say it where it is seen (e.g. a data file from a newer mockroom).
  dialog.showErrorBox('mockroom cannot start', message)
  app.exit(1)
})
