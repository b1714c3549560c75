// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AnswerRecord } from '@shared/answers'
import { AnswerEditor } from './AnswerEditor'
import type { RecordingActions } from './use-recording-actions'

afterEach(cleanup)

/** A recorded answer whose transcript is done, as the editor reads it. */
const recorded = { state: 'ready', source: 'recorded', text: 'we used kafka', currentTakeId: 't1' } as AnswerRecord

function setup() {
  const saveCorrection = vi.fn(async () => true)
  const actions = { answer: recorded, loaded: true, active: false, busy: false, saveCorrection } as unknown as RecordingActions
  const flushes = new Set<() => Promise<unknown>>()
  const registerFlush = (flush: () => Promise<unknown>) => {
    flushes.add(flush)
    return () => void flushes.delete(flush)
  }
  render(<AnswerEditor actions={actions} registerFlush={registerFlush} />)
  const flushAll = () => Promise.all([...flushes].map((flush) => flush()))
  return { saveCorrection, flushes, flushAll }
}

describe('AnswerEditor', () => {
  it('an open correction is saved to its take when the page moves on, not dropped', async () => {
    const { saveCorrection, flushes, flushAll } = setup()
    fireEvent.click(screen.getByTestId('correct-answer-button'))
    // Opened but unchanged: nothing to save.
    expect(flushes.size).toBe(0)
    fireEvent.change(screen.getByTestId('answer-text-input'), { target: { value: 'we used Kafka and Flink' } })
    expect(flushes.size).toBe(1)
    await act(flushAll)
    expect(saveCorrection).toHaveBeenCalledWith('t1', 'we used Kafka and Flink')
  })

  it('an open correction is also sent when the page goes away (reload, tab closed)', () => {
    const { saveCorrection } = setup()
    fireEvent.click(screen.getByTestId('correct-answer-button'))
    fireEvent.change(screen.getByTestId('answer-text-input'), { target: { value: 'we used Kafka' } })
    window.dispatchEvent(new Event('pagehide'))
    expect(saveCorrection).toHaveBeenCalledWith('t1', 'we used Kafka')
  })

  it('Cancel closes the correction and leaves nothing to save', () => {
    const { flushes } = setup()
    fireEvent.click(screen.getByTestId('correct-answer-button'))
    fireEvent.change(screen.getByTestId('answer-text-input'), { target: { value: 'changed my mind' } })
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(flushes.size).toBe(0)
  })
})
