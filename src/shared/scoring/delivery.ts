import type { TranscriptAnalysis, WordTime } from './analysis'
import type { DeliveryResult, Span } from './report-schema'
import { roundTo } from './rounding'
import { tokenAt } from './tokens'

/** Target bands for delivery, shown to the candidate and used by the delivery score. */
export const DELIVERY_TARGETS = {
  paceWpm: { min: 130, max: 160 },
  maxFillersPerMinute: 3,
  maxHedgesPerMinute: 2,
  /** A silence this long reads as lost thread rather than a breath. */
  pauseMs: 3000,
  /** Length against the time box: under half is thin, past it is overtime (with a little grace). */
  length: { minShare: 0.5, maxShare: 1.05 },
  /** Less speech than this says nothing about pace or fillers (a 2 s recording under a typed answer). */
  minSpeech: { ms: 10_000, contentWords: 20 }
} as const

export interface DeliveryInput {
  /** Word times of the audio. */
  words?: readonly WordTime[] | undefined
  /** How long the answer was spoken, when there are no word times (the CLI's `--duration`). */
  durationMs?: number | undefined
  timeBoxMs?: number | undefined
}

function spans(analysis: TranscriptAnalysis, hits: TranscriptAnalysis['fillers']): Span[] {
  return hits.map((hit) => {
    const first = tokenAt(analysis.tokens, hit.from)
    const last = tokenAt(analysis.tokens, hit.to - 1)
    const startMs = analysis.times[hit.from]
    return {
      text: analysis.text.slice(first.start, last.end),
      startChar: first.start,
      endChar: last.end,
      ...(startMs === undefined ? {} : { startMs })
    }
  })
}

/**
 * Delivery from speech only. `spoken` is what the audio said (the transcript before any
 * correction): pace, fillers a minute and pauses are properties of the speech, so a corrected
 * transcript keeps the timing and the fillers of the audio it corrects, and removing "um"s in
 * the editor changes nothing here. `text` is the scored text, for the spans the review
 * highlights. Without word times or a duration there is nothing to measure.
 */
export function analyzeDelivery(text: TranscriptAnalysis, spoken: TranscriptAnalysis, input: DeliveryInput): DeliveryResult {
  const words = input.words && input.words.length > 0 ? input.words : undefined
  let spokenMs: number | null = null
  const pauses: DeliveryResult['pauses'] = []
  const firstWord = words?.[0]
  if (words && firstWord) {
    let start = firstWord.startMs
    let end = firstWord.endMs
    let previous = firstWord
    for (const word of words.slice(1)) {
      start = Math.min(start, word.startMs)
      end = Math.max(end, word.endMs)
      const gap = word.startMs - previous.endMs
      if (gap > DELIVERY_TARGETS.pauseMs) pauses.push({ atMs: previous.endMs, durationMs: gap })
      previous = word
    }
    spokenMs = Math.max(0, end - start)
  }
  const givenMs = !words && input.durationMs !== undefined && input.durationMs > 0 ? input.durationMs : null
  const speechMs = spokenMs !== null && spokenMs > 0 ? spokenMs : givenMs
  const durationSource: DeliveryResult['durationSource'] = spokenMs !== null && spokenMs > 0 ? 'words' : givenMs !== null ? 'given' : 'none'
  const timeBoxMs = input.timeBoxMs !== undefined && input.timeBoxMs > 0 ? input.timeBoxMs : null
  const source = speechMs === null ? text : spoken
  const contentWordCount = source.content.length

  let reason: string | null = null
  if (speechMs === null) {
    reason = 'Typed answer: there is no speech timing, so pace, fillers per minute and pauses are not measured.'
  } else if (speechMs < DELIVERY_TARGETS.minSpeech.ms || contentWordCount < DELIVERY_TARGETS.minSpeech.contentWords) {
    reason = `Only ${contentWordCount} words in ${Math.round(speechMs / 1000)} s of speech: too little to judge delivery.`
  }
  const measured = reason === null
  const minutes = speechMs === null ? null : speechMs / 60_000
  // Pace counts content words only, so "um"s cannot lift a slow answer into the band.
  const wpm = measured && minutes ? roundTo(contentWordCount / minutes, 1) : null
  const fillersPerMinute = measured && minutes ? roundTo(source.fillers.length / minutes, 2) : null
  const hedgesPerMinute = measured && minutes ? roundTo(source.hedges.length / minutes, 2) : null
  const durationMs = speechMs

  let length: DeliveryResult['bands']['length'] = 'unknown'
  if (measured && durationMs !== null && timeBoxMs !== null) {
    const share = durationMs / timeBoxMs
    length = share < DELIVERY_TARGETS.length.minShare ? 'short' : share > DELIVERY_TARGETS.length.maxShare ? 'over' : 'ok'
  }
  const { min, max } = DELIVERY_TARGETS.paceWpm
  return {
    measured,
    reason,
    wordCount: source.tokens.length,
    contentWordCount,
    wpm,
    fillerCount: source.fillers.length,
    fillersPerMinute,
    hedgeCount: source.hedges.length,
    hedgesPerMinute,
    fillers: spans(text, text.fillers),
    hedges: spans(text, text.hedges),
    pauses: measured ? pauses : [],
    durationMs,
    durationSource,
    timeBoxMs,
    bands: {
      pace: wpm === null ? 'unknown' : wpm < min ? 'slow' : wpm > max ? 'fast' : 'ok',
      fillers: fillersPerMinute === null ? 'unknown' : fillersPerMinute <= DELIVERY_TARGETS.maxFillersPerMinute ? 'ok' : 'high',
      hedges: hedgesPerMinute === null ? 'unknown' : hedgesPerMinute <= DELIVERY_TARGETS.maxHedgesPerMinute ? 'ok' : 'high',
      length
    }
  }
}

