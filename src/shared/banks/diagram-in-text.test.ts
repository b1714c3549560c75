import { describe, expect, it } from 'vitest'
import { isDiagramInText } from './diagram-in-text'

describe('isDiagramInText', () => {
  it('finds box art copied from a code block of the answer', () => {
    const art = '┌──────┐\n│ Kafka │──▶ Spark\n└──────┘'
    expect(isDiagramInText(art, `Use a stream.\n\n\`\`\`\n${art}\n\`\`\`\n\nThen store it.`)).toBe(true)
  })

  it('finds an arrow chain written in bold markdown', () => {
    expect(isDiagramInText('Key-based routing: Same key → same partition → order', '- **Key-based routing**: Same key → same partition → order.')).toBe(true)
  })

  it('says no for a diagram the text does not hold, or no text', () => {
    expect(isDiagramInText('Bronze → Silver → Gold', 'Land raw data, then clean it.')).toBe(false)
    expect(isDiagramInText('Bronze → Silver → Gold', null)).toBe(false)
    expect(isDiagramInText('   ', 'anything')).toBe(false)
  })
})
