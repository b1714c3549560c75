import { defaultLexicon } from '../src/shared/scoring/default-lexicon'
import { defaultProfiles } from '../src/shared/scoring/default-profiles'
import { scoreTranscript, type ScoreInput } from '../src/shared/scoring/score-transcript'
import { behavioralQuestion, dashboardQuestion, longTranscript, starRubric, systemDesignRubric } from '../tests/fixtures/scoring-fixtures'

const WORDS = 1000
const RUNS = 300
const TARGET_MS = 5

function median(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

function time(input: ScoreInput): number {
  const started = performance.now()
  scoreTranscript(input)
  return performance.now() - started
}

function samples(input: ScoreInput): number[] {
  for (let i = 0; i < 20; i += 1) time(input)
  return Array.from({ length: RUNS }, () => time(input)).sort((a, b) => a - b)
}

/**
 * Median time to score a 1,000-word answer, after the first call compiled the matchers: a
 * design answer with word times (every part: rubric, checklist, key terms, delivery, coaching),
 * the same typed, and a story through the behavioral profile (STAR and its detectors).
 */
export async function benchScoring(): Promise<Record<string, number | string>> {
  const transcript = longTranscript(WORDS)
  const words = transcript.split(' ').map((text, i) => ({ startMs: i * 400, endMs: i * 400 + 330, text }))
  // Fresh question and rubric objects so the first call pays for compiling their matchers.
  const design: ScoreInput = {
    transcript,
    words,
    timeBoxMs: 5 * 60_000,
    question: structuredClone(dashboardQuestion),
    rubric: structuredClone(systemDesignRubric),
    lexicon: defaultLexicon,
    profiles: defaultProfiles
  }
  const firstCallMs = time(design)
  const spoken = samples(design)
  const typed = samples({ ...design, words: undefined })
  const story = samples({ ...design, question: structuredClone(behavioralQuestion), rubric: structuredClone(starRubric) })
  const medianMs = Math.max(median(spoken), median(typed), median(story))
  const round = (ms: number) => Math.round(ms * 1000) / 1000
  return {
    words: WORDS,
    runs: RUNS,
    'first call ms (compiles matchers)': round(firstCallMs),
    'median ms, design answer with word times': round(median(spoken)),
    'p95 ms, design answer with word times': round(spoken[Math.floor(spoken.length * 0.95)]!),
    'median ms, typed': round(median(typed)),
    'median ms, behavioral story': round(median(story)),
    target: `< ${TARGET_MS} ms median: ${medianMs < TARGET_MS ? 'met' : 'MISSED'}`
  }
}
