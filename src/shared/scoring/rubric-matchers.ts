import { clauseOf, evidenceForSentences, hitSentences, type TranscriptAnalysis } from './analysis'
import type { CompiledLexicon, CriterionMatcher } from './compile'
import type { Concept } from './lexicon'
import { findPhrases, findPhrasesGreedy, type PhraseHit } from './phrases'
import type { Evidence } from './report-schema'
import { roundTo } from './rounding'
import { detectRambling, detectResultsWithoutNumbers, detectTeamOnly, type StarAnalysis } from './star'
import { phraseTokens, tokenAt } from './tokens'

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
/** Reasons given anywhere in the answer: with this many, naming a tool is not "tool-only". */
const reasonedAnswerClauses = 2
/** Tool names at least this share of what was said: naming tools is most of the answer. */
const toolDensity = 0.1
/** Heavyweight components that are over-engineering for a need the question itself calls small (daily, a report). */
const heavyForSmallQuestion = 3
const smallQuestionWords = new Set(['daily', 'nightly', 'weekly', 'monthly', 'quarterly', 'report', 'reports', 'reporting'])

/** Whether a question's text calls its need small; pure, so memoised by the text. */
const smallQuestionMemo = new Map<string, boolean>()

export interface EvaluatorContext {
  /** The STAR reading of the answer, for profiles that judge stories. */
  star: StarAnalysis | null
  /** The question's title and prompt: the need an answer is measured against. */
  questionText: string
}

/**
 * Runs a rubric's matchers over one transcript. Detectors are shared between criteria (two
 * banks may both reject "tool-only answers"), so each runs at most once per transcript.
 */
export class RubricEvaluator {
  private readonly detectorCache = new Map<Detector, DetectorOutcome>()
  private clauseReasons: { justified: ReadonlySet<number>; negated: ReadonlySet<number> } | null = null

  constructor(
    private readonly analysis: TranscriptAnalysis,
    private readonly lexicon: CompiledLexicon,
    private readonly context: EvaluatorContext
  ) {}

