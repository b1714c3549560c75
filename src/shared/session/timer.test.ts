import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  advancePhase,
  createTimer,
  finishTimer,
  pauseTimer,
  resumeTimer,
  snapshotTimer,
  startTimer,
  timerEventsBetween,
  TimerStateSchema,
  warningName
} from './timer'
import type { TimerConfig, TimerEvent, TimerState } from './timer'

const T0 = 1_700_000_000_000
const sec = (s: number): number => T0 + s * 1000

const behavioral = {
  phases: [
    { id: 'think', label: 'Think', durationMs: 60_000 },
    { id: 'answer', label: 'Answer', durationMs: 180_000 }
  ]
}

function started(config: TimerConfig = behavioral, at = T0): TimerState {
  return startTimer(createTimer(config, at - 5_000), at)
}

/** What a UI loop would hear, ticking at the given wall-clock instants. */
function eventsOverTicks(state: TimerState, ticks: number[]): TimerEvent[] {
  const heard: TimerEvent[] = []
  for (let i = 1; i < ticks.length; i++) heard.push(...timerEventsBetween(state, ticks[i - 1]!, ticks[i]!))
  return heard
}

const types = (events: TimerEvent[]): string[] => events.map((event) => event.type)

describe('timer phases', () => {
  it('reads as the first phase, full time left, before it starts', () => {
    const idle = createTimer(behavioral, T0)
    const snap = snapshotTimer(idle, sec(100))
    expect(snap).toMatchObject({
      status: 'idle',
      phaseId: 'think',
      phaseIndex: 0,
      elapsedMs: 0,
      remainingMs: 60_000,
      warning: null,
      isOvertime: false,
      isPaused: false,
      isFinished: false
    })
    expect(timerEventsBetween(idle, T0, sec(1000))).toEqual([])
  })

  it('walks think → answer → 1 min warning → 15 s warning → overtime counting up', () => {
    const timer = started()
    expect(snapshotTimer(timer, sec(30))).toMatchObject({
      status: 'running',
      phaseId: 'think',
      phaseLabel: 'Think',
      elapsedMs: 30_000,
      remainingMs: 30_000,
      warning: null
    })
    // A phase is over the instant it runs out.
    expect(snapshotTimer(timer, sec(60))).toMatchObject({
      phaseId: 'answer',
      phaseIndex: 1,
      elapsedMs: 0,
      remainingMs: 180_000,
      totalElapsedMs: 60_000
    })
    expect(snapshotTimer(timer, sec(179.999)).warning).toBeNull()
    expect(snapshotTimer(timer, sec(180))).toMatchObject({ remainingMs: 60_000, warning: '1m' })
    expect(snapshotTimer(timer, sec(224)).warning).toBe('1m')
    expect(snapshotTimer(timer, sec(225))).toMatchObject({ remainingMs: 15_000, warning: '15s' })
    expect(snapshotTimer(timer, sec(240))).toMatchObject({
      remainingMs: 0,
      overtimeMs: 0,
      isOvertime: true,
      warning: null,
      isFinished: false
    })
    expect(snapshotTimer(timer, sec(250))).toMatchObject({ phaseId: 'answer', overtimeMs: 10_000, isOvertime: true })
    expect(snapshotTimer(timer, sec(3600)).overtimeMs).toBe(3600_000 - 240_000)
  })

  it('auto-advances through several non-final phases', () => {
    const timer = started({
      phases: [
        { id: 'read', label: 'Read', durationMs: 30_000 },
        { id: 'think', label: 'Think', durationMs: 30_000 },
        { id: 'answer', label: 'Answer', durationMs: 120_000 }
      ]
    })
    expect(snapshotTimer(timer, sec(45)).phaseId).toBe('think')
    expect(snapshotTimer(timer, sec(61))).toMatchObject({ phaseId: 'answer', elapsedMs: 1000 })
    expect(types(timerEventsBetween(timer, T0, sec(61)))).toEqual(['phase-change', 'phase-change'])
  })
})

