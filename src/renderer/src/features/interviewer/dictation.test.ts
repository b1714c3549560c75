import { describe, expect, it } from 'vitest'
import { AppError } from '@shared/api/result'
import { appendDictated, joinPcm, noteForTranscribeError } from './dictation'

describe('appendDictated', () => {
  it('fills an empty field with the words', () => {
    expect(appendDictated('', '  What metrics matter? ')).toBe('What metrics matter?')
    expect(appendDictated('   ', 'How many users?')).toBe('How many users?')
  })

  it('appends after what was typed, never replacing it', () => {
    expect(appendDictated('We would use Kafka.', 'Partitions by user id.')).toBe('We would use Kafka. Partitions by user id.')
    expect(appendDictated('First line\n', 'second')).toBe('First line\nsecond')
  })

  it('leaves the field as it is when nothing was recognised', () => {
    expect(appendDictated('typed so far', '   ')).toBe('typed so far')
  })
})

describe('noteForTranscribeError', () => {
  it('points a missing model to Settings → Models and says typing still works', () => {
    const note = noteForTranscribeError(new AppError('MODEL_MISSING', 'No Whisper model is installed. Download one in Settings → Models.'), 'clarify')
    expect(note).toMatchObject({ severity: 'warning', settingsLink: true })
    expect(note.text).toBe('No Whisper model is installed. Download one in Settings → Models. Until then, type your question.')
  })

  it('says what failed and that the reply can be typed', () => {
    const note = noteForTranscribeError(new AppError('WHISPER_FAILED', 'whisper.cpp exited with code 1.'), 'follow-up')
    expect(note).toMatchObject({ severity: 'error' })
    expect(note.settingsLink).toBeUndefined()
    expect(note.text).toMatch(/reply could not be transcribed: whisper.cpp exited with code 1\. You can type your reply instead\./)
  })
})

describe('joinPcm', () => {
  it('concatenates the chunks in order', () => {
    const joined = joinPcm([Int16Array.from([1, 2]).buffer, new ArrayBuffer(0), Int16Array.from([3]).buffer])
    expect([...new Int16Array(joined)]).toEqual([1, 2, 3])
  })
})
