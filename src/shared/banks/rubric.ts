import type { List, Nodes, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { boldOnlyText } from './markdown-nodes'
import { cleanSectionText, collapseWhitespace, slugify } from './title-text'
import { questionKinds, type Question, type QuestionKind, type Rubric, type RubricCriterion, type TemplatePart } from './types'

/**
 * Rubrics are data found in the banks themselves: a "How interviewers evaluate these" section
 * (what they listen for, what they reject) and an "Interview answer template" section (the
 * parts of a good answer). A bank may consist of nothing else (a rubric-only bank).
 */

const rubricHeadingPattern =
  /\b(how (the )?interviewers? (evaluate|assess|score|grade|judge)|evaluation (criteria|rubric)|scoring (rubric|criteria)|grading rubric)\b|^rubric\b/i
const templateHeadingPattern = /\b(interview )?answer (template|structure|framework)\b/i
const listenPattern = /\b(listen(s|ing)? for|look(s|ing)? for|green flags?|strong answers?|what good (answers )?look)\b/i
const rejectPattern = /\b(reject(s|ed)?|red flags?|penali[sz]e|avoid|weak answers?|turn[- ]offs?)\b/i
const appliesPattern = /^\s*applies to\s*:?/i
const quotedPattern = /["“]([^"”]+)["”]/g
const quotedGroupPattern = /\s*\((?:\s*(?:or|and|e\.g\.,?)?\s*["“][^"”]*["”]\s*[,;]?)+\s*\)/g
const templateLinePattern = /^\s*(?:\d+[.)]\s*|[-*+]\s+)?(?:\*\*)?([A-Za-z][A-Za-z /&-]{0,39}?)(?:\*\*)?\s*[:–—]\s*(.+?)\s*$/

const kindAliases: ReadonlyArray<[QuestionKind, RegExp]> = [
  ['behavioral', /\bbehaviou?ral\b/i],
  ['system-design', /\b(system[- ]design|design)\b/i],
  ['sql', /\bsql\b/i],
  ['coding', /\bcod(e|ing)\b/i],
  ['concept', /\bconcepts?(ual)?\b/i],
  ['scenario', /\bscenarios?\b/i],
  ['product', /\bproduct\b/i]
]

export type RubricSectionKind = 'rubric' | 'template'

export function rubricSectionKind(headingText: string): RubricSectionKind | null {
  const text = cleanSectionText(headingText)
  if (rubricHeadingPattern.test(text)) return 'rubric'
  if (templateHeadingPattern.test(text)) return 'template'
  return null
}

export interface RubricSection {
  kind: RubricSectionKind
  heading: string
  nodes: RootContent[]
}

export function extractRubrics(
  bankId: string,
  bankTitle: string,
  sections: readonly RubricSection[],
  bankKinds: readonly QuestionKind[]
): { rubrics: Rubric[]; warnings: string[] } {
  const rubrics: Rubric[] = []
  const warnings: string[] = []
  const explicitKinds = new Map<Rubric, QuestionKind[] | null>()
  let pendingTemplate: TemplatePart[] | null = null

  for (const section of sections) {
    if (section.kind === 'template') {
      const parts = parseTemplate(section.nodes)
      const last = rubrics[rubrics.length - 1]
      if (last && last.template.length === 0) last.template = parts
      else pendingTemplate = parts
      continue
    }
    const { listenFor, reject, appliesTo } = parseCriteria(section.nodes)
    if (listenFor.length === 0 && reject.length === 0) {
      warnings.push(`rubric section "${section.heading}" has no "listen for" or "reject" list; skipped`)
      continue
    }
    const heading = cleanSectionText(section.heading)
    let id = `${bankId}:${slugify(heading) || 'rubric'}`
    for (let n = 2; rubrics.some((r) => r.id === id); n++) id = `${bankId}:${slugify(heading) || 'rubric'}-${n}`
    const rubric: Rubric = {
      id,
      bankId,
      title: bankTitle ? `${bankTitle} — ${heading}` : heading,
      appliesTo: [],
      listenFor,
      reject,
      template: pendingTemplate ?? []
    }
    pendingTemplate = null
    explicitKinds.set(rubric, appliesTo)
    rubrics.push(rubric)
  }
  if (pendingTemplate) warnings.push('answer template found without a rubric section; skipped')

  for (const rubric of rubrics) {
    const explicit = explicitKinds.get(rubric)
    const templateIds = new Set(rubric.template.map((p) => p.id))
    if (explicit && explicit.length > 0) rubric.appliesTo = explicit
    else if (templateIds.has('situation') && templateIds.has('result')) rubric.appliesTo = ['behavioral']
    else rubric.appliesTo = questionKinds.filter((k) => bankKinds.includes(k))
  }
  return { rubrics, warnings }
}

function parseCriteria(nodes: readonly RootContent[]): {
  listenFor: RubricCriterion[]
  reject: RubricCriterion[]
  appliesTo: QuestionKind[] | null
} {
  const listenFor: RubricCriterion[] = []
  const reject: RubricCriterion[] = []
  let appliesTo: QuestionKind[] | null = null
  let target: RubricCriterion[] | null = null
  for (const node of nodes) {
    if (node.type === 'list') {
      if (target) for (const criterion of listCriteria(node)) addCriterion(target, criterion)
      continue
    }
    if (node.type !== 'paragraph' && node.type !== 'heading') continue
    const text = collapseWhitespace(toString(node))
    if (appliesPattern.test(text)) {
      const rest = text.replace(appliesPattern, '')
      appliesTo = kindAliases.filter(([, pattern]) => pattern.test(rest)).map(([kind]) => kind)
      continue
    }
    const label = boldOnlyText(node) ?? text
    if (rejectPattern.test(label)) target = reject
    else if (listenPattern.test(label)) target = listenFor
  }
  return { listenFor, reject, appliesTo }
}

function listCriteria(list: List): RubricCriterion[] {
  return list.children.map((item) => {
    const description = collapseWhitespace(toString(item))
    const examples = [...description.matchAll(quotedPattern)].flatMap(([, quoted]) => (quoted === undefined ? [] : [quoted.trim()]))
    // "Situation: the context…" names the criterion before the colon.
    const named = /^([^:"“]{1,40}):\s+\S/.exec(description)?.[1]
    const label = named
      ? named.trim()
      : collapseWhitespace(description.replace(quotedGroupPattern, '')).replace(/[:.]$/, '') || description
    return { id: slugify(label) || 'criterion', label, description, examples }
  })
}

function addCriterion(into: RubricCriterion[], criterion: RubricCriterion): void {
  let id = criterion.id
  for (let n = 2; into.some((c) => c.id === id); n++) id = `${criterion.id}-${n}`
  into.push({ ...criterion, id })
}

function parseTemplate(nodes: readonly RootContent[]): TemplatePart[] {
  const lines: string[] = []
  const collect = (node: Nodes): void => {
    if (node.type === 'code') lines.push(...node.value.split('\n'))
    else if (node.type === 'list') for (const item of node.children) lines.push(collapseWhitespace(toString(item)))
    else if (node.type === 'paragraph') lines.push(...toString(node).split('\n'))
  }
  for (const node of nodes) collect(node)
  const parts: TemplatePart[] = []
  for (const line of lines) {
    const match = templateLinePattern.exec(line)
    // Both groups always take part in a match.
    const labelText = match?.[1]
    const descriptionText = match?.[2]
    if (labelText === undefined || descriptionText === undefined) continue
    const description = descriptionText.replace(/^\[(.*)\]$/, '$1').trim()
    const rawLabel = labelText.trim()
    if (!description || /^(for|when|if)\b/i.test(rawLabel)) continue
    const label = rawLabel === rawLabel.toUpperCase() ? rawLabel.charAt(0) + rawLabel.slice(1).toLowerCase() : rawLabel
    const id = slugify(label)
    if (id && !parts.some((p) => p.id === id)) parts.push({ id, label, description })
  }
  return parts
}

/**
 * Every question gets a rubric. Preference: its own bank's rubric for its kind, then any
 * rubric for its kind (the one for the fewest kinds first, so the STAR rubric beats a
 * general one for behavioral questions). Kinds no rubric claims (sql, coding, concept and
 * product in the built-in banks) are scored by the system-design rubric: its criteria
 * (trade-offs, failure thinking, prevention, business alignment) judge technical reasoning,
 * while STAR judges the shape of a story, which a query or a definition does not have.
 */
export function assignRubrics(questions: Array<Pick<Question, 'kind' | 'bankId' | 'rubricId'>>, rubrics: readonly Rubric[]): void {
  const ordered = [...rubrics].sort((a, b) => a.appliesTo.length - b.appliesTo.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const designRubric = ordered.find((r) => r.appliesTo.includes('system-design'))
  for (const question of questions) {
    const forKind = ordered.filter((r) => r.appliesTo.includes(question.kind))
    const chosen =
      forKind.find((r) => r.bankId === question.bankId) ??
      forKind[0] ??
      designRubric ??
      ordered.find((r) => r.bankId === question.bankId) ??
      ordered[0]
    question.rubricId = chosen?.id ?? ''
  }
}