describe('timer events', () => {
  const expected = [
    { type: 'phase-change', atMs: 60_000, at: sec(60), phaseId: 'answer', phaseIndex: 1 },
    { type: 'warning-1m', atMs: 180_000, at: sec(180), phaseId: 'answer', phaseIndex: 1 },
    { type: 'warning-15s', atMs: 225_000, at: sec(225), phaseId: 'answer', phaseIndex: 1 },
    { type: 'overtime', atMs: 240_000, at: sec(240), phaseId: 'answer', phaseIndex: 1 }
  ]

  it('reports each event once when ticking every second', () => {
    const ticks = Array.from({ length: 400 }, (_, i) => sec(i))
    expect(eventsOverTicks(started(), ticks)).toEqual(expected)
  })

  it('reports every event once when a single late tick skips over all of them', () => {
    expect(timerEventsBetween(started(), T0, sec(500))).toEqual(expected)
    expect(timerEventsBetween(started(), sec(500), sec(900))).toEqual([])
  })

  it('treats the window as (from, to]: an event on a tick belongs to that tick only', () => {
    const timer = started()
    expect(types(timerEventsBetween(timer, sec(59), sec(60)))).toEqual(['phase-change'])
    expect(timerEventsBetween(timer, sec(60), sec(61))).toEqual([])
  })

  it('reports the same events however irregular the ticks', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400_000 }), { maxLength: 40 }), (offsets) => {
        const ticks = [T0, ...offsets.map((ms) => T0 + ms).sort((a, b) => a - b), sec(400)]
        expect(eventsOverTicks(started(), ticks)).toEqual(expected)
      })
    )
  })

  it('names custom warnings and drops those not shorter than the last phase', () => {
    const timer = started({ ...behavioral, warningsMs: [30_000, 180_000, 90_000, 30_000] })
    expect(timer.warningsMs).toEqual([180_000, 90_000, 30_000])
    expect(types(timerEventsBetween(timer, T0, sec(500)))).toEqual([
      'phase-change',
      'warning-90s',
      'warning-30s',
      'overtime'
    ])
    expect(snapshotTimer(timer, sec(100)).warning).toBeNull()
    expect(snapshotTimer(timer, sec(150)).warning).toBe('90s')
    expect(warningName(120_000)).toBe('2m')
  })

  it('applies no warnings before the last phase', () => {
    const timer = started({
      phases: [
        { id: 'clarify', label: 'Clarify', durationMs: 300_000 },
        { id: 'design', label: 'Design', durationMs: 2_100_000 }
      ]
    })
    expect(snapshotTimer(timer, sec(290)).warning).toBeNull()
    expect(types(timerEventsBetween(timer, T0, sec(299)))).toEqual([])
    expect(timerEventsBetween(timer, T0, sec(2400)).map((event) => [event.type, event.atMs])).toEqual([
      ['phase-change', 300_000],
      ['warning-1m', 2_340_000],
      ['warning-15s', 2_385_000],
      ['overtime', 2_400_000]
    ])
  })
})

