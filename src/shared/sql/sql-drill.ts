import type { Question } from '../banks/types'

/** What a SQL question offers as a drill: its setup script and its reference queries. */
export interface SqlDrill {
  /** The setup blocks joined, as the bank wrote them (Oracle-flavoured). */
  setup: string
  /** One script per SQL code block of the reference answer. */
  references: string[]
  /** Why Check cannot work for this question (no reference query), or null. */
  referenceUnavailable: string | null
}

const sqlLanguages = new Set(['sql', 'plsql', 'oracle', 'postgres', 'postgresql', 'pgsql', 'mysql', 'tsql'])

/** Code fences in markdown: ```lang … ``` (or ~~~), with their language. */
export function codeBlocksOf(markdown: string): { lang: string; code: string }[] {
  const blocks: { lang: string; code: string }[] = []
  const fence = /^[ \t]*(`{3,}|~{3,})[ \t]*([\w+#-]*)[^\n]*\n([\s\S]*?)\n?[ \t]*\1[ \t]*$/gm
  for (let match = fence.exec(markdown); match; match = fence.exec(markdown)) {
    // The language may be empty (a bare fence); the body group always takes part in a match.
    const [, , lang = '', code = ''] = match
    blocks.push({ lang: lang.toLowerCase(), code })
  }
  return blocks
}

/** The drill of a SQL question with a setup script, or null when it has none to run. */
export function sqlDrillOf(question: Pick<Question, 'kind' | 'setupCode' | 'answer'>): SqlDrill | null {
  if (question.kind !== 'sql') return null
  const setup = question.setupCode
    .filter((block) => sqlLanguages.has(block.lang.toLowerCase()))
    .map((block) => block.code.trim())
    .filter(Boolean)
  if (setup.length === 0) return null
  const blocks = question.answer ? codeBlocksOf(question.answer) : []
  const references = blocks.filter((block) => sqlLanguages.has(block.lang) || block.lang === '').map((block) => block.code.trim()).filter(Boolean)
  let referenceUnavailable: string | null = null
  if (!question.answer) referenceUnavailable = 'This bank gives no reference answer, so there is nothing to check your result against.'
  else if (references.length === 0) {
    const text = question.answer.replace(/\s+/g, ' ').trim()
    const shown = text.length > 80 ? `${text.slice(0, 77)}…` : text
    referenceUnavailable = `The bank’s answer is not a query (it reads “${shown}”), so Check has nothing to compare your result with.`
  }
  return { setup: setup.join(';\n\n'), references, referenceUnavailable }
}
