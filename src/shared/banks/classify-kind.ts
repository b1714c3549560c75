import type { QuestionKind } from './types'

/** What the body scan observed, so that the kind does not depend on wording alone. */
export interface KindSignals {
  /** Characters of fenced code per language ('' for untyped), answer and setup together. */
  codeChars: Map<string, number>
  proseChars: number
  /** How many of Situation / Task / Action / Result appear as labels in the body. */
  starParts: number
  hasSqlSetup: boolean
}

/**
 * Kinds come from phrases, not single words: "select" alone does not make "How do we select
 * the depth of the trees?" a SQL question, nor "sort" a coding one. The order of the checks is
 * the priority: what the question asks for in its own words (a story, a design, product
 * sense, a failure to handle, a query, code), then the innermost section (or the bank's
 * title) that names a kind, then the code its answer is written in; anything else is a
 * concept question. A behavioral section makes any question in it a story.
 */

const behavioralPhrases =
  /\b(tell me about (a|an|the|your|yourself|some)\b|tell us about (a|an|the|your)|describe (a|an|the) (time|situation|moment|project|occasion|conflict|challenge|mistake|decision)|give (me |us )?(an |a )?examples? of (a |an )?(time|situation|when|how you)|walk me through (a|an|the|your) (time|situation|project|career|resume|résumé|background)|(a|the) (time|situation|moment) (when|where) you|have you ever\b|how did you (handle|deal|manage|resolve|cope|respond|react|go about|convince|persuade|influence)|how do you (handle|deal with|manage|cope with|respond to|react to) (conflict|criticism|feedback|stress|pressure|disagreement|failure|ambiguity|a difficult|difficult|tight deadlines)|conflict with|disagreed? with|your (biggest|greatest|main) (strength|weakness|achievement|accomplishment|failure|mistake|challenge|regret)|(strengths?|weakness(es)?) (and|or) (strengths?|weakness(es)?)|what are your (strengths|weaknesses)|proudest|mistake you made|why do you want to (work|join)|why (should we hire|are you leaving|did you leave)|where do you see yourself|what motivates you|what would your (manager|colleagues|peers|team) say|behaviou?ral question|went (above and )?beyond|took (the )?initiative|failed and what|learn(ed)? from (a |your )?(failure|mistake))\b/i
const designPhrases =
  /^(re-?)?design\b|^(build|architect|propose|plan)\b.*\b(pipeline|system|platform|architecture|service|warehouse|lakehouse)\b|\bdesign (a|an|the|your|our|me|us|for)\b|\bhow (would|do|should|will|can) (you|we|i) (design|architect|build|scale)\b|\b(system|systems|platform|solution|pipeline|data) design\b|\barchitect(ure|ing)?\b|\bend-to-end (solution|system|pipeline|platform|design|architecture)\b|\bcase study\b|\bdata platform\b/i
