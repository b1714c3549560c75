import './excalidraw-assets'
import '@excalidraw/excalidraw/index.css'
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react'
import { Box, Stack, Typography, useTheme } from '@mui/material'
import { Excalidraw, exportToSvg, getNonDeletedElements, hashElementsVersion, serializeAsJSON } from '@excalidraw/excalidraw'
import type { ExcalidrawImperativeAPI, ExcalidrawInitialDataState } from '@excalidraw/excalidraw/types'
import type { Whiteboard as WhiteboardValue } from '@shared/session'
import { messageOf } from '@shared/errors'
import { useSaveOnPageHide } from '../../lib/use-autosave'

const AUTOSAVE_MS = 2000

type SceneElements = ReturnType<ExcalidrawImperativeAPI['getSceneElements']>

export interface WhiteboardProps {
  initial: WhiteboardValue | undefined
  onSave: (whiteboard: WhiteboardValue) => Promise<void>
  registerFlush: (flush: () => Promise<unknown>) => () => void
  onApi: (api: ExcalidrawImperativeAPI) => void
  /** Buttons at the end of the board's status bar (full screen…). */
  actions?: ReactNode
}

function initialScene(initial: WhiteboardValue | undefined): ExcalidrawInitialDataState | null {
  if (!initial) return null
  try {
    const scene = JSON.parse(initial.sceneJson) as ExcalidrawInitialDataState
    return { elements: scene.elements ?? [], appState: scene.appState ?? {}, files: scene.files ?? {}, scrollToContent: true }
  } catch {
    return null
  }
}

/**
 * Two of Excalidraw's buttons fail WCAG as shipped: the menu button (☰) has no name at all, and
 * the zoom button shows "100%" while its name says only "Reset zoom" (a voice command for what
 * is on screen would miss it). Attributes only change when they differ, so observing is cheap.
 */
export function labelExcalidrawButtons(root: ParentNode): void {
  for (const button of root.querySelectorAll('.main-menu-trigger:not([aria-label])')) button.setAttribute('aria-label', 'Whiteboard menu')
  for (const button of root.querySelectorAll('.reset-zoom-button')) {
    const label = `${button.textContent?.trim() ?? ''} (reset zoom)`.trim()
    if (button.getAttribute('aria-label') !== label) button.setAttribute('aria-label', label)
  }
}

/** Excalidraw's own buttons, named for screen readers, again whenever it redraws its UI. */
function useLabelledButtons(container: RefObject<HTMLDivElement | null>): void {
  useEffect(() => {
    const element = container.current
    if (!element) return
    const name = () => labelExcalidrawButtons(element)
    name()
    const observer = new MutationObserver(name)
    observer.observe(element, { childList: true, subtree: true, characterData: true })
    return () => observer.disconnect()
  }, [container])
}

/** The board as saved with the answer: the scene as JSON, and an SVG of it for the review. */
async function sceneToSave(excalidraw: ExcalidrawImperativeAPI): Promise<WhiteboardValue> {
  const elements = excalidraw.getSceneElements()
  const appState = excalidraw.getAppState()
  const files = excalidraw.getFiles()
  const svg = await exportToSvg({
    elements,
    appState: { ...appState, exportBackground: true, exportWithDarkMode: false },
    files,
    // Inlining subsets the fonts in a WebAssembly worker; the review shows the SVG with
    // the page's fonts instead.
    skipInliningFonts: true
  })
  return { sceneJson: serializeAsJSON(elements, appState, files, 'local'), svg: svg.outerHTML, updatedAt: new Date().toISOString() }
}

function shapeCount(elements: SceneElements): number {
  // A label inside a shape is one shape, not two.
  return elements.filter((element) => !(element.type === 'text' && element.containerId)).length
}

/**
 * Excalidraw, saved with the answer: the scene as JSON plus an SVG for the review screen, a
 * couple of seconds after the last change (and never when only the view moved).
 */
export function Whiteboard({ initial, onSave, registerFlush, onApi, actions }: WhiteboardProps) {
  const theme = useTheme()
  const api = useRef<ExcalidrawImperativeAPI | null>(null)
  const scene = useMemo(() => initialScene(initial), [initial])
  const lastSeen = useRef(hashElementsVersion(getNonDeletedElements((scene?.elements ?? []) as SceneElements)))
  const dirty = useRef(false)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const [count, setCount] = useState(() => (scene?.elements ? shapeCount(getNonDeletedElements(scene.elements as SceneElements)) : 0))
  const [status, setStatus] = useState<string>(initial ? `Saved ${new Date(initial.updatedAt).toLocaleTimeString()}` : 'Empty')
  const saveRef = useRef(onSave)
  saveRef.current = onSave

  /** Saves the drawing now if it changed; false when the save failed (the drawing stays dirty). */
  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    const excalidraw = api.current
    if (!excalidraw || !dirty.current) return true
    dirty.current = false
    setStatus('Saving…')
    try {
      await saveRef.current(await sceneToSave(excalidraw))
      setStatus(`Saved ${new Date().toLocaleTimeString()}`)
      return true
    } catch (error) {
      dirty.current = true
      setStatus(`Not saved: ${messageOf(error)}`)
      return false
    }
  }, [])

  useEffect(() => registerFlush(flush), [registerFlush, flush])

  const container = useRef<HTMLDivElement>(null)
  useLabelledButtons(container)
  useEffect(() => () => void flush(), [flush])
  useSaveOnPageHide(flush)

  const onChange = useCallback(
    (elements: SceneElements) => {
      // Excalidraw reports every pointer move and scroll; only a new element version is a change.
      const version = hashElementsVersion(elements)
      if (version === lastSeen.current) return
      lastSeen.current = version
      dirty.current = true
      setCount(shapeCount(getNonDeletedElements(elements)))
      setStatus('Unsaved changes…')
      if (timer.current) clearTimeout(timer.current)
      timer.current = setTimeout(() => void flush(), AUTOSAVE_MS)
    },
    [flush]
  )

  // The board fills its container (a resizable panel, or the screen): status bar, then canvas.
  return (
    <Stack sx={{ height: '100%', minHeight: 0 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', minHeight: 32 }}>
        <Typography variant="overline" component="h3" sx={{ lineHeight: 1.5 }}>
          Whiteboard
        </Typography>
        <Typography variant="caption" color="text.secondary" data-testid="whiteboard-status" aria-live="polite" sx={{ flex: 1 }} noWrap>
          {count} {count === 1 ? 'shape' : 'shapes'} · {status}
        </Typography>
        {actions}
      </Stack>
      <Box ref={container} sx={{ flex: 1, minHeight: 0, border: 1, borderColor: 'divider', borderRadius: 1, overflow: 'hidden' }} data-testid="whiteboard">
        <Excalidraw
          initialData={scene}
          excalidrawAPI={(instance) => {
            api.current = instance
            onApi(instance)
          }}
          onChange={(elements) => onChange(elements)}
          theme={theme.palette.mode === 'dark' ? 'dark' : 'light'}
          UIOptions={{
            canvasActions: { loadScene: false, saveToActiveFile: false, export: false, toggleTheme: false },
            tools: { image: false }
          }}
        />
      </Box>
    </Stack>
  )
}
