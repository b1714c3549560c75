import { stemOf } from './terms'

/**
 * Words an interviewer treats as one topic when answering a clarifying question: asked "what
 * metrics matter?", the Netflix notes answer with DAU, MAU and retention, none of which is the
 * word "metric". A query word in a group half-matches a note holding another word of the same
 * group. Small and hand-made on purpose: it is the vocabulary of data-engineering requirements
 * (scale, latency, consistency…), and every entry is visible here.
 */
/**
 * Each group: its head words (the category: "metrics", "scale") and its members (instances:
 * "DAU", "100 million users"). A question using a head word is answered by any member ("what
 * metrics matter?" → DAU, MAU, retention); a question using a member is about that member, and
 * the rest of its group only half-matches the best note ("strong consistency?" → "eventual
 * consistency"), never pulls in more notes.
 */
const groups: Record<string, { heads: readonly string[]; members: readonly string[] }> = {
  metrics: {
    heads: ['metric', 'metrics', 'kpi', 'kpis', 'measure', 'measures'],
    members: ['dau', 'mau', 'wau', 'retention', 'churn', 'active', 'engagement', 'stickiness', 'conversion']
  },
  scale: {
    heads: ['scale', 'size', 'volume', 'traffic', 'load', 'throughput'],
    members: [
      'users', 'million', 'billion', 'thousand', 'mil', 'tb', 'gb', 'pb', 'mb', 'g', 'bytes', 'qps', 'rps', 'events',
      'records', 'rows', 'requests', 'peak', 'sessions', 'views', 'trucks', 'devices'
    ]
  },
  latency: {
    heads: ['latency', 'fast', 'fresh', 'freshness', 'sla', 'slo', 'quick', 'quickly'],
    members: ['realtime', 'real-time', 'delay', 'delays', 'seconds', 'second', 'minute', 'minutes', 'ms', 'milliseconds', 'hour', 'hours', 'within', 'lag', 'rt', 'near']
  },
  consistency: {
    heads: ['consistency', 'consistent'],
    members: ['eventual', 'eventually', 'strong', 'strongly', 'stale', 'acid', 'transactions', 'ordering', 'ordered', 'duplicates', 'exactly-once']
  },
  availability: {
    heads: ['availability', 'available', 'uptime'],
    members: ['downtime', 'failover', 'disaster', 'recovery', 'outage', 'redundancy', 'resilient']
  },
  geography: {
    heads: ['region', 'regions', 'global', 'globally', 'geographic', 'geography', 'location', 'locations'],
    members: ['regional', 'geographically', 'distributed', 'country', 'countries', 'eu', 'apac', 'multi-region', 'residency', 'worldwide', 'international']
  },
  business: {
    heads: ['goal', 'goals', 'business', 'purpose', 'objective', 'objectives'],
    members: ['churn', 'retention', 'growth', 'revenue', 'value', 'outcome', 'customer', 'customers']
  },
  audience: {
    heads: ['users', 'audience'],
    members: ['customers', 'stakeholders', 'consumers', 'analysts']
  },
  cost: {
    heads: ['cost', 'costs', 'budget'],
    members: ['money', 'price', 'pricing', 'cheap', 'expensive', 'spend', 'dollars']
  },
  compliance: {
    heads: ['compliance', 'regulation', 'regulatory', 'legal', 'privacy'],
    members: ['gdpr', 'pii', 'residency', 'security']
  },
  history: {
    heads: ['history', 'historical'],
    members: ['backfill', 'reprocess', 'months', 'month', 'years', 'year', 'archive', 'past']
  },
  sources: {
    heads: ['source', 'sources', 'input', 'inputs'],
    members: ['events', 'stream', 'clickstream', 'playback', 'logs', 'iot', 'device', 'devices', 'sensors', 'producers', 'scans', 'gps']
  },
  alerts: {
    heads: ['alert', 'alerts', 'alerting'],
    members: ['notify', 'notification', 'page', 'paging', 'pagerduty', 'on-call']
  }
}

/** Groups that ask for a quantity: a note with a number counts toward them. */
export const quantityGroups: ReadonlySet<string> = new Set(['scale', 'latency', 'cost', 'history'])

const groupsByStem = new Map<string, Set<string>>()
const stemsByGroup = new Map<string, Set<string>>()
const headsByGroup = new Map<string, Set<string>>()

/** "real-time" and "multi-region" are one entry but two tokens; each part joins the group. */
const stemsOfEntry = (word: string): string[] => word.split('-').map(stemOf)

for (const [name, { heads, members }] of Object.entries(groups)) {
  const stems = new Set<string>()
  const headStems = new Set<string>()
  for (const word of [...heads, ...members]) {
    for (const stem of stemsOfEntry(word)) {
      stems.add(stem)
      if (heads.includes(word)) headStems.add(stem)
      let names = groupsByStem.get(stem)
      if (!names) groupsByStem.set(stem, (names = new Set()))
      names.add(name)
    }
  }
  stemsByGroup.set(name, stems)
  headsByGroup.set(name, headStems)
}

/** The groups a stem belongs to (empty for a word outside them). */
export function groupsOf(stem: string): ReadonlySet<string> {
  return groupsByStem.get(stem) ?? new Set()
}

export interface RelatedStems {
  /** Every other stem of the stem's groups: what a note may say instead ("eventual" for "strong"). */
  all: Set<string>
  /** The members of groups the stem heads: instances of the category it names ("DAU" for "metrics"). */
  instances: Set<string>
}

export function relatedStems(stem: string): RelatedStems {
  const all = new Set<string>()
  const instances = new Set<string>()
  for (const name of groupsOf(stem)) {
    const isHead = headsByGroup.get(name)?.has(stem) ?? false
    for (const other of stemsByGroup.get(name) ?? []) {
      if (other === stem) continue
      all.add(other)
      if (isHead) instances.add(other)
    }
  }
  return { all, instances }
}
