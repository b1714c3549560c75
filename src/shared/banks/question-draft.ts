import type { Nodes } from 'mdast'

/** A question as the layout found it, before its body is analysed. */
export interface QuestionDraft {
  title: string
  sectionPath: string[]
  /** Nodes whose content is the answer (and setup, tips, diagrams). */
  body: Nodes[]
  /** The question as asked when the layout states it apart from the title. */
  prompt?: string
  /** Replaces the answer cut from `body` when the layout puts a marker in front ("A:"). */
  answer?: string | null
}

const interrogativePattern =
  /^(what|why|how|when|where|which|who|whom|whose|is|are|can|could|would|should|do|does|did|will|explain|describe|tell|design|compare|define|give|walk|name|list|write|implement)\b/i

export function isQuestionLike(text: string): boolean {
  const t = text.trim()
  return t.endsWith('?') || interrogativePattern.test(t)
}
