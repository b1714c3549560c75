import { describe, expect, it } from 'vitest'
import { Rating } from 'ts-fsrs'
import { ratingForScore, ratingLabel } from './rating'

describe('ratingForScore', () => {
  it.each([
    [0, Rating.Again],
    [39, Rating.Again],
    [39.9, Rating.Again],
    [40, Rating.Hard],
    [59, Rating.Hard],
    [60, Rating.Good],
    [79, Rating.Good],
    [80, Rating.Easy],
    [100, Rating.Easy]
  ])('score %d → rating %d', (score, rating) => {
    expect(ratingForScore(score)).toBe(rating)
  })

  it('clamps scores outside 0–100 and treats NaN as 0', () => {
    expect(ratingForScore(-5)).toBe(Rating.Again)
    expect(ratingForScore(140)).toBe(Rating.Easy)
    expect(ratingForScore(Number.NaN)).toBe(Rating.Again)
  })

  it('names every rating', () => {
    expect([Rating.Again, Rating.Hard, Rating.Good, Rating.Easy].map((r) => ratingLabel(r as 1 | 2 | 3 | 4))).toEqual(['Again', 'Hard', 'Good', 'Easy'])
  })
})
