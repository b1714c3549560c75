import { evidenceForSentences, hitSentences, type TranscriptAnalysis } from './analysis'
import type { CompiledLexicon } from './compile'
import { hasScaleQuantity } from './numbers'
import { compilePhrases, findPhrases, findPhrasesGreedy, type PhraseSet } from './phrases'
import type { Checklist, ChecklistItem } from './profiles'
import type { ChecklistItemResult, ChecklistResult } from './report-schema'
import { roundTo } from './rounding'
import { tokenAt } from './tokens'

/**
 * A profile's checklist (the design checklist, the SQL or concept correctness cues) judged on
 * one answer: each item is heard through its cue phrases, and "scale" and "flow" also through
 * the answer's structure (a number with a unit of size or rate; several components joined by
 * the way data moves between them).
 */

const scaleUnits = new Set([
  'users', 'user', 'events', 'event', 'rows', 'row', 'records', 'record', 'messages', 'message', 'requests', 'request',
  'transactions', 'orders', 'trucks', 'shipments', 'views', 'sessions', 'clicks', 'files', 'gb', 'tb', 'pb', 'mb',
  'gigabytes', 'terabytes', 'petabytes', 'megabytes', 'bytes', 'qps', 'rps', 'tps', 'second', 'seconds', 'minute', 'day',
  'hour', 'million', 'billion', 'thousand', 'k', 'devices', 'partitions', 'tables'
])
/** Generic components a design is built from, next to the named technologies. */
const componentWords = compilePhrases([
  'queue', 'stream', 'topic', 'broker', 'warehouse', 'data lake', 'lake', 'lakehouse', 'object storage', 'bucket', 'database',
  'cache', 'api', 'service', 'scheduler', 'orchestrator', 'dashboard', 'bi tool', 'job', 'batch job', 'streaming job', 'consumer',
  'producer', 'raw layer', 'bronze', 'silver', 'gold', 'staging', 'feature store', 'model', 'endpoint', 'sink', 'source', 'cdc',
  'connector', 'etl', 'elt', 'table'
])
const flowWords = compilePhrases([
  'into', 'to', 'from', 'then', 'feeds', 'feed', 'lands', 'land', 'writes', 'write', 'reads', 'read', 'publishes', 'publish',
  'consumes', 'consume', 'pushes', 'push', 'pulls', 'pull', 'sends', 'send', 'loads', 'load', 'streams', 'ingest', 'ingests',
  'downstream', 'upstream', 'on top'
])
const minFlowComponents = 3

interface CompiledChecklist {
  items: ReadonlyArray<{ item: ChecklistItem; cues: PhraseSet; partial: PhraseSet | null }>
}
/** What partial evidence alone is worth. */
const partialStrength = 0.4

const cache = new WeakMap<Checklist, CompiledChecklist>()

function compileChecklist(checklist: Checklist): CompiledChecklist {
  const cached = cache.get(checklist)
  if (cached) return cached
  const compiled = {
    items: checklist.items.map((item) => ({ item, cues: compilePhrases(item.cues), partial: item.partialCues ? compilePhrases(item.partialCues) : null }))
  }
  cache.set(checklist, compiled)
  return compiled
}

/** Sentences that state a size or a rate ("a hundred million users", "5k events a second"). */
function scaleSentences(analysis: TranscriptAnalysis): number[] {
  const view = analysis.content
  const found: number[] = []
  let from = 0
  while (from < view.length) {
    const sentence = tokenAt(view, from).sentence
    let to = from
    while (to < view.length && tokenAt(view, to).sentence === sentence) to += 1
    if (hasScaleQuantity(view, from, to, scaleUnits)) found.push(sentence)
    from = to
  }
  return found
}

/** Sentences that move data between components; the item counts when the answer names enough components overall. */
function flowSentences(analysis: TranscriptAnalysis, lexicon: CompiledLexicon): number[] {
  const view = analysis.content
  const components = new Set<string>()
  const componentSentences = new Map<number, number>()
  for (const hit of [...findPhrasesGreedy(view, lexicon.technologies), ...findPhrasesGreedy(view, componentWords)]) {
    components.add(hit.phrase.parts.join(' '))
    const sentence = tokenAt(view, hit.from).sentence
    componentSentences.set(sentence, (componentSentences.get(sentence) ?? 0) + 1)
  }
  if (components.size < minFlowComponents) return []
  const flowing = new Set(hitSentences(view, findPhrases(view, flowWords)))
  return [...componentSentences.keys()].filter((s) => flowing.has(s)).sort((a, b) => a - b)
}

/** The items a question asks for: its title can rule some out ("How do you decide…" needs no definition). */
export function applicableItems(checklist: Checklist, questionTitle: string): ChecklistItem[] {
  return checklist.items.filter((item) => !item.skipWhenQuestion || !new RegExp(item.skipWhenQuestion, 'i').test(questionTitle.trim()))
}

export function evaluateChecklist(
  checklistId: string,
  checklist: Checklist,
  questionTitle: string,
  analysis: TranscriptAnalysis,
  lexicon: CompiledLexicon
): ChecklistResult {
  const view = analysis.content
  const compiled = compileChecklist(checklist)
  const applicable = new Set(applicableItems(checklist, questionTitle))
  const items: ChecklistItemResult[] = compiled.items.filter(({ item }) => applicable.has(item)).map(({ item, cues, partial }) => {
    const sentences = new Set(hitSentences(view, findPhrases(view, cues)))
    let structural: number[] = []
    if (item.detector === 'scale') structural = scaleSentences(analysis)
    else if (item.detector === 'flow') structural = flowSentences(analysis, lexicon)
    // A structural item needs its structure: saying "scale" is not sizing the system.
    const heard = item.detector ? structural : [...sentences]
    const all = new Set([...heard, ...(item.detector && structural.length > 0 ? sentences : [])])
    const count = all.size
    // One sentence on a point is a nod; two or more make it.
    const strength = count === 0 ? 0 : Math.min(1, 0.7 + 0.3 * (count - 1))
    if (count === 0 && partial) {
      const partialSentences = hitSentences(view, findPhrases(view, partial))
      if (partialSentences.length > 0) {
        return { id: item.id, label: item.label, met: false, strength: partialStrength, evidence: evidenceForSentences(analysis, partialSentences, 1) }
      }
    }
    return {
      id: item.id,
      label: item.label,
      met: count > 0,
      strength: roundTo(strength, 3),
      evidence: evidenceForSentences(analysis, all)
    }
  })
  return { id: checklistId, label: checklist.label, items }
}
