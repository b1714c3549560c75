import type { Heading, Nodes, Table } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { KindSignals } from './classify-kind'
import { type DetailsPart, detailsClosePattern, detailsOpenPattern, selfContainedDetails, summaryLabel, summaryPattern } from './details-block'
import { diagramFromCode, diagramFromProse } from './diagrams'
import { fenceLanguage } from './prose-fence'
import { boldOnlyText, endOffset, sliceNodes, sliceRange, startOffset } from './markdown-nodes'
import { collectTechnologyNames } from './technology-names'
import type { CodeBlock, Diagram } from './types'

export { summaryLabel } from './details-block'

export interface BodyAnalysis {
  /** Markdown reference answer, or null when the body holds only the question's setup. */
  answer: string | null
  /** Prose that sits before a `<details>` answer: part of the question as asked. */
  promptExtra: string[]
  setupCode: CodeBlock[]
  tips: string[]
  keyTerms: string[]
  diagrams: Diagram[]
  signals: KindSignals
  warnings: string[]
}

const tipLabelPattern = /^(?:interview |pro |quick )?tips?\b|^interview tip/i
const starLabelPattern = /^(situation|task|action|result)s?\s*:?$/i
const setupSqlPattern = /^\s*(create|insert|drop|alter|truncate|values|into|select\s+1\s+from\s+dual|commit|--)/i
// `Order_day| Processing_Day | Quantity`: table columns listed as a question's input.
const schemaLinePattern = /^\s*\w[\w ]*(\s*\|\s*\w[\w ]*)+\s*\|?\s*$/
const maxKeyTerms = 40

/** Reads a question's body once: answer, setup, tips, key terms, diagrams and kind signals. */
export function analyzeBody(text: string, nodes: readonly Nodes[]): BodyAnalysis {
  const warnings: string[] = []
  const pre: Nodes[] = []
  const post: Nodes[] = []
  const parts: DetailsPart[] = []
  let open: { label: string; contentStart: number; nodes: Nodes[] } | null = null

  for (const node of nodes) {
    if (open) {
      if (node.type === 'html' && detailsClosePattern.test(node.value)) {
        const closeAt = startOffset(node) + node.value.search(detailsClosePattern)
        parts.push({ label: open.label, markdown: sliceRange(text, open.contentStart, closeAt), nodes: open.nodes })
        open = null
      } else {
        open.nodes.push(node)
      }
      continue
    }
    if (node.type === 'html' && detailsOpenPattern.test(node.value)) {
      const self = selfContainedDetails(node)
      if (self) {
        parts.push(self)
      } else {
        const summary = summaryPattern.exec(node.value)
        open = { label: summaryLabel(summary?.[1] ?? ''), contentStart: endOffset(node), nodes: [] }
      }
      continue
    }
    ;(parts.length === 0 ? pre : post).push(node)
  }
  if (open) {
    warnings.push(`unclosed <details> ("${open.label}"): its answer runs to the end of the question`)
    const last = open.nodes[open.nodes.length - 1]
    parts.push({ label: open.label, markdown: sliceRange(text, open.contentStart, last ? endOffset(last) : open.contentStart), nodes: open.nodes })
  }

  const collector = new BodyCollector(text)
  let answer: string | null
  const promptExtra: string[] = []
  if (parts.length > 0) {
    for (const node of pre) collector.collectPrompt(node, promptExtra)
    const labelled = parts.length > 1
    const pieces = parts.map((p, i) => (labelled ? `**${p.label === 'Answer' ? `Answer ${i + 1}` : p.label}**\n\n${p.markdown}` : p.markdown))
    if (post.length > 0) pieces.push(sliceNodes(text, post))
    answer = pieces.filter((p) => p.trim() !== '').join('\n\n') || null
    for (const part of parts) {
      collector.collectAnswer(part.nodes)
      if (part.nodes.length === 0) collectTechnologyNames(part.markdown, collector.addTerm)
    }
    collector.collectAnswer(post)
  } else if (nodes.length > 0 && nodes.every((n) => collector.isSetup(n))) {
    for (const node of nodes) collector.collectPrompt(node, promptExtra)
    answer = null
  } else {
    answer = nodes.length > 0 ? sliceNodes(text, nodes) || null : null
    collector.collectAnswer(nodes)
  }
  return {
    answer,
    promptExtra,
    setupCode: collector.setupCode,
    tips: collector.tips,
    keyTerms: collector.keyTerms(),
    diagrams: collector.diagrams,
    signals: collector.signals,
    warnings
  }
}