const scenarioPhrases =
  /\b(what (would|will|should) you do (if|when|about)|how (would|will|should|do) you (handle|debug|troubleshoot|investigate|fix|diagnose|deal with|respond to|recover|approach (a|an|the) (failure|outage|incident|slow))|(suppose|imagine|assume|let'?s say|say) (that |you |your |a |an |the )|scenario|incident|outage|post-?mortem|root cause|troubleshoot(ing)?|keeps? (increasing|failing|growing|crashing)|started (failing|to fail)|misse[sd]? (its |the |an? )?sla|misses)\b/i
// Words that suggest something went wrong, weaker than a section that names the kind.
const weakScenarioPhrases =
  /\b(suddenly|(is|are|runs?|became|becomes) (too |very )?slow|dropped|breaks?|broke|broken(?! down)|wrong numbers|wrong results?|reports? wrong|fragile|inherited|sends? duplicate|duplicate (data|records|rows|events|messages))\b/i
const sqlPhrases =
  /\b(sql|t-sql|pl\/?sql|hiveql|spark sql|write (a |an )?(sql )?quer(y|ies)|(a|the|this|sql) quer(y|ies) (to|that|for|which)|quer(y|ies) to (find|get|return|calculate|compute|list|count|select|show|identify|fetch|rank|pivot|delete|update)|window functions?|(inner|left|right|full|outer|cross|self|anti|semi)( outer)? joins?|group by|order by|partition by|having clause|where clause|select statement|common table expressions?|\bcte\b|stored procedures?|pivot (a |the )?table|pivot without|using (a |the )?(lag|lead|rank|dense_rank|row_number|ntile) function|(lag|lead|rank|dense_rank|row_number|ntile)\(\))/i
const sqlKeywords = /\b(SELECT|JOIN|GROUP BY|ORDER BY|WHERE|HAVING|UNION|INSERT|UPDATE|DELETE FROM|MERGE INTO|CREATE TABLE)\b/
const codingPhrases =
  /\b(write (a |an )?(python |java |scala |javascript |bash |shell |c\+\+ |go )?(function|program|script|class|method|code|algorithm|snippet|one-liner|decorator|generator|unit test)|implement (a|an|the)?\s*\w+|in (python|java|scala|javascript|typescript|bash|shell|go|rust|c\+\+|pyspark)\b|(python|java|scala|bash|shell) (code|function|script|program|one-liner)|reverse (a|an|the) (string|list|array|linked list|number|integer)|linked list|binary (tree|search)|hash ?map|two sum|fizz ?buzz|palindrome|anagram|fibonacci|time complexity|space complexity|big[- ]o\b|algorithm|leetcode|list comprehension|\bregex\b|regular expression|\bawk\b|\bsed\b|\bgrep\b|dictionary items|iterat(e|ing|ion) (over|through)|sort(ing)? (a|an|the) (list|array|dictionary|dict|file|string)|sorting algorithm|data structures?|recursion|recursive function|dynamic programming)\b/i
const productPhrases =
  /\b(product sense|product metrics?|north star metric|metrics? (would|should|will|do) you (track|use|measure|pick|choose)|how (would|do) you measure (the )?success|success metrics?|improve (the|their|our|your|this) (app|product|experience|feature)|enhance (the |their |our |your )?(app|product)|feature launch|launch (a|the) (new )?feature|engagement dropped|user engagement|a\/b test(ing)? (a|the) (feature|change))\b/i
const codingLangs = new Set(['python', 'py', 'bash', 'sh', 'shell', 'zsh', 'awk', 'java', 'scala', 'javascript', 'js', 'ts', 'typescript', 'go', 'c', 'cpp', 'c++', 'rust', 'kotlin', 'r', 'ruby', 'pyspark'])
const sqlLangs = new Set(['sql', 'plsql', 'postgresql', 'postgres', 'mysql', 'tsql', 'hive', 'hiveql', 'sparksql', 'bigquery', 'snowflake', 'pgsql'])

const sectionKinds: ReadonlyArray<[QuestionKind, RegExp]> = [
  ['behavioral', /\b(behaviou?ral|leadership|soft skills?|culture( fit)?|star method|hr (round|questions)|personal|motivation|teamwork|career)\b/i],
  ['scenario', /\b(scenarios?|troubleshoot(ing)?|incidents?|failure scenarios|debugging|on-?call|firefighting)\b/i],
  ['system-design', /\b(system design|systems design|design (questions|interview|problems|round|deep dives?)|architecture|case stud(y|ies))\b/i],
  ['sql', /\b(sql|queries|window functions|joins)\b/i],
  ['coding', /^coding$|\bcoding (questions|problems|interviews?|challenges|exercises|rounds?|tests?|practice|drills?)\b|\b(python|java|scala|algorithms?|data structures|leetcode|programming|scripting|bash|shell|live coding|dsa)\b/i],
  ['product', /\b(product( sense| metrics| analytics| case)?|metrics|a\/b testing|experimentation)\b/i]
]

export function classifyKind(title: string, prompt: string, sectionPath: readonly string[], signals: KindSignals): QuestionKind {
  const asked = prompt && prompt !== title ? `${title}\n${prompt}` : title
  if (behavioralPhrases.test(asked) || signals.starParts >= 3) return 'behavioral'
  const sectionKind = innermostSectionKind(sectionPath)
  // In a behavioral section, "How do you handle a low performer?" asks for a story.
  if (sectionKind === 'behavioral') return 'behavioral'
  if (designPhrases.test(title) || /^case study\b/i.test(prompt)) return 'system-design'
  // "Engagement dropped; which metrics…" is product sense, though something dropped.
  if (productPhrases.test(title)) return 'product'
  if (scenarioPhrases.test(title)) return 'scenario'
  if (sqlPhrases.test(title) || sqlKeywords.test(title)) return 'sql'
  if (codingPhrases.test(title)) return 'coding'
  if (sectionKind) return sectionKind
  if (weakScenarioPhrases.test(title)) return 'scenario'

  let sqlChars = 0
  let codingChars = 0
  for (const [lang, chars] of signals.codeChars) {
    if (sqlLangs.has(lang)) sqlChars += chars
    else if (codingLangs.has(lang)) codingChars += chars
  }
  const mostlyCode = (chars: number): boolean => chars > 0 && chars >= signals.proseChars
  if (signals.hasSqlSetup || (mostlyCode(sqlChars) && sqlChars >= codingChars)) return 'sql'
  if (mostlyCode(codingChars)) return 'coding'
  if (productPhrases.test(asked)) return 'product'
  if (sqlPhrases.test(prompt) || sqlKeywords.test(prompt)) return 'sql'
  return 'concept'
}

/** The kind the innermost section (or the bank's title, outermost) names, if any. */
function innermostSectionKind(sectionPath: readonly string[]): QuestionKind | null {
  for (const section of [...sectionPath].reverse()) {
    for (const [kind, pattern] of sectionKinds) if (pattern.test(section)) return kind
  }
  return null
}
