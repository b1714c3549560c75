import type { EventName, EventPayload, MethodName, MethodOutput, ParsedInput } from '../contract'

/** What the backend implements: one async function per contract method. */
export type Handlers = {
  [M in MethodName]: (input: ParsedInput<M>) => Promise<MethodOutput<M>>
}

/** A listener for one backend event, called with its payload. */
export type EventListener<E extends EventName> = (payload: EventPayload<E>) => void
