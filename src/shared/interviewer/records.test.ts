import { describe, expect, it } from 'vitest'
import { threadText } from './records'

describe('threadText', () => {
  it('keeps the answer first and unchanged, and adds each reply given', () => {
    expect(threadText('  Kafka then Spark.', [{ reply: ' Lag alerts. ' }, { reply: '   ' }])).toBe('  Kafka then Spark.\n\nLag alerts.')
  })
  it('is the answer itself when no follow-up was answered, and the replies alone without an answer', () => {
    expect(threadText('Kafka.', [])).toBe('Kafka.')
    expect(threadText(' ', [{ reply: 'Lag alerts.' }])).toBe('Lag alerts.')
  })

  it('adds the clarifying questions asked after the replies, so the rubric hears them', () => {
    expect(threadText('Kafka.', [{ reply: 'Lag alerts.' }], [{ asked: ' What metrics matter? ' }, { asked: 'How many users?' }])).toBe(
      'Kafka.\n\nLag alerts.\n\nClarifying questions I asked: What metrics matter? How many users?'
    )
    expect(threadText('Kafka.', [], [])).toBe('Kafka.')
  })
})