describe('pause and resume', () => {
  it('freezes the reading while paused and shifts every deadline by the paused time', () => {
    const paused = pauseTimer(started(), sec(170))
    expect(snapshotTimer(paused, sec(170))).toMatchObject({ isPaused: true, status: 'paused', remainingMs: 70_000 })
    expect(snapshotTimer(paused, sec(10_000))).toMatchObject({ isPaused: true, remainingMs: 70_000, warning: null })

    const resumed = resumeTimer(paused, sec(670))
    expect(snapshotTimer(resumed, sec(670))).toMatchObject({ isPaused: false, remainingMs: 70_000 })
    expect(snapshotTimer(resumed, sec(680))).toMatchObject({ remainingMs: 60_000, warning: '1m' })
    expect(snapshotTimer(resumed, sec(740))).toMatchObject({ isOvertime: true, overtimeMs: 0 })
    expect(snapshotTimer(resumed, sec(750)).overtimeMs).toBe(10_000)
  })

  it('fires no event while paused, and fires the shifted ones once after', () => {
    const paused = pauseTimer(started(), sec(170))
    // Ticks during the pause, read with the paused state and again with the resumed one.
    expect(timerEventsBetween(paused, sec(170), sec(5000))).toEqual([])
    const resumed = resumeTimer(paused, sec(670))
    expect(timerEventsBetween(resumed, sec(170), sec(670))).toEqual([])

    const ticks = Array.from({ length: 1000 }, (_, i) => sec(i))
    expect(eventsOverTicks(resumed, ticks).map((event) => [event.type, event.at])).toEqual([
      ['phase-change', sec(60)],
      ['warning-1m', sec(680)],
      ['warning-15s', sec(725)],
      ['overtime', sec(740)]
    ])
  })

  it('handles several pauses, including one within the first phase', () => {
    let timer = started()
    timer = resumeTimer(pauseTimer(timer, sec(10)), sec(20))
    timer = resumeTimer(pauseTimer(timer, sec(100)), sec(130))
    expect(snapshotTimer(timer, sec(100)).totalElapsedMs).toBe(90_000)
    expect(snapshotTimer(timer, sec(130)).totalElapsedMs).toBe(90_000)
    expect(timerEventsBetween(timer, T0, sec(1000)).map((event) => [event.type, event.at])).toEqual([
      ['phase-change', sec(70)],
      ['warning-1m', sec(220)],
      ['warning-15s', sec(265)],
      ['overtime', sec(280)]
    ])
  })

  it('ignores pause and resume when they make no sense', () => {
    const idle = createTimer(behavioral, T0)
    expect(pauseTimer(idle, T0)).toBe(idle)
    const running = started()
    expect(resumeTimer(running, sec(5))).toBe(running)
    const paused = pauseTimer(running, sec(5))
    expect(pauseTimer(paused, sec(6))).toBe(paused)
    expect(startTimer(running, sec(9))).toBe(running)
    const finished = finishTimer(running, sec(5))
    expect(pauseTimer(finished, sec(6))).toBe(finished)
  })
})

