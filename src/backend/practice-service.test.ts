import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createBackend } from './create-backend'

describe('practice through the backend', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mockroom-practice-'))
  let now = new Date(2025, 2, 3, 10, 0)
  const ready = createBackend({ dataDir, appRoot: join(__dirname, '..', '..'), host: 'test', now: () => now })
  afterAll(async () => {
    await (await ready).close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('reviews a question when its answer is scored and says when it is due', async () => {
    const { api } = await ready
    const library = await api.getLibrary({})
    const [q1, q2] = library.questions.filter((q) => q.kind === 'behavioral')
    await api.saveTypedAnswer({ sessionId: null, questionId: q1!.id, text: 'we did some stuff' })
    await api.saveTypedAnswer({ sessionId: null, questionId: q2!.id, text: '' })
    const today = await api.getPractice({})
    expect(today.cards.map((c) => c.questionId)).toEqual([q1!.id])
    expect(today.cards[0]!.lastRating).toBe(1) // a weak answer: Again
    expect(today.dueToday).toEqual([])

    now = new Date(2025, 2, 4, 9, 0)
    expect((await api.getPractice({})).dueToday).toEqual([q1!.id])

    // Deleting the answer forgets its review.
    const [answer] = await api.listAnswers({ questionId: q1!.id })
    await api.deleteAnswer({ id: answer!.id })
    expect((await api.getPractice({})).cards).toEqual([])
  }, 60_000)

  it('stars and unstars questions, refusing unknown ones', async () => {
    const { api } = await ready
    const library = await api.getLibrary({})
    const [a, b] = library.questions
    await api.setFavorite({ questionId: a!.id, favorite: true })
    now = new Date(now.getTime() + 1000)
    expect((await api.setFavorite({ questionId: b!.id, favorite: true })).favorites).toEqual([b!.id, a!.id])
    expect((await api.setFavorite({ questionId: b!.id, favorite: false })).favorites).toEqual([a!.id])
    await expect(api.setFavorite({ questionId: 'no-such-question', favorite: true })).rejects.toThrow(/No question/)
  })
})
