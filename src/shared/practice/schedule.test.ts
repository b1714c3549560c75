import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Attempt } from './answer-adapter'
import { emptyPracticeState, type PracticeState } from './practice-schema'
import { dueQuestionIds, endOfLocalDay, practiceOverview } from './schedule'
import { syncCards } from './sync-cards'

/** A fake clock: local dates (so "today" means the same in any time zone), advanced by hand. */
function fakeClock(start: Date) {
  let now = start
  return {
    now: () => now,
    advanceDays(days: number) {
      now = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days, now.getHours(), now.getMinutes())
    }
  }
}

let counter = 0
function attempt(questionId: string, at: Date, score: number): Attempt & { score: number } {
  counter += 1
  return {
    answerId: `a${counter}`,
    questionId,
    sessionId: null,
    at: at.toISOString(),
    updatedAt: at.toISOString(),
    source: 'typed',
    scorable: true,
    pending: false,
    text: 'answer',
    words: undefined,
    transcript: null,
    durationMs: null,
    timeBoxMs: null,
    hasAudio: false,
    score
  }
}

const scoreOf = (a: Attempt) => (a as Attempt & { score: number }).score
const day = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
const dueDay = (state: PracticeState, questionId: string) => day(new Date(state.cards.find((c) => c.questionId === questionId)!.card.due))

