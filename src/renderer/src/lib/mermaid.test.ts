import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { stripMermaidConfig } from './mermaid'

/** Mermaid's own patterns (mermaid/src/utils.ts, diagram-api/frontmatter.ts): what it obeys. */
const mermaidDirective = /%{2}{\s*(?:(\w+)\s*:|(\w+))\s*(?:(\w+)|((?:(?!}%{2}).|\r?\n)*))?\s*(?:}%{2})?/gi
const mermaidFrontMatter = /^([^\S\n\r]*)-{3}\s*[\n\r](.*?)[\n\r]\1-{3}\s*[\n\r]+/s

function obeyedConfig(source: string): string[] {
  const found = [...source.matchAll(mermaidDirective)].map((match) => match[0])
  const front = mermaidFrontMatter.exec(source)?.[2] ?? ''
  if (/^\s*(config|displayMode)\s*:/m.test(front)) found.push(front)
  return found
}

describe('stripMermaidConfig', () => {
  it.each([
    ['the reported bypass', '%%{init: {"flowchart":{"htmlLabels":true}}}%%\nflowchart LR\n  a["<b>x</b>"] --> b'],
    ['initialize', '%%{initialize: {"securityLevel":"loose"}}%%\nflowchart LR\n  a --> b'],
    ['config', '%%{config: {"flowchart":{"htmlLabels":true}}}%%\nflowchart LR\n  a --> b'],
    ['wrap', '%%{wrap}%%\nsequenceDiagram\n  A->>B: hi'],
    ['upper case and spaces', '%%{  INIT :  {"theme":"dark", "flowchart": {"htmlLabels": true}}  }%%\nflowchart LR\n a-->b'],
    ['a directive spanning lines', '%%{init: {\n  "flowchart": {\n    "htmlLabels": true\n  }\n}}%%\nflowchart LR\n a-->b'],
    ['a directive mid-diagram', 'flowchart LR\n  a --> b\n%%{init: {"flowchart":{"htmlLabels":true}}}%%\n  b --> c'],
    ['an unclosed directive', 'flowchart LR\n a-->b\n%%{init: {"flowchart":{"htmlLabels":true}}'],
    ['two halves that meet once the middle is removed', '%%%%{wrap}%%{init: {"flowchart":{"htmlLabels":true}}}%%\nflowchart LR\n a-->b'],
    ['Windows line ends', '%%{init: {"flowchart":{"htmlLabels":true}}}%%\r\nflowchart LR\r\n a-->b'],
    ['front-matter config', '---\nconfig:\n  flowchart:\n    htmlLabels: true\n---\nflowchart LR\n  a --> b'],
    ['indented front-matter config', '  ---\n  config:\n    securityLevel: loose\n  ---\nflowchart LR\n  a --> b'],
    ['front matter with a title and a config', '---\ntitle: Pipeline\nconfig:\n  flowchart:\n    htmlLabels: true\n---\nflowchart LR\n  a --> b'],
    ['displayMode', '---\ndisplayMode: compact\n---\ngantt\n  title A']
  ])('removes %s', (_name, source) => {
    expect(obeyedConfig(source).length).toBeGreaterThan(0)
    const { source: safe, removed } = stripMermaidConfig(source)
    expect(obeyedConfig(safe)).toEqual([])
    expect(removed.length).toBeGreaterThan(0)
    expect(safe).not.toMatch(/htmlLabels|securityLevel/)
    expect(safe.split('\n')).toHaveLength(source.split('\n').length)
    // What is left of a front matter is still one to mermaid, never stray `---` diagram text.
    expect(/^\s*---/.test(safe)).toBe(mermaidFrontMatter.test(safe))
  })

  it('drops a front matter that held only configuration, keeping the diagram on its lines', () => {
    const { source } = stripMermaidConfig('---\nconfig:\n  theme: dark\n---\nflowchart LR\n  a --> b')
    expect(source).toBe('\n\n\n\nflowchart LR\n  a --> b')
  })

  it('keeps the diagram, its comments, its title and its line numbers', () => {
    const source = '---\ntitle: Pipeline\nconfig:\n  theme: dark\n---\nflowchart LR\n  %% a comment stays\n%%{init: {"flowchart":{"htmlLabels":true}}}%%\n  a --> b'
    const { source: safe } = stripMermaidConfig(source)
    expect(safe.split('\n')).toHaveLength(source.split('\n').length)
    expect(safe).toContain('title: Pipeline')
    expect(safe).toContain('%% a comment stays')
    expect(safe.split('\n')[8]).toBe('  a --> b')
  })

  it('leaves a diagram without configuration untouched', () => {
    const source = '---\ntitle: Only a title\n---\nflowchart LR\n  a[100%] --> b{"%%"}\n  %% note'
    expect(stripMermaidConfig(source)).toEqual({ source, removed: [] })
  })

  it('no mix of directive fragments survives', () => {
    const pieces = fc.constantFrom('%%{', '}%%', '%%', '%', '{', '}', 'init', 'init:', 'wrap', 'config:', ' ', '\n', '\r\n', '"htmlLabels":true', '---\n', 'flowchart LR\n', 'a-->b\n')
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        expect(obeyedConfig(stripMermaidConfig(parts.join('')).source)).toEqual([])
      }),
      { numRuns: 2000, seed: 9 }
    )
  })
})
