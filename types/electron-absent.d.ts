/* eslint-disable @typescript-eslint/no-explicit-any -- a stand-in for types that are not on this machine */
/**
 * Electron's own types (node_modules/electron/electron.d.ts) are used whenever the electron
 * package is installed. It is an optional dependency: where its binary cannot be downloaded,
 * npm drops the package and its types with it. Then `tsconfig.node.json` maps `electron` here,
 * so `npm run typecheck` still checks everything else in src/main and src/preload; the Electron
 * calls themselves are checked on machines that have Electron (and by CI there).
 */
type Callback = (...args: any[]) => any
/** Any argument (`unknown` too); a function passed as one gets `any` parameters, not implicit ones. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- {} | null | undefined is what accepts unknown
type Arg = {} | null | undefined | Callback

/** Any member, at any depth, callable with anything. */
interface Loose {
  (...args: Arg[]): any
  [member: string]: Loose
}

/** Loose, with the members that code names in a type (`Pick<IpcMain, 'handle'>`) spelled out. */
type With<K extends string> = Loose & Record<K, Loose>

export type IpcMain = With<'handle' | 'removeHandler' | 'on'>
export type IpcRenderer = With<'invoke' | 'on' | 'removeListener' | 'send'>
export type IpcRendererEvent = Loose
export type Session = Loose
export type WebContents = With<'send' | 'on' | 'setWindowOpenHandler'>

export declare const app: Loose
export declare const ipcMain: IpcMain
export declare const ipcRenderer: IpcRenderer
export declare const contextBridge: Loose
export declare const net: Loose
export declare const protocol: Loose
export declare const session: Loose
export declare const nativeImage: Loose
export declare class BrowserWindow {
  constructor(options?: Arg)
  static getAllWindows(): BrowserWindow[]
  webContents: WebContents
  [member: string]: Loose
}
