import type { QuestionKind } from '../banks/types'
import type { Settings } from '../settings'
import type { SetupTimes } from './session-pool'

type DefaultTimes = Settings['defaultTimes']

export interface PhaseTimeGroup {
  id: keyof SetupTimes
  /** The question kinds that take these times. */
  kinds: readonly QuestionKind[]
  prepLabel: string
  answerLabel: string
  /** The answer phase's floor in Settings (the data file's schema). */
  minAnswerSec: number
  /** [prep, answer] seconds in Settings. */
  read: (times: DefaultTimes) => [number, number]
  write: (times: DefaultTimes, prepSec: number, answerSec: number) => DefaultTimes
}

/**
 * The four kinds of phase timing, as Settings stores their defaults and the Practice setup
 * shows them: one table, so both screens name and order them alike.
 */
export const phaseTimeGroups: readonly PhaseTimeGroup[] = [
  {
    id: 'star',
    kinds: ['behavioral', 'product'],
    prepLabel: 'STAR: think',
    answerLabel: 'STAR: answer',
    minAnswerSec: 10,
    read: (t) => [t.behavioral.thinkSec, t.behavioral.answerSec],
    write: (t, prep, answer) => ({ ...t, behavioral: { thinkSec: prep, answerSec: answer } })
  },
  {
    id: 'design',
    kinds: ['system-design', 'scenario'],
    prepLabel: 'Design: clarify',
    answerLabel: 'Design: design',
    minAnswerSec: 10,
    read: (t) => [t.systemDesign.clarifySec, t.systemDesign.designSec],
    write: (t, prep, answer) => ({ ...t, systemDesign: { clarifySec: prep, designSec: answer } })
  },
  {
    id: 'handsOn',
    kinds: ['sql', 'coding'],
    prepLabel: 'SQL/coding: read',
    answerLabel: 'SQL/coding: answer',
    minAnswerSec: 10,
    read: (t) => [t.handsOn.readSec, t.handsOn.answerSec],
    write: (t, prep, answer) => ({ ...t, handsOn: { readSec: prep, answerSec: answer } })
  },
  {
    id: 'concept',
    kinds: ['concept'],
    prepLabel: 'Concept: think',
    answerLabel: 'Concept: answer',
    minAnswerSec: 10,
    read: (t) => [t.concept.thinkSec, t.concept.answerSec],
    write: (t, prep, answer) => ({ ...t, concept: { thinkSec: prep, answerSec: answer } })
  }
]
