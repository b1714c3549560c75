// First: Excalidraw reads the asset path when its module is evaluated.
import './excalidraw-assets'
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import { Box, Button, Paper, Stack, Typography } from '@mui/material'
import FullscreenIcon from '@mui/icons-material/Fullscreen'
import FullscreenExitIcon from '@mui/icons-material/FullscreenExit'
import { Group, Panel, usePanelRef } from 'react-resizable-panels'
import { CaptureUpdateAction, convertToExcalidrawElements, getCommonBounds } from '@excalidraw/excalidraw'
import type { ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types'
import type { Diagram } from '@shared/banks/types'
import type { MermaidDraft, Whiteboard as WhiteboardValue } from '@shared/session'
import { isTypingTarget } from '../../lib/shortcuts'
import { AsciiDiagram } from '../../components/AsciiDiagram'
import { MermaidView } from '../../components/MermaidView'
import { mermaidToExcalidraw } from '../../lib/mermaid'
import { MermaidEditor } from './MermaidEditor'
import { PanelHandle } from './PanelHandle'
import { Whiteboard } from './Whiteboard'

export interface DesignBoardProps {
  whiteboard: WhiteboardValue | undefined
  mermaid: MermaidDraft | undefined
  onSave: (patch: { whiteboard?: WhiteboardValue; mermaid?: MermaidDraft }) => Promise<void>
  registerFlush: (flush: () => Promise<unknown>) => () => void
  /** The question's reference diagrams, shown under the workspace once the answer is done. */
  reference: Diagram[] | null
  /** Above the board: the question and the clock. Replaced by `floatingClock` in full screen. */
  header: ReactNode
  /** Floats over the board in full-screen mode, so the time stays in sight. */
  floatingClock: ReactNode
  /** Under the Mermaid editor: the rest of the answer (recording, typed answer, notes). */
  side: ReactNode
}

const GAP = 80

/**
 * The design workspace: the whiteboard first and largest, the Mermaid editor and the rest of the
 * answer beside it, in panels the candidate can resize; it fills the window under the app bar,
 * with the question and the clock in a compact header. Full screen gives the board the whole
 * screen with the clock floating over it. Nothing unmounts when the layout changes, so a
 * recording or an unsaved edit in the side panels carries on.
 */
export default function DesignBoard({ whiteboard, mermaid, onSave, registerFlush, reference, header, floatingClock, side }: DesignBoardProps) {
  const api = useRef<ExcalidrawImperativeAPI | null>(null)
  const sidePanel = usePanelRef()
  const { fullScreen, toggleFullScreen } = useFullScreen(sidePanel)

  const putOnWhiteboard = useCallback((source: string) => putMermaidOnBoard(api.current, source), [])

  const saveWhiteboard = useCallback((value: WhiteboardValue) => onSave({ whiteboard: value }), [onSave])
  const saveMermaid = useCallback((value: MermaidDraft) => onSave({ mermaid: value }), [onSave])

  const fullScreenButton = <FullScreenButton on={fullScreen} onToggle={() => toggleFullScreen(!fullScreen)} />

  return (
    <Stack spacing={2}>
      <Box
        data-testid="design-workspace"
        data-fullscreen={fullScreen}
        role={fullScreen ? 'dialog' : undefined}
        aria-modal={fullScreen || undefined}
        aria-label={fullScreen ? 'Whiteboard, full screen' : undefined}
        sx={
          fullScreen
            ? { position: 'fixed', inset: 0, zIndex: (t) => t.zIndex.modal, bgcolor: 'background.default', p: 1, display: 'flex', flexDirection: 'column' }
            : {
                // The window under the dense app bar (48 px) and the page's padding (2 × 24 px).
                height: 'calc(100dvh - 96px)',
                minHeight: 460,
                display: 'flex',
                flexDirection: 'column',
                gap: 1
              }
        }
      >
        {!fullScreen && header}
        <Group orientation="horizontal" style={{ flex: 1, minHeight: 0 }}>
          <Panel id="design-board" defaultSize="63%" minSize="35%">
            <Box sx={{ position: 'relative', height: '100%', minWidth: 0, pr: 0.5 }}>
              <Whiteboard
                initial={whiteboard}
                onSave={saveWhiteboard}
                registerFlush={registerFlush}
                onApi={(instance) => (api.current = instance)}
                actions={fullScreenButton}
              />
              {fullScreen && (
                <Paper
                  elevation={6}
                  data-testid="floating-clock"
                  sx={{ position: 'absolute', left: '50%', bottom: 16, transform: 'translateX(-50%)', zIndex: 5, px: 2, py: 0.5, borderRadius: 6 }}
                >
                  {floatingClock}
                </Paper>
              )}
            </Box>
          </Panel>
          <PanelHandle orientation="horizontal" label="Resize the whiteboard and the side panels" />
          <Panel id="design-side" panelRef={sidePanel} defaultSize="37%" minSize="22%" collapsible collapsedSize="0%">
            <Group orientation="vertical" style={{ height: '100%' }}>
              <Panel id="design-mermaid" defaultSize="62%" minSize="120px">
                <Box sx={{ height: '100%', pl: 0.5, pb: 0.5 }}>
                  <MermaidEditor initial={mermaid} onSave={saveMermaid} registerFlush={registerFlush} onPutOnWhiteboard={putOnWhiteboard} />
                </Box>
              </Panel>
              <PanelHandle orientation="vertical" label="Resize the Mermaid editor and the answer panel" />
              <Panel id="design-answer" minSize="60px">
                <Box sx={{ height: '100%', overflow: 'auto', pl: 0.5, pt: 0.5 }} data-testid="design-answer-panel">
                  {side}
                </Box>
              </Panel>
            </Group>
          </Panel>
        </Group>
      </Box>
      {reference && <ReferenceDiagrams reference={reference} />}
    </Stack>
  )
}

/** Full screen gives the board the whole window (the side panels collapse); Esc leaves it. */
function useFullScreen(sidePanel: ReturnType<typeof usePanelRef>) {
  const [fullScreen, setFullScreen] = useState(false)

  const toggleFullScreen = useCallback((on: boolean) => {
    setFullScreen(on)
    if (on) sidePanel.current?.collapse()
    else sidePanel.current?.expand()
  }, [sidePanel])

  useEffect(() => {
    if (!fullScreen) return
    // Esc leaves full screen, unless it is meant for the board (a tool, a selection) or a field.
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || isTypingTarget(event.target)) return
      if (event.target instanceof Element && event.target.closest('.excalidraw')) return
      toggleFullScreen(false)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [fullScreen, toggleFullScreen])
  return { fullScreen, toggleFullScreen }
}

function FullScreenButton({ on, onToggle }: { on: boolean; onToggle: () => void }) {
  return (
    <Button
      size="small"
      startIcon={on ? <FullscreenExitIcon /> : <FullscreenIcon />}
      onClick={onToggle}
      aria-pressed={on}
      title={on ? 'Back to the workspace (Esc)' : 'The board on the whole screen'}
    >
      {on ? 'Exit full screen' : 'Full screen'}
    </Button>
  )
}

/**
 * Converts Mermaid source and adds it to the board beside what is drawn; resolves to an error
 * message, or null once it is there.
 */
async function putMermaidOnBoard(excalidraw: ExcalidrawImperativeAPI | null, source: string): Promise<string | null> {
  if (!excalidraw) return 'The whiteboard is still loading; try again in a moment.'
  const result = await mermaidToExcalidraw(source)
  if (!result.ok) return `Mermaid could not convert this diagram: ${result.error.message}`
  const skeleton = result.skeleton.elements as Parameters<typeof convertToExcalidrawElements>[0]
  const added = convertToExcalidrawElements(skeleton, { regenerateIds: true })
  if (added.length === 0) return 'This diagram has nothing to draw.'
  const existing = excalidraw.getSceneElements()
  let dx = 0
  let dy = 0
  if (existing.length > 0) {
    // Beside what is already drawn, top-aligned, never on top of it.
    const [, minY, maxX] = getCommonBounds(existing)
    const [newMinX, newMinY] = getCommonBounds(added)
    dx = maxX + GAP - newMinX
    dy = minY - newMinY
  }
  const placed = added.map((element) => ({ ...element, x: element.x + dx, y: element.y + dy }))
  if (result.skeleton.files) excalidraw.addFiles(Object.values(result.skeleton.files))
  excalidraw.updateScene({
    elements: [...excalidraw.getSceneElementsIncludingDeleted(), ...placed],
    captureUpdate: CaptureUpdateAction.IMMEDIATELY
  })
  excalidraw.scrollToContent(placed, { fitToContent: true, animate: false })
  return null
}

/** The question's reference diagrams, shown under the workspace once the answer is done. */
function ReferenceDiagrams({ reference }: { reference: Diagram[] }) {
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="reference-diagrams">
      <Typography variant="overline" component="h3">
        Reference diagram
      </Typography>
      {reference.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          No reference diagram here beyond any drawn in the reference answer below.
        </Typography>
      ) : (
        <Stack spacing={2}>
          {reference.map((diagram, i) => (
            <Box key={i} sx={{ display: 'grid', gridTemplateColumns: { md: diagram.mermaid && diagram.ascii ? '1fr 1fr' : '1fr' }, gap: 2 }}>
              {diagram.mermaid && <MermaidView source={diagram.mermaid} />}
              {diagram.ascii && <AsciiDiagram text={diagram.ascii} />}
            </Box>
          ))}
        </Stack>
      )}
    </Paper>
  )
}
