import { describe, expect, it } from 'vitest'
import { dispatch } from './dispatch'
import { AppError } from './result'
import type { Handlers } from './handlers'

const handlers = {
  getSettings: async () => ({ theme: 'dark' }),
  dismissNotice: async ({ id }: { id: string }) => {
    if (id === 'boom') throw new Error('disk on fire')
    throw new AppError('NOT_FOUND', `No notice with id ${id}.`)
  }
} as unknown as Handlers

describe('dispatch', () => {
  it('returns the handler’s value as ok', async () => {
    expect(await dispatch(handlers, 'getSettings', {})).toEqual({ ok: true, value: { theme: 'dark' } })
  })

  it('treats a missing input as an empty object', async () => {
    expect(await dispatch(handlers, 'getSettings', undefined)).toMatchObject({ ok: true })
  })

  it.each([
    ['getSettings', { extra: 1 }],
    ['dismissNotice', {}],
    ['dismissNotice', { id: '' }],
    ['dismissNotice', 'id'],
    ['updateSettings', { theme: 'purple' }]
  ])('rejects invalid input for %s', async (method, input) => {
    const result = await dispatch(handlers, method, input)
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    if (!result.ok) expect(result.error.message).toContain(method)
  })

  it('names an unknown method, including prototype keys', async () => {
    for (const name of ['nope', 'toString', '__proto__', 'constructor']) {
      expect(await dispatch(handlers, name, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
    }
  })

  it('keeps an AppError’s code and message, and wraps anything else as INTERNAL', async () => {
    expect(await dispatch(handlers, 'dismissNotice', { id: 'x' })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No notice with id x.' }
    })
    expect(await dispatch(handlers, 'dismissNotice', { id: 'boom' })).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringContaining('disk on fire') }
    })
  })
})
