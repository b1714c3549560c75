import { z } from 'zod'

/**
 * The scorer's output, as a schema so the API contract can carry it and the renderer can
 * trust it. Character offsets point into the transcript that was scored, for highlighting.
 */

/** A transcribed word with its time, as the transcriber reports it (input to the scorer). */
export const WordTimeSchema = z.object({
  startMs: z.number().nonnegative(),
  endMs: z.number().nonnegative(),
  text: z.string()
})
export type WordTime = z.infer<typeof WordTimeSchema>

export const EvidenceSchema = z.object({
  quote: z.string(),
  startChar: z.number().int().nonnegative(),
  endChar: z.number().int().nonnegative(),
  /** When word times were given: where to seek the audio. */
  startMs: z.number().nonnegative().optional()
})
export type Evidence = z.infer<typeof EvidenceSchema>

export const CriterionResultSchema = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(['listen', 'reject']),
  /**
   * The answer satisfies the criterion: for `listen`, it was heard; for `reject`, the answer
   * avoided it (so `met` is always the good outcome and `flagged` always the bad one).
   */
  met: z.boolean(),
  /** Only reject criteria are ever flagged. */
  flagged: z.boolean(),
  /** 0..1: how strongly a listen criterion was shown (one passing mention scores less than two). */
  strength: z.number().min(0).max(1),
  /** Lexicon concepts the criterion was mapped to (empty: judged by its own words). */
  concepts: z.array(z.string()),
  evidence: z.array(EvidenceSchema)
})
export type CriterionResult = z.infer<typeof CriterionResultSchema>

export const TemplatePartResultSchema = z.object({
  id: z.string(),
  label: z.string(),
  met: z.boolean(),
  strength: z.number().min(0).max(1),
  evidence: z.array(EvidenceSchema)
})
export type TemplatePartResult = z.infer<typeof TemplatePartResultSchema>

export const keyTermMatchKinds = ['exact', 'stem', 'compound', 'acronym', 'fuzzy'] as const
export const KeyTermHitSchema = z.object({
  term: z.string(),
  /** What was actually said ("park a" → Parquet); shown as "heard X → counted as Y". */
  heard: z.string(),
  how: z.enum(keyTermMatchKinds),
  startChar: z.number().int().nonnegative(),
  endChar: z.number().int().nonnegative(),
  startMs: z.number().nonnegative().optional()
})
export type KeyTermHit = z.infer<typeof KeyTermHitSchema>

export const KeyTermCoverageSchema = z.object({
  covered: z.array(KeyTermHitSchema),
  missing: z.array(z.string()),
  /** covered / all terms; 0 when the question has none. */
  ratio: z.number().min(0).max(1)
})
export type KeyTermCoverage = z.infer<typeof KeyTermCoverageSchema>

export const StarPartResultSchema = z.object({
  present: z.boolean(),
  score: z.number().min(0).max(1),
  evidence: z.array(EvidenceSchema)
})
export type StarPartResult = z.infer<typeof StarPartResultSchema>

export const StarResultSchema = z.object({
  situation: StarPartResultSchema,
  task: StarPartResultSchema,
  action: StarPartResultSchema,
  result: StarPartResultSchema,
  /** "I" versus "we": who did the work in the story. */
  ownership: z.object({
    iCount: z.number().int().nonnegative(),
    weCount: z.number().int().nonnegative(),
    /** iCount / (iCount + weCount), null when neither was said. */
    ratio: z.number().min(0).max(1).nullable()
  }),
  /** A result with numbers, percentages or time saved. */
  quantifiedResult: z.boolean()
})
export type StarResult = z.infer<typeof StarResultSchema>

export const SpanSchema = z.object({
  text: z.string(),
  startChar: z.number().int().nonnegative(),
  endChar: z.number().int().nonnegative(),
  startMs: z.number().nonnegative().optional()
})
export type Span = z.infer<typeof SpanSchema>

export const DeliveryResultSchema = z.object({
  wordCount: z.number().int().nonnegative(),
  /** Words that are not fillers: what pace is measured on. */
  contentWordCount: z.number().int().nonnegative(),
  /** Content words per minute; null without word times or a duration. */
  wpm: z.number().nonnegative().nullable(),
  fillerCount: z.number().int().nonnegative(),
  fillersPerMinute: z.number().nonnegative(),
  hedgeCount: z.number().int().nonnegative(),
  hedgesPerMinute: z.number().nonnegative(),
  fillers: z.array(SpanSchema),
  hedges: z.array(SpanSchema),
  /** Silences over the pause threshold, from word times. */
  pauses: z.array(z.object({ atMs: z.number().nonnegative(), durationMs: z.number().nonnegative() })),
  durationMs: z.number().nonnegative().nullable(),
  /**
   * Where the minutes in the per-minute rates came from; `estimated` assumes a mid-band pace
   * so rates exist for a typed transcript.
   */
  durationSource: z.enum(['words', 'given', 'estimated']),
  timeBoxMs: z.number().nonnegative().nullable(),
  bands: z.object({
    pace: z.enum(['slow', 'ok', 'fast', 'unknown']),
    fillers: z.enum(['ok', 'high']),
    hedges: z.enum(['ok', 'high']),
    length: z.enum(['short', 'ok', 'over', 'unknown'])
  })
})
export type DeliveryResult = z.infer<typeof DeliveryResultSchema>

export const ScoreWeightsSchema = z.object({
  rubric: z.number(),
  template: z.number(),
  keyTerms: z.number(),
  star: z.number(),
  delivery: z.number(),
  rejectPenalty: z.number(),
  rejectPenaltyCap: z.number()
})
export type ScoreWeights = z.infer<typeof ScoreWeightsSchema>

export const ScoreComponentSchema = z.object({
  id: z.enum(['rubric', 'template', 'keyTerms', 'star', 'delivery']),
  label: z.string(),
  /** The nominal weight from SCORING_WEIGHTS. */
  weight: z.number(),
  /** The weight after components with nothing to judge handed theirs to the others. */
  effectiveWeight: z.number(),
  /** 0..1, or null when there was nothing to judge. */
  value: z.number().min(0).max(1).nullable(),
  points: z.number()
})
export type ScoreComponent = z.infer<typeof ScoreComponentSchema>

export const ScoreReportSchema = z.object({
  overall: z.number().int().min(0).max(100),
  criteria: z.array(CriterionResultSchema),
  template: z.array(TemplatePartResultSchema),
  keyTerms: KeyTermCoverageSchema,
  star: StarResultSchema,
  delivery: DeliveryResultSchema,
  components: z.array(ScoreComponentSchema),
  penalties: z.array(z.object({ criterionId: z.string(), label: z.string(), points: z.number() })),
  weights: ScoreWeightsSchema,
  /** One line per component, in the order they add up. */
  explanation: z.array(z.string())
})
export type ScoreReport = z.infer<typeof ScoreReportSchema>
