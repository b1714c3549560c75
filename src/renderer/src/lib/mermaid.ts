/**
 * The one module that imports mermaid. It is loaded on first use (mermaid is large), renders
 * with `securityLevel: 'strict'` (no HTML labels, no click handlers) and reports syntax errors
 * with their line so editors can show them inline.
 */
import type * as MermaidToExcalidrawModule from '@excalidraw/mermaid-to-excalidraw'
import type MermaidDefault from 'mermaid'

type MermaidModule = typeof MermaidDefault

let loading: Promise<MermaidModule> | null = null
let currentTheme: 'default' | 'dark' | null = null
let counter = 0

async function load(theme: 'default' | 'dark'): Promise<MermaidModule> {
  loading ??= import('mermaid').then((module) => module.default)
  const mermaid = await loading
  if (currentTheme !== theme) {
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme, flowchart: { htmlLabels: false } })
    currentTheme = theme
  }
  return mermaid
}

export interface MermaidError {
  message: string
  /** 1-based line of the source, when mermaid says which. */
  line: number | null
}

export type MermaidRender = { ok: true; svg: string } | { ok: false; error: MermaidError }

function toMermaidError(error: unknown): MermaidError {
  const message = error instanceof Error ? error.message : String(error)
  const hash = (error as { hash?: { line?: number; loc?: { first_line?: number } } } | null)?.hash
  const fromHash = hash?.loc?.first_line ?? (typeof hash?.line === 'number' ? hash.line + 1 : null)
  const fromText = /line (\d+)/i.exec(message)?.[1]
  return { message: message.split('\n').slice(0, 4).join('\n'), line: fromHash ?? (fromText ? Number(fromText) : null) }
}

// mermaid is a singleton with shared config and parser state: one call at a time.
let queue: Promise<unknown> = Promise.resolve()
function serialized<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task)
  queue = run.catch(() => undefined)
  return run
}

export function renderMermaid(source: string, theme: 'default' | 'dark' = 'default'): Promise<MermaidRender> {
  return serialized(async () => {
    const mermaid = await load(theme)
    try {
      await mermaid.parse(source)
      counter += 1
      const { svg } = await mermaid.render(`mermaid-${counter}`, source)
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
      const skeleton = await parseMermaidToExcalidraw(source, config as Parameters<MermaidToExcalidraw['parseMermaidToExcalidraw']>[1])
      return { ok: true, skeleton }
    } catch (error) {
      return { ok: false, error: toMermaidError(error) }
    } finally {
      currentTheme = null
    }
  })
}
