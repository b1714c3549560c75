/**
 * Difficulty markers that banks put in titles ("What is ROC? 👶", "Two Sum [Easy]", "⭐⭐⭐"):
 * read into a field and taken out of the title. A legend in the file ("👶 easy ⭐️ medium
 * 🚀 expert") overrides the default meaning of its emoji.
 */

export const difficulties = ['easy', 'medium', 'hard'] as const
export type Difficulty = (typeof difficulties)[number]

export type DifficultyLegend = ReadonlyMap<string, Difficulty>

const wordLevels: ReadonlyArray<[RegExp, Difficulty]> = [
  [/^(easy|beginner|basic|junior|entry(?:[- ]level)?|simple|fácil|facil|básico|basico|principiante|débutant|facile|leicht|einfach|初级|简单)$/i, 'easy'],
  [/^(medium|intermediate|moderate|mid(?:[- ]level)?|normal|medio|media|intermedio|moyen|mittel|中等|中级)$/i, 'medium'],
  [/^(hard|advanced|expert|senior|difficult|tricky|difícil|dificil|avanzado|experto|difficile|avancé|schwer|schwierig|困难|高级)$/i, 'hard']
]

const emojiDefaults: ReadonlyMap<string, Difficulty> = new Map([
  ['👶', 'easy'], ['🐣', 'easy'], ['🟢', 'easy'], ['🟩', 'easy'], ['💚', 'easy'],
  ['🟡', 'medium'], ['🟨', 'medium'], ['🟠', 'medium'], ['🟧', 'medium'], ['💛', 'medium'],
  ['🔴', 'hard'], ['🟥', 'hard'], ['🚀', 'hard'], ['🔥', 'hard'], ['💀', 'hard'], ['❤️', 'hard'], ['🧠', 'hard']
])

const emojiPattern = /(?:\p{Extended_Pictographic}|\p{Regional_Indicator})\uFE0F?(?:\u200D\p{Extended_Pictographic}\uFE0F?)*/gu
const trailingDecorationPattern = /(?:\s*(?:\p{Extended_Pictographic}|\uFE0F|\u200D|\u20E3))+\s*$/u
const bracketedWordPattern = /\s*[[({]\s*(?:difficulty|level|nivel|niveau)?\s*[:=]?\s*([\p{L}-]+(?: level)?)\s*[\])}]\s*$/iu
const leadingBracketedWordPattern = /^\s*[[({]\s*([\p{L}-]+(?: level)?)\s*[\])}]\s*[-–—:]?\s*/iu
const dashWordPattern = /\s+[-–—|]\s+(?:difficulty\s*:\s*)?([\p{L}-]+)\s*$/iu
const labelPattern = /\s*[-–—,;(]?\s*(?:difficulty|level)\s*[:=]\s*([\p{L}-]+)\s*\)?\s*$/iu

export function difficultyOfWord(word: string): Difficulty | null {
  const w = word.trim().replace(/[-\s]level$/i, '')
  for (const [pattern, level] of wordLevels) if (pattern.test(w)) return level
  return null
}

/** The difficulty a cell or marker names (a word, an emoji, or a run of stars). */
export function difficultyOfText(text: string, legend?: DifficultyLegend): Difficulty | null {
  const t = text.trim()
  if (!t) return null
  const word = difficultyOfWord(t.replace(/[^\p{L}\s-]/gu, '').trim())
  if (word) return word
  const whole = legend?.get(bareEmoji(t).replace(/\s+/g, ''))
  if (whole) return whole
  const stars = (t.match(/⭐|★|🌟/gu) ?? []).length
  for (const emoji of t.match(emojiPattern) ?? []) {
    const level = legend?.get(bareEmoji(emoji)) ?? emojiDefaults.get(bareEmoji(emoji))
    if (level) return level
  }
  if (stars > 0) return legend?.get('⭐') ?? (stars === 1 ? 'easy' : stars === 2 ? 'medium' : 'hard')
  return null
}

function bareEmoji(emoji: string): string {
  return emoji.replace(/\uFE0F/g, '')
}

/**
 * A title with its difficulty marker taken off (and any other trailing emoji decoration),
 * and the difficulty it named.
 */
export function splitDifficulty(title: string, legend?: DifficultyLegend): { title: string; difficulty: Difficulty | null } {
  let rest = title.trim()
  let difficulty: Difficulty | null = null
  const trailing = trailingDecorationPattern.exec(rest)
  if (trailing) {
    difficulty = difficultyOfText(trailing[0], legend)
    rest = rest.slice(0, trailing.index).trim()
  }
  for (const pattern of [bracketedWordPattern, labelPattern, dashWordPattern]) {
    const match = pattern.exec(rest)
    const word = match?.[1]
    const level = word !== undefined ? difficultyOfWord(word) : null
    if (match && level) {
      difficulty ??= level
      rest = rest.slice(0, match.index).trim()
      break
    }
  }
  const leading = leadingBracketedWordPattern.exec(rest)
  const leadingWord = leading?.[1]
  const leadingLevel = leadingWord !== undefined ? difficultyOfWord(leadingWord) : null
  if (leading && leadingLevel) {
    difficulty ??= leadingLevel
    rest = rest.slice(leading[0].length).trim()
  }
  // Emoji left behind the words ("Title 🚀 [Hard]").
  const again = trailingDecorationPattern.exec(rest)
  if (again) {
    difficulty ??= difficultyOfText(again[0], legend)
    rest = rest.slice(0, again.index).trim()
  }
  return { title: rest || title.trim(), difficulty }
}

/** A legend line: at least two emoji each paired with a difficulty word next to it ("👶 easy ⭐️ medium"). */
export function readDifficultyLegend(line: string): DifficultyLegend | null {
  // Emoji before their word is the usual order; only if that finds no pairs, word before emoji.
  const before = /((?:\p{Extended_Pictographic}\uFE0F?)+)\s*[:=-]?\s*([\p{L}-]+)/gu
  const after = /([\p{L}-]+)\s*[:=-]?\s*((?:\p{Extended_Pictographic}\uFE0F?)+)/gu
  for (const [pattern, emojiGroup, wordGroup] of [
    [before, 1, 2],
    [after, 2, 1]
  ] as const) {
    const legend = new Map<string, Difficulty>()
    for (const match of line.matchAll(pattern)) {
      // Both groups always take part in a match.
      const word = match[wordGroup]
      const emoji = match[emojiGroup]
      if (word === undefined || emoji === undefined) continue
      const level = difficultyOfWord(word)
      if (!level) continue
      const bare = bareEmoji(emoji)
      const single = [...bare.matchAll(emojiPattern)].map((m) => m[0])
      // "⭐⭐ medium": the run carries the level; a lone "⭐ medium" stands for the emoji.
      legend.set(single.length > 1 && single.every((e) => e === single[0]) ? bare : (single[0] ?? bare), level)
    }
    if (legend.size >= 2) return legend
  }
  return null
}
