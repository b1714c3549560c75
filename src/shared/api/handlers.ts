import type { EventName, EventPayload, MethodName, MethodOutput, ParsedInput } from '../contract'

/** What the backend implements: one async function per contract method. */
export type Handlers = {
  [M in MethodName]: (input: ParsedInput<M>) => Promise<MethodOutput<M>>
}

/** What a renderer sees: the same methods, taking the input before validation. */
export type EventListener<E extends EventName> = (payload: EventPayload<E>) => void

export interface EventSource {
  on<E extends EventName>(name: E, listener: EventListener<E>): () => void
}
