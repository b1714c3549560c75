import { z } from 'zod'
import { QuestionKindSchema, type QuestionKind } from '../banks/types'
import { defined } from '../defined'
import { conceptDetectors, PhraseRuleSchema, type DetectorId } from './lexicon'

/**
 * Scoring profiles: which parts judge an answer to a kind of question, and with what weight.
 * Kept as data (`resources/scoring-profiles.json`) so a weight or a checklist cue changes
 * without touching code, and passed to the scorer so shared code never reads files.
 */

export const scoreComponentIds = ['rubric', 'star', 'ownership', 'quantifiedResult', 'checklist', 'keyTerms', 'delivery'] as const
export type ScoreComponentId = (typeof scoreComponentIds)[number]

export const checklistDetectors = ['scale', 'flow'] as const

export const ChecklistItemSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  cues: z.array(PhraseRuleSchema),
  /** Weaker evidence: heard alone, the item is not met but earns a little (a reason without the alternative it beat). */
  partialCues: z.array(PhraseRuleSchema).optional(),
  /**
   * A question whose title matches this (case-insensitive) does not ask for the item: "How do
   * you decide batch vs streaming?" wants a framework, not a definition.
   */
  skipWhenQuestion: z
    .string()
    .refine((pattern) => {
      try {
        new RegExp(pattern, 'i')
        return true
      } catch {
        return false
      }
    }, 'not a valid regular expression')
    .optional(),
  /** A structural check besides the cues: a number with a unit ("scale"), components joined by flow ("flow"). */
  detector: z.enum(checklistDetectors).optional(),
  /** The coaching: what to change… */
  change: z.string().min(1),
  /** …and a line that works for any question… */
  say: z.string().min(1),
  /** …or, when the model answer has a line on this point, the same advice in its words (`{model}`). */
  sayFromModel: z.string().includes('{model}').optional()
})
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>

export const ChecklistSchema = z
  .object({
    label: z.string().min(1),
    /** The part is the mean strength of the best this many items: most must be covered, one may be skipped. */
    required: z.number().int().positive(),
    about: z.string().optional(),
    items: z.array(ChecklistItemSchema).min(1)
  })
  .refine((c) => c.required <= c.items.length, { message: 'required cannot exceed the number of items' })
export type Checklist = z.infer<typeof ChecklistSchema>

const weightsShape = Object.fromEntries(scoreComponentIds.map((id) => [id, z.number().positive().optional()])) as Record<
  ScoreComponentId,
  z.ZodOptional<z.ZodNumber>
>

export const ScoringProfileSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  kinds: z.array(QuestionKindSchema).min(1),
  /** Points per part, adding up to 100. Parts not listed do not apply to this kind. */
  weights: z.object(weightsShape),
  /** Which checklist judges which kind (the technical profile has one per kind). */
  checklists: z.partialRecord(QuestionKindSchema, z.string()).optional(),
  /** Reject patterns that apply; a rubric's reject criterion for any other detector is not used. */
  detectors: z.array(z.enum(conceptDetectors)),
  /** Overrides the global penalty (a story's flags overlap its own parts, so they cost less). */
  penalty: z.object({ each: z.number().nonnegative(), cap: z.number().nonnegative() }).optional(),
  about: z.string()
})
export type ScoringProfile = z.infer<typeof ScoringProfileSchema>

