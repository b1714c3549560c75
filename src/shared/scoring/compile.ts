import type { Rubric, RubricCriterion, TemplatePart } from '../banks/types'
import type { Concept, Lexicon, StarPart } from './lexicon'
import { compilePhrases, findPhrases, mergePhraseSets, type PhraseSet } from './phrases'
import { normalizeWord, phraseTokens } from './tokens'

/**
 * Everything that depends only on the lexicon or the rubric is compiled once and cached on the
 * object itself (WeakMap), so scoring a transcript costs one pass over its words.
 */

export interface CompiledConcept {
  concept: Concept
  triggers: PhraseSet
  cues: PhraseSet
}

export interface CompiledLexicon {
  lexicon: Lexicon
  concepts: readonly CompiledConcept[]
  fillers: PhraseSet
  hedges: PhraseSet
  absolutes: PhraseSet
  absoluteExceptions: PhraseSet
  qualifiers: PhraseSet
  prescriptions: PhraseSet
  contrasts: PhraseSet
  /** Reasons plus trade-off cues: what makes a tool mention a justified one. */
  justifications: PhraseSet
  negations: PhraseSet
  technologies: PhraseSet
  heavyweight: PhraseSet
  smallNeed: PhraseSet
  star: {
    situation: PhraseSet
    task: PhraseSet
    actionVerbs: PhraseSet
    result: PhraseSet
    quantities: PhraseSet
    ownership: PhraseSet
    resultMarkers: PhraseSet
    vagueResults: PhraseSet
    vagueObjects: PhraseSet
    lessons: PhraseSet
    intentions: PhraseSet
  }
  stopwords: ReadonlySet<string>
  fuzzyNever: ReadonlySet<string>
  /** Single-word technologies, stemmed: the "Spark" of "just use Spark" becomes a wildcard. */
  technologyStems: ReadonlySet<string>
}

const lexiconCache = new WeakMap<Lexicon, CompiledLexicon>()

export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  const cached = lexiconCache.get(lexicon)
  if (cached) return cached
  const concepts = lexicon.concepts.map((concept) => ({
    concept,
    triggers: compilePhrases(concept.triggers),
    cues: compilePhrases(concept.cues)
  }))
  const tradeOffCues = conceptsMatching(concepts, 'trade-off', 'listen').map((c) => c.cues)
  const technologyStems = new Set(
    lexicon.technologies.map((t) => phraseTokens(t)).flatMap(([only, ...rest]) => (only && rest.length === 0 ? [only.stem] : []))
  )
  const compiled: CompiledLexicon = {
    lexicon,
    concepts,
    fillers: compilePhrases(lexicon.fillers),
    hedges: compilePhrases(lexicon.hedges),
    absolutes: compilePhrases(lexicon.absolutes),
    absoluteExceptions: compilePhrases(lexicon.absoluteExceptions),
    qualifiers: compilePhrases(lexicon.qualifiers),
    prescriptions: compilePhrases(lexicon.prescriptions),
    contrasts: compilePhrases(lexicon.contrasts),
    justifications: mergePhraseSets([compilePhrases(lexicon.reasons), ...tradeOffCues]),
    negations: compilePhrases(lexicon.negations),
    technologies: compilePhrases(lexicon.technologies),
    heavyweight: compilePhrases(lexicon.heavyweight),
    smallNeed: compilePhrases(lexicon.smallNeed),
    star: {
      situation: compilePhrases(lexicon.star.situation),
      task: compilePhrases(lexicon.star.task),
      actionVerbs: compilePhrases(lexicon.star.actionVerbs),
      result: compilePhrases(lexicon.star.result),
      quantities: compilePhrases(lexicon.star.quantities),
      ownership: compilePhrases(lexicon.star.ownership),
      resultMarkers: compilePhrases(lexicon.star.resultMarkers),
      vagueResults: compilePhrases(lexicon.star.vagueResults),
      vagueObjects: compilePhrases(lexicon.star.vagueObjects),
      lessons: compilePhrases(lexicon.star.lessons),
      intentions: compilePhrases(lexicon.star.intentions)
    },
    stopwords: new Set(lexicon.stopwords.map(normalizeWord)),
    fuzzyNever: new Set(lexicon.fuzzyNever.map(normalizeWord)),
    technologyStems
  }
  lexiconCache.set(lexicon, compiled)
  return compiled
}

