import { evidenceForSentences, hitSentences, type TranscriptAnalysis } from './analysis'
import type { CompiledLexicon, CriterionMatcher } from './compile'
import type { Concept } from './lexicon'
import { findPhrases, findPhrasesGreedy, type PhraseHit } from './phrases'
import type { Evidence, StarResult } from './report-schema'
import { roundTo } from './rounding'

export interface ListenOutcome {
  met: boolean
  strength: number
  evidence: Evidence[]
}

export interface RejectOutcome {
  flagged: boolean
  evidence: Evidence[]
}

type Detector = NonNullable<Concept['detector']>

interface DetectorOutcome {
  flagged: boolean
  sentences: number[]
}

/** Below this many content words an answer is too short to have qualified its absolutes. */
const shortAnswerWords = 60

/**
 * Runs a rubric's matchers over one transcript. Detectors are shared between criteria (two
 * banks may both reject "tool-only answers"), so each runs at most once per transcript.
 */
export class RubricEvaluator {
  private readonly detectorCache = new Map<Detector, DetectorOutcome>()
  private justifiedSentences: ReadonlySet<number> | null = null

  constructor(
    private readonly analysis: TranscriptAnalysis,
    private readonly lexicon: CompiledLexicon,
    private readonly star: StarResult
  ) {}

  listen(matcher: CriterionMatcher): ListenOutcome {
    const view = this.analysis.content
    let met = false
    let strength = 0
    const sentences: number[] = []
    const extraEvidence: Evidence[] = []

    for (const part of matcher.starParts) {
      const result = this.star[part]
      if (result.present) met = true
      strength = Math.max(strength, result.score)
      extraEvidence.push(...result.evidence)
    }

    if (matcher.concepts.length > 0 || matcher.examples.phrases.length > 0) {
      const cueSentences = hitSentences(view, findPhrases(view, matcher.cues))
      if (cueSentences.length > 0) {
        met = true
        // One mention is a nod; two or more sentences on it is a point made.
        strength = Math.max(strength, Math.min(1, 0.4 + 0.3 * cueSentences.length))
      }
      sentences.push(...cueSentences)
    } else if (matcher.fallbackStems.length > 0) {
      const wanted = new Set(matcher.fallbackStems)
      const found = new Set<string>()
      for (const token of view) {
        if (wanted.has(token.stem)) {
          found.add(token.stem)
          sentences.push(token.sentence)
        }
      }
      const needed = Math.min(2, wanted.size)
      if (found.size >= needed) met = true
      strength = Math.max(strength, Math.min(1, found.size / Math.min(3, wanted.size)))
    }

    const evidence = extraEvidence.length > 0 && sentences.length === 0
      ? dedupeEvidence(extraEvidence)
      : evidenceForSentences(this.analysis, sentences)
    return { met, strength: met ? roundTo(strength, 3) : 0, evidence }
  }

  reject(matcher: CriterionMatcher): RejectOutcome {
    const view = this.analysis.content
    const sentences: number[] = []
    let flagged = false

    const isToolOnly = matcher.detectors.includes('tool-only')
    for (const hit of findPhrases(view, matcher.examples)) {
      const sentence = view[hit.from]!.sentence
      // "Just use Spark because the team already runs it" is a reason, not a slogan.
      if (isToolOnly && this.isJustified(sentence)) continue
      flagged = true
      sentences.push(sentence)
    }
    for (const detector of matcher.detectors) {
      const outcome = this.detect(detector)
      if (outcome.flagged) {
        flagged = true
        sentences.push(...outcome.sentences)
      }
    }
    return { flagged, evidence: flagged ? evidenceForSentences(this.analysis, sentences) : [] }
  }

  private detect(detector: Detector): DetectorOutcome {
    const cached = this.detectorCache.get(detector)
    if (cached) return cached
    const outcome =
      detector === 'tool-only' ? this.toolOnly() : detector === 'absolutist' ? this.absolutist() : this.overEngineering()
    this.detectorCache.set(detector, outcome)
    return outcome
  }

  /** A reason, a trade-off or a rejection of the tool in the same or an adjacent sentence. */
  private isJustified(sentence: number): boolean {
    if (!this.justifiedSentences) {
      const view = this.analysis.content
      const justified = new Set<number>()
      for (const id of hitSentences(view, findPhrases(view, this.lexicon.justifications))) {
        justified.add(id - 1).add(id).add(id + 1)
      }
      for (const id of this.negatedSentences()) justified.add(id)
      this.justifiedSentences = justified
    }
    return this.justifiedSentences.has(sentence)
  }

  private negatedSentences(): Set<number> {
    const view = this.analysis.content
    return new Set(hitSentences(view, findPhrases(view, this.lexicon.negations)))
  }

  /** Most tool mentions come with no reason nearby. */
  private toolOnly(): DetectorOutcome {
    const view = this.analysis.content
    const toolSentences = hitSentences(view, findPhrasesGreedy(view, this.lexicon.technologies))
    const unjustified = toolSentences.filter((id) => !this.isJustified(id))
    return {
      flagged: unjustified.length > 0 && unjustified.length > toolSentences.length - unjustified.length,
      sentences: unjustified
    }
  }

  /**
   * Absolutes not softened by a qualifier in their sentence. One slip in a long, qualified
   * answer is speech; two, or one in an answer with no qualification at all, is a stance.
   */
  private absolutist(): DetectorOutcome {
    const view = this.analysis.content
    const exceptions = findPhrases(view, this.lexicon.absoluteExceptions)
    const qualified = new Set(hitSentences(view, findPhrases(view, this.lexicon.qualifiers)))
    const unqualified = findPhrases(view, this.lexicon.absolutes).filter(
      (hit) => !overlapsAny(hit, exceptions) && !qualified.has(view[hit.from]!.sentence)
    )
    const flagged =
      unqualified.length >= 2 ||
      (unqualified.length === 1 && (view.length < shortAnswerWords || qualified.size === 0))
    return { flagged, sentences: unqualified.map((hit) => view[hit.from]!.sentence) }
  }

  /** Two or more heavyweight components, not argued against, right beside a small or infrequent need. */
  private overEngineering(): DetectorOutcome {
    const view = this.analysis.content
    const negated = this.negatedSentences()
    const heavyBySentence = new Map<number, Set<string>>()
    for (const hit of findPhrasesGreedy(view, this.lexicon.heavyweight)) {
      const sentence = view[hit.from]!.sentence
      if (negated.has(sentence)) continue
      const set = heavyBySentence.get(sentence) ?? new Set<string>()
      set.add(hit.phrase.parts.join(' '))
      heavyBySentence.set(sentence, set)
    }
    const sentences: number[] = []
    for (const small of hitSentences(view, findPhrases(view, this.lexicon.smallNeed))) {
      const components = new Set<string>()
      const near: number[] = []
      for (const id of [small - 1, small, small + 1]) {
        const found = heavyBySentence.get(id)
        if (!found) continue
        for (const component of found) components.add(component)
        near.push(id)
      }
      if (components.size >= 2) sentences.push(small, ...near)
    }
    return { flagged: sentences.length > 0, sentences }
  }
}

function overlapsAny(hit: PhraseHit, others: readonly PhraseHit[]): boolean {
  return others.some((other) => other.from < hit.to && hit.from < other.to)
}

function dedupeEvidence(evidence: readonly Evidence[]): Evidence[] {
  const seen = new Set<number>()
  return evidence
    .filter((item) => (seen.has(item.startChar) ? false : (seen.add(item.startChar), true)))
    .sort((a, b) => a.startChar - b.startChar)
    .slice(0, 3)
}