export const ScoringProfilesSchema = z
  .object({
    version: z.literal(1),
    about: z.string().optional(),
    bands: z.object({ strong: z.number(), fair: z.number() }),
    penalty: z.object({ each: z.number().nonnegative(), cap: z.number().nonnegative() }),
    keyTerms: z.object({
      /** Fewer terms than this: the key-terms part keeps only that share of its weight. */
      fullWeightAt: z.number().int().positive(),
      /** Saying the weight of this many of the heaviest terms is full coverage. */
      coverageTarget: z.number().int().positive(),
      about: z.string().optional()
    }),
    /** An answer that comes with a SQL drill: the query's correctness takes this share of 100, the profile's parts the rest. */
    sqlDrill: z
      .object({ correctnessWeight: z.number().min(0).max(100), about: z.string().optional() })
      .default({ correctnessWeight: 50 }),
    profiles: z.array(ScoringProfileSchema).min(1),
    checklists: z.record(z.string(), ChecklistSchema),
    detectorLabels: z.record(z.enum(conceptDetectors), z.string())
  })
  .superRefine((data, ctx) => {
    const claimed = new Map<QuestionKind, string>()
    for (const [index, profile] of data.profiles.entries()) {
      const total = Object.values(profile.weights).reduce((sum: number, w) => sum + (w ?? 0), 0)
      if (Math.abs(total - 100) > 1e-9) {
        ctx.addIssue({ code: 'custom', path: ['profiles', index, 'weights'], message: `weights of "${profile.id}" add up to ${total}, not 100` })
      }
      for (const kind of profile.kinds) {
        const other = claimed.get(kind)
        if (other) ctx.addIssue({ code: 'custom', path: ['profiles', index, 'kinds'], message: `kind "${kind}" is claimed by "${other}" and "${profile.id}"` })
        claimed.set(kind, profile.id)
        if (profile.weights.checklist !== undefined && !data.checklists[profile.checklists?.[kind] ?? '']) {
          ctx.addIssue({ code: 'custom', path: ['profiles', index, 'checklists'], message: `"${profile.id}" scores a checklist but names none that exists for "${kind}"` })
        }
      }
    }
  })
export type ScoringProfiles = z.infer<typeof ScoringProfilesSchema>

/** Validates raw data (the parsed JSON file, or an override) into profiles; throws with the zod issues. */
export function parseScoringProfiles(raw: unknown): ScoringProfiles {
  const result = ScoringProfilesSchema.safeParse(raw)
  if (!result.success) {
    const detail = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ')
    throw new Error(`Invalid scoring profiles: ${detail}`)
  }
  return result.data
}

export interface ResolvedProfile {
  profile: ScoringProfile
  checklistId: string | null
  checklist: Checklist | null
}

/** The profile for a kind; a kind no profile claims is scored as a technical answer (the last profile). */
export function profileFor(profiles: ScoringProfiles, kind: QuestionKind): ResolvedProfile {
  const profile = profiles.profiles.find((p) => p.kinds.includes(kind)) ?? defined(profiles.profiles.at(-1), 'a scoring profile (the schema requires one)')
  const checklistId = profile.weights.checklist === undefined ? null : (profile.checklists?.[kind] ?? Object.values(profile.checklists ?? {})[0] ?? null)
  return { profile, checklistId, checklist: checklistId ? (profiles.checklists[checklistId] ?? null) : null }
}

export const componentLabels: Record<ScoreComponentId, string> = {
  rubric: 'Rubric "listen for"',
  star: 'STAR parts',
  ownership: 'Ownership ("I")',
  quantifiedResult: 'Quantified result',
  checklist: 'Checklist',
  keyTerms: 'Key terms',
  delivery: 'Delivery'
}

export function detectorLabel(profiles: ScoringProfiles, detector: DetectorId): string {
  return profiles.detectorLabels[detector] ?? detector
}

/** Every profile in words, for the README and the review's "How is this scored?". */
export function describeProfiles(profiles: ScoringProfiles): string[] {
  const lines: string[] = []
  for (const profile of profiles.profiles) {
    const { checklist } = profileFor(profiles, defined(profile.kinds[0], `a kind of profile "${profile.id}" (the schema requires one)`))
    const parts = scoreComponentIds
      .filter((id) => profile.weights[id] !== undefined)
      .map((id) => `${id === 'checklist' && checklist ? checklist.label : componentLabels[id]} ${profile.weights[id]}`)
    lines.push(`${profile.label} (${profile.kinds.join(', ')}): ${parts.join(' + ')}; rejects: ${profile.detectors.map((d) => detectorLabel(profiles, d)).join(', ')}.`)
  }
  lines.push(
    `Each rejected pattern costs ${profiles.penalty.each} points (at most ${profiles.penalty.cap}). Bands: strong ≥ ${profiles.bands.strong}, fair ≥ ${profiles.bands.fair}, weak below.`,
    `An answer with a SQL drill: the query's result counts ${profiles.sqlDrill.correctnessWeight} of 100 (a match on the first run is full marks, each extra run costs 10, wrong rows earn a share of up to 40) and the parts above share the rest.`,
    `A part with nothing to judge hands its weight to the others in proportion: delivery without speech timing (a typed answer) is "not measured", never free points. With fewer than ${profiles.keyTerms.fullWeightAt} key terms, the key-terms part keeps only that share of its weight.`
  )
  return lines
}
