/* eslint-disable @typescript-eslint/no-explicit-any -- a stand-in for types that are not on this machine */
/**
 * Electron's own types (node_modules/electron/electron.d.ts) are used whenever the electron
 * package is installed. It is an optional dependency: where its binary cannot be downloaded,
 * npm drops the package and its types with it. Then tsconfig's `paths` maps `electron` here, so
 * `npm run typecheck` still checks everything else in src/main, src/preload and their tests;
 * the Electron calls themselves are checked on machines that have Electron.
 */

type Callback = (...args: any[]) => any
/** Any argument (`unknown` too); a function passed as one gets `any` parameters, not implicit ones. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- {} | null | undefined is what accepts unknown
type Arg = {} | null | undefined | Callback

/** Any member, at any depth, callable with anything. */
interface Loose {
  (...args: Arg[]): any
  // The members the app names, declared: under noUncheckedIndexedAccess a member that only the
  // index signature gives is `Loose | undefined`. A member used for the first time goes here.
  defaultSession: Loose
  exit: Loose
  exposeInMainWorld: Loose
  fetch: Loose
  getPath: Loose
  handle: Loose
  loadFile: Loose
  loadURL: Loose
  on: Loose
  onBeforeRequest: Loose
  once: Loose
  quit: Loose
  registerSchemesAsPrivileged: Loose
  setName: Loose
  setPermissionCheckHandler: Loose
  setPermissionRequestHandler: Loose
  setWindowOpenHandler: Loose
  show: Loose
  showErrorBox: Loose
  webRequest: Loose
  whenReady: Loose
  [member: string]: Loose
}

// Members that code names in a type (`Pick<IpcMain, 'handle'>`) are methods, so a test's
// stand-in with narrower parameters still fits.
export interface IpcMain extends Loose {
  handle(...args: Arg[]): any
  removeHandler(...args: Arg[]): any
}
export interface IpcRenderer extends Loose {
  invoke(...args: Arg[]): any
  on(...args: Arg[]): any
  removeListener(...args: Arg[]): any
}
export interface WebContents extends Loose {
  send(...args: Arg[]): any
}
export type IpcRendererEvent = Loose
export type Session = Loose
export type App = Loose

export declare const app: Loose
export declare const ipcMain: IpcMain
export declare const ipcRenderer: IpcRenderer
export declare const contextBridge: Loose
export declare const dialog: Loose
export declare const net: Loose
export declare const protocol: Loose
export declare const session: Loose
export declare class BrowserWindow {
  constructor(options?: unknown)
  static getAllWindows(): BrowserWindow[]
  webContents: WebContents
  once: Loose
  show: Loose
  loadURL: Loose
  loadFile: Loose
  on: Loose
  [member: string]: Loose
}
