import type { QuestionKind } from './types'

/** What the body analysis observed, so that the kind does not depend on wording alone. */
export interface KindSignals {
  /** Characters of fenced code per language ('' for untyped), answer and setup together. */
  codeChars: Map<string, number>
  proseChars: number
  /** How many of Situation / Task / Action / Result appear as labels in the body. */
  starParts: number
  hasSqlSetup: boolean
}

const behavioralPattern =
  /\b(tell me about a time|describe a (time|situation)|give (me )?an example of a time|walk me through a time|how did you (handle|deal|go about)|conflict with|disagreed? with|your (biggest|greatest)|proudest|weakness(es)?|mistake you made|behaviou?ral)\b/i
const designPattern = /\b(design|architect(ure|ing)?|case study|end-to-end solution|data platform)\b/i
const scenarioPattern =
  /\b(scenarios?|incident|outage|post-?mortem|what would you do|troubleshoot|keeps? (increasing|failing|growing)|misses?|dropped|breaks?|broke|wrong|too slow|fragile|inherited|sends? duplicate)\b/i
const sqlPattern = /\b(sql|query|queries|select|join|window function|pivot|scd\d?)\b/i
const codingPattern =
  /\b(python|java|scala|bash|shell|awk|sed|script|function|implement|algorithm|code|sort(ing)?|regex|dictionary|iterat(e|ion)|list comprehension)\b/i
const productPattern = /\b(enhance|improve (the|their|our) (app|product)|product (sense|metric)|\bapp\b|feature launch)\b/i
const codingLangs = new Set(['python', 'py', 'bash', 'sh', 'shell', 'zsh', 'awk', 'java', 'scala', 'javascript', 'js', 'ts', 'typescript', 'go', 'c', 'cpp'])

/**
 * Rules in priority order: a story is behavioral whatever it mentions; a design request wins
 * over the SQL that answers it; failure-driven prompts are scenarios; then code; then
 * product; everything else is a concept question.
 */
export function classifyKind(title: string, prompt: string, sectionPath: readonly string[], signals: KindSignals): QuestionKind {
  const asked = `${title}\n${prompt}`
  const sections = sectionPath.join(' / ')
  if (behavioralPattern.test(asked) || signals.starParts >= 3 || /\bbehaviou?ral\b/i.test(sections)) return 'behavioral'
  if (designPattern.test(title) || /\bsystem design\b/i.test(asked) || /^case study\b/i.test(prompt)) return 'system-design'
  if (scenarioPattern.test(title) || /\b(scenario|failure)/i.test(sections)) return 'scenario'

  let sqlChars = 0
  let codingChars = 0
  for (const [lang, chars] of signals.codeChars) {
    if (lang === 'sql' || lang === 'plsql' || lang === 'postgresql' || lang === 'mysql') sqlChars += chars
    else if (codingLangs.has(lang)) codingChars += chars
  }
  const mostlyCode = (chars: number): boolean => chars > 0 && chars >= signals.proseChars
  if (sqlPattern.test(title) || signals.hasSqlSetup || (mostlyCode(sqlChars) && sqlChars >= codingChars)) return 'sql'
  if (codingPattern.test(title) || mostlyCode(codingChars)) return 'coding'
  if (productPattern.test(asked)) return 'product'
  return 'concept'
}
