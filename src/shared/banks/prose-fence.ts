/**
 * Some banks put whole answers in a code fence to get a box around them ("```bash" holding
 * three paragraphs about Kafka). Counted as code, that prose would make a concept question a
 * coding one. A fence reads as prose when most of its characters sit on lines of several words
 * with no code punctuation; comment lines and lines with `=`, braces, `;`, `$`, `|`, `->` or
 * `--flags` are code.
 */

const codePunctuation = /[=;{}$|\\<>[\]`]|->|(?:^|\s)--?\w|\w\(|^\s*(?:#|\/\/)/
const word = /[\p{L}\p{N}'’]+/gu

function isProseLine(line: string): boolean {
  if (codePunctuation.test(line)) return false
  const words = line.match(word)
  return words !== null && words.length >= 5
}

/** True when a fenced block holds sentences rather than code. */
export function readsAsProse(code: string): boolean {
  let prose = 0
  let total = 0
  for (const line of code.split('\n')) {
    const length = line.trim().length
    if (length === 0) continue
    total += length
    if (isProseLine(line)) prose += length
  }
  return total > 0 && prose >= total * 0.7
}

/** The language a fence counts as for the kind: none when it reads as prose. */
export function fenceLanguage(lang: string, code: string): string {
  return lang !== '' && readsAsProse(code) ? '' : lang
}
