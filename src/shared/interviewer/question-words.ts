import { readAnswerNotes } from './answer-notes'
import { contentStems } from './terms'

/**
 * The question's and the model answer's own words, picked out for phrasing follow-ups: which
 * way it can fail ("the consumer falls behind"), which two options it weighs ("batch vs
 * streaming"), which goal it serves ("reduce customer churn").
 */

export interface QuestionText {
  title: string
  prompt: string
  answer: string | null
}

export interface FailureScenario {
  id: string
  /** The question is itself about this failure ("Streaming lag keeps increasing"). */
  isTheQuestion: boolean
  /** "What happens when …?" */
  when: string
  /** "How would you catch … before anyone notices?" */
  noun: string
}

interface ScenarioRule extends Omit<FailureScenario, 'isTheQuestion'> {
  triggers: readonly string[]
}

/**
 * Failure modes of data systems, each with the words that make it the likely one. The first
 * rule with the most weight in the question (title and prompt count three times the model
 * answer) wins, so the same question always gets the same scenario.
 */
const scenarios: readonly ScenarioRule[] = [
  {
    id: 'consumer-lag',
    triggers: ['consumer', 'lag', 'backpressure', 'kafka', 'kinesis', 'stream', 'streaming', 'flink', 'real-time', 'realtime', 'near-rt', 'pub/sub', 'queue', 'producer'],
    when: 'the consumer falls behind',
    noun: 'the consumer falling behind'
  },
  {
    id: 'late-data',
    triggers: ['late', 'late-arriving', 'watermark', 'event time', 'window', 'out of order', 'out-of-order'],
    when: 'events arrive hours late',
    noun: 'events arriving hours late'
  },
  {
    id: 'duplicates',
    triggers: ['duplicate', 'duplicates', 'idempotent', 'idempotency', 'exactly-once', 'at-least-once', 'retry', 'retries', 'dedup', 'deduplication', 're-runnable', 'rerun'],
    when: 'the same batch is delivered twice',
    noun: 'the same batch arriving twice'
  },
  {
    id: 'schema-change',
    triggers: ['schema', 'contract', 'breaking', 'column', 'columns', 'compatibility', 'evolution'],
    when: 'the upstream team changes the schema without telling you',
    noun: 'an unannounced schema change'
  },
  {
    id: 'backfill',
    triggers: ['backfill', 'backfills', 'reprocess', 'reprocessing', 'replay', 'historical'],
    when: 'the backfill fails halfway through',
    noun: 'a backfill failing halfway'
  },
  {
    id: 'region',
    triggers: ['region', 'multi-region', 'regions', 'replication', 'disaster', 'failover', 'global', 'geographically'],
    when: 'a whole region goes down',
    noun: 'a region outage'
  },
  {
    id: 'missed-sla',
    triggers: ['sla', 'daily', 'nightly', 'batch', 'airflow', 'dag', 'schedule', 'orchestration', 'cron'],
    when: 'the nightly job misses its SLA',
    noun: 'a job about to miss its SLA'
  },
  {
    id: 'bad-data',
    triggers: ['quality', 'validation', 'validate', 'vendor', 'bad data', 'null', 'nulls', 'anomaly', 'corrupt', 'corruption'],
    when: 'a source sends a file full of bad records',
    noun: 'a file of bad records'
  },
  {
    id: 'drift',
    triggers: ['model', 'ml', 'feature', 'features', 'training', 'drift', 'prediction', 'inference', 'sagemaker'],
    when: "the model's input data drifts",
    noun: 'drift in the input data'
  },
  {
    id: 'wrong-numbers',
    triggers: ['dashboard', 'dashboards', 'bi', 'report', 'reports', 'metrics', 'numbers', 'kpi'],
    when: 'the dashboard shows the wrong numbers',
    noun: 'wrong numbers before they reach the dashboard'
  },
  {
    id: 'slow-query',
    triggers: ['warehouse', 'redshift', 'query', 'queries', 'partition', 'partitioning', 'skew', 'join', 'performance', 'spark'],
    when: 'a query that took seconds starts taking an hour',
    noun: 'queries slowing down as the data grows'
  },
  {
    id: 'small-files',
    triggers: ['lake', 's3', 'storage', 'small files', 'compaction', 'parquet', 'delta', 'iceberg'],
    when: 'the lake fills up with millions of small files',
    noun: 'the small-files problem'
  }
]

const defaultScenario: FailureScenario = { id: 'generic', isTheQuestion: false, when: 'this breaks in production', noun: 'it breaking' }

/** Titles that describe a failure rather than ask for a design. */
const failureTitle = /\b(breaks?|broken|fails?|failing|failure|misses|missed|lag|behind|wrong|dropped|duplicate|slow|increasing|corrupt)/i

function phraseStems(phrase: string): string[] {
  return contentStems(phrase.replace(/[/-]/g, ' '))
}

function countPhrase(haystack: readonly string[], needle: readonly string[]): number {
  if (needle.length === 0) return 0
  let count = 0
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    if (needle.every((stem, k) => haystack[i + k] === stem)) count++
  }
  return count
}

