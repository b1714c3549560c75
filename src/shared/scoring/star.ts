import { defined } from '../defined'
import { evidenceForSentences, sentenceEvidence, type TranscriptAnalysis } from './analysis'
import type { CompiledLexicon } from './compile'
import { hasQuantity } from './numbers'
import { findPhrases, type PhraseHit } from './phrases'
import type { Evidence, StarPartResult, StarResult } from './report-schema'
import { roundTo } from './rounding'
import { tokenAt, type Token } from './tokens'

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
    const sentence = tokenAt(view, hit.from).sentence
    const list = map.get(sentence) ?? []
    list.push(hit)
    map.set(sentence, list)
  }
  return map
}

/** A sentence's content tokens, as [from, to) in the content view, and its text. */
interface SentenceSpan {
  from: number
  to: number
  text: string
}

function sentenceSpans(analysis: TranscriptAnalysis): SentenceSpan[] {
  const view = analysis.content
  let cursor = 0
  return analysis.sentences.map((sentence, s) => {
    const from = cursor
    while (cursor < view.length && tokenAt(view, cursor).sentence === s) cursor += 1
    return { from, to: cursor, text: analysis.text.slice(sentence.start, sentence.end) }
  })
}

/** Sentences with an action verb said with "I" or "we" just before it, and how many actions each subject took there. */
interface Actions {
  iActions: Set<number>
  weActions: Set<number>
  /** Per sentence: "we decided, we moved and we tuned" is three. */
  iHits: Map<number, number>
  weHits: Map<number, number>
}

function findActions(view: readonly Token[], actionVerbs: CompiledLexicon['star']['actionVerbs']): Actions {
  const actions: Actions = { iActions: new Set(), weActions: new Set(), iHits: new Map(), weHits: new Map() }
  for (const hit of findPhrases(view, actionVerbs)) {
    const sentence = tokenAt(view, hit.from).sentence
    for (let k = hit.from - 1; k >= Math.max(0, hit.from - subjectReach); k -= 1) {
      const token = tokenAt(view, k)
      if (token.sentence !== sentence || hypothetical.has(token.norm)) break
      if (iSubjects.has(token.norm)) {
        actions.iActions.add(sentence)
        actions.iHits.set(sentence, (actions.iHits.get(sentence) ?? 0) + 1)
        break
      }
      if (weSubjects.has(token.norm)) {
        actions.weActions.add(sentence)
        actions.weHits.set(sentence, (actions.weHits.get(sentence) ?? 0) + 1)
        break
      }
    }
  }
  return actions
}

const fillerWordsBeforeObject = new Set(['the', 'a', 'an', 'our', 'my', 'its', 'their', 'all', 'some', 'quite', 'really', 'so', 'much', 'lot', 'of'])

/** Reads change verbs: whether one is only intended, and whether it says what changed. */
function changeReaders(
  view: readonly Token[],
  spans: readonly SentenceSpan[],
  star: CompiledLexicon['star']
): { isIntended: (hit: PhraseHit) => boolean; concreteChange: (hit: PhraseHit) => boolean } {
  const intentions = new Set(star.intentions.phrases.map((p) => p.parts.join(' ')))
  const vagueObjects = new Set(star.vagueObjects.phrases.map((p) => p.parts.join(' ')))
  const isIntended = (hit: PhraseHit): boolean => {
    // "to reduce", "wanted to cut": a plan, not an outcome.
    const sentence = tokenAt(view, hit.from).sentence
    for (let k = hit.from - 1; k >= Math.max(0, hit.from - 3); k -= 1) {
      const token = tokenAt(view, k)
      if (token.sentence !== sentence) break
      if (intentions.has(token.stem)) return true
    }
    return false
  }
  /** A change verb whose object says what changed ("cut the runtime"), not "improved things". */
  const concreteChange = (hit: PhraseHit): boolean => {
    const sentence = tokenAt(view, hit.from).sentence
    const end = defined(spans[sentence], `sentence ${sentence} of a phrase hit`).to
    for (let k = hit.to; k < Math.min(end, hit.to + 3); k += 1) {
      const token = tokenAt(view, k)
      if (fillerWordsBeforeObject.has(token.norm)) continue
      return !vagueObjects.has(token.stem)
    }
    // Nothing after the verb: "the runtime dropped", a subject before it carries the meaning.
    const before = view[hit.from - 1]
    return before !== undefined && before.sentence === sentence && !vagueObjects.has(before.stem)
  }
  return { isIntended, concreteChange }
}

/** What each sentence's cue phrases say, by sentence. */
interface Cues {
  situation: Map<number, PhraseHit[]>
  task: Map<number, PhraseHit[]>
  marker: Map<number, PhraseHit[]>
  change: Map<number, PhraseHit[]>
  vague: Map<number, PhraseHit[]>
  lesson: Map<number, PhraseHit[]>
}

function findCues(view: readonly Token[], star: CompiledLexicon['star']): Cues {
  return {
    situation: bySentence(view, findPhrases(view, star.situation)),
    task: bySentence(view, findPhrases(view, star.task)),
    marker: bySentence(view, findPhrases(view, star.resultMarkers)),
    change: bySentence(view, findPhrases(view, star.result)),
    vague: bySentence(view, findPhrases(view, star.vagueResults)),
    lesson: bySentence(view, findPhrases(view, star.lessons))
  }
}

