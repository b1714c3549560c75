import type { IpcRenderer, IpcRendererEvent } from 'electron'
import { eventChannel, isEventName, methodChannel, methodNames } from '@shared/contract'
import type { Transport } from '@shared/api/window-api'

/**
 * One function per contract method, each bound to that method's channel. `ipcRenderer` itself
 * never reaches the page, and only contract events can be listened to.
 */
export function buildWindowApi(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): Transport {
  const methods = Object.fromEntries(
    methodNames.map((name) => [name, (input: unknown) => ipc.invoke(methodChannel(name), input)])
  )
  return {
    ...(methods as Omit<Transport, 'on' | 'host'>),
    host: 'electron',
    on(name, listener) {
      if (!isEventName(name)) throw new Error(`Unknown event: ${String(name)}`)
      const channel = eventChannel(name)
      const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload as never)
      ipc.on(channel, forward)
      return () => {
        ipc.removeListener(channel, forward)
      }
    }
  } satisfies Transport
}
