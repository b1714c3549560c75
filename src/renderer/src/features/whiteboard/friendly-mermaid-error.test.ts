import { describe, expect, it } from 'vitest'
import { friendlyMermaidError } from './friendly-mermaid-error'

// Messages as mermaid 11 words them (captured from mermaid.parse).
describe('friendlyMermaidError', () => {
  it('turns "Expecting …, got …" into what was found and what would fit', () => {
    const source = 'flowchart LR\n  A --> B\n  B -->> C((('
    const message =
      "Parse error on line 3:\n...LR  A --> B  B -->> C(((\n---------------------^\nExpecting 'AMP', 'COLON', 'PIPE', 'TESTSTR', 'DOWN', 'DEFAULT', 'NUM', 'COMMA', 'NODE_STRING', 'BRKT', 'MINUS', 'MULT', 'UNICODE_TEXT', got 'TAGEND'"
    const friendly = friendlyMermaidError({ message, line: 3 }, source)
    expect(friendly.line).toBe(3)
    expect(friendly.text).toBe('Mermaid did not expect “>” here; it expects “:”, a node name or text.')
    expect(friendly.text).not.toMatch(/\^|Expecting|TAGEND/)
  })

  it('says the diagram ends too soon (and on which line) for an unclosed shape', () => {
    const source = 'flowchart LR\n  A --> B[unclosed\n'
    const message =
      "Parse error on line 4:\n...  A --> B[unclosed\n---------------------^\nExpecting 'SQE', 'DOUBLECIRCLEEND', 'PE', '-)', 'STADIUMEND', 'SUBROUTINEEND', 'PIPE', 'CYLINDEREND', 'DIAMOND_STOP', 'TAGEND', 'TRAPEND', 'INVTRAPEND', 'UNICODE_TEXT', 'TEXT', 'TAGSTART', got '1'"
    expect(friendlyMermaidError({ message, line: 4 }, source)).toEqual({
      line: 2,
      text: 'The diagram ends too soon: Mermaid still expects “]”, “)” or “}”. Is a bracket or an arrow left open?'
    })
  })

  it('names an unknown diagram type', () => {
    const friendly = friendlyMermaidError({ message: 'No diagram type detected matching given configuration for text: flowchrt LR\n A-->B', line: null }, 'flowchrt LR\n A-->B')
    expect(friendly).toEqual({ line: 1, text: '“flowchrt” is not a diagram type. Start with a diagram type, e.g. flowchart LR, sequenceDiagram or erDiagram.' })
  })

  it('explains a lexical error without the parser dump', () => {
    const friendly = friendlyMermaidError({ message: 'Lexical error on line 3. Unrecognized text.\n...  A --> B  B --> C}\n---------------------^', line: 3 }, 'flowchart LR\n  A --> B\n  B --> C}')
    expect(friendly.line).toBe(3)
    expect(friendly.text).not.toMatch(/\.\.\.|\^/)
  })

  it('reads the newer parsers’ messages (pie, packet…) with their column', () => {
    const message =
      "Parsing failed: Lexer error on line 2, column 8: unexpected character: ->x<- at offset: 19, skipped 1 characters. Parse error on line 2, column 9: Expecting token of type 'NUMBER_PIE' but found `\n`."
    expect(friendlyMermaidError({ message, line: 2 }, 'pie title X\n  "a": x')).toEqual({ line: 2, text: 'Column 8: Mermaid did not expect “x” here.' })
  })

  it('keeps only the first sentence of anything else', () => {
    expect(friendlyMermaidError({ message: 'Error: Something odd\n    at render (mermaid.js:1:2)', line: null }, 'x').text).toBe('Something odd')
  })
})
