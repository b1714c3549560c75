/**
 * Whisper treats the prompt as the text that came just before the audio, so the prompt steers
 * spelling and style: the question's key terms make it write "Kafka" rather than "Cafca", and a
 * prompt that itself contains fillers keeps it from tidying the candidate's "um"s away (the
 * delivery score counts them).
 */
const FILLER_LEAD = 'Um, uh, so, like, I think'
const FILLER_TAIL = 'Uh, you know, hmm.'

/** Whisper keeps only the last ~224 tokens of a prompt; about 4 characters a token. */
const MAX_PROMPT_CHARS = 600
const MAX_TERM_CHARS = 60

export function buildTranscriptionPrompt(keyTerms: readonly string[] = []): string {
  const seen = new Set<string>()
  const terms: string[] = []
  let length = FILLER_LEAD.length + FILLER_TAIL.length + 4
  for (const raw of keyTerms) {
    // Control characters and newlines in a bank file would end up in the child's argv.
    const term = raw.replace(/[\p{Cc}\p{Cf}]+/gu, ' ').replace(/\s+/g, ' ').trim()
    const key = term.toLowerCase()
    if (!term || term.length > MAX_TERM_CHARS || seen.has(key)) continue
    if (length + term.length + 2 > MAX_PROMPT_CHARS) break
    seen.add(key)
    terms.push(term)
    length += term.length + 2
  }
  const middle = terms.length > 0 ? ` ${terms.join(', ')}.` : ' it depends.'
  return `${FILLER_LEAD}${middle} ${FILLER_TAIL}`
}
