import type { TranscriptAnalysis, WordTime } from './analysis'
import type { DeliveryResult, Span } from './report-schema'
import { roundTo } from './rounding'

/** Target bands for delivery, shown to the candidate and used by the delivery score. */
export const DELIVERY_TARGETS = {
  paceWpm: { min: 130, max: 160 },
  maxFillersPerMinute: 3,
  maxHedgesPerMinute: 2,
  /** A silence this long reads as lost thread rather than a breath. */
  pauseMs: 3000,
  /** Length against the time box: under half is thin, past it is overtime (with a little grace). */
  length: { minShare: 0.5, maxShare: 1.05 },
  /** Used only to turn a typed transcript's word count into minutes for the per-minute rates. */
  assumedWpm: 145
} as const

export interface DeliveryInput {
  words?: readonly WordTime[] | undefined
  durationMs?: number | undefined
  timeBoxMs?: number | undefined
}

function spans(analysis: TranscriptAnalysis, hits: TranscriptAnalysis['fillers']): Span[] {
  return hits.map((hit) => {
    const first = analysis.tokens[hit.from]!
    const last = analysis.tokens[hit.to - 1]!
    const startMs = analysis.times[hit.from]
    return {
      text: analysis.text.slice(first.start, last.end),
      startChar: first.start,
      endChar: last.end,
      ...(startMs === undefined ? {} : { startMs })
    }
  })
}

export function analyzeDelivery(analysis: TranscriptAnalysis, input: DeliveryInput): DeliveryResult {
  const words = input.words && input.words.length > 0 ? input.words : undefined
  let spokenMs: number | null = null
  const pauses: DeliveryResult['pauses'] = []
  if (words) {
    let start = words[0]!.startMs
    let end = words[0]!.endMs
    for (let k = 1; k < words.length; k += 1) {
      const previous = words[k - 1]!
      const word = words[k]!
      start = Math.min(start, word.startMs)
      end = Math.max(end, word.endMs)
      const gap = word.startMs - previous.endMs
      if (gap > DELIVERY_TARGETS.pauseMs) pauses.push({ atMs: previous.endMs, durationMs: gap })
    }
    spokenMs = Math.max(0, end - start)
  }
  const givenMs = input.durationMs !== undefined && input.durationMs > 0 ? input.durationMs : null
  const paceMs = spokenMs !== null && spokenMs > 0 ? spokenMs : givenMs
  const durationSource: DeliveryResult['durationSource'] =
    spokenMs !== null && spokenMs > 0 ? 'words' : givenMs !== null ? 'given' : 'estimated'
  const contentWordCount = analysis.content.length
  // Pace counts content words only, so "um"s cannot lift a slow answer into the band.
  const wpm = paceMs === null ? null : roundTo(contentWordCount / (paceMs / 60_000), 1)
  const minutes = paceMs === null ? Math.max(1, contentWordCount) / DELIVERY_TARGETS.assumedWpm : paceMs / 60_000
  const fillersPerMinute = roundTo(analysis.fillers.length / minutes, 2)
  const hedgesPerMinute = roundTo(analysis.hedges.length / minutes, 2)
  const durationMs = givenMs ?? spokenMs
  const timeBoxMs = input.timeBoxMs !== undefined && input.timeBoxMs > 0 ? input.timeBoxMs : null

  let length: DeliveryResult['bands']['length'] = 'unknown'
  if (durationMs !== null && timeBoxMs !== null) {
    const share = durationMs / timeBoxMs
    length = share < DELIVERY_TARGETS.length.minShare ? 'short' : share > DELIVERY_TARGETS.length.maxShare ? 'over' : 'ok'
  }
  const { min, max } = DELIVERY_TARGETS.paceWpm
  return {
    wordCount: analysis.tokens.length,
    contentWordCount,
    wpm,
    fillerCount: analysis.fillers.length,
    fillersPerMinute,
    hedgeCount: analysis.hedges.length,
    hedgesPerMinute,
    fillers: spans(analysis, analysis.fillers),
    hedges: spans(analysis, analysis.hedges),
    pauses,
    durationMs,
    durationSource,
    timeBoxMs,
    bands: {
      pace: wpm === null ? 'unknown' : wpm < min ? 'slow' : wpm > max ? 'fast' : 'ok',
      fillers: fillersPerMinute <= DELIVERY_TARGETS.maxFillersPerMinute ? 'ok' : 'high',
      hedges: hedgesPerMinute <= DELIVERY_TARGETS.maxHedgesPerMinute ? 'ok' : 'high',
      length
    }
  }
}

export interface DeliveryScore {
  /** 0..1 */
  value: number
  parts: { id: 'pace' | 'fillers' | 'hedges' | 'length'; weight: number; value: number }[]
}

/** Share of the delivery score each aspect carries; unknown aspects hand theirs to the rest. */
export const DELIVERY_PART_WEIGHTS = { pace: 0.35, fillers: 0.35, hedges: 0.15, length: 0.15 } as const

/** Delivery only means something over a real answer; below this many content words it counts proportionally less. */
export const DELIVERY_FULL_CREDIT_WORDS = 100

export function scoreDelivery(delivery: DeliveryResult): DeliveryScore {
  const parts: DeliveryScore['parts'] = []
  const { min, max } = DELIVERY_TARGETS.paceWpm
  if (delivery.wpm !== null) {
    const off = delivery.wpm < min ? min - delivery.wpm : delivery.wpm > max ? delivery.wpm - max : 0
    parts.push({ id: 'pace', weight: DELIVERY_PART_WEIGHTS.pace, value: Math.max(0, 1 - off / 50) })
  }
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
  const totalWeight = parts.reduce((sum, p) => sum + p.weight, 0)
  const fluency = parts.reduce((sum, p) => sum + p.weight * p.value, 0) / totalWeight
  const substance = Math.min(1, delivery.contentWordCount / DELIVERY_FULL_CREDIT_WORDS)
  return {
    value: roundTo(fluency * substance, 4),
    parts: parts.map((p) => ({ ...p, weight: roundTo(p.weight / totalWeight, 4), value: roundTo(p.value, 4) }))
  }
}
