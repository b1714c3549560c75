import { z } from 'zod'

/**
 * The scorer's vocabulary: cue phrases, fillers, hedges, technologies… Kept as data
 * (`resources/scoring-lexicon.json`) so it can be tuned without touching the matching code, and
 * passed to the scorer as an argument so shared code never reads files.
 *
 * Phrases are written as spoken ("trade-off", "chose * over"): they go through the same
 * tokenizer and stemmer as the transcript, and `*` stands for exactly one word.
 */

/** A phrase, optionally with context rules that tell a filler "like" from "I like Spark". */
export const PhraseRuleSchema = z.union([
  z.string().min(1),
  z.object({
    phrase: z.string().min(1),
    /** Not counted right after one of these words ("what kind of", "I like"). */
    notAfter: z.array(z.string()).optional(),
    /**
     * When given, only counted at a boundary (sentence start, comma either side) or right after
     * one of these words: "so like, we…" is a filler, "a queue like Kafka" is not.
     */
    boundaryOrAfter: z.array(z.string()).optional()
  })
])
export type PhraseRule = z.infer<typeof PhraseRuleSchema>

/** Reject patterns judged by the answer's structure rather than by cue words. */
export const conceptDetectors = ['tool-only', 'absolutist', 'over-engineering', 'team-only', 'results-without-numbers', 'rambling'] as const
export type DetectorId = (typeof conceptDetectors)[number]
export const starParts = ['situation', 'task', 'action', 'result'] as const
export type StarPart = (typeof starParts)[number]

export const ConceptSchema = z.object({
  id: z.string().min(1),
  /** Which side of a rubric the concept can explain. */
  appliesTo: z.enum(['listen', 'reject']),
  /** Words in a criterion's label or description that mean "this criterion is about me". */
  triggers: z.array(z.string().min(1)).min(1),
  /** What to listen for in the transcript. */
  cues: z.array(z.string().min(1)),
  /** Reject concepts judged by structure rather than by cue words. */
  detector: z.enum(conceptDetectors).optional(),
  /** Criteria about a STAR part are judged by the STAR analysis. */
  star: z.enum(starParts).optional()
})
export type Concept = z.infer<typeof ConceptSchema>

export const LexiconSchema = z
  .object({
    version: z.literal(1),
    concepts: z.array(ConceptSchema),
    fillers: z.array(PhraseRuleSchema),
    hedges: z.array(PhraseRuleSchema),
    absolutes: z.array(z.string().min(1)),
    /** Phrases that contain an absolute word without being absolutist ("every day"). */
    absoluteExceptions: z.array(z.string().min(1)),
    /** Words that soften an absolute in the same sentence ("always, unless…"). */
    qualifiers: z.array(z.string().min(1)),
    /**
     * Words that make an absolute a stance rather than a description: "you should always…",
     * "X is always the best", versus "the dashboard always shows the latest state".
     */
    prescriptions: z.array(z.string().min(1)),
    /** Words that turn the next clause against the previous one ("…, but the report stayed batch"). */
    contrasts: z.array(z.string().min(1)),
    /** Phrases that justify a tool choice. */
    reasons: z.array(z.string().min(1)),
    /** Phrases that turn a tool mention into a rejection of it ("no need for Kafka"). */
    negations: z.array(z.string().min(1)),
    technologies: z.array(z.string().min(1)),
    heavyweight: z.array(z.string().min(1)),
    smallNeed: z.array(z.string().min(1)),
    star: z.object({
      situation: z.array(z.string().min(1)),
      task: z.array(z.string().min(1)),
      actionVerbs: z.array(z.string().min(1)),
      /** Verbs of change ("reduced", "went from"): a result when said about what happened, not about a goal. */
      result: z.array(z.string().min(1)),
      quantities: z.array(z.string().min(1)),
      /** The candidate saying what was theirs ("my part was", "I owned"). */
      ownership: z.array(z.string().min(1)),
      /** Phrases that announce an outcome wherever they sit ("as a result", "in the end"). */
      resultMarkers: z.array(z.string().min(1)),
      /** Outcomes that say nothing measurable ("it was fine", "things were better"): not a Result. */
      vagueResults: z.array(z.string().min(1)),
      /** Objects that make a change verb vague ("improved things"). */
      vagueObjects: z.array(z.string().min(1)),
      lessons: z.array(z.string().min(1)),
      /** Words before a change verb that make it a plan ("the goal was to reduce"), not a result. */
      intentions: z.array(z.string().min(1))
    }),
    stopwords: z.array(z.string().min(1)),
    /** Everyday words that sound like jargon ("parked" ~ Parquet) and must never fuzzy-match. */
    fuzzyNever: z.array(z.string().min(1))
  })
  .superRefine((lexicon, ctx) => {
    const seen = new Set<string>()
    for (const [index, concept] of lexicon.concepts.entries()) {
      if (seen.has(concept.id)) {
        ctx.addIssue({ code: 'custom', path: ['concepts', index, 'id'], message: `duplicate concept id "${concept.id}"` })
      }
      seen.add(concept.id)
      if (concept.detector && concept.appliesTo !== 'reject') {
        ctx.addIssue({ code: 'custom', path: ['concepts', index], message: 'a detector only makes sense on a reject concept' })
      }
    }
  })
export type Lexicon = z.infer<typeof LexiconSchema>

/** Validates raw data (the parsed JSON file, or a user's override) into a lexicon; throws with the zod issues. */
export function parseLexicon(raw: unknown): Lexicon {
  const result = LexiconSchema.safeParse(raw)
  if (!result.success) {
    const detail = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ')
    throw new Error(`Invalid scoring lexicon: ${detail}`)
  }
  return result.data
}
