import type { IpcMain, WebContents } from 'electron'
import { eventChannel, methodChannel, methodNames } from '@shared/contract'
import { dispatch } from '@shared/api/dispatch'
import { fail } from '@shared/api/result'
import type { Backend } from '../backend/create-backend'

/**
 * Registers one `ipcMain.handle` per contract method. The backend's type (`Handlers`) is
 * derived from the contract, so a method without a handler does not compile.
 */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  backend: Backend,
  isTrustedSender: (url: string | undefined) => boolean
): string[] {
  return methodNames.map((name) => {
    const channel = methodChannel(name)
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!isTrustedSender(event.senderFrame?.url)) {
        return fail('FORBIDDEN', 'This page may not call mockroom.')
      }
      return dispatch(backend.api, name, input)
    })
    return channel
  })
}

export function forwardEvents(backend: Backend, targets: () => WebContents[]): () => void {
  return backend.events.subscribe((name, payload) => {
    for (const contents of targets()) contents.send(eventChannel(name), payload)
  })
}