class BodyCollector {
  readonly setupCode: CodeBlock[] = []
  readonly tips: string[] = []
  readonly diagrams: Diagram[] = []
  readonly signals: KindSignals = { codeChars: new Map(), proseChars: 0, starParts: 0, hasSqlSetup: false }
  private readonly terms = new Map<string, string>()
  private readonly starSeen = new Set<string>()

  constructor(private readonly text: string) {}

  readonly addTerm = (raw: string): void => {
    const term = raw.replace(/\s+/g, ' ').replace(/[\s:;,.]+$/, '').trim()
    const key = term.toLowerCase()
    if (!this.terms.has(key) && this.terms.size < maxKeyTerms * 2) this.terms.set(key, term)
  }

  keyTerms(): string[] {
    return [...this.terms.values()].slice(0, maxKeyTerms)
  }

  isSetup(node: Nodes): boolean {
    if (node.type === 'code') return isSetupCode(node.lang ?? '', node.value)
    if (node.type === 'paragraph') return toString(node).split('\n').every((l) => l.trim() === '' || schemaLinePattern.test(l))
    return node.type === 'thematicBreak'
  }

  /** Material before the answer: setup code and schema lines go to setup, prose to the prompt. */
  collectPrompt(node: Nodes, promptExtra: string[]): void {
    if (node.type === 'code') {
      const diagram = diagramFromCode(node.lang, node.value)
      if (diagram) this.diagrams.push(diagram)
      else this.addSetup(node.lang ?? '', node.value)
      return
    }
    if (node.type === 'paragraph' && this.isSetup(node)) {
      this.addSetup('text', toString(node))
      return
    }
    if (node.type === 'heading' || node.type === 'paragraph' || node.type === 'list' || node.type === 'blockquote') {
      const prose = node.type === 'heading' ? toString(node).trim() : sliceNodes(this.text, [node])
      if (prose) promptExtra.push(prose)
      this.walk(node, false)
    }
  }

  private addSetup(lang: string, code: string): void {
    this.setupCode.push({ lang, code })
    const language = lang.toLowerCase()
    const counted = fenceLanguage(language, code)
    this.signals.codeChars.set(counted, (this.signals.codeChars.get(counted) ?? 0) + code.length)
    if (language === 'sql' || language === 'text' || isSetupCode(language, code)) this.signals.hasSqlSetup = true
  }

  collectAnswer(nodes: readonly Nodes[]): void {
    let skipTo = -1
    for (const [i, node] of nodes.entries()) {
      if (i <= skipTo) continue
      const tipEnd = this.collectTip(nodes, i, node)
      if (tipEnd > i) {
        for (const tipNode of nodes.slice(i, tipEnd)) this.walk(tipNode, false)
        skipTo = tipEnd - 1
        continue
      }
      this.walk(node, false)
    }
  }

  /** A tip heading or bold "Interview Tip" label owns the blocks up to the next heading. */
  private collectTip(nodes: readonly Nodes[], i: number, node: Nodes): number {
    const label = node.type === 'heading' ? toString(node).trim() : boldOnlyText(node)
    if (label !== null && tipLabelPattern.test(label.replace(/^[^\p{L}]+/u, ''))) {
      const depth = node.type === 'heading' ? (node as Heading).depth : 7
      let end = i + 1
      for (const next of nodes.slice(i + 1)) {
        if (next.type === 'heading' && next.depth <= depth) break
        if (depth === 7 && (next.type === 'heading' || next.type === 'thematicBreak' || boldOnlyText(next) !== null)) break
        end++
      }
      const tip = sliceNodes(this.text, nodes.slice(i + 1, end))
      if (tip) this.tips.push(tip)
      return end
    }
    if (node.type === 'paragraph') {
      const first = node.children[0]
      if (first?.type === 'strong' && tipLabelPattern.test(toString(first).trim())) {
        const rest = sliceNodes(this.text, [node]).replace(/^\*\*[^*]*\*\*\s*:?\s*/, '').replace(/^__[^_]*__\s*:?\s*/, '')
        if (rest) this.tips.push(rest)
      }
    }
    return i
  }

