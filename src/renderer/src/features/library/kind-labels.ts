import type { Difficulty } from '@shared/banks/difficulty'
import type { QuestionKind } from '@shared/banks/types'

export const kindLabels: Record<QuestionKind, string> = {
  behavioral: 'Behavioral',
  'system-design': 'System design',
  sql: 'SQL',
  coding: 'Coding',
  concept: 'Concept',
  scenario: 'Scenario',
  product: 'Product'
}

export const difficultyLabels: Record<Difficulty, string> = {
  easy: 'Easy',
  medium: 'Medium',
  hard: 'Hard'
}
