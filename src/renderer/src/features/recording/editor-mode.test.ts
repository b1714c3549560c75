import { describe, expect, it } from 'vitest'
import type { AnswerRecord } from '@shared/answers'
import { editorModeOf } from './editor-mode'

function answerIn(state: AnswerRecord['state'], text = ''): AnswerRecord {
  return { state, text } as unknown as AnswerRecord
}

describe('editorModeOf: the one editor follows the answer', () => {
  it.each([
    ['no answer yet', null, { kind: 'type', label: 'Type your answer' }],
    ['an empty answer', answerIn('empty'), { kind: 'type', label: 'Type your answer' }],
    ['a typed answer', answerIn('typed'), { kind: 'type', label: 'Your typed answer' }],
    ['a recording', answerIn('recording'), { kind: 'none' }],
    ['a transcription running, no words yet', answerIn('transcribing'), { kind: 'correct', action: 'Type what you said' }],
    ['a transcription running, words heard', answerIn('transcribing', 'I would'), { kind: 'correct', action: 'Correct the transcript' }],
    ['a transcript', answerIn('ready', 'I would use Kafka'), { kind: 'correct', action: 'Correct the transcript' }],
    ['a corrected transcript', answerIn('corrected', 'I would use Kafka'), { kind: 'correct', action: 'Edit your correction' }],
    ['a recording with no words heard', answerIn('ready', '  '), { kind: 'correct', action: 'Type what you said' }],
    ['a failed transcription', answerIn('failed'), { kind: 'correct', action: 'Type what you said' }]
  ])('%s', (_, answer, expected) => {
    expect(editorModeOf(answer, false)).toMatchObject(expected)
  })

  it('offers nothing while the microphone is open, whatever the answer holds', () => {
    expect(editorModeOf(null, true)).toEqual({ kind: 'none' })
    expect(editorModeOf(answerIn('typed'), true)).toEqual({ kind: 'none' })
  })
})
