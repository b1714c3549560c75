import type { AnswerRecord } from '@shared/answers'
import { AppError } from '@shared/api/result'
import type { Question, Rubric } from '@shared/banks/types'
import type { AskClarifyingQuestionInput } from '@shared/contract'
import {
  answerClarifyingQuestion,
  assessmentFromReport,
  bankFollowUpsFor,
  chooseFollowUps,
  type ClarificationRecord,
  type FollowUpRecord
} from '@shared/interviewer'
import { scoreAnswer } from '@shared/scoring'
import { threadText } from '@shared/interviewer/records'
import { defaultLexicon } from '@shared/scoring/default-lexicon'
import type { AnswersService } from '../answers'

/** What the interviewer reads from the library: whole questions, rubrics, and the bank order. */
export interface InterviewerLibrary {
  question(id: string): Promise<Question | undefined>
  /** The questions right after `id` in library order (for the bank's own follow-ups). */
  following(id: string, count: number): Promise<Question[]>
  rubrics(): Promise<readonly Rubric[]>
}

/**
 * The interviewer in the backend: answers clarifying questions from the question's model answer
 * and chooses follow-ups from the answer's score, with the pure functions of
 * src/shared/interviewer. Every write goes through AnswersService.
 */
export class InterviewerService {
  constructor(
    private readonly answers: AnswersService,
    private readonly library: InterviewerLibrary,
    private readonly now: () => Date
  ) {}

  async clarify(input: AskClarifyingQuestionInput): Promise<{ clarification: ClarificationRecord; answer: AnswerRecord }> {
    const question = await this.library.question(input.questionId)
    if (!question) throw new AppError('NOT_FOUND', 'This question is no longer in your banks, so the interviewer has no notes to answer from.')
    const asked = input.asked.trim()
    const reply = answerClarifyingQuestion({ title: question.title, prompt: question.prompt, answer: question.answer }, asked)
    const clarification: ClarificationRecord = {
      asked,
      reply: reply.text,
      kind: reply.kind,
      section: reply.kind === 'answer' ? reply.section : null,
      at: this.now().toISOString()
    }
    const owner = { sessionId: input.sessionId, questionId: input.questionId, timeBoxMs: input.timeBoxMs ?? null }
    const answer = await this.answers.addClarification(input.answerId, owner, clarification)
    return { clarification, answer }
  }

  /**
   * Chooses one or two follow-ups from the finished answer's score and saves them with it. Asked
   * once per answer: calling again returns the answer with the follow-ups it has.
   */
  async followUps(answerId: string): Promise<AnswerRecord> {
    const answer = this.answers.get(answerId)
    if (answer.followUps.length > 0) return answer
    const question = await this.library.question(answer.questionId)
    if (!question) return answer
    // The clarifying questions asked count: a candidate who asked about scale is not pressed on it.
    const text = threadText(answer.text, [], answer.clarifications)
    const scored = scoreAnswer({ ...answer, text }, { questions: [question], rubrics: await this.library.rubrics() }, defaultLexicon)
    if (!scored.ok) return answer
    const following = await this.library.following(question.id, 2)
    const chosen = chooseFollowUps({
      question,
      assessment: assessmentFromReport(scored.report, question, question.kind, answer.text),
      bankFollowUps: bankFollowUpsFor(question.id, [question, ...following])
    })
    if (chosen.length === 0) return answer
    const at = this.now().toISOString()
    const records: FollowUpRecord[] = chosen.map((f) => ({ id: f.id, rule: f.rule, text: f.text, reason: f.reason, at, reply: '', answeredAt: null }))
    return this.answers.setFollowUps(answerId, records)
  }

  reply(answerId: string, followUpId: string, reply: string): Promise<AnswerRecord> {
    return this.answers.replyToFollowUp(answerId, followUpId, reply)
  }
}
