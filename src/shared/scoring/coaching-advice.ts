import type { Rubric } from '../banks/types'
import { defined } from '../defined'
import type { TranscriptAnalysis } from './analysis'
import type { CoachingInput } from './coaching'
import { modelDecision, modelLineFor, shorten } from './coaching-model-answer'
import type { DetectorId } from './lexicon'
import { findPhrasesGreedy } from './phrases'
import type { CriterionResult } from './report-schema'
import { phraseTokens } from './tokens'

/**
 * What coaching says: the change and the line to say for a rubric concept, a STAR part or a
 * rejected pattern, and the candidate's own sentences, cleaned up to be quoted back.
 */

/** The answer's first sentence of a set, without its fillers. */
export function answerSentence(analysis: TranscriptAnalysis, sentenceIds: readonly number[]): string | null {
  const id = sentenceIds[0]
  return id === undefined ? null : withoutFillers(analysis, id)
}

/** "we migrated the jobs" → "I migrated the jobs": the candidate's own action, owned. */
export function owned(sentence: string): string {
  return sentence
    .replace(/\b[Ww]e(?='d|'ve|'re)/g, 'I')
    .replace(/\bI're\b/g, "I'm")
    .replace(/\b[Ww]e\b/g, 'I')
    .replace(/\bour\b/g, 'my')
    .replace(/\bus\b/g, 'me')
}

/** A sentence as said, fillers and the punctuation around them left out. */
export function withoutFillers(analysis: TranscriptAnalysis, sentenceId: number): string {
  const s = defined(analysis.sentences[sentenceId], `sentence ${sentenceId}`)
  const isFiller = new Set<number>()
  for (const hit of analysis.fillers) for (let i = hit.from; i < hit.to; i += 1) isFiller.add(i)
  let out = ''
  let previousEnd = -1
  for (const token of analysis.tokens.slice(s.first, s.last)) {
    const i = token.index
    if (isFiller.has(i)) continue
    // Keep what sat between two kept words ("the, uh, data" → "the data").
    const gap = previousEnd < 0 ? '' : isFiller.has(i - 1) ? ' ' : analysis.text.slice(previousEnd, token.start)
    out += gap + token.text
    previousEnd = token.end
  }
  const capitalized = out.charAt(0).toUpperCase() + out.slice(1)
  return capitalized.replace(/^(So|Yeah|Okay|Well|And|Sure)[,\s]+/i, '').replace(/^./, (c) => c.toUpperCase())
}

export function templateLine(rubric: Rubric, id: string): string | null {
  const part = rubric.template.find((p) => p.id === id)
  return part ? part.description : null
}

const preventionCues = ['monitoring', 'alert', 'validation', 'data quality', 'contract', 'test', 'retry', 'idempotent']

export const conceptAdvice: Record<string, { change: string; say: (input: CoachingInput) => string }> = {
  'trade-offs': {
    change: 'Name the trade-off',
    say: (input) => {
      const decision = modelDecision(input.question)
      if (decision) return `I chose ${decision.choice} over ${decision.other} because of ${decision.reason}; the price is the extra moving part.`
      const template = templateLine(input.rubric, 'trade-off')
      // The candidate's own tool, put in the template's shape: "When I chose A over B, why".
      const tool = findPhrasesGreedy(input.analysis.content, input.lexicon.technologies)[0]
      const name = tool ? input.analysis.content.slice(tool.from, tool.to).map((t) => t.text).join(' ') : null
      if (name) return `When I chose ${name} over …, it was because …; what we gave up was ….${template ? ` (${template})` : ''}`
      return 'I chose the simpler option over the more powerful one because it met the SLA; the price was less flexibility later.'
    }
  },
  'failure-stories': {
    change: 'Tell a real failure and its lesson',
    say: (input) => {
      const template = templateLine(input.rubric, 'failure')
      return `Once this went wrong for us: … broke, we found it after …, and the lesson I took was …${template ? ` (${template})` : ''}`
    }
  },
  prevention: {
    change: 'Say how you would prevent it',
    say: (input) => {
      const line = modelLineFor(input.question, preventionCues, undefined)
      return line ? `To prevent it: ${line}` : 'To prevent it I would add a data contract with validation at ingestion and an alert on freshness, so we hear before the users do.'
    }
  },
  'business-alignment': {
    change: 'Tie it to the business',
    say: () => 'This matters because the business needs … by … — a late or wrong number here costs … in revenue or trust.'
  },
  'success-story': {
    change: 'Give a success with its result',
    say: (input) => {
      const template = templateLine(input.rubric, 'success')
      return `On a similar project I built …, and as a result … went from … to …${template ? ` (${template})` : ''}`
    }
  },
  scalability: { change: 'Say how it scales', say: () => 'To scale it I would partition by … so the load spreads, and add consumers or nodes as volume grows.' },
  'clarifying-requirements': {
    change: 'Ask the clarifying questions',
    say: () => "First I'd ask how fresh the data must be, who consumes it, and what volume we expect."
  }
}

export const starAdvice = {
  situation: { change: 'Set the situation with its scale', say: 'At my last company we had … (the system, its size in rows or TB, the constraint), and it was causing ….' },
  task: { change: 'Say what you owned and what success meant', say: 'My task was to … by …, without ….' },
  action: { change: 'Walk through your steps, in order', say: 'First I …, then I …, and finally I … because ….' },
  result: { change: 'End on a measured result', say: 'As a result, … went from … to …, which saved … for the team.' }
} as const

export function detectorAdvice(detector: DetectorId, input: CoachingInput, criterion: CriterionResult): { change: string; say: string } {
  const quote = criterion.evidence[0]?.quote ?? ''
  switch (detector) {
    case 'tool-only': {
      const tokens = phraseTokens(quote)
      const tool = findPhrasesGreedy(tokens, input.lexicon.technologies)[0]
      const name = tool ? tokens.slice(tool.from, tool.to).map((t) => t.text).join(' ') : 'this tool'
      return { change: 'Give the reason with each tool', say: `I'd use ${name} because …, rather than …, which would cost ….` }
    }
    case 'absolutist': {
      const softened = shorten(quote.replace(/\balways\b/i, 'usually').replace(/\bnever\b/i, 'rarely').replace(/[.!]+$/, ''), 18)
      return { change: 'Add the condition instead of an absolute', say: `${softened || 'Usually that works'}, unless … — then I'd ….` }
    }
    case 'over-engineering':
      return {
        change: 'Size the design to the need',
        say: `For a need this size a scheduled batch job is enough; I'd add streaming or a cluster only when the volume or the latency requires it.`
      }
    case 'team-only': {
      const sentence = answerSentence(input.analysis, input.star?.weActionSentences ?? [])
      return {
        change: 'Say what you did, with "I"',
        say: sentence ? `My part: ${shorten(owned(sentence), 20)}` : 'My part was …: I …, and I ….'
      }
    }
    case 'results-without-numbers': {
      const vague = input.star?.roles.flatMap((role, i) => (role === 'vague-result' ? [i] : [])) ?? []
      const result = answerSentence(input.analysis, input.star?.resultSentences ?? []) ?? answerSentence(input.analysis, vague)
      return {
        change: starAdvice.result.change,
        say: result ? `Instead of "${shorten(result.replace(/[.!?]+$/, ''), 12)}", say: "As a result, … went from … to …, which saved …."` : starAdvice.result.say
      }
    }
    case 'rambling':
      return { change: 'Cut the context to two sentences', say: 'In short: … was too slow. My task was to …, so I … — and as a result … went from … to ….' }
  }
}