export interface DeliveryScore {
  /** 0..1, or null when delivery was not measured (its weight goes to the other parts). */
  value: number | null
  parts: { id: 'pace' | 'fillers' | 'hedges' | 'length' | 'pauses'; weight: number; value: number }[]
}

/** Share of the delivery score each aspect carries; unknown aspects hand theirs to the rest. */
export const DELIVERY_PART_WEIGHTS = { pace: 0.3, fillers: 0.3, hedges: 0.15, length: 0.15, pauses: 0.1 } as const

/** Delivery only means something over a real answer; below this many content words it counts proportionally less. */
export const DELIVERY_FULL_CREDIT_WORDS = 100

export function scoreDelivery(delivery: DeliveryResult): DeliveryScore {
  if (!delivery.measured || delivery.wpm === null || delivery.fillersPerMinute === null || delivery.hedgesPerMinute === null) {
    return { value: null, parts: [] }
  }
  const parts: DeliveryScore['parts'] = []
  const { min, max } = DELIVERY_TARGETS.paceWpm
  const off = delivery.wpm < min ? min - delivery.wpm : delivery.wpm > max ? delivery.wpm - max : 0
  parts.push({ id: 'pace', weight: DELIVERY_PART_WEIGHTS.pace, value: Math.max(0, 1 - off / 50) })
  const fillerExcess = Math.max(0, delivery.fillersPerMinute - DELIVERY_TARGETS.maxFillersPerMinute)
  parts.push({ id: 'fillers', weight: DELIVERY_PART_WEIGHTS.fillers, value: Math.max(0, 1 - fillerExcess / 9) })
  const hedgeExcess = Math.max(0, delivery.hedgesPerMinute - DELIVERY_TARGETS.maxHedgesPerMinute)
  parts.push({ id: 'hedges', weight: DELIVERY_PART_WEIGHTS.hedges, value: Math.max(0, 1 - hedgeExcess / 8) })
  if (delivery.durationMs !== null && delivery.timeBoxMs !== null) {
    const share = delivery.durationMs / delivery.timeBoxMs
    const { minShare, maxShare } = DELIVERY_TARGETS.length
    const value = share < minShare ? share / minShare : share > maxShare ? Math.max(0, 1 - (share - maxShare) / 0.5) : 1
    parts.push({ id: 'length', weight: DELIVERY_PART_WEIGHTS.length, value })
  }
  if (delivery.durationSource === 'words') {
    parts.push({ id: 'pauses', weight: DELIVERY_PART_WEIGHTS.pauses, value: Math.max(0, 1 - delivery.pauses.length / 4) })
  }
  const totalWeight = parts.reduce((sum, p) => sum + p.weight, 0)
  const fluency = parts.reduce((sum, p) => sum + p.weight * p.value, 0) / totalWeight
  const substance = Math.min(1, delivery.contentWordCount / DELIVERY_FULL_CREDIT_WORDS)
  return {
    value: roundTo(fluency * substance, 4),
    parts: parts.map((p) => ({ ...p, weight: roundTo(p.weight / totalWeight, 4), value: roundTo(p.value, 4) }))
  }
}
