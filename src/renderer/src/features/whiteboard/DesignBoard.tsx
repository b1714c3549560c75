// First: Excalidraw reads the asset path when its module is evaluated.
import './excalidraw-assets'
import { useCallback, useRef } from 'react'
import { Box, Paper, Stack, Typography } from '@mui/material'
import { CaptureUpdateAction, convertToExcalidrawElements, getCommonBounds } from '@excalidraw/excalidraw'
import type { ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types'
import type { Diagram } from '../../../../shared/banks/types'
import type { MermaidDraft, Whiteboard as WhiteboardValue } from '../../../../shared/session'
import { MermaidView } from '../../components/MermaidView'
import { mermaidToExcalidraw } from '../../lib/mermaid'
import { MermaidEditor } from './MermaidEditor'
import { Whiteboard } from './Whiteboard'

export interface DesignBoardProps {
  whiteboard: WhiteboardValue | undefined
  mermaid: MermaidDraft | undefined
  onSave: (patch: { whiteboard?: WhiteboardValue; mermaid?: MermaidDraft }) => Promise<void>
  registerFlush: (flush: () => Promise<void>) => () => void
  /** The question's reference diagrams, shown beside the candidate's once the answer is done. */
  reference: Diagram[] | null
}

const GAP = 80

/** The whiteboard and the Mermaid editor of a system-design answer, side by side. */
export default function DesignBoard({ whiteboard, mermaid, onSave, registerFlush, reference }: DesignBoardProps) {
  const api = useRef<ExcalidrawImperativeAPI | null>(null)

  const putOnWhiteboard = useCallback(async (source: string): Promise<string | null> => {
    const excalidraw = api.current
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
  }, [])

  const saveWhiteboard = useCallback((value: WhiteboardValue) => onSave({ whiteboard: value }), [onSave])
  const saveMermaid = useCallback((value: MermaidDraft) => onSave({ mermaid: value }), [onSave])

  return (
    <Stack spacing={2}>
      <Box sx={{ display: 'grid', gridTemplateColumns: { lg: 'minmax(0, 3fr) minmax(0, 2fr)' }, gap: 2, alignItems: 'start' }}>
        <Box sx={{ minWidth: 0 }}>
          <Typography variant="overline" component="h3">
            Whiteboard
          </Typography>
          <Whiteboard initial={whiteboard} onSave={saveWhiteboard} registerFlush={registerFlush} onApi={(instance) => (api.current = instance)} />
        </Box>
        <MermaidEditor initial={mermaid} onSave={saveMermaid} registerFlush={registerFlush} onPutOnWhiteboard={putOnWhiteboard} />
      </Box>
      {reference && (
        <Paper variant="outlined" sx={{ p: 2 }} data-testid="reference-diagrams">
          <Typography variant="overline" component="h3">
            Reference diagram
          </Typography>
          {reference.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              This bank gives no diagram for this question.
            </Typography>
          ) : (
            <Stack spacing={2}>
              {reference.map((diagram, i) => (
                <Box key={i} sx={{ display: 'grid', gridTemplateColumns: { md: diagram.mermaid ? '1fr 1fr' : '1fr' }, gap: 2 }}>
                  {diagram.mermaid && <MermaidView source={diagram.mermaid} />}
                  <Box component="pre" sx={{ fontFamily: 'ui-monospace, Menlo, monospace', fontSize: 12, overflowX: 'auto', m: 0, p: 1, bgcolor: 'action.hover', borderRadius: 1 }}>
                    {diagram.ascii}
                  </Box>
                </Box>
              ))}
            </Stack>
          )}
        </Paper>
      )}
    </Stack>
  )
}
