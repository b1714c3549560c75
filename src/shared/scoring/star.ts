import { evidenceForSentences, sentenceEvidence, type TranscriptAnalysis } from './analysis'
import type { CompiledLexicon } from './compile'
import { hasQuantity } from './numbers'
import { findPhrases, type PhraseHit } from './phrases'
import type { Evidence, StarPartResult, StarResult } from './report-schema'
import { roundTo } from './rounding'
import type { Token } from './tokens'

/**
 * A story read as Situation, Task, Action, Result. Every sentence gets one role, from its cue
 * phrases, who acts in it and where it sits, so a number in the Task ("the goal was to cut it
 * to two hours") is never counted for the Result, and "it was fine in the end" is recognised
 * as an outcome that says nothing. The reject detectors (team-only, results without numbers,
 * rambling) read the same roles.
 */

export type SentenceRole = 'situation' | 'task' | 'action' | 'result' | 'vague-result' | 'lesson' | 'context'

export interface StarAnalysis {
  result: StarResult
  roles: readonly SentenceRole[]
  /** Sentences where the candidate acted with "I" / with "we". */
  iActionSentences: readonly number[]
  weActionSentences: readonly number[]
  /** Sentences where the candidate said what was theirs ("my part was…"). */
  ownershipSentences: readonly number[]
  resultSentences: readonly number[]
  contentWords: number
}

const iSubjects = new Set(['i', "i've", "i'm"])
const weSubjects = new Set(['we', "we've", "we're"])
/** "I would move everything to Spark" is an opinion, not something that happened. */
const hypothetical = new Set(["i'd", "we'd", 'would', 'could', 'should', 'will', "i'll", "we'll", 'can', 'might', 'may'])
/** How far before an action verb its subject may sit ("I then quickly built"). */
const subjectReach = 4
/** Result verbs this early in a story describe the problem ("runtime had increased to six hours"). */
const earlyShare = 0.34
/** A story shorter than this cannot ramble. */
const ramblingMinWords = 60
const ramblingContextShare = 0.55

function part(sentences: readonly number[], analysis: TranscriptAnalysis, score: number): StarPartResult {
  return {
    present: sentences.length > 0,
    score: sentences.length > 0 ? roundTo(Math.min(1, Math.max(0, score)), 3) : 0,
    evidence: evidenceForSentences(analysis, sentences)
  }
}

function bySentence(view: readonly Token[], hits: readonly PhraseHit[]): Map<number, PhraseHit[]> {
  const map = new Map<number, PhraseHit[]>()
  for (const hit of hits) {
    const sentence = view[hit.from]!.sentence
    const list = map.get(sentence) ?? []
    list.push(hit)
    map.set(sentence, list)
  }
  return map
}

