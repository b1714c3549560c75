import { z } from 'zod'
import { KeyTermSourceSchema } from '../banks/types'
import { conceptDetectors } from './lexicon'
import { scoreComponentIds } from './profiles'

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
  /** The structural detector that judged a reject criterion ("team-only", "tool-only"…), if any. */
  detector: z.enum(conceptDetectors).nullable(),
  evidence: z.array(EvidenceSchema)
})
export type CriterionResult = z.infer<typeof CriterionResultSchema>

export const ChecklistItemResultSchema = z.object({
  id: z.string(),
  label: z.string(),
  met: z.boolean(),
  strength: z.number().min(0).max(1),
  evidence: z.array(EvidenceSchema)
})
export type ChecklistItemResult = z.infer<typeof ChecklistItemResultSchema>

export const ChecklistResultSchema = z.object({
  id: z.string(),
  /** "Design checklist", "SQL correctness cues"… */
  label: z.string(),
  items: z.array(ChecklistItemResultSchema)
})
export type ChecklistResult = z.infer<typeof ChecklistResultSchema>

export const keyTermMatchKinds = ['exact', 'stem', 'compound', 'acronym', 'fuzzy', 'alias'] as const
export const KeyTermHitSchema = z.object({
  term: z.string(),
  source: KeyTermSourceSchema,
  weight: z.number().nonnegative(),
  /** What was actually said ("park a" → Parquet); shown as "heard X → counted as Y". */
  heard: z.string(),
  how: z.enum(keyTermMatchKinds),
  startChar: z.number().int().nonnegative(),
  endChar: z.number().int().nonnegative(),
  startMs: z.number().nonnegative().optional()
})
export type KeyTermHit = z.infer<typeof KeyTermHitSchema>

export const MissingKeyTermSchema = z.object({ term: z.string(), source: KeyTermSourceSchema, weight: z.number().nonnegative() })
export type MissingKeyTerm = z.infer<typeof MissingKeyTermSchema>

export const KeyTermCoverageSchema = z.object({
  covered: z.array(KeyTermHitSchema),
  missing: z.array(MissingKeyTermSchema),
  /** Weight said / weight of the heaviest few terms (capped at 1); 0 when the question has none. */
  ratio: z.number().min(0).max(1),
  /** The share of its weight the key-terms part keeps (below 1 when the question has few terms). */
  weightShare: z.number().min(0).max(1)
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
  /** Who acted in the story: actions said with "I" versus "we". */
  ownership: z.object({
    iCount: z.number().int().nonnegative(),
    weCount: z.number().int().nonnegative(),
    /** I-actions / all actions, null when no action was told. */
    ratio: z.number().min(0).max(1).nullable(),
    /** The candidate said what was theirs ("my part was…"). */
    stated: z.boolean()
  }),
  /** The Result part itself holds a number (percent, hours, money, a from–to). */
  quantifiedResult: z.boolean(),
  /** Outcomes that say nothing measurable ("it was fine in the end"): not counted as a Result. */
  vagueResults: z.array(EvidenceSchema),
  /** Share of the story's words spent on context rather than task, action or result. */
  contextShare: z.number().min(0).max(1)
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
  /**
   * Delivery is judged only from speech timing (word times of the audio, or a given duration).
   * A typed answer, or too little speech, is "not measured": its weight goes to the other parts.
   */
  measured: z.boolean(),
  /** Why delivery was not measured, in words; null when it was. */
  reason: z.string().nullable(),
  /** Words of what was spoken (the audio's transcript), or of the text when nothing was. */
  wordCount: z.number().int().nonnegative(),
  /** Words that are not fillers: what pace is measured on. */
  contentWordCount: z.number().int().nonnegative(),
  /** Content words per minute of speech; null when not measured. */
  wpm: z.number().nonnegative().nullable(),
  fillerCount: z.number().int().nonnegative(),
  fillersPerMinute: z.number().nonnegative().nullable(),
  hedgeCount: z.number().int().nonnegative(),
  hedgesPerMinute: z.number().nonnegative().nullable(),
  /** Fillers and hedges in the scored text (offsets into it). */
  fillers: z.array(SpanSchema),
  hedges: z.array(SpanSchema),
  /** Silences over the pause threshold, from word times. */
  pauses: z.array(z.object({ atMs: z.number().nonnegative(), durationMs: z.number().nonnegative() })),
  durationMs: z.number().nonnegative().nullable(),
  /** Where the minutes came from: the audio's word times, a duration given with the text, or none. */
  durationSource: z.enum(['words', 'given', 'none']),
  timeBoxMs: z.number().nonnegative().nullable(),
  bands: z.object({
    pace: z.enum(['slow', 'ok', 'fast', 'unknown']),
    fillers: z.enum(['ok', 'high', 'unknown']),
    hedges: z.enum(['ok', 'high', 'unknown']),
    length: z.enum(['short', 'ok', 'over', 'unknown'])
  })
})
export type DeliveryResult = z.infer<typeof DeliveryResultSchema>

