import { describe, expect, it } from 'vitest'
import { promptBeyondTitle } from './prompt-beyond-title'

describe('promptBeyondTitle', () => {
  it('is empty when the prompt only repeats the title', () => {
    expect(promptBeyondTitle('Design a movie booking system', 'Design a movie booking system')).toBe('')
    expect(promptBeyondTitle('Why Medallion?', '**Why Medallion**')).toBe('')
  })

  it('drops a first line that is the title and keeps the rest', () => {
    const title = 'Construct a pipeline for near-RT ingestion of IoT data.'
    const prompt = `${title}\nIt should support ad-hoc monitoring at Netflix scale.`
    expect(promptBeyondTitle(title, prompt)).toBe('It should support ad-hoc monitoring at Netflix scale.')
  })

  it('keeps a prompt that says something else', () => {
    expect(promptBeyondTitle('Uber', 'Design the trip pipeline of a ride-hailing app.')).toBe('Design the trip pipeline of a ride-hailing app.')
  })
})