/** Reads the story once: a role per sentence, who acted, and what the result says. */
export function analyzeStar(analysis: TranscriptAnalysis, lexicon: CompiledLexicon): StarAnalysis {
  const view = analysis.content
  const sentenceCount = analysis.sentences.length
  const star = lexicon.star
  const situationHits = bySentence(view, findPhrases(view, star.situation))
  const taskHits = bySentence(view, findPhrases(view, star.task))
  const markerHits = bySentence(view, findPhrases(view, star.resultMarkers))
  const changeHits = bySentence(view, findPhrases(view, star.result))
  const vagueHits = bySentence(view, findPhrases(view, star.vagueResults))
  const lessonHits = bySentence(view, findPhrases(view, star.lessons))
  const ownershipHits = bySentence(view, findPhrases(view, star.ownership))

  // Content tokens of each sentence, as [from, to) in the content view.
  const ranges: Array<[number, number]> = Array.from({ length: sentenceCount }, () => [0, 0])
  let cursor = 0
  for (let s = 0; s < sentenceCount; s += 1) {
    const from = cursor
    while (cursor < view.length && view[cursor]!.sentence === s) cursor += 1
    ranges[s] = [from, cursor]
  }

  // Actions: an action verb with "I" or "we" just before it.
  const iActions = new Set<number>()
  const weActions = new Set<number>()
  // Per sentence, how many actions each subject took: "we decided, we moved and we tuned" is three.
  const iHits = new Map<number, number>()
  const weHits = new Map<number, number>()
  for (const hit of findPhrases(view, star.actionVerbs)) {
    const sentence = view[hit.from]!.sentence
    for (let k = hit.from - 1; k >= Math.max(0, hit.from - subjectReach); k -= 1) {
      const token = view[k]!
      if (token.sentence !== sentence || hypothetical.has(token.norm)) break
      if (iSubjects.has(token.norm)) {
        iActions.add(sentence)
        iHits.set(sentence, (iHits.get(sentence) ?? 0) + 1)
        break
      }
      if (weSubjects.has(token.norm)) {
        weActions.add(sentence)
        weHits.set(sentence, (weHits.get(sentence) ?? 0) + 1)
        break
      }
    }
  }

  const intentions = new Set(star.intentions.phrases.map((p) => p.parts.join(' ')))
  const isIntended = (hit: PhraseHit): boolean => {
    // "to reduce", "wanted to cut": a plan, not an outcome.
    for (let k = hit.from - 1; k >= Math.max(0, hit.from - 3); k -= 1) {
      const token = view[k]!
      if (token.sentence !== view[hit.from]!.sentence) break
      if (intentions.has(token.stem)) return true
    }
    return false
  }
  const vagueObjects = new Set(star.vagueObjects.phrases.map((p) => p.parts.join(' ')))
  /** A change verb whose object says what changed ("cut the runtime"), not "improved things". */
  const concreteChange = (hit: PhraseHit): boolean => {
    const [, end] = ranges[view[hit.from]!.sentence]!
    for (let k = hit.to; k < Math.min(end, hit.to + 3); k += 1) {
      const token = view[k]!
      if (['the', 'a', 'an', 'our', 'my', 'its', 'their', 'all', 'some', 'quite', 'really', 'so', 'much', 'lot', 'of'].includes(token.norm)) continue
      return !vagueObjects.has(token.stem)
    }
    // Nothing after the verb: "the runtime dropped", a subject before it carries the meaning.
    const before = view[hit.from - 1]
    return before !== undefined && before.sentence === view[hit.from]!.sentence && !vagueObjects.has(before.stem)
  }

  const roles: SentenceRole[] = []
  for (let s = 0; s < sentenceCount; s += 1) {
    const [from, to] = ranges[s]!
    if (from === to) {
      roles.push('context')
      continue
    }
    const early = sentenceCount >= 3 && s < sentenceCount * earlyShare
    const sentenceText = analysis.text.slice(analysis.sentences[s]!.start, analysis.sentences[s]!.end)
    const quantified = hasQuantity(view, from, to, sentenceText)
    const task = taskHits.has(s)
    const marker = markerHits.has(s)
    const changes = (changeHits.get(s) ?? []).filter((hit) => !isIntended(hit))
    const concrete = changes.some(concreteChange)
    const vague = vagueHits.has(s)
    const acted = iActions.has(s) || weActions.has(s)
    let role: SentenceRole
    if (task && !marker) role = 'task'
    else if (marker || (changes.length > 0 && (!early || acted))) {
      // An outcome: concrete when it says what changed or by how much; "it was fine" is not a Result.
      role = quantified || (concrete && !vague) ? 'result' : acted && !marker ? 'action' : 'vague-result'
    } else if (vague && !early) role = 'vague-result'
    else if (acted) role = 'action'
    else if (lessonHits.has(s)) role = 'lesson'
    else if (situationHits.has(s) || early) role = 'situation'
    else role = 'context'
    roles.push(role)
  }

  const ids = (wanted: SentenceRole): number[] => roles.flatMap((role, s) => (role === wanted ? [s] : []))
  const situation = ids('situation')
  const task = ids('task')
  const actions = ids('action')
  const results = ids('result')
  const vague = ids('vague-result')

  const quantifiedResult = results.some((s) => {
    const [from, to] = ranges[s]!
    const sentence = analysis.sentences[s]!
    return hasQuantity(view, from, to, analysis.text.slice(sentence.start, sentence.end))
  })
  const wordsOf = (sentences: readonly number[]): number => sentences.reduce((sum, s) => sum + ranges[s]![1] - ranges[s]![0], 0)
  const contextWords = wordsOf([...situation, ...ids('context'), ...vague])
  const contentWords = view.length
  const contextShare = contentWords === 0 ? 0 : contextWords / contentWords

  const actionSet = new Set(actions)
  const sum = (hits: Map<number, number>): number => [...hits].reduce((total, [s, n]) => total + (actionSet.has(s) ? n : 0), 0)
  const iCount = sum(iHits)
  const weCount = sum(weHits)
  const ownershipSentences = [...ownershipHits.keys()].sort((a, b) => a - b)
  const actionCount = iCount + weCount
  const iShare = actionCount === 0 ? 0 : iCount / actionCount
  const situationQuantified = situation.some((s) => hasQuantity(view, ranges[s]![0], ranges[s]![1]))
  const taskOwned = task.some((s) => view.slice(ranges[s]![0], ranges[s]![1]).some((t) => t.norm === 'i' || t.norm === 'my'))

  const result: StarResult = {
    // Context with its scale reads as a story, a passing phrase less so.
    situation: part(situation, analysis, 0.6 + 0.2 * Math.min(1, situation.length - 1) + (situationQuantified ? 0.2 : 0)),
    task: part(task, analysis, 0.7 + (taskOwned ? 0.3 : 0)),
    // Interviewers want to hear what *you* did, in more than one step.
    action: part(actions, analysis, 0.4 + 0.3 * iShare + (actions.length >= 2 ? 0.15 : 0) + (actions.length >= 3 ? 0.15 : 0)),
    // A result with a number is a result; "it went well" is an opinion (and not a Result at all).
    result: part(results, analysis, 0.55 + (quantifiedResult ? 0.35 : 0) + (results.length >= 2 ? 0.1 : 0)),
    ownership: {
      iCount,
      weCount,
      ratio: actionCount === 0 ? null : roundTo(iShare, 3),
      stated: ownershipSentences.length > 0
    },
    quantifiedResult,
    vagueResults: vague.slice(0, 3).map((s) => sentenceEvidence(analysis, s)),
    contextShare: roundTo(contextShare, 3)
  }
  return {
    result,
    roles,
    iActionSentences: [...iActions].sort((a, b) => a - b),
    weActionSentences: [...weActions].sort((a, b) => a - b),
    ownershipSentences,
    resultSentences: results,
    contentWords
  }
}

