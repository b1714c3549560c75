import type { Question } from '../banks/types'
import { hasScaleQuantity } from './numbers'
import { compilePhrases, findPhrases, type PhraseSet } from './phrases'
import { phraseTokens, type Token } from './tokens'

/**
 * The model answer as coaching reads it: its lines stripped of markdown and diagram art, the
 * line that makes a given point, how it explains a term, and the decisions it states.
 */

const maxQuoteWords = 22

interface ModelLine {
  text: string
  tokens: readonly Token[]
  /** A sentence someone would say, not a heading, a diagram label or a table row. */
  prose: boolean
  /** "Redis for state: Sub-millisecond reads for dashboard" → label and explanation. */
  labelled: { label: string; explanation: string } | null
}

/** "Label: explanation", from a line that is not code. */
function labelledLine(text: string): ModelLine['labelled'] {
  const match = /^([^:]{2,40}):\s+(.{6,})$/.exec(text)
  const [, label, explanation] = match ?? []
  return label !== undefined && explanation !== undefined ? { label: label.trim(), explanation: explanation.trim() } : null
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
    lines.push({ text, tokens: phraseTokens(text), prose, labelled: !inFence && !code ? labelledLine(text) : null })
  }
  modelLinesCache.set(question, lines)
  return lines
}

export function shorten(text: string, words = maxQuoteWords): string {
  const parts = text.replace(/\s+/g, ' ').trim().split(' ')
  const cut = parts.length > words ? `${parts.slice(0, words).join(' ')}…` : parts.join(' ')
  return cut.replace(/[\s:;,]+$/, '')
}

export const lowerFirst = (text: string): string => (/^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text)

/** Cue sets compiled once per cue list (checklist items and advice are long-lived data). */
const cueCache = new WeakMap<object, PhraseSet>()

/** The first model-answer sentence that makes the point a checklist item is about. */
export function modelLineFor(question: Question, cues: readonly (string | { phrase: string })[], detector: 'scale' | 'flow' | undefined): string | null {
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
export function modelExplanation(question: Question, term: string): string | null {
  const lower = term.toLowerCase()
  const lines = modelLines(question)
  const labelled = lines.find((l) => l.labelled?.label.toLowerCase().includes(lower))?.labelled
  if (labelled) return `${labelled.label} — ${lowerFirst(shorten(labelled.explanation, 16))}`
  const sentence = lines.find((l) => l.prose && l.text.toLowerCase().includes(lower))
  return sentence ? shorten(sentence.text) : null
}

const scaleWords = new Set(['users', 'events', 'rows', 'records', 'messages', 'requests', 'views', 'sessions', 'gb', 'tb', 'pb', 'day', 'second', 'million', 'billion', 'bytes'])

/** "Flink over Spark Streaming: lower latency…": a decision with its reason, in the model answer. */
export function modelDecision(question: Question): { choice: string; other: string; reason: string } | null {
  for (const line of modelLines(question)) {
    if (!line.labelled) continue
    const match = /^([\p{L}\p{N} .+/-]{2,40}?)\s+(?:over|vs\.?|instead of|rather than)\s+([\p{L}\p{N} .+/-]{2,40}?)$/u.exec(line.labelled.label)
    const [, choice, other] = match ?? []
    if (choice !== undefined && other !== undefined) return { choice: choice.trim(), other: other.trim(), reason: lowerFirst(shorten(line.labelled.explanation, 16)) }
  }
  return null
}

