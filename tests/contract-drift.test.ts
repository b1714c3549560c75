import { describe, expect, it, vi } from 'vitest'
import { contract, eventChannel, methodChannel, methodNames } from '../src/shared/contract'
import { buildWindowApi } from '../src/preload/build-window-api'
import { registerIpcHandlers } from '../src/main/ipc'
import type { Backend } from '../src/backend/create-backend'
import type { Handlers } from '../src/shared/api/handlers'

/**
 * The contract, main's ipcMain table and the preload's methods are derived from one object;
 * this proves they cannot drift: every method has exactly one channel on both sides.
 */
function fakeBackend(): Backend {
  const api = Object.fromEntries(methodNames.map((name) => [name, vi.fn(async () => `${name}-result`)])) as unknown as Handlers
  return { api, events: { subscribe: () => () => undefined, emit: () => undefined } as never, dataDir: '/tmp', mediaFile: () => null, close: async () => undefined }
}

describe('contract, main and preload stay in step', () => {
  it('main registers one ipcMain.handle per contract method, on that method’s channel', () => {
    const handle = vi.fn()
    const channels = registerIpcHandlers({ handle }, fakeBackend(), () => true)
    expect(channels).toEqual(methodNames.map(methodChannel))
    expect(handle.mock.calls.map(([channel]) => channel)).toEqual(methodNames.map(methodChannel))
    expect(new Set(channels).size).toBe(Object.keys(contract).length)
  })

  it('the preload exposes exactly the contract methods, each invoking its own channel', async () => {
    const invoke = vi.fn(async (channel: string) => ({ ok: true, value: channel }))
    const windowApi = buildWindowApi({ invoke, on: vi.fn(), removeListener: vi.fn() } as never)
    const exposed = Object.keys(windowApi).filter((key) => typeof (windowApi as Record<string, unknown>)[key] === 'function' && key !== 'on')
    expect(exposed.sort()).toEqual([...methodNames].sort())
    for (const name of methodNames) {
      await (windowApi[name] as (input: unknown) => Promise<unknown>)({})
      expect(invoke).toHaveBeenLastCalledWith(methodChannel(name), {})
    }
    expect(windowApi).not.toHaveProperty('invoke')
  })

  it('a channel registered by main answers what the preload sends, through validation', async () => {
    const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>()
    const backend = fakeBackend()
    registerIpcHandlers({ handle: (channel: string, fn: unknown) => handlers.set(channel, fn as never) }, backend, (url) => url === 'file:///app/index.html')
    const trusted = { senderFrame: { url: 'file:///app/index.html' } }
    const windowApi = buildWindowApi({
      invoke: (channel: string, input: unknown) => handlers.get(channel)!(trusted, input),
      on: vi.fn(),
      removeListener: vi.fn()
    } as never)
    await expect(windowApi.getSettings({})).resolves.toEqual({ ok: true, value: 'getSettings-result' })
    await expect(windowApi.updateSettings({ theme: 'purple' } as never)).resolves.toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' }
    })
    expect(backend.api.updateSettings).not.toHaveBeenCalled()
    const foreign = await handlers.get(methodChannel('getSettings'))!({ senderFrame: { url: 'https://evil.example/' } }, {})
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('the preload forwards only contract events and can unsubscribe', () => {
    const on = vi.fn()
    const removeListener = vi.fn()
    const windowApi = buildWindowApi({ invoke: vi.fn(), on, removeListener } as never)
    const off = windowApi.on('notice', () => undefined)
    expect(on).toHaveBeenCalledWith(eventChannel('notice'), expect.any(Function))
    off()
    expect(removeListener).toHaveBeenCalledWith(eventChannel('notice'), on.mock.calls[0]![1])
    expect(() => windowApi.on('not-an-event' as never, () => undefined)).toThrow(/Unknown event/)
  })
})