/** The profile's parts, and the SQL drill's correctness (only on answers that come with a drill). */
export const reportComponentIds = [...scoreComponentIds, 'correctness'] as const

export const ScoreComponentSchema = z.object({
  id: z.enum(reportComponentIds),
  label: z.string(),
  /** The nominal weight from the profile. */
  weight: z.number(),
  /** The weight after parts with nothing to judge handed theirs to the others. */
  effectiveWeight: z.number(),
  /** 0..1, or null when there was nothing to judge. */
  value: z.number().min(0).max(1).nullable(),
  points: z.number()
})
export type ScoreComponent = z.infer<typeof ScoreComponentSchema>

export const CoachingItemSchema = z.object({
  /** What to change, in a few words ("Name the trade-off"). */
  change: z.string(),
  /** A line to say next time, in the words of the answer template or the model answer. */
  say: z.string(),
  /** About how many points the change is worth on this answer. */
  points: z.number().nonnegative()
})
export type CoachingItem = z.infer<typeof CoachingItemSchema>

/** How the answer's SQL drill did: what its correctness part rests on (see `scoreDrillCorrectness`). */
export const CorrectnessResultSchema = z.object({
  /** False when the bank gives no reference query: nothing to check against, so no weight. */
  applicable: z.boolean(),
  /** 0–100, null when not applicable. */
  score: z.number().min(0).max(100).nullable(),
  /** The first match if there was one, else the last run's outcome. */
  verdict: z.enum(['match', 'wrong-rows', 'wrong-order', 'wrong-columns', 'truncated', 'error', 'unchecked', 'not-run', 'no-reference']),
  runs: z.number().int().nonnegative(),
  /** The run (1-based) whose check first matched; 1 is a first-try match. */
  matchedAtRun: z.number().int().positive().nullable(),
  explanation: z.string()
})
export type CorrectnessResult = z.infer<typeof CorrectnessResultSchema>

export const bands = ['strong', 'fair', 'weak'] as const
export type Band = (typeof bands)[number]

export const ScoreReportSchema = z.object({
  /** Which profile scored the answer (from the question's kind). */
  profile: z.object({ id: z.string(), label: z.string() }),
  overall: z.number().int().min(0).max(100),
  band: z.enum(bands),
  criteria: z.array(CriterionResultSchema),
  checklist: ChecklistResultSchema.nullable(),
  keyTerms: KeyTermCoverageSchema,
  /** STAR analysis; null for a profile that does not judge stories. */
  star: StarResultSchema.nullable(),
  delivery: DeliveryResultSchema,
  components: z.array(ScoreComponentSchema),
  penalties: z.array(z.object({ criterionId: z.string(), label: z.string(), points: z.number() })),
  /** "Next time": the changes worth the most points, best first. */
  coaching: z.array(CoachingItemSchema),
  /** One line per component, in the order they add up. */
  explanation: z.array(z.string()),
  /** Only on an answer that comes with a SQL drill: whether its query returned the right rows. */
  correctness: CorrectnessResultSchema.optional()
})
export type ScoreReport = z.infer<typeof ScoreReportSchema>
