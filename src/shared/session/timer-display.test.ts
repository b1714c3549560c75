import { describe, expect, it } from 'vitest'
import { advancePhase, createTimer, finishTimer, pauseTimer, startTimer } from './timer'
import { describeTimer, formatClock, formatDurationLabel, parseClock } from './timer-display'

const T0 = 1_700_000_000_000
const star = createTimer(
  {
    phases: [
      { id: 'think', label: 'Think', durationMs: 60_000 },
      { id: 'answer', label: 'Answer', durationMs: 180_000 }
    ]
  },
  T0
)
const running = startTimer(star, T0)

describe('formatClock', () => {
  it('formats minutes and seconds, and hours when needed', () => {
    expect(formatClock(0)).toBe('0:00')
    expect(formatClock(59_999)).toBe('0:59')
    expect(formatClock(59_001, 'up')).toBe('1:00')
    expect(formatClock(180_000)).toBe('3:00')
    expect(formatClock(3_723_000)).toBe('1:02:03')
    expect(formatClock(-5_000)).toBe('0:00')
  })

  it('labels durations in words', () => {
    expect(formatDurationLabel(45_000)).toBe('45 s')
    expect(formatDurationLabel(180_000)).toBe('3 min')
    expect(formatDurationLabel(90_000)).toBe('1 min 30 s')
  })
})

describe('parseClock', () => {
  it.each([
    ['90', 90_000],
    ['1:30', 90_000],
    ['0:01', 1_000],
    ['1:00:00', 3_600_000],
    ['3m', 180_000],
    ['45s', 45_000],
    ['1m30s', 90_000],
    ['2 min', 120_000],
    [' 5 minutes ', 300_000],
    ['0', 0]
  ])('reads %j as %i ms', (text, ms) => {
    expect(parseClock(text)).toBe(ms)
  })

  it.each(['', 'abc', '1:75', '-3', '1.5', 'm', '3 parsecs'])('rejects %j', (text) => {
    expect(parseClock(text)).toBeNull()
  })
})

describe('describeTimer', () => {
  it('counts the prep phase down, rounding up so the clock never shows 0:00 early', () => {
    const display = describeTimer(running, T0 + 500)
    expect(display.snapshot.phaseLabel).toBe('Think')
    expect(display.clock).toBe('1:00')
    expect(display.tone).toBe('calm')
    expect(describeTimer(star, T0).tone).toBe('idle')
  })

  it('warns at one minute, then urgently at fifteen seconds', () => {
    const answerEnd = T0 + 60_000 + 180_000
    expect(describeTimer(running, answerEnd - 61_000).tone).toBe('calm')
    const oneMinute = describeTimer(running, answerEnd - 60_000)
    expect(oneMinute).toMatchObject({ tone: 'warning', clock: '1:00', alert: '1 min left' })
    const last = describeTimer(running, answerEnd - 10_000)
    expect(last).toMatchObject({ tone: 'urgent', clock: '0:10', alert: '15 s left' })
  })

  it('counts overtime up', () => {
    const over = describeTimer(running, T0 + 240_000 + 65_000)
    expect(over).toMatchObject({ tone: 'overtime', clock: '+1:05' })
    expect(over.alert).toMatch(/Over time by 1 min 5 s/)
  })

  it('shows paused and finished timers without alerts', () => {
    const paused = pauseTimer(running, T0 + 10_000)
    expect(describeTimer(paused, T0 + 99_000)).toMatchObject({ tone: 'paused', clock: '0:50', alert: null })
    const finished = finishTimer(advancePhase(running, T0 + 5_000), T0 + 20_000)
    expect(describeTimer(finished, T0 + 99_000)).toMatchObject({ tone: 'finished', alert: null })
  })

  it('drops warnings longer than a short answer phase', () => {
    const short = startTimer(createTimer({ phases: [{ id: 'answer', label: 'Answer', durationMs: 17_000 }] }, T0), T0)
    expect(describeTimer(short, T0 + 1_000).tone).toBe('calm')
    expect(describeTimer(short, T0 + 3_000)).toMatchObject({ tone: 'urgent', alert: '15 s left' })
  })
})
