import { normalizeWord, stemWord, tokenize } from '../scoring/tokens'

/**
 * Words that carry no topic in a candidate's question or a bank bullet ("what", "should",
 * "expected"). Kept here rather than in the scoring lexicon: the lexicon's list is tuned for
 * scoring answers, this one for matching questions to notes, and neither should move the other.
 */
const stopWords = new Set(
  (
    'a an the and or but if of to in on at by for with from as is are was were be been being it its ' +
    "it's this that these those i i'm we we're you you're they he she me us them my our your their do does did " +
    'doing have has had having not no so then than there here what whats when where which who whom how why ' +
    'can could would should will shall may might must just about into over under up down out all any some ' +
    'very really also too like um uh yeah okay ok well get got use used using want wanted need needs needed ' +
    'expect expected expecting assume assuming assumption assumptions care matter matters mattering important ' +
    'tell know think sure look looking kind sort thing things anything something please let lets go going ' +
    'main key primary typical typically roughly approximately around generally usually exactly actually ' +
    'many much often long big question questions ask asking clarify clarifying wondering wonder correct right ' +
    'should i shall we interviewer design system pipeline build building data plan planning support supported ' +
    'target define definition defined mean means meaning consider considered count counts counted requirement ' +
    'requirements require required requires'
  ).split(/\s+/)
)

/** Words that make a question ask for an amount: only a note with a number answers it. */
const amountCues = /\bhow\s+(much|big|large|fast|often|long|far|quickly|soon|old|frequently)\b/i
/** "How many trucks?": only a note that counts trucks ("100K trucks") answers it. */
const countCue = /\bhow\s+many\s+([\p{L}-]+(?:\s+[\p{L}-]+)?)/iu
/** How far before a word its number may sit: "100 million users", "10K active locations". */
const countReach = 3

export interface TermBag {
  /** Distinct stems of the content words. */
  stems: Set<string>
  /** Content words counted with repeats: the document length BM25 normalises by. */
  length: number
  /** A digit appears (a quantity: "100 million users", "< 30 seconds"). */
  hasNumber: boolean
  /** Stems with a number shortly before them: what the note counts ("100K trucks" counts trucks). */
  counted: Set<string>
}

export function stemOf(word: string): string {
  return stemWord(normalizeWord(word))
}

export function isStopWord(norm: string): boolean {
  return stopWords.has(norm)
}

interface ContentWord {
  stem: string
  isNumber: boolean
}

function contentWords(text: string): ContentWord[] {
  const words: ContentWord[] = []
  for (const token of tokenize(text).tokens) {
    const norm = token.norm.replace(/'s$/, '')
    // "15TB", "100K", "10ms": the number and its unit are two words to a reader.
    const [, amount, unit] = /^(\d+(?:\.\d+)?)([a-z]+)$/.exec(norm) ?? []
    if (amount !== undefined && unit !== undefined) {
      words.push({ stem: amount, isNumber: true }, { stem: stemWord(unit), isNumber: false })
      continue
    }
    if (stopWords.has(norm) || (norm.length < 2 && !/\d/.test(norm))) continue
    words.push({ stem: stemWord(norm), isNumber: /^\d/.test(norm) })
  }
  return words
}

/** Stems of the content words of `text`, in order, repeats kept. */
export function contentStems(text: string): string[] {
  return contentWords(text).map((word) => word.stem)
}

export function termBag(text: string): TermBag {
  const words = contentWords(text)
  const counted = new Set<string>()
  words.forEach((word, index) => {
    if (word.isNumber) return
    // A number within `countReach` words before it counts it ("3 retries", "15 TB of logs").
    if (words.slice(Math.max(0, index - countReach), index).some((before) => before.isNumber)) counted.add(word.stem)
  })
  return { stems: new Set(words.map((w) => w.stem)), length: words.length, hasNumber: /\d/.test(text), counted }
}

export interface QuantityAsked {
  /** "how much / how fast / how long…": the answer must hold a number. */
  amount: boolean
  /** "how many X": the stems of X, which the answer must count. */
  countOf: string[]
}

export function quantityAsked(text: string): QuantityAsked {
  const counted = countCue.exec(text)?.[1]
  return { amount: amountCues.test(text), countOf: counted !== undefined ? contentStems(counted) : [] }
}