export function failureScenarioFor(question: QuestionText): FailureScenario {
  const asked = contentStems(`${question.title} ${question.prompt}`.replace(/[/-]/g, ' '))
  const answered = contentStems((question.answer ?? '').replace(/[/-]/g, ' '))
  const titled = contentStems(question.title.replace(/[/-]/g, ' '))
  let best: { rule: ScenarioRule; weight: number; inTitle: boolean } | null = null
  for (const rule of scenarios) {
    let weight = 0
    let inTitle = false
    for (const trigger of rule.triggers) {
      const stems = phraseStems(trigger)
      weight += 3 * countPhrase(asked, stems) + Math.min(3, countPhrase(answered, stems))
      if (countPhrase(titled, stems) > 0) inTitle = true
    }
    if (weight > 0 && (!best || weight > best.weight)) best = { rule, weight, inTitle }
  }
  if (!best) return defaultScenario
  return {
    id: best.rule.id,
    isTheQuestion: best.inTitle && failureTitle.test(question.title),
    when: best.rule.when,
    noun: best.rule.noun
  }
}

/** Words around "vs" that are the asking, not the options ("How do you decide batch vs…"). */
const optionStopWords = new Set(
  'how do does you we i decide choose choosing pick between the a an what is are when which why should would explain compare comparing difference diff design for in of on to and or vs vs. versus trade-offs trade-off tradeoffs tradeoff offs'.split(
    ' '
  )
)

function trailingOption(text: string): string | null {
  const words = text.trim().split(/\s+/)
  const kept: string[] = []
  for (const raw of [...words].reverse()) {
    if (kept.length >= 3) break
    const word = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}/+-]+$/gu, '')
    if (!word || optionStopWords.has(word.toLowerCase())) break
    kept.unshift(word)
    // "Data Lake" keeps both words; "decide batch" keeps only "batch".
    if (!/^\p{Lu}/u.test(word)) break
  }
  return kept.length > 0 ? kept.join(' ') : null
}

function leadingOption(text: string): string | null {
  const words = text.trim().split(/\s+/)
  const kept: string[] = []
  for (const raw of words) {
    if (kept.length >= 3 || /^[([]/.test(raw)) break
    const word = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}/+-]+$/gu, '')
    if (!word || optionStopWords.has(word.toLowerCase())) break
    kept.push(word)
    if (/[,:;?!.)]$/.test(raw) || !/^\p{Lu}/u.test(word)) break
  }
  return kept.length > 0 ? kept.join(' ') : null
}

/** Nouns both options share ("Producer vs Consumer schema ownership"): they belong to neither. */
const sharedNouns = new Set(
  'schema decision decisions feature features check checks optimized changes change ownership approach approaches pattern patterns strategy strategies trade-offs trade-off'.split(' ')
)

function withoutSharedNoun(option: string): string {
  const words = option.split(' ')
  let last = words.at(-1)
  while (words.length > 1 && last !== undefined && sharedNouns.has(last.toLowerCase())) {
    words.pop()
    last = words.at(-1)
  }
  return words.join(' ')
}

export interface Options {
  first: string
  second: string
}

/** The two captured sides of a match ("A" and "B" of "A vs B"), or null when it did not match. */
function sidesOf(match: RegExpExecArray | null): [string, string] | null {
  const [, first, second] = match ?? []
  return first !== undefined && second !== undefined ? [first, second] : null
}

/** Both options named, or null when either side is only the asking ("how do you decide"). */
function namedOptions(sides: [string, string] | null): Options | null {
  if (!sides) return null
  const first = trailingOption(sides[0])
  const second = leadingOption(sides[1])
  return first && second ? { first, second } : null
}

/** The two options a question weighs, from "A vs B", "difference between A and B", "A better than B". */
export function optionsWeighed(question: QuestionText): Options | null {
  for (const text of [question.title, question.prompt]) {
    const versus = namedOptions(sidesOf(/^(.*?)\s+(?:vs\.?|versus)\s+(.+)$/i.exec(text)))
    if (versus) return { first: versus.first, second: withoutSharedNoun(versus.second) }
    const between = namedOptions(sidesOf(/\b(?:difference|diff|differences)\s+between\s+(.+?)\s+and\s+(.+?)(?:[?.!]|$)/i.exec(text)))
    if (between) return between
    const better = namedOptions(sidesOf(/^(?:.*?\b(?:is|are)\s+)?(.+?)\s+better\s+than\s+(.+?)(?:[?.!]|$)/i.exec(text)))
    if (better) return better
  }
  // "**Flink over Spark Streaming:** Lower latency": a choice the model answer made.
  const over = sidesOf(/\*\*([A-Z][\w.+/-]*(?: [A-Z][\w.+/-]*)?) over ([A-Z][\w.+/-]*(?: [A-Z][\w.+/-]*)?):?\*\*/.exec(question.answer ?? ''))
  return over ? { first: over[0], second: over[1] } : null
}

const goalHeading = /goal|business|use case|purpose|objective/i
const verbStart = /^(reduce|increase|improve|understand|cut|grow|detect|prevent|enable|support|lower|raise|keep|make|track|monitor|predict|help|give|let|serve|drive|find|measure)\b/i

export interface Goal {
  /** As the model answer words it, lower-cased at the start ("reduce customer churn"). */
  text: string
  /** Starts with a verb: "help reduce customer churn" reads, "help customer retention" does not. */
  isAction: boolean
}

/** The business goal the model answer names, from its goal / business / use-case notes. */
export function businessGoal(question: QuestionText): Goal | null {
  const note = readAnswerNotes(question.answer).find((n) => goalHeading.test(n.section))
  if (!note) return null
  const [beforeColon = ''] = note.text.split(/\s*(?::|—| - )\s*/)
  const head = beforeColon.replace(/[.!?]+$/, '').trim()
  if (head.split(/\s+/).length < 2) return null
  const text = /^\p{Lu}\p{Ll}/u.test(head) ? head.charAt(0).toLowerCase() + head.slice(1) : head
  return { text, isAction: verbStart.test(text) }
}
