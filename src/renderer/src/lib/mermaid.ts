/**
 * The one module that imports mermaid. It is loaded on first use (mermaid is large), renders
 * with `securityLevel: 'strict'` (no HTML labels, no click handlers) and reports syntax errors
 * with their line so editors can show them inline. Sources come from banks and from what the
 * user pastes, so their own configuration (`%%{init}%%` directives, front-matter `config:`)
 * is removed first: it could turn HTML labels back on.
 */
import type * as MermaidToExcalidrawModule from '@excalidraw/mermaid-to-excalidraw'
import type MermaidDefault from 'mermaid'
import { messageOf } from '@shared/errors'

type MermaidModule = typeof MermaidDefault

let loading: Promise<MermaidModule> | null = null
let currentTheme: 'default' | 'dark' | null = null
let counter = 0

async function load(theme: 'default' | 'dark'): Promise<MermaidModule> {
  loading ??= import('mermaid').then((module) => module.default)
  const mermaid = await loading
  if (currentTheme !== theme) {
    // mermaid 11 reads htmlLabels at the root; with only the deprecated per-diagram flag,
    // labels still came out as HTML in <foreignObject> (e2e/mermaid-directives.spec.ts).
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme, htmlLabels: false, flowchart: { htmlLabels: false } })
    currentTheme = theme
  }
  return mermaid
}

/** Mermaid's own directive pattern (src/utils.ts), so exactly what it would obey is removed. */
const DIRECTIVE = /%{2}{\s*(?:(\w+)\s*:|(\w+))\s*(?:(\w+)|((?:(?!}%{2}).|\r?\n)*))?\s*(?:}%{2})?/gi
/** Mermaid's front-matter pattern: a YAML block at the very start. */
const FRONT_MATTER = /^([^\S\n\r]*)-{3}\s*[\n\r](.*?)[\n\r]\1-{3}\s*[\n\r]+/s

export interface StrippedMermaid {
  source: string
  /** What was taken out, for a hint in the editor. */
  removed: string[]
}

/**
 * Removes every configuration a diagram could carry (`%%{init: …}%%`, `%%{initialize}%%`,
 * `%%{config}%%`, `%%{wrap}%%` and a front matter's `config:` or `displayMode:`), keeping a
 * front matter's `title:`. Removed text is replaced by as many line breaks as it spanned, so
 * syntax errors still point at the right line. Pure: tested without mermaid.
 */
export function stripMermaidConfig(input: string): StrippedMermaid {
  const removed: string[] = []
  let source = input.replace(/\r\n?/g, '\n')
  source = source.replace(FRONT_MATTER, (block: string, indent: string, body: string) => {
    const kept = body.split('\n').filter((line) => new RegExp(`^${indent}title:[^\\n]*$`).test(line) && !/^\s*title:\s*[|>]/.test(line.trim()))
    if (kept.length === body.split('\n').length) return block
    removed.push('front matter configuration')
    const lines = block.split('\n').length - 1
    // Without a title nothing is left to keep: an empty `---`/`---` pair is not front matter
    // to mermaid, it would read it as diagram text.
    const rebuilt = kept.length > 0 ? [`${indent}---`, ...kept, `${indent}---`] : []
    return `${rebuilt.map((line) => `${line}\n`).join('')}${'\n'.repeat(Math.max(0, lines - rebuilt.length))}`
  })
  // Until nothing matches: removing one directive must not splice two halves into another.
  for (let previous = ''; previous !== source; ) {
    previous = source
    source = source.replace(DIRECTIVE, (directive: string) => {
      const [firstLine = ''] = directive.split('\n')
      removed.push(firstLine.slice(0, 60))
      return '\n'.repeat(directive.split('\n').length - 1)
    })
  }
  return { source, removed }
}

export interface MermaidError {
  message: string
  /** 1-based line of the source, when mermaid says which. */
  line: number | null
}

export type MermaidRender = { ok: true; svg: string } | { ok: false; error: MermaidError }

function toMermaidError(error: unknown): MermaidError {
  const message = messageOf(error)
  const hash = (error as { hash?: { line?: number; loc?: { first_line?: number } } } | null)?.hash
  const fromHash = hash?.loc?.first_line ?? (typeof hash?.line === 'number' ? hash.line + 1 : null)
  const fromText = /line (\d+)/i.exec(message)?.[1]
  return { message: message.split('\n').slice(0, 4).join('\n'), line: fromHash ?? (fromText ? Number(fromText) : null) }
}

// mermaid is a singleton with shared config and parser state: one call at a time.
let queue: Promise<unknown> = Promise.resolve()
function serialized<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task)
  queue = run.catch(() => undefined) // the queue only orders calls; the caller gets the failure from `run`
  return run
}

export function renderMermaid(source: string, theme: 'default' | 'dark' = 'default'): Promise<MermaidRender> {
  return serialized(async () => {
    const mermaid = await load(theme)
    const safe = stripMermaidConfig(source).source
    try {
      await mermaid.parse(safe)
      counter += 1
      const { svg } = await mermaid.render(`mermaid-${counter}`, safe)
      return { ok: true, svg }
    } catch (error) {
      return { ok: false, error: toMermaidError(error) }
    }
  })
}

type MermaidToExcalidraw = typeof MermaidToExcalidrawModule
export type ExcalidrawSkeleton = Awaited<ReturnType<MermaidToExcalidraw['parseMermaidToExcalidraw']>>

export type MermaidToExcalidrawResult = { ok: true; skeleton: ExcalidrawSkeleton } | { ok: false; error: MermaidError }

/**
 * Mermaid source → Excalidraw element skeletons (for `convertToExcalidrawElements`), through
 * @excalidraw/mermaid-to-excalidraw, which drives this same mermaid instance: it re-initializes
 * mermaid with its own config, so the next render here initializes it again.
 */
export function mermaidToExcalidraw(source: string): Promise<MermaidToExcalidrawResult> {
  return serialized(async () => {
    await load(currentTheme ?? 'default')
    const { parseMermaidToExcalidraw } = await import('@excalidraw/mermaid-to-excalidraw')
    try {
      const config = { securityLevel: 'strict', themeVariables: { fontSize: '20px' } }
      const safe = stripMermaidConfig(source).source
      const skeleton = await parseMermaidToExcalidraw(safe, config as Parameters<MermaidToExcalidraw['parseMermaidToExcalidraw']>[1])
      return { ok: true, skeleton }
    } catch (error) {
      return { ok: false, error: toMermaidError(error) }
    } finally {
      currentTheme = null
    }
  })
}
