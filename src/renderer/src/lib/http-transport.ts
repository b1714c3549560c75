import { eventNames, methodNames } from '../../../shared/contract'
import type { Transport } from '../../../shared/api/window-api'
import type { Result } from '../../../shared/api/result'

/**
 * Browser mode's bridge: the same shape as the preload's `window.api`, over HTTP on the
 * server that served this page (its cookie authenticates us), events over SSE.
 */
export function createHttpTransport(): Transport {
  const methods = Object.fromEntries(
    methodNames.map((name) => [
      name,
      async (input: unknown): Promise<Result<unknown>> => {
        let response: Response
        try {
          response = await fetch(`/api/${name}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(input ?? {}),
            credentials: 'same-origin'
          })
        } catch {
          return {
            ok: false,
            error: { code: 'OFFLINE', message: 'Cannot reach the mockroom server. Is `npm run web` still running?' }
          }
        }
        if (response.status === 401) {
          return {
            ok: false,
            error: { code: 'UNAUTHORIZED', message: 'Session expired: open the link that `npm run web` printed.' }
          }
        }
        return (await response.json()) as Result<unknown>
      }
    ])
  )

  let source: EventSource | null = null
  const connect = (): EventSource => {
    source ??= new EventSource('/api/events')
    return source
  }

  return {
    ...(methods as Omit<Transport, 'on' | 'host'>),
    host: 'web',
    on(name, listener) {
      if (!eventNames.includes(name)) throw new Error(`Unknown event: ${String(name)}`)
      const handler = (event: MessageEvent<string>) => listener(JSON.parse(event.data) as never)
      const es = connect()
      es.addEventListener(name, handler)
      return () => es.removeEventListener(name, handler)
    }
  }
}