describe('early advance and finish', () => {
  it('starts the next phase at once, with its full duration', () => {
    const timer = advancePhase(started(), sec(10))
    expect(snapshotTimer(timer, sec(10))).toMatchObject({ phaseId: 'answer', elapsedMs: 0, remainingMs: 180_000 })
    expect(snapshotTimer(timer, sec(130))).toMatchObject({ remainingMs: 60_000, warning: '1m' })
    expect(timerEventsBetween(timer, T0, sec(1000)).map((event) => [event.type, event.at])).toEqual([
      ['phase-change', sec(10)],
      ['warning-1m', sec(130)],
      ['warning-15s', sec(175)],
      ['overtime', sec(190)]
    ])
  })

  it('still reports events before the advance from the latest state', () => {
    const timer = advancePhase(
      started({
        phases: [
          { id: 'read', label: 'Read', durationMs: 30_000 },
          { id: 'think', label: 'Think', durationMs: 30_000 },
          { id: 'answer', label: 'Answer', durationMs: 120_000 }
        ]
      }),
      sec(40)
    )
    expect(timerEventsBetween(timer, T0, sec(40)).map((event) => [event.phaseId, event.at])).toEqual([
      ['think', sec(30)],
      ['answer', sec(40)]
    ])
  })

  it('finishes the timer when advancing from the last phase, freezing the reading', () => {
    const timer = advancePhase(started(), sec(250))
    expect(snapshotTimer(timer, sec(250))).toMatchObject({ isFinished: true, status: 'finished', overtimeMs: 10_000 })
    expect(snapshotTimer(timer, sec(9999))).toMatchObject({ isFinished: true, overtimeMs: 10_000, isOvertime: true })
    expect(types(timerEventsBetween(timer, sec(239), sec(9999)))).toEqual(['overtime', 'finished'])
    expect(advancePhase(timer, sec(300))).toBe(timer)
    expect(resumeTimer(timer, sec(300))).toBe(timer)
  })

  it('reports nothing scheduled after an early finish', () => {
    const timer = finishTimer(advancePhase(started(), sec(10)), sec(20))
    expect(timerEventsBetween(timer, T0, sec(1000)).map((event) => [event.type, event.at])).toEqual([
      ['phase-change', sec(10)],
      ['finished', sec(20)]
    ])
    expect(snapshotTimer(timer, sec(1000))).toMatchObject({ elapsedMs: 10_000, remainingMs: 170_000, warning: null })
  })

  it('reports an advance made while paused once, after the instant it was made', () => {
    const paused = pauseTimer(started(), sec(30))
    // The UI ticked during the pause, before the candidate clicked "start answering".
    const ticksBefore = timerEventsBetween(paused, sec(30), sec(40))
    const advanced = advancePhase(paused, sec(45))
    expect(snapshotTimer(advanced, sec(50))).toMatchObject({ phaseId: 'answer', isPaused: true, elapsedMs: 0 })
    const resumed = resumeTimer(advanced, sec(100))
    const heard = [...ticksBefore, ...eventsOverTicks(resumed, [sec(40), sec(45), sec(100), sec(1000)])]
    expect(heard.map((event) => [event.type, event.at, event.atMs])).toEqual([
      ['phase-change', sec(45), 30_000],
      ['warning-1m', sec(220), 150_000],
      ['warning-15s', sec(265), 195_000],
      ['overtime', sec(280), 210_000]
    ])
  })

  it('does nothing to a timer that has not started', () => {
    const idle = createTimer(behavioral, T0)
    expect(advancePhase(idle, sec(1))).toBe(idle)
    expect(finishTimer(idle, sec(1))).toBe(idle)
  })
})

describe('timer state', () => {
  it('survives a JSON round trip mid-phase with the same reading and events', () => {
    let timer = started()
    timer = resumeTimer(pauseTimer(timer, sec(20)), sec(50))
    timer = advancePhase(timer, sec(70))
    const restored = TimerStateSchema.parse(JSON.parse(JSON.stringify(timer)))
    expect(restored).toEqual(timer)
    for (const at of [sec(75), sec(180), sec(400)]) {
      expect(snapshotTimer(restored, at)).toEqual(snapshotTimer(timer, at))
    }
    expect(timerEventsBetween(restored, T0, sec(1000))).toEqual(timerEventsBetween(timer, T0, sec(1000)))
    expect(snapshotTimer(restored, sec(100))).toMatchObject({ phaseId: 'answer', elapsedMs: 30_000 })
  })

  it('keeps a paused state paused after a reload', () => {
    const paused = pauseTimer(started(), sec(100))
    const restored = TimerStateSchema.parse(JSON.parse(JSON.stringify(paused)))
    expect(snapshotTimer(restored, sec(5000))).toEqual(snapshotTimer(paused, sec(100)))
  })

  it('clamps a wall clock set back before the start', () => {
    expect(snapshotTimer(started(), T0 - 60_000)).toMatchObject({ totalElapsedMs: 0, phaseId: 'think' })
    const paused = pauseTimer(started(), T0 - 60_000)
    expect(snapshotTimer(resumeTimer(paused, T0 - 90_000), sec(10)).totalElapsedMs).toBe(10_000)
  })

  it('rejects configurations it cannot run', () => {
    expect(() => createTimer({ phases: [] }, T0)).toThrow(RangeError)
    expect(() => createTimer({ phases: [{ id: 'a', label: 'A', durationMs: 0 }] }, T0)).toThrow(RangeError)
    expect(() => createTimer({ phases: [{ id: 'a', label: 'A', durationMs: Number.NaN }] }, T0)).toThrow(RangeError)
    expect(() => createTimer({ ...behavioral, warningsMs: [-1] }, T0)).toThrow(RangeError)
  })
})
