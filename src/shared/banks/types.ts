import { z } from 'zod'
import { difficulties } from './difficulty'
import { questionKinds } from './question-kinds'

/**
 * The data model of question banks. These schemas are part of the API contract (the backend
 * returns them to the renderer), so they live in `shared` and are plain data: no classes.
 */

export { questionKinds }
export const QuestionKindSchema = z.enum(questionKinds)
export type QuestionKind = z.infer<typeof QuestionKindSchema>

export const DifficultySchema = z.enum(difficulties)

export const CodeBlockSchema = z.object({
  lang: z.string(),
  code: z.string()
})
export type CodeBlock = z.infer<typeof CodeBlockSchema>

export const DiagramSchema = z.object({
  /** The diagram as the bank wrote it (ASCII / box-drawing art), shown in monospace. */
  ascii: z.string(),
  /** A Mermaid flowchart derived from an arrow chain (`A → B → C`), when there is one. */
  mermaid: z.string().nullable()
})
export type Diagram = z.infer<typeof DiagramSchema>

/** Where a key term came from: the model answer's technologies, concepts, SQL, definitions or emphasis, the question itself, or a bare list. */
export const keyTermSources = ['technology', 'concept', 'sql', 'defined', 'emphasis', 'question', 'listed'] as const
export const KeyTermSourceSchema = z.enum(keyTermSources)
export type KeyTermSource = z.infer<typeof KeyTermSourceSchema>

export const KeyTermSchema = z.object({
  term: z.string(),
  /** Other ways to say it ("CDC" for change data capture, "postgres" for PostgreSQL). */
  aliases: z.array(z.string()),
  source: KeyTermSourceSchema,
  /** How much saying it counts, relative to the question's other terms (a defined concept > a tool named once in a diagram). */
  weight: z.number().positive()
})
export type KeyTerm = z.infer<typeof KeyTermSchema>

/** Where else a merged duplicate was found. */
export const QuestionSourceSchema = z.object({
  bankId: z.string(),
  file: z.string(),
  section: z.string(),
  title: z.string()
})
export type QuestionSource = z.infer<typeof QuestionSourceSchema>

export const QuestionSchema = z.object({
  /** Stable: derived from bank, section path and title only. */
  id: z.string(),
  bankId: z.string(),
  /** Headings above the question, outermost first. */
  sectionPath: z.array(z.string()),
  /** `sectionPath` joined with " › " (what the CLI and search show). */
  section: z.string(),
  title: z.string(),
  /** Markdown: the question as asked (may equal the title). */
  prompt: z.string(),
  kind: QuestionKindSchema,
  /** Markdown reference answer, or null when the bank gives none. */
  answer: z.string().nullable(),
  setupCode: z.array(CodeBlockSchema),
  /** The key terms' names, heaviest first (transcription prompts and search use these). */
  keyTerms: z.array(z.string()),
  /** The same terms with their source, aliases and weight (what the scorer counts). */
  keyTermDetails: z.array(KeyTermSchema).default([]),
  tips: z.array(z.string()),
  diagrams: z.array(DiagramSchema),
  /** Id of the rubric that scores this question. */
  rubricId: z.string(),
  alsoIn: z.array(QuestionSourceSchema),
  /**
   * Set when the entry is a rubric's worked example (a model story) rather than a question: it
   * stays in the library and can be read and practised on purpose, but sessions never draw it.
   */
  workedExampleFor: z.string().optional(),
  /** The bank's difficulty marker ("👶", "[Hard]"), when it gives one. */
  difficulty: DifficultySchema.nullable().optional(),
  /** Follow-up questions the bank lists under this one. */
  followUps: z.array(z.string()).optional()
})
export type Question = z.infer<typeof QuestionSchema>

/**
 * What lists, filters and the session planner need of a question: no answer, setup code or
 * diagrams. The library is sent as summaries; a question is fetched whole when it is shown.
 */
export const QuestionSummarySchema = QuestionSchema.pick({
  id: true,
  bankId: true,
  sectionPath: true,
  section: true,
  title: true,
  kind: true,
  rubricId: true,
  alsoIn: true,
  workedExampleFor: true
}).extend({
  difficulty: DifficultySchema.nullable(),
  hasAnswer: z.boolean()
})
export type QuestionSummary = z.infer<typeof QuestionSummarySchema>

export const RubricCriterionSchema = z.object({
  /** Stable slug, unique within the rubric (e.g. `trade-off-frameworks`). */
  id: z.string(),
  label: z.string(),
  /** The bank's own words describing the criterion. */
  description: z.string(),
  /** Quoted examples from the bank ("just use Spark", "always use X"). */
  examples: z.array(z.string())
})
export type RubricCriterion = z.infer<typeof RubricCriterionSchema>

export const TemplatePartSchema = z.object({
  id: z.string(),
  label: z.string(),
  description: z.string()
})
export type TemplatePart = z.infer<typeof TemplatePartSchema>

export const RubricSchema = z.object({
  id: z.string(),
  /** The bank it came from (for built-in fallbacks, the STAR rubric's bank). */
  bankId: z.string(),
  title: z.string(),
  /** Which questions it applies to when a bank has no rubric of its own. */
  appliesTo: z.array(QuestionKindSchema),
  listenFor: z.array(RubricCriterionSchema),
  reject: z.array(RubricCriterionSchema),
  /** The answer structure ("Interview Answer Template", or STAR's four parts). */
  template: z.array(TemplatePartSchema)
})
export type Rubric = z.infer<typeof RubricSchema>

export const BankSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** File name as stored (seed name or imported name). */
  file: z.string(),
  source: z.enum(['built-in', 'imported']),
  /** Questions found in this file before merging duplicates across banks. */
  questionCount: z.number().int(),
  warnings: z.array(z.string())
})
export type Bank = z.infer<typeof BankSchema>

export const BankLibrarySchema = z.object({
  banks: z.array(BankSchema),
  /** Merged across banks. */
  questions: z.array(QuestionSchema),
  rubrics: z.array(RubricSchema),
  /** Files that could not be loaded at all, each with a reason naming the file. */
  errors: z.array(z.object({ file: z.string(), reason: z.string() }))
})
export type BankLibrary = z.infer<typeof BankLibrarySchema>

export const LibrarySummarySchema = BankLibrarySchema.extend({
  /** Merged across banks, in library order. */
  questions: z.array(QuestionSummarySchema)
})
export type LibrarySummary = z.infer<typeof LibrarySummarySchema>
