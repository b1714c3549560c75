import type { Question, Rubric } from '../banks/types'
import type { TranscriptAnalysis } from './analysis'
import type { CompiledLexicon, CriterionMatcher } from './compile'
import type { DetectorId } from './lexicon'
import { hasScaleQuantity } from './numbers'
import { compilePhrases, findPhrases, findPhrasesGreedy, type PhraseSet } from './phrases'
import type { Checklist } from './profiles'
import type { ChecklistResult, CoachingItem, CriterionResult, DeliveryResult, KeyTermCoverage, ScoreComponent } from './report-schema'
import { roundTo } from './rounding'
import type { StarAnalysis } from './star'
import { phraseTokens, type Token } from './tokens'

/**
 * "Next time": the changes worth the most points on this answer, each with a line to say.
 * Candidates are every gap the report found (a missing checklist item or rubric criterion, a
 * weak STAR part, unsaid key terms, a rejected pattern, delivery), priced at the points closing
 * it would add; the line comes from the model answer's own words when it has one on that point,
 * from the rubric's answer template, or from the candidate's own sentence, rewritten.
 */

export interface CoachingInput {
  question: Question
  rubric: Rubric
  analysis: TranscriptAnalysis
  lexicon: CompiledLexicon
  components: readonly ScoreComponent[]
  criteria: readonly CriterionResult[]
  listenMatchers: ReadonlyMap<string, CriterionMatcher>
  checklist: { result: ChecklistResult; definition: Checklist } | null
  star: StarAnalysis | null
  keyTerms: KeyTermCoverage
  delivery: DeliveryResult
  deliveryValue: number | null
  penalties: ReadonlyArray<{ criterionId: string; points: number }>
  /** The SQL drill's advice (what the check found), when the answer has a drill and its query was not right first time. */
  correctness?: Pick<CoachingItem, 'change' | 'say'> | null
}

interface Candidate extends CoachingItem {
  /** Ties broken by a fixed order, so the advice is deterministic. */
  order: number
}

const coachingCount = 3
const maxQuoteWords = 22

interface ModelLine {
  text: string
  tokens: readonly Token[]
  /** A sentence someone would say, not a heading, a diagram label or a table row. */
  prose: boolean
  /** "Redis for state: Sub-millisecond reads for dashboard" → label and explanation. */
  label: string | null
  explanation: string | null
}

/** Model-answer lines, stripped of markdown and diagram art, cached per question. */
const modelLinesCache = new WeakMap<Question, ModelLine[]>()

