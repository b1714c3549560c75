import type { QuestionKind } from '../../../../shared/banks/types'

export const kindLabels: Record<QuestionKind, string> = {
  behavioral: 'Behavioral',
  'system-design': 'System design',
  sql: 'SQL',
  coding: 'Coding',
  concept: 'Concept',
  scenario: 'Scenario',
  product: 'Product'
}
