import type { EventName, MethodInput, MethodName, MethodOutput } from '../contract'
import type { EventListener } from './handlers'
import type { Result } from './result'

/**
 * The bridge a renderer talks to: one function per contract method, each returning a
 * `Result`, plus event subscription. Under Electron the preload builds it over IPC; in
 * browser mode the renderer builds the same shape over HTTP.
 */
export type Transport = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>
} & {
  on<E extends EventName>(name: E, listener: EventListener<E>): () => void
  readonly host: 'electron' | 'web'
}
