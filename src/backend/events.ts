import type { EventName, EventPayload } from '@shared/contract'

type AnyListener = (name: EventName, payload: unknown) => void

/** Fan-out of backend events to whichever adapters are connected (IPC windows, SSE clients). */
export class EventHub {
  private readonly listeners = new Set<AnyListener>()

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) listener(name, payload)
  }

  subscribe(listener: AnyListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
