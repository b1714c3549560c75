import { evidenceForSentences, hitSentences, type TranscriptAnalysis } from './analysis'
import type { CompiledLexicon } from './compile'
import { findPhrases } from './phrases'
import { roundTo } from './rounding'
import type { StarPartResult, StarResult } from './report-schema'

const firstPerson = new Set(['i', "i'm", "i've", "i'd", 'me', 'my', 'myself'])
const firstPersonPlural = new Set(['we', "we're", "we've", "we'd", 'us', 'our', 'ours', 'ourselves'])
const actionSubjects = { i: new Set(['i', "i've", "i'd"]), we: new Set(['we', "we've", "we'd"]) }
/** How far before an action verb its subject may sit ("I then quickly built"). */
const subjectReach = 3

function part(sentences: readonly number[], analysis: TranscriptAnalysis, score: number): StarPartResult {
  return {
    present: sentences.length > 0,
    score: sentences.length > 0 ? Math.min(1, Math.max(0, score)) : 0,
    evidence: evidenceForSentences(analysis, sentences)
  }
}

/** Situation, task, action, result: from cue phrases, who acted, and whether the result has numbers. */
export function analyzeStar(analysis: TranscriptAnalysis, lexicon: CompiledLexicon): StarResult {
  const view = analysis.content
  const situation = hitSentences(view, findPhrases(view, lexicon.star.situation))
  const task = hitSentences(view, findPhrases(view, lexicon.star.task))

  const actionSentences: number[] = []
  let iActions = 0
  for (const hit of findPhrases(view, lexicon.star.actionVerbs)) {
    const sentence = view[hit.from]!.sentence
    for (let k = hit.from - 1; k >= Math.max(0, hit.from - subjectReach); k -= 1) {
      const token = view[k]!
      if (token.sentence !== sentence) break
      if (actionSubjects.i.has(token.norm) || actionSubjects.we.has(token.norm)) {
        if (actionSubjects.i.has(token.norm)) iActions += 1
        actionSentences.push(sentence)
        break
      }
    }
  }
  const actions = [...new Set(actionSentences)].sort((a, b) => a - b)

  const result = hitSentences(view, findPhrases(view, lexicon.star.result))
  const quantitySentences = new Set(hitSentences(view, findPhrases(view, lexicon.star.quantities)))
  for (const token of view) if (/\d/.test(token.norm)) quantitySentences.add(token.sentence)
  const quantifiedResult = result.some((id) => {
    const s = analysis.sentences[id]!
    return quantitySentences.has(id) || /[%$€£]/.test(analysis.text.slice(s.start, s.end))
  })

  let iCount = 0
  let weCount = 0
  for (const token of view) {
    if (firstPerson.has(token.norm)) iCount += 1
    else if (firstPersonPlural.has(token.norm)) weCount += 1
  }
  const ratio = iCount + weCount === 0 ? null : iCount / (iCount + weCount)
  const actionCount = actionSentences.length
  const iShare = actionCount === 0 ? 0 : iActions / actionCount

  return {
    // More than one sentence of context or goal reads as a story rather than a passing phrase.
    situation: part(situation, analysis, 0.6 + 0.2 * (situation.length - 1)),
    task: part(task, analysis, 0.6 + 0.2 * (task.length - 1)),
    // Interviewers want to hear what *you* did, not what the team did.
    action: part(actions, analysis, 0.5 + 0.3 * iShare + (actions.length >= 2 ? 0.2 : 0)),
    // A result with a number is a result; "it went well" is an opinion.
    result: part(result, analysis, 0.5 + (quantifiedResult ? 0.4 : 0) + (result.length >= 2 ? 0.1 : 0)),
    ownership: { iCount, weCount, ratio: ratio === null ? null : roundTo(ratio, 3) },
    quantifiedResult
  }
}