function modelLines(question: Question): ModelLine[] {
  const cached = modelLinesCache.get(question)
  if (cached) return cached
  const lines: ModelLine[] = []
  let inFence = false
  for (const raw of (question.answer ?? '').split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(raw)) {
      inFence = !inFence
      continue
    }
    const table = /^\s*\|/.test(raw)
    const heading = /^\s*#{1,6}\s/.test(raw) || /^\s*(\*\*|__)[^*_]+(\*\*|__)\s*:?\s*$/.test(raw)
    const text = raw
      .replace(/[│┌┐└┘├┤┬┴┼─═║╔╗╚╝▶◀▼▲►◄→←↓↑•]+/g, ' ')
      .replace(/^\s*(?:#{1,6}|[-*+]|\d+[.)]|>)\s*/, '')
      .replace(/(\*\*|__|`)/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\s+/g, ' ')
      .trim()
    if (!/\p{L}{3,}/u.test(text) || text.length < 8 || table) continue
    const words = text.split(' ')
    const code = inFence && !/[a-z]{3,}\s+[a-z]{3,}\s+[a-z]{3,}/.test(text)
    const shouting = text === text.toUpperCase()
    const prose = !inFence && !heading && !shouting && words.length >= 6 && !/:$/.test(text) && !/^(select|from|where|with|create|insert|df\.|spark\.|def |import )/i.test(text)
    const labelled = !inFence && !code ? /^([^:]{2,40}):\s+(.{6,})$/.exec(text) : null
    lines.push({ text, tokens: phraseTokens(text), prose, label: labelled ? labelled[1]!.trim() : null, explanation: labelled ? labelled[2]!.trim() : null })
  }
  modelLinesCache.set(question, lines)
  return lines
}

function shorten(text: string, words = maxQuoteWords): string {
  const parts = text.replace(/\s+/g, ' ').trim().split(' ')
  const cut = parts.length > words ? `${parts.slice(0, words).join(' ')}…` : parts.join(' ')
  return cut.replace(/[\s:;,]+$/, '')
}

const lowerFirst = (text: string): string => (/^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text)

/** Cue sets compiled once per cue list (checklist items and advice are long-lived data). */
const cueCache = new WeakMap<object, PhraseSet>()

/** The first model-answer sentence that makes the point a checklist item is about. */
function modelLineFor(question: Question, cues: readonly (string | { phrase: string })[], detector: 'scale' | 'flow' | undefined): string | null {
  let set = cueCache.get(cues)
  if (!set) {
    set = compilePhrases(cues)
    cueCache.set(cues, set)
  }
  for (const line of modelLines(question)) {
    const tokens = line.tokens
    if (detector === 'scale') {
      if (hasScaleQuantity(tokens, 0, tokens.length, scaleWords) && line.text.split(' ').length >= 4) return shorten(line.text)
      continue
    }
    if (!line.prose) continue
    if (detector === 'flow') {
      if ((line.text.match(/\b(then|into|to|from|feeds|lands)\b/g) ?? []).length >= 2) return shorten(line.text)
      continue
    }
    if (findPhrases(tokens, set).length > 0) return shorten(line.text)
  }
  return null
}

/** How the model answer explains a term: its "Term: why" line, or a sentence that uses it. */
function modelExplanation(question: Question, term: string): string | null {
  const lower = term.toLowerCase()
  const lines = modelLines(question)
  const labelled = lines.find((l) => l.label !== null && l.label.toLowerCase().includes(lower))
  if (labelled) return `${labelled.label} — ${lowerFirst(shorten(labelled.explanation!, 16))}`
  const sentence = lines.find((l) => l.prose && l.text.toLowerCase().includes(lower))
  return sentence ? shorten(sentence.text) : null
}

const scaleWords = new Set(['users', 'events', 'rows', 'records', 'messages', 'requests', 'views', 'sessions', 'gb', 'tb', 'pb', 'day', 'second', 'million', 'billion', 'bytes'])

/** "Flink over Spark Streaming: lower latency…": a decision with its reason, in the model answer. */
function modelDecision(question: Question): { choice: string; other: string; reason: string } | null {
  for (const line of modelLines(question)) {
    if (!line.label) continue
    const match = /^([\p{L}\p{N} .+/-]{2,40}?)\s+(?:over|vs\.?|instead of|rather than)\s+([\p{L}\p{N} .+/-]{2,40}?)$/u.exec(line.label)
    if (match) return { choice: match[1]!.trim(), other: match[2]!.trim(), reason: lowerFirst(shorten(line.explanation!, 16)) }
  }
  return null
}

/** The answer's first sentence of a set, without its fillers. */
function answerSentence(analysis: TranscriptAnalysis, sentenceIds: readonly number[]): string | null {
  const id = sentenceIds[0]
  return id === undefined ? null : withoutFillers(analysis, id)
}

/** "we migrated the jobs" → "I migrated the jobs": the candidate's own action, owned. */
function owned(sentence: string): string {
  return sentence
    .replace(/\b[Ww]e(?='d|'ve|'re)/g, 'I')
    .replace(/\bI're\b/g, "I'm")
    .replace(/\b[Ww]e\b/g, 'I')
    .replace(/\bour\b/g, 'my')
    .replace(/\bus\b/g, 'me')
}

/** A sentence as said, fillers and the punctuation around them left out. */
function withoutFillers(analysis: TranscriptAnalysis, sentenceId: number): string {
  const s = analysis.sentences[sentenceId]!
  const isFiller = new Set<number>()
  for (const hit of analysis.fillers) for (let i = hit.from; i < hit.to; i += 1) isFiller.add(i)
  let out = ''
  let previousEnd = -1
  for (let i = s.first; i < s.last; i += 1) {
    const token = analysis.tokens[i]!
    if (isFiller.has(i)) continue
    // Keep what sat between two kept words ("the, uh, data" → "the data").
    const gap = previousEnd < 0 ? '' : isFiller.has(i - 1) ? ' ' : analysis.text.slice(previousEnd, token.start)
    out += gap + token.text
    previousEnd = token.end
  }
  const capitalized = out.charAt(0).toUpperCase() + out.slice(1)
  return capitalized.replace(/^(So|Yeah|Okay|Well|And|Sure)[,\s]+/i, '').replace(/^./, (c) => c.toUpperCase())
}

function templateLine(rubric: Rubric, id: string): string | null {
  const part = rubric.template.find((p) => p.id === id)
  return part ? part.description : null
}

const preventionCues = ['monitoring', 'alert', 'validation', 'data quality', 'contract', 'test', 'retry', 'idempotent']

const conceptAdvice: Record<string, { change: string; say: (input: CoachingInput) => string }> = {
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

const starAdvice = {
  situation: { change: 'Set the situation with its scale', say: 'At my last company we had … (the system, its size in rows or TB, the constraint), and it was causing ….' },
  task: { change: 'Say what you owned and what success meant', say: 'My task was to … by …, without ….' },
  action: { change: 'Walk through your steps, in order', say: 'First I …, then I …, and finally I … because ….' },
  result: { change: 'End on a measured result', say: 'As a result, … went from … to …, which saved … for the team.' }
} as const

function detectorAdvice(detector: DetectorId, input: CoachingInput, criterion: CriterionResult): { change: string; say: string } {
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

export function buildCoaching(input: CoachingInput): CoachingItem[] {
  const candidates: Candidate[] = []
  const effective = (id: ScoreComponent['id']): number => input.components.find((c) => c.id === id)?.effectiveWeight ?? 0
  let order = 0
  const push = (points: number, change: string, say: string): void => {
    if (points <= 0.05) return
    // Two gaps closed by the same change (a flag and the part it costs) are one piece of advice, worth both.
    const same = candidates.find((c) => c.change === change)
    if (same) {
      same.points = roundTo(same.points + points, 1)
      return
    }
    candidates.push({ change, say, points: roundTo(points, 1), order: (order += 1) })
  }

  for (const penalty of input.penalties) {
    const criterion = input.criteria.find((c) => c.id === penalty.criterionId)
    if (!criterion) continue
    const advice = criterion.detector
      ? detectorAdvice(criterion.detector, input, criterion)
      : { change: `Avoid: ${criterion.label}`, say: `Say why instead: "… because …".` }
    push(penalty.points, advice.change, advice.say)
  }

  if (input.star) {
    const weight = effective('star')
    const star = input.star
    const quantified = input.components.find((c) => c.id === 'quantifiedResult')
    // A sentence of the story worth quoting back: the first of its role with some substance.
    const roleSentence = (role: string): string | null =>
      answerSentence(
        input.analysis,
        star.roles.flatMap((r, i) => (r === role && input.analysis.sentences[i]!.last - input.analysis.sentences[i]!.first >= 6 ? [i] : []))
      )
    for (const part of ['situation', 'task', 'action', 'result'] as const) {
      const result = star.result[part]
      const advice = starAdvice[part]
      const template = templateLine(input.rubric, part)
      let points = ((1 - result.score) * weight) / 4
      let say: string = advice.say
      if (part === 'task') {
        // The goal, stated on the problem the candidate already described.
        const problem = roleSentence('situation')
        if (problem) say = `${shorten(problem.replace(/[.!?]+$/, ''), 14)} — so my task was to … by …, and success meant ….`
      }
      if (part === 'result') {
        // One piece of advice for the result: its missing number is worth the most.
        if (quantified && quantified.value !== null) points += (1 - quantified.value) * quantified.effectiveWeight
        const told = answerSentence(input.analysis, star.resultSentences) ?? roleSentence('vague-result')
        if (told && !star.result.quantifiedResult) say = `Instead of "${shorten(told.replace(/[.!?]+$/, ''), 12)}", say: "As a result, … went from … to …, which saved …."`
      }
      push(points, advice.change, template && say === advice.say ? `${say} (${template})` : say)
    }
    const ownership = input.components.find((c) => c.id === 'ownership')
    if (ownership?.value !== null && ownership !== undefined) {
      const sentence = answerSentence(input.analysis, star.weActionSentences)
      push((1 - ownership.value) * ownership.effectiveWeight, 'Say what you did, with "I"', sentence ? `My part: ${shorten(owned(sentence), 20)}` : 'My part was …: I …, and I ….')
    }
  }

  const listen = input.criteria.filter((c) => c.kind === 'listen')
  const rubricWeight = effective('rubric')
  for (const criterion of listen) {
    const matcher = input.listenMatchers.get(criterion.id)
    if (matcher && matcher.starParts.length > 0) continue
    const concept = matcher?.concepts.find((c) => conceptAdvice[c.concept.id])?.concept.id
    const advice = concept ? conceptAdvice[concept]! : null
    push(
      ((1 - criterion.strength) * rubricWeight) / listen.length,
      advice?.change ?? `Cover "${criterion.label}"`,
      advice ? advice.say(input) : `On ${criterion.label.toLowerCase()}: …`
    )
  }

  if (input.checklist) {
    const weight = effective('checklist')
    const { result, definition } = input.checklist
    for (const item of result.items) {
      const spec = definition.items.find((d) => d.id === item.id)
      if (!spec) continue
      let say = spec.say
      if (spec.id === 'trade-offs') {
        const decision = modelDecision(input.question)
        if (decision) say = `I chose ${decision.choice} over ${decision.other} because of ${decision.reason}.`
      } else if (spec.sayFromModel) {
        const line = modelLineFor(input.question, spec.cues, spec.detector)
        if (line) say = spec.sayFromModel.replace('{model}', lowerFirst(line))
      }
      push(((1 - item.strength) * weight) / result.items.length, spec.change, say)
    }
  }

  const termsWeight = effective('keyTerms')
  if (input.keyTerms.missing.length > 0) {
    const top = input.keyTerms.missing.slice(0, 2)
    const names = top.map((t) => t.term).join(' and ')
    const explained = top.map((t) => modelExplanation(input.question, t.term)).find((line) => line !== null) ?? null
    push(
      (1 - input.keyTerms.ratio) * termsWeight,
      `Use the model answer's terms: ${names}`,
      explained ? `Work in ${names}, the way the model answer does: "${explained}"` : `Name ${names} where they fit: "Here I'd use ${top[0]!.term}, because …"`
    )
  }

  const correctness = input.components.find((c) => c.id === 'correctness')
  if (input.correctness && correctness && correctness.value !== null) {
    push((1 - correctness.value) * correctness.effectiveWeight, input.correctness.change, input.correctness.say)
  }

  if (input.delivery.measured && input.deliveryValue !== null) {
    const weight = effective('delivery')
    const gap = (1 - input.deliveryValue) * weight
    const first = input.analysis.sentences.length > 0 ? withoutFillers(input.analysis, 0) : ''
    if (input.delivery.bands.fillers === 'high') {
      push(gap * 0.6, 'Pause instead of filling', first ? `Say it clean, with a pause where the "um" was: "${shorten(first, 16)}"` : 'Take a silent breath instead of "um".')
    } else if (input.delivery.bands.pace === 'fast' || input.delivery.bands.pace === 'slow') {
      push(gap * 0.5, input.delivery.bands.pace === 'fast' ? 'Slow down' : 'Pick up the pace', 'Aim for about 140 words a minute: one idea per sentence, a short pause between them.')
    } else {
      push(gap * 0.4, 'Tighten the delivery', 'Fewer hedges: say "I would", not "I think maybe we could".')
    }
  }

  candidates.sort((a, b) => b.points - a.points || a.order - b.order)
  return candidates.slice(0, coachingCount).map(({ change, say, points }) => ({ change, say, points }))
}
