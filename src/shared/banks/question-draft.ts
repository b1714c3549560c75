import type { BankLayoutId } from './bank-layouts'
import type { Difficulty } from './difficulty'

/**
 * A stretch of the bank's text that belongs to a question's body. `first` is where the first
 * line's content starts (after a list marker, say); later lines are dedented by `column`.
 */
export interface BodySegment {
  start: number
  end: number
  first: number
  column: number
}

/** A question as the layout found it, before its body is analysed. */
export interface QuestionDraft {
  title: string
  sectionPath: string[]
  /** Where the answer (and setup, tips, diagrams) is in the bank's text. */
  body: BodySegment[]
  /** The question as asked when the layout states it apart from the title. */
  prompt?: string
  /** Replaces the answer cut from `body` when the layout marks it ("A:", a table cell). */
  answer?: string | null
  layout: BankLayoutId
  difficulty?: Difficulty | null
  followUps?: string[]
}

const interrogativePattern =
  /^(what|why|how|when|where|which|who|whom|whose|is|are|am|was|were|can|could|would|should|shall|do|does|did|will|have|has|had|may|might|must|explain|describe|tell|design|compare|contrast|define|give|walk|name|list|write|implement|discuss|outline|summari[sz]e|identify|derive|prove|calculate|estimate|find|suppose|imagine|qué|que|cómo|como|por qué|cuál|cuáles|cuándo|dónde|quién|explica|describe|define|comment|pourquoi|quel|quelle|quels|quelles|expliquez|décrivez|wie|was|warum|welche|erkläre|beschreibe)\b/i
const trailingDecorationPattern = /(?:\s*(?:\p{Extended_Pictographic}|\uFE0F|\u200D|\u20E3|[[({][^\])}]{0,20}[\])}]))+\s*$/u

/** A sentence that asks something: ends in "?" (decoration aside), opens with "¿", or opens with an interrogative or an instruction. */
export function isQuestionLike(text: string): boolean {
  const t = text.trim().replace(trailingDecorationPattern, '').replace(/[*_`\s]+$/, '')
  if (t === '') return false
  return t.endsWith('?') || t.endsWith('？') || t.startsWith('¿') || interrogativePattern.test(t.replace(/^[^\p{L}]+/u, ''))
}