  listen(matcher: CriterionMatcher): ListenOutcome {
    const view = this.analysis.content
    let met = false
    let strength = 0
    const sentences: number[] = []
    const extraEvidence: Evidence[] = []

    const star = this.context.star?.result
    for (const part of matcher.starParts) {
      const result = star?.[part]
      if (!result) continue
      if (result.present) met = true
      strength = Math.max(strength, result.score)
      extraEvidence.push(...result.evidence)
    }

    if (matcher.starParts.length > 0) {
      // A STAR part is judged by the STAR reading alone: its examples ("10 TB") are someone else's story.
    } else if (matcher.concepts.length > 0 || matcher.examples.phrases.length > 0) {
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

  /** A criterion the profile adds itself (its rubric does not list it): judged by its detector. */
  rejectByDetector(detector: Detector): RejectOutcome {
    const outcome = this.detect(detector)
    return { flagged: outcome.flagged, evidence: outcome.flagged ? evidenceForSentences(this.analysis, outcome.sentences) : [] }
  }

  /** `detector`: the one detector of the criterion that the profile applies (null: judged by its examples). */
  reject(matcher: CriterionMatcher, detector: Detector | null = matcher.detectors[0] ?? null): RejectOutcome {
    const view = this.analysis.content
    const sentences: number[] = []
    let flagged = false

    // A criterion a detector understands is judged by the detector: its quoted examples
    // ("we did it", "just use Spark") are illustrations, and matching them literally would flag
    // "we did it in two weeks" or "just use a cron job".
    if (matcher.detectors.length === 0) {
      for (const hit of findPhrases(view, matcher.examples)) {
        flagged = true
        sentences.push(tokenAt(view, hit.from).sentence)
      }
    }
    if (detector) {
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
    const outcome = this.runDetector(detector)
    this.detectorCache.set(detector, outcome)
    return outcome
  }

  private runDetector(detector: Detector): DetectorOutcome {
    const star = this.context.star
    switch (detector) {
      case 'tool-only':
        return this.toolOnly()
      case 'absolutist':
        return this.absolutist()
      case 'over-engineering':
        return this.overEngineering()
      case 'team-only':
        return star ? detectTeamOnly(star) : { flagged: false, sentences: [] }
      case 'results-without-numbers':
        return star ? detectResultsWithoutNumbers(star) : { flagged: false, sentences: [] }
      case 'rambling':
        return star ? detectRambling(star) : { flagged: false, sentences: [] }
    }
  }

  /**
   * Clauses that carry a reason or a trade-off. A tool mention is justified when one sits in its
   * own clause or the clause just before or after ("Kafka, because it buffers spikes" / "it
   * buffers spikes, so Kafka"), or when its own clause rejects it ("no need for Kafka").
   */
  private reasonClauses(): { justified: ReadonlySet<number>; negated: ReadonlySet<number> } {
    if (!this.clauseReasons) {
      const view = this.analysis.content
      const clausesOf = (hits: readonly PhraseHit[]): Set<number> => new Set(hits.map((hit) => clauseOf(this.analysis, tokenAt(view, hit.from).index)))
      this.clauseReasons = {
        justified: clausesOf(findPhrases(view, this.lexicon.justifications)),
        negated: clausesOf(findPhrases(view, this.lexicon.negations))
      }
    }
    return this.clauseReasons
  }

  private isJustifiedAt(tokenIndex: number): boolean {
    const clause = clauseOf(this.analysis, tokenIndex)
    const { justified, negated } = this.reasonClauses()
    return justified.has(clause) || justified.has(clause - 1) || justified.has(clause + 1) || negated.has(clause)
  }

  private negatedSentences(): Set<number> {
    const view = this.analysis.content
    return new Set(hitSentences(view, findPhrases(view, this.lexicon.negations)))
  }

  /**
   * Tools named instead of reasoning: tool names are a large part of what was said, most
   * mentions have no reason in their clause or the next, and the answer as a whole gives fewer
   * than two reasons. A walkthrough that names components, says what each does and argues its
   * key choices is not tool-only.
   */
  private toolOnly(): DetectorOutcome {
    const view = this.analysis.content
    const mentions = findPhrasesGreedy(view, this.lexicon.technologies)
    if (mentions.length === 0) return { flagged: false, sentences: [] }
    const unjustified = mentions.filter((hit) => !this.isJustifiedAt(tokenAt(view, hit.from).index))
    const justifiedShare = 1 - unjustified.length / mentions.length
    const density = mentions.length / view.length
    const flagged = justifiedShare < 0.5 && this.reasonClauses().justified.size < reasonedAnswerClauses && density >= toolDensity
    return { flagged, sentences: flagged ? [...new Set(unjustified.map((hit) => tokenAt(view, hit.from).sentence))] : [] }
  }

  /**
   * Absolutes said as a stance ("you should always…", "X is never good enough"), not softened
   * by a qualifier in their sentence. A description ("the state is always in Redis") is not a
   * stance. One stance in a long, qualified answer is speech; two, or one in a short or
   * unqualified answer, is absolutist.
   */
  private absolutist(): DetectorOutcome {
    const view = this.analysis.content
    const exceptions = findPhrases(view, this.lexicon.absoluteExceptions)
    const qualified = new Set(hitSentences(view, findPhrases(view, this.lexicon.qualifiers)))
    const prescriptive = new Set(hitSentences(view, findPhrases(view, this.lexicon.prescriptions)))
    const stances = findPhrases(view, this.lexicon.absolutes).filter((hit) => {
      const sentence = tokenAt(view, hit.from).sentence
      return !overlapsAny(hit, exceptions) && !qualified.has(sentence) && prescriptive.has(sentence)
    })
    const flagged = stances.length >= 2 || (stances.length === 1 && (view.length < shortAnswerWords || qualified.size === 0))
    return { flagged, sentences: flagged ? stances.map((hit) => tokenAt(view, hit.from).sentence) : [] }
  }

  /**
   * Heavyweight components built for a small or infrequent need: two or more, not argued
   * against, in the clause of a small need the candidate states or the clause next to it (not
   * across a contrast: "Kafka for inventory, but the report stayed a nightly job" is a good
   * split); or three or more for a need the question itself calls small ("daily pipeline").
   */
  private overEngineering(): DetectorOutcome {
    const view = this.analysis.content
    const negated = this.negatedSentences()
    const heavyByClause = new Map<number, Set<string>>()
    const sentenceOfClause = new Map<number, number>()
    const heavySentences = new Set<number>()
    for (const hit of findPhrasesGreedy(view, this.lexicon.heavyweight)) {
      const token = tokenAt(view, hit.from)
      if (negated.has(token.sentence)) continue
      const clause = clauseOf(this.analysis, token.index)
      sentenceOfClause.set(clause, token.sentence)
      const set = heavyByClause.get(clause) ?? new Set<string>()
      set.add(hit.phrase.parts.join(' '))
      heavyByClause.set(clause, set)
      heavySentences.add(token.sentence)
    }
    const contrastClauses = new Set(findPhrases(view, this.lexicon.contrasts).map((hit) => clauseOf(this.analysis, tokenAt(view, hit.from).index)))
    const sentences: number[] = []
    for (const hit of findPhrases(view, this.lexicon.smallNeed)) {
      const token = tokenAt(view, hit.from)
      const clause = clauseOf(this.analysis, token.index)
      const components = new Set<string>()
      // A contrast opening a clause separates it from the clause before.
      const near = [clause, ...(contrastClauses.has(clause) ? [] : [clause - 1]), ...(contrastClauses.has(clause + 1) ? [] : [clause + 1])]
      for (const id of near) {
        // The next sentence is another thought ("History goes to S3 for the daily reports. If Flink fails…").
        if (sentenceOfClause.get(id) !== token.sentence) continue
        for (const component of heavyByClause.get(id) ?? []) components.add(component)
      }
      if (components.size >= 2) sentences.push(token.sentence)
    }
    if (sentences.length === 0 && this.questionIsSmall()) {
      const all = new Set<string>()
      for (const found of heavyByClause.values()) for (const component of found) all.add(component)
      if (all.size >= heavyForSmallQuestion) sentences.push(...heavySentences)
    }
    return { flagged: sentences.length > 0, sentences: [...new Set(sentences)].sort((a, b) => a - b) }
  }

  private questionIsSmall(): boolean {
    const key = this.context.questionText
    let small = smallQuestionMemo.get(key)
    if (small === undefined) {
      const tokens = phraseTokens(key)
      small = tokens.some((t) => smallQuestionWords.has(t.norm)) || findPhrases(tokens, this.lexicon.smallNeed).length > 0
      if (smallQuestionMemo.size > 2000) smallQuestionMemo.clear()
      smallQuestionMemo.set(key, small)
    }
    return small
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