export interface DetectorOutcome {
  flagged: boolean
  sentences: number[]
}

/** The story's actions are "we" and the candidate's own part is never said. */
export function detectTeamOnly(star: StarAnalysis): DetectorOutcome {
  const { iCount, weCount, stated } = star.result.ownership
  const flagged = !stated && weCount >= 2 && iCount / (iCount + weCount) < 0.25
  return { flagged, sentences: flagged ? [...star.weActionSentences] : [] }
}

/** Something was done, but the Result part itself holds no number (or there is no Result). */
export function detectResultsWithoutNumbers(star: StarAnalysis): DetectorOutcome {
  const told = star.result.action.present || star.result.result.present || star.result.vagueResults.length > 0
  const flagged = told && !star.result.quantifiedResult
  const sentences = star.resultSentences.length > 0 ? [...star.resultSentences] : star.roles.flatMap((r, s) => (r === 'vague-result' ? [s] : []))
  return { flagged, sentences: flagged ? sentences : [] }
}

/** Context dominates, and the action or the result is missing or vague. */
export function detectRambling(star: StarAnalysis): DetectorOutcome {
  const { result } = star
  const thin = !result.action.present || !result.result.present
  const flagged = star.contentWords >= ramblingMinWords && result.contextShare >= ramblingContextShare && thin
  const sentences = star.roles.flatMap((r, s) => (r === 'context' || r === 'situation' || r === 'vague-result' ? [s] : []))
  return { flagged, sentences: flagged ? sentences : [] }
}

export type { Evidence }
