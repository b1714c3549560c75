import type { EventName, MethodInput, MethodName, MethodOutput } from '@shared/contract'
import type { EventListener } from '@shared/api/handlers'
import type { Transport } from '@shared/api/window-api'
import { createHttpTransport } from './http-transport'

/** A failed call, with the backend's code and its user-facing message. */
export class ApiError extends Error {
  readonly code: string

  constructor(code: string, message: string) {
    super(message)
    this.name = 'ApiError'
    this.code = code
  }
}

type ApiClient = {
  [M in MethodName]: (
    ...input: Record<never, never> extends MethodInput<M> ? [MethodInput<M>?] : [MethodInput<M>]
  ) => Promise<MethodOutput<M>>
}

/** The renderer's only way to the backend: `window.api` under Electron, HTTP in browser mode. */
const transport: Transport = window.api ?? createHttpTransport()

export const api = new Proxy({} as ApiClient, {
  get(_target, name) {
    if (typeof name !== 'string' || name === 'then') return undefined
    return async (input: unknown = {}) => {
      const call = (transport as unknown as Record<string, (input: unknown) => ReturnType<Transport[MethodName]>>)[name]
      if (!call) throw new ApiError('UNKNOWN_METHOD', `There is no API method named "${name}".`)
      const result = await call(input)
      if (!result.ok) throw new ApiError(result.error.code, result.error.message)
      return result.value
    }
  }
})

export function onEvent<E extends EventName>(name: E, listener: EventListener<E>): () => void {
  return transport.on(name, listener)
}

export const host = transport.host
