import type { Question } from './types'

/** A valid Question for tests: only what a test cares about needs saying. */
export function makeQuestion(partial: Partial<Question> & Pick<Question, 'id'>): Question {
  const section = partial.section ?? partial.sectionPath?.join(' › ') ?? 'Section'
  return {
    bankId: 'bank',
    sectionPath: section.split(' › '),
    section,
    title: partial.id,
    prompt: partial.title ?? partial.id,
    kind: 'concept',
    answer: null,
    setupCode: [],
    keyTerms: [],
    keyTermDetails: [],
    tips: [],
    diagrams: [],
    rubricId: 'rubric',
    alsoIn: [],
    ...partial
  }
}
