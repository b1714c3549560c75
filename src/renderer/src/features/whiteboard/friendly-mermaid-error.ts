import type { MermaidError } from '../../lib/mermaid'

export interface FriendlyMermaidError {
  /** 1-based line of the source the problem is on, when known. */
  line: number | null
  /** One sentence a person can act on; never the parser's raw output. */
  text: string
}

// What the grammar's token names stand for, in the words (or characters) a person types.
const tokenWords: Record<string, string> = {
  SEMI: '“;”',
  NEWLINE: 'a new line',
  EOF: 'the end of the diagram',
  AMP: '“&”',
  COLON: '“:”',
  COMMA: '“,”',
  PIPE: '“|”',
  MINUS: '“-”',
  SQS: '“[”',
  SQE: '“]”',
  PS: '“(”',
  PE: '“)”',
  DIAMOND_START: '“{”',
  DIAMOND_STOP: '“}”',
  TAGSTART: '“<”',
  TAGEND: '“>”',
  STYLE_SEPARATOR: '“:::”',
  STADIUMEND: '“])”',
  SUBROUTINEEND: '“]]”',
  CYLINDEREND: '“)]”',
  DOUBLECIRCLEEND: '“)))”',
  LINK: 'an arrow',
  START_LINK: 'an arrow',
  ARROW_POINT: 'an arrow',
  NODE_STRING: 'a node name',
  ALPHA: 'a name',
  NUM: 'a number',
  NUMBER_PIE: 'a number',
  UNICODE_TEXT: 'text',
  TEXT: 'text',
  TXT: 'text',
  EDGE_TEXT: 'arrow text',
  STR: 'text in quotes',
  DIR: 'a direction (LR, TD…)'
}
// Read first when several are expected: what most often finishes a half-written line.
const preferred = ['SQE', 'PE', 'DIAMOND_STOP', 'STADIUMEND', 'SUBROUTINEEND', 'CYLINDEREND', 'LINK', 'START_LINK', 'SEMI', 'NEWLINE', 'COLON', 'NODE_STRING', 'TEXT', 'TXT', 'UNICODE_TEXT', 'NUM', 'NUMBER_PIE']

function words(tokens: string[]): string | null {
  const sorted = [...tokens].sort((a, b) => rank(a) - rank(b))
  const known = [...new Set(sorted.flatMap((t) => tokenWords[t] ?? []))].slice(0, 3)
  const [only, ...more] = known
  if (only === undefined) return null
  return more.length === 0 ? only : `${known.slice(0, -1).join(', ')} or ${known.at(-1)}`
}

function rank(token: string): number {
  const index = preferred.indexOf(token)
  return index === -1 ? preferred.length : index
}

function lastContentLine(source: string): number {
  const last = source.split('\n').findLastIndex((line) => line.trim() !== '')
  return last === -1 ? 1 : last + 1
}

/**
 * Mermaid's parser errors (jison's "Parse error on line 3: …---^ Expecting 'SEMI', … got
 * 'TAGEND'", langium's "Parsing failed: Lexer error on line 2, column 8: …") in one plain sentence
 * with the line it is about.
 */
export function friendlyMermaidError(error: MermaidError, source: string): FriendlyMermaidError {
  const message = error.message.trim()
  const lineCount = source.split('\n').length
  let line = error.line !== null && error.line >= 1 ? Math.min(error.line, lineCount) : null

  if (/^No diagram type detected/i.test(message)) {
    const first = source.split('\n').find((l) => l.trim())?.trim().split(/\s+/)[0] ?? ''
    return {
      line: 1,
      text: `${first ? `“${first}” is not a diagram type. ` : ''}Start with a diagram type, e.g. flowchart LR, sequenceDiagram or erDiagram.`
    }
  }

  const expecting = /Expecting (.+?), got '([^']*)'/.exec(message)
  if (expecting) {
    const [, list = '', got = ''] = expecting
    const expected = [...list.matchAll(/'([^']+)'/g)].flatMap((m) => m[1] ?? [])
    const want = words(expected)
    if (got === '1' || got === 'EOF') {
      line = lastContentLine(source)
      return { line, text: `The diagram ends too soon${want ? `: Mermaid still expects ${want}` : ''}. Is a bracket or an arrow left open?` }
    }
    const found = tokenWords[got] ?? `“${got.toLowerCase()}”`
    return { line, text: `Mermaid did not expect ${found} here${want ? `; it expects ${want}` : ''}.` }
  }

  if (/^Lexical error/i.test(message)) {
    return { line, text: 'Mermaid does not recognise a character on this line: a stray bracket, brace or symbol?' }
  }

  const lexer = /Lexer error on line (\d+), column (\d+): unexpected character: ->(.+?)<-/.exec(message)
  if (lexer) {
    return { line: Math.min(Number(lexer[1]), lineCount), text: `Column ${lexer[2]}: Mermaid did not expect “${lexer[3]}” here.` }
  }
  const langium = /Parse error on line (\d+), column (\d+): Expecting token of type '([^']+)'/.exec(message)
  if (langium) {
    const [, , , token = ''] = langium
    const want = tokenWords[token] ?? token.toLowerCase().replace(/_/g, ' ')
    return { line: Math.min(Number(langium[1]), lineCount), text: `Column ${langium[2]}: Mermaid expects ${want} here.` }
  }

  // Anything else: its first sentence, without a stack or parser dump.
  const [firstLine = ''] = message.split('\n')
  const first = firstLine.replace(/^(Error|Parse error|Parsing failed):?\s*/i, '').trim()
  return { line, text: first.length > 160 ? `${first.slice(0, 157)}…` : first || 'Mermaid could not read this diagram.' }
}
