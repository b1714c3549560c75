import type { Transport } from '@shared/api/window-api'
import type { Result } from '@shared/api/result'

/**
 * Browser mode's bridge: the same shape as the preload's `window.api`, over HTTP on the
 * server that served this page (its cookie authenticates us), events over SSE.
 */
const OUTLIVE_THE_PAGE = new Set(['stopRecording', 'saveTypedAnswer', 'updateAnswerText', 'answerFollowUp', 'saveSessionItem'])

export function createHttpTransport(): Transport {
  const call = async (name: string, input: unknown): Promise<Result<unknown>> => {
    let response: Response
    const body = JSON.stringify(input ?? {})
    try {
      response = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        credentials: 'same-origin',
        // Saves made as the page goes away (reload, tab closed) must still arrive; the browser
        // allows 64 KB of these in flight, so only small saves ask for it.
        keepalive: OUTLIVE_THE_PAGE.has(name) && body.length < 16_000
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
    // The server's own refusals (403 from another site, 500) are plain text, not a Result.
    if (!(response.headers.get('content-type') ?? '').startsWith('application/json')) {
      const text = (await response.text().catch(() => '')).slice(0, 300)
      return { ok: false, error: { code: response.status === 403 ? 'FORBIDDEN' : 'INTERNAL', message: text || `The server answered ${response.status}.` } }
    }
    return (await response.json()) as Result<unknown>
  }

  let source: EventSource | null = null
  const connect = (): EventSource => {
    source ??= new EventSource('/api/events')
    return source
  }

  const on: Transport['on'] = (name, listener) => {
    const handler = (event: MessageEvent<string>) => listener(JSON.parse(event.data) as never)
    const es = connect()
    es.addEventListener(name, handler)
    return () => es.removeEventListener(name, handler)
  }

  // Every other property is a contract method, posted by name: the server validates the name
  // and the input, so the first screen need not carry the contract's schemas.
  return new Proxy({} as Transport, {
    get(_target, property) {
      if (property === 'host') return 'web'
      if (property === 'on') return on
      if (typeof property !== 'string' || property === 'then') return undefined
      return (input: unknown) => call(property, input)
    }
  })
}