  private walk(node: Nodes, inHeading: boolean): void {
    switch (node.type) {
      case 'code': {
        const lang = fenceLanguage((node.lang ?? '').toLowerCase(), node.value)
        this.signals.codeChars.set(lang, (this.signals.codeChars.get(lang) ?? 0) + node.value.length)
        const diagram = diagramFromCode(node.lang, node.value)
        if (diagram) this.diagrams.push(diagram)
        return
      }
      case 'text':
        this.signals.proseChars += node.value.length
        collectTechnologyNames(node.value, this.addTerm)
        return
      case 'inlineCode':
        if (node.value.length <= 40) collectTechnologyNames(node.value, this.addTerm)
        return
      case 'html':
        return
      case 'strong':
        if (!inHeading) {
          const term = toString(node).trim()
          if (isKeyTerm(term)) this.addTerm(term)
        }
        break
      case 'paragraph': {
        const bold = boldOnlyText(node)
        if (bold !== null) {
          this.countStar(bold)
          collectTechnologyNames(bold, this.addTerm)
          return
        }
        const plain = toString(node)
        this.countStar(plain.trim())
        if (/[→⟶➜➡⇒]|-->?|=>/.test(plain)) {
          for (const line of plain.split('\n')) {
            const diagram = diagramFromProse(line)
            if (diagram) this.diagrams.push(diagram)
          }
        }
        break
      }
      case 'heading':
        this.countStar(toString(node).trim())
        inHeading = true
        break
      case 'table':
        this.collectTableTerms(node)
        break
    }
    if ('children' in node) for (const child of node.children as Nodes[]) this.walk(child, inHeading)
  }

  private countStar(label: string): void {
    const star = starLabelPattern.exec(label)?.[1]?.toLowerCase()
    if (star !== undefined && !this.starSeen.has(star)) {
      this.starSeen.add(star)
      this.signals.starParts++
    }
  }

  /** The first column of an answer table names the things compared: Layer, Tool, Pattern… */
  private collectTableTerms(table: Table): void {
    for (const row of table.children.slice(1)) {
      const cell = row.children[0]
      if (!cell) continue
      const term = toString(cell).trim()
      if (isKeyTerm(term)) this.addTerm(term)
    }
  }
}

function isSetupCode(lang: string, code: string): boolean {
  const language = lang.toLowerCase()
  if (language !== 'sql' && language !== '') return false
  const statements = code.split(';').map((s) => s.trim()).filter((s) => s !== '')
  return statements.length > 0 && statements.every((s) => setupSqlPattern.test(s))
}

const labelWords = new Set(['answer', 'example', 'examples', 'note', 'notes', 'definition', 'yes', 'no', 'not', 'important', 'why', 'how', 'what', 'when', 'solution', 'approach', 'pros', 'cons', 'bad', 'good', 'better', 'best', 'avoid', 'do', "don't", 'warning'])

function isKeyTerm(term: string): boolean {
  if (term.length < 2 || term.length > 48) return false
  if (term.endsWith('?') || term.endsWith('.')) return false
  const words = term.split(/\s+/)
  if (words.length > 5) return false
  const bare = term.replace(/[:\s]+$/, '').toLowerCase()
  if (labelWords.has(bare)) return false
  if (!/\p{L}/u.test(term)) return false
  // A lowercase phrase ("two out of three") is emphasis; a name has a capital, digit or symbol.
  return /[\p{Lu}\p{N}_./#+]/u.test(term)
}