/** One role a sentence, from its cue phrases, who acts in it and where it sits. */
function sentenceRoles(analysis: TranscriptAnalysis, spans: readonly SentenceSpan[], lexicon: CompiledLexicon, actions: Actions): SentenceRole[] {
  const view = analysis.content
  const cues = findCues(view, lexicon.star)
  const { isIntended, concreteChange } = changeReaders(view, spans, lexicon.star)
  const sentenceCount = spans.length
  return spans.map(({ from, to, text }, s): SentenceRole => {
    if (from === to) return 'context'
    const early = sentenceCount >= 3 && s < sentenceCount * earlyShare
    const quantified = hasQuantity(view, from, to, text)
    const marker = cues.marker.has(s)
    const changes = (cues.change.get(s) ?? []).filter((hit) => !isIntended(hit))
    const concrete = changes.some(concreteChange)
    const vague = cues.vague.has(s)
    const acted = actions.iActions.has(s) || actions.weActions.has(s)
    if (cues.task.has(s) && !marker) return 'task'
    if (marker || (changes.length > 0 && (!early || acted))) {
      // An outcome: concrete when it says what changed or by how much; "it was fine" is not a Result.
      return quantified || (concrete && !vague) ? 'result' : acted && !marker ? 'action' : 'vague-result'
    }
    if (vague && !early) return 'vague-result'
    if (acted) return 'action'
    if (cues.lesson.has(s)) return 'lesson'
    if (cues.situation.has(s) || early) return 'situation'
    return 'context'
  })
}

/** Reads the story once: a role per sentence, who acted, and what the result says. */
export function analyzeStar(analysis: TranscriptAnalysis, lexicon: CompiledLexicon): StarAnalysis {
  const view = analysis.content
  const spans = sentenceSpans(analysis)
  const actions = findActions(view, lexicon.star.actionVerbs)
  const roles = sentenceRoles(analysis, spans, lexicon, actions)
  const ownershipHits = bySentence(view, findPhrases(view, lexicon.star.ownership))

  const withRole = (wanted: SentenceRole): Array<SentenceSpan & { id: number }> =>
    spans.flatMap((span, s) => (roles[s] === wanted ? [{ ...span, id: s }] : []))
  const situation = withRole('situation')
  const task = withRole('task')
  const actionSpans = withRole('action')
  const resultSpans = withRole('result')
  const vague = withRole('vague-result')
  const ids = (sentences: ReadonlyArray<{ id: number }>): number[] => sentences.map((sentence) => sentence.id)

  const quantifiedResult = resultSpans.some(({ from, to, text }) => hasQuantity(view, from, to, text))
  const wordsOf = (sentences: readonly SentenceSpan[]): number => sentences.reduce((sum, { from, to }) => sum + to - from, 0)
  const contextWords = wordsOf([...situation, ...withRole('context'), ...vague])
  const contentWords = view.length
  const contextShare = contentWords === 0 ? 0 : contextWords / contentWords

  const actionSet = new Set(ids(actionSpans))
  const sum = (hits: Map<number, number>): number => [...hits].reduce((total, [s, n]) => total + (actionSet.has(s) ? n : 0), 0)
  const iCount = sum(actions.iHits)
  const weCount = sum(actions.weHits)
  const ownershipSentences = [...ownershipHits.keys()].sort((a, b) => a - b)
  const actionCount = iCount + weCount
  const iShare = actionCount === 0 ? 0 : iCount / actionCount
  const situationQuantified = situation.some(({ from, to }) => hasQuantity(view, from, to))
  const taskOwned = task.some(({ from, to }) => view.slice(from, to).some((t) => t.norm === 'i' || t.norm === 'my'))
  const actionTotal = actionSpans.length
  const results = ids(resultSpans)

  const result: StarResult = {
    // Context with its scale reads as a story, a passing phrase less so.
    situation: part(ids(situation), analysis, 0.6 + 0.2 * Math.min(1, situation.length - 1) + (situationQuantified ? 0.2 : 0)),
    task: part(ids(task), analysis, 0.7 + (taskOwned ? 0.3 : 0)),
    // Interviewers want to hear what *you* did, in more than one step.
    action: part(ids(actionSpans), analysis, 0.4 + 0.3 * iShare + (actionTotal >= 2 ? 0.15 : 0) + (actionTotal >= 3 ? 0.15 : 0)),
    // A result with a number is a result; "it went well" is an opinion (and not a Result at all).
    result: part(results, analysis, 0.55 + (quantifiedResult ? 0.35 : 0) + (results.length >= 2 ? 0.1 : 0)),
    ownership: {
      iCount,
      weCount,
      ratio: actionCount === 0 ? null : roundTo(iShare, 3),
      stated: ownershipSentences.length > 0
    },
    quantifiedResult,
    vagueResults: vague.slice(0, 3).map((sentence) => sentenceEvidence(analysis, sentence.id)),
    contextShare: roundTo(contextShare, 3)
  }
  return {
    result,
    roles,
    iActionSentences: [...actions.iActions].sort((a, b) => a - b),
    weActionSentences: [...actions.weActions].sort((a, b) => a - b),
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