/** Concepts whose triggers occur in `text` (a criterion's label or description). */
export function conceptsMatching(
  concepts: readonly CompiledConcept[],
  text: string,
  appliesTo: 'listen' | 'reject'
): CompiledConcept[] {
  const tokens = phraseTokens(text)
  return concepts.filter((c) => c.concept.appliesTo === appliesTo && findPhrases(tokens, c.triggers).length > 0)
}

export type CriterionKind = 'listen' | 'reject' | 'template'

export interface CriterionMatcher {
  id: string
  label: string
  kind: CriterionKind
  concepts: readonly CompiledConcept[]
  /** What to listen for: the concepts' cues plus the bank's own examples. */
  cues: PhraseSet
  /** The bank's quoted examples as patterns ("just use X" → just use *). */
  examples: PhraseSet
  detectors: readonly NonNullable<Concept['detector']>[]
  starParts: readonly StarPart[]
  /** For criteria no concept explains: the criterion's own content words, stemmed. */
  fallbackStems: readonly string[]
}

export interface CompiledRubric {
  listen: readonly CriterionMatcher[]
  reject: readonly CriterionMatcher[]
  template: readonly CriterionMatcher[]
}

const rubricCache = new WeakMap<CompiledLexicon, WeakMap<Rubric, CompiledRubric>>()

export function compileRubric(lexicon: CompiledLexicon, rubric: Rubric): CompiledRubric {
  let perLexicon = rubricCache.get(lexicon)
  if (!perLexicon) {
    perLexicon = new WeakMap()
    rubricCache.set(lexicon, perLexicon)
  }
  const cached = perLexicon.get(rubric)
  if (cached) return cached
  const compiled: CompiledRubric = {
    listen: rubric.listenFor.map((c) => compileCriterion(lexicon, c, 'listen')),
    reject: rubric.reject.map((c) => compileCriterion(lexicon, c, 'reject')),
    template: rubric.template.map((part) => compileCriterion(lexicon, part, 'template'))
  }
  perLexicon.set(rubric, compiled)
  return compiled
}

function compileCriterion(
  lexicon: CompiledLexicon,
  criterion: RubricCriterion | TemplatePart,
  kind: CriterionKind
): CriterionMatcher {
  const side = kind === 'reject' ? 'reject' : 'listen'
  // The label names the criterion; the description only decides when the label is unknown
  // ("SUCCESS: [Situation, action, result]" is about success, not about three STAR parts).
  let concepts = conceptsMatching(lexicon.concepts, criterion.label, side)
  if (concepts.length === 0) concepts = conceptsMatching(lexicon.concepts, criterion.description, side)
  const examples = 'examples' in criterion ? criterion.examples : []
  const examplePatterns = compilePhrases(examples, {
    isWildcard: (token) => /^[A-Z]$/.test(token.text) || lexicon.technologyStems.has(token.stem)
  })
  const fallbackStems: string[] = []
  if (concepts.length === 0) {
    for (const token of phraseTokens(`${criterion.label} ${criterion.description}`)) {
      if (token.norm.length < 3 || lexicon.stopwords.has(token.norm) || fallbackStems.includes(token.stem)) continue
      fallbackStems.push(token.stem)
    }
  }
  return {
    id: criterion.id,
    label: criterion.label,
    kind,
    concepts,
    cues: mergePhraseSets([...concepts.map((c) => c.cues), ...(side === 'listen' ? [examplePatterns] : [])]),
    examples: examplePatterns,
    detectors: concepts.flatMap((c) => (c.concept.detector ? [c.concept.detector] : [])),
    starParts: concepts.flatMap((c) => (c.concept.star ? [c.concept.star] : [])),
    fallbackStems
  }
}

