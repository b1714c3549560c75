// @vitest-environment happy-dom
import { act, cleanup, renderHook } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useAutosave } from './use-autosave'

afterEach(cleanup)

function typing(save: (value: string) => Promise<void>) {
  return renderHook(({ text }) => useAutosave(text, text, save, 60_000), { initialProps: { text: 'first' } })
}

describe('useAutosave', () => {
  it('sends a pending change at once when the page goes away, and only once', async () => {
    const save = vi.fn(async (_value: string): Promise<void> => undefined)
    const hook = typing(save)
    hook.rerender({ text: 'first, then more' })
    expect(hook.result.current.status).toBe('pending')
    await act(async () => {
      window.dispatchEvent(new Event('pagehide'))
    })
    expect(save).toHaveBeenCalledWith('first, then more')
    await act(async () => {
      window.dispatchEvent(new Event('pagehide'))
    })
    expect(save).toHaveBeenCalledTimes(1)
  })

  it('flush says whether the change was saved', async () => {
    const save = vi.fn(async (_value: string): Promise<void> => Promise.reject(new Error('disk full')))
    const hook = typing(save)
    hook.rerender({ text: 'changed' })
    let saved = true
    await act(async () => {
      saved = await hook.result.current.flush()
    })
    expect(saved).toBe(false)
    expect(hook.result.current.status).toBe('error')
    save.mockResolvedValueOnce(undefined)
    await act(async () => {
      saved = await hook.result.current.flush()
    })
    expect(saved).toBe(true)
    expect(hook.result.current.status).toBe('saved')
  })
})