describe('due dates after scored reviews', () => {
  beforeEach(() => {
    // Nothing may read the real clock: every time comes from the fake one.
    vi.useFakeTimers()
    vi.setSystemTime(new Date(2001, 0, 1))
  })
  afterEach(() => vi.useRealTimers())

  it('schedules a question from its scores: weak answers come back tomorrow, strong ones later', () => {
    const clock = fakeClock(new Date(2025, 2, 3, 9, 0))
    const attempts: Attempt[] = []
    let state = emptyPracticeState()
    const review = (questionId: string, score: number) => {
      attempts.push(attempt(questionId, clock.now(), score))
      state = syncCards(state, attempts, scoreOf).state
    }

    review('q1', 30) // Again
    expect(dueDay(state, 'q1')).toBe('2025-03-04')
    review('q2', 85) // Easy on a new card: 8 days
    expect(dueDay(state, 'q2')).toBe('2025-03-11')

    clock.advanceDays(1)
    expect(dueQuestionIds(state.cards, clock.now())).toEqual(['q1'])
    review('q1', 65) // Good after a lapse-free Again: a few days
    expect(dueDay(state, 'q1')).toBe('2025-03-07')
    expect(dueQuestionIds(state.cards, clock.now())).toEqual([])

    clock.advanceDays(3)
    expect(dueQuestionIds(state.cards, clock.now())).toEqual(['q1'])
    review('q1', 70) // Good again: the interval grows
    expect(dueDay(state, 'q1')).toBe('2025-03-15')

    clock.advanceDays(7) // 2025-03-14: q2 is due, q1 not yet
    expect(dueQuestionIds(state.cards, clock.now())).toEqual(['q2'])
    clock.advanceDays(1) // 2025-03-15: both are due, the most overdue first
    expect(dueQuestionIds(state.cards, clock.now())).toEqual(['q2', 'q1'])
    const card = state.cards.find((c) => c.questionId === 'q1')!
    expect(card.reviews.map((r) => [r.score, r.rating])).toEqual([
      [30, 1],
      [65, 3],
      [70, 3]
    ])
    expect(card.card.reps).toBe(3)
  })

  it('a failed answer on a learned question brings it back the next day', () => {
    const clock = fakeClock(new Date(2025, 5, 1, 20, 0))
    const attempts: Attempt[] = [attempt('q', clock.now(), 90)]
    clock.advanceDays(8)
    attempts.push(attempt('q', clock.now(), 20))
    const { state } = syncCards(emptyPracticeState(), attempts, scoreOf)
    expect(dueDay(state, 'q')).toBe('2025-06-10')
    expect(state.cards[0]!.card.lapses).toBe(1)
  })

  it('counts a card due later today as due today, and one due tomorrow morning as not', () => {
    const clock = fakeClock(new Date(2025, 2, 3, 8, 0))
    const { state } = syncCards(emptyPracticeState(), [attempt('q', clock.now(), 10)], scoreOf)
    // Due 2025-03-04 08:00: not today on the 3rd, due today from the 4th at midnight.
    expect(dueQuestionIds(state.cards, new Date(2025, 2, 3, 23, 0))).toEqual([])
    expect(dueQuestionIds(state.cards, new Date(2025, 2, 4, 0, 1))).toEqual(['q'])
    expect(endOfLocalDay(new Date(2025, 2, 4, 0, 1)).getDate()).toBe(4)
  })

  it('replays from scratch when an answer is corrected or deleted', () => {
    const clock = fakeClock(new Date(2025, 2, 3, 9, 0))
    const first = attempt('q', clock.now(), 20)
    clock.advanceDays(1)
    const second = attempt('q', clock.now(), 90)
    let { state } = syncCards(emptyPracticeState(), [first, second], scoreOf)
    const withBoth = state.cards[0]!.card.due

    // The first answer is corrected: a new updatedAt, a better score.
    const corrected = { ...first, updatedAt: new Date(2025, 2, 5).toISOString(), score: 85 }
    const afterEdit = syncCards(state, [corrected, second], scoreOf)
    expect(afterEdit.changed).toEqual(['q'])
    expect(afterEdit.state.cards[0]!.reviews.map((r) => r.score)).toEqual([85, 90])
    expect(afterEdit.state.cards[0]!.card.due > withBoth).toBe(true)

    // Only the second remains: the card is as if the first had never been.
    state = syncCards(afterEdit.state, [second], scoreOf).state
    const alone = syncCards(emptyPracticeState(), [second], scoreOf).state
    expect(state.cards[0]!.card).toEqual(alone.cards[0]!.card)

    // No answers left: no card.
    expect(syncCards(state, [], scoreOf).state.cards).toEqual([])
  })

  it('scores only new or changed answers, and keeps a review it cannot redo', () => {
    const clock = fakeClock(new Date(2025, 2, 3, 9, 0))
    const a = attempt('q', clock.now(), 50)
    const scorer = vi.fn(scoreOf)
    const { state } = syncCards(emptyPracticeState(), [a], scorer)
    expect(scorer).toHaveBeenCalledTimes(1)
    const again = syncCards(state, [a], scorer)
    expect(scorer).toHaveBeenCalledTimes(1)
    expect(again.changed).toEqual([])
    // Edited while its question is gone from the library: the old review stays.
    const kept = syncCards(state, [{ ...a, updatedAt: 'later' }], () => null)
    expect(kept.state.cards[0]!.reviews[0]!.score).toBe(50)
    // Being transcribed again: the old review stays until the new text is ready.
    expect(syncCards(state, [{ ...a, updatedAt: 'later', pending: true, scorable: false }], scorer).state.cards).toHaveLength(1)
  })

  it('lists favorites newest first and leaves questions gone from the library out of "due"', () => {
    const clock = fakeClock(new Date(2025, 2, 3, 9, 0))
    const { state } = syncCards(emptyPracticeState(), [attempt('gone', clock.now(), 0), attempt('here', clock.now(), 0)], scoreOf)
    const withFavorites: PracticeState = {
      ...state,
      favorites: [
        { questionId: 'x', addedAt: '2025-01-01T00:00:00Z' },
        { questionId: 'y', addedAt: '2025-02-01T00:00:00Z' }
      ]
    }
    clock.advanceDays(2)
    const overview = practiceOverview(withFavorites, clock.now(), (id) => id !== 'gone')
    expect(overview.dueToday).toEqual(['here'])
    expect(overview.favorites).toEqual(['y', 'x'])
    expect(overview.cards.map((c) => c.lastScore)).toEqual([0, 0])
  })
})
