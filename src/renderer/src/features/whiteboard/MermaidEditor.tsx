import { useEffect, useRef, useState } from 'react'
import { Alert, Box, Button, Menu, MenuItem, Skeleton, Stack, Typography, useTheme } from '@mui/material'
import AccountTreeIcon from '@mui/icons-material/AccountTree'
import DashboardCustomizeIcon from '@mui/icons-material/DashboardCustomize'
import { Group, Panel } from 'react-resizable-panels'
import type { MermaidDraft } from '@shared/session'
import { renderMermaid, type MermaidRender } from '../../lib/mermaid'
import { useAutosave } from '../../lib/use-autosave'
import { friendlyMermaidError } from './friendly-mermaid-error'
import { mermaidTemplates } from './mermaid-templates'
import { MermaidPreview } from './MermaidPreview'
import { PanelHandle } from './PanelHandle'

const PREVIEW_DELAY_MS = 300
const PUT_MESSAGE_MS = 6000

interface MermaidEditorProps {
  initial: MermaidDraft | undefined
  onSave: (mermaid: MermaidDraft) => Promise<void>
  registerFlush: (flush: () => Promise<unknown>) => () => void
  /** Converts the source and adds it to the whiteboard; resolves to an error message or null. */
  onPutOnWhiteboard: (source: string) => Promise<string | null>
}

/**
 * Mermaid source over a live preview (fit or zoom), each in a resizable pane, with syntax errors
 * in plain words and the line they are on, and pipeline templates. Fills its container.
 */
export function MermaidEditor({ initial, onSave, registerFlush, onPutOnWhiteboard }: MermaidEditorProps) {
  const theme = useTheme()
  const [source, setSource] = useState(initial?.source ?? '')
  const { render, lastGood, rendering } = useMermaidRender(source, theme.palette.mode === 'dark' ? 'dark' : 'default')
  const { putting, putMessage, setPutMessage, putOnWhiteboard } = usePutOnWhiteboard(source, onPutOnWhiteboard)
  const textarea = useRef<HTMLTextAreaElement>(null)
  const { flush } = useAutosave(source, source, (value) => onSave({ source: value, updatedAt: new Date().toISOString() }))
  useEffect(() => registerFlush(flush), [registerFlush, flush])



  const edit = (next: string) => {
    setSource(next)
    setPutMessage(null)
  }

  const error = render && !render.ok ? friendlyMermaidError(render.error, source) : null
  const errorLineText = error?.line ? source.split('\n')[error.line - 1] : undefined


  return (
    <Stack sx={{ height: '100%', minHeight: 0, minWidth: 0 }} data-testid="mermaid-editor">
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', pb: 0.5 }}>
        <Typography variant="overline" component="h3" sx={{ flex: 1, lineHeight: 1.5 }}>
          Mermaid
        </Typography>
        <TemplatesMenu
          onPick={(template) => {
            edit(template)
            textarea.current?.focus()
          }}
        />
        <Button
          size="small"
          variant="contained"
          startIcon={<AccountTreeIcon />}
          disabled={!source.trim() || putting || (render !== null && !render.ok)}
          onClick={() => void putOnWhiteboard()}
        >
          Put on the whiteboard
        </Button>
      </Stack>
      <PutMessage message={putMessage} onClose={() => setPutMessage(null)} />
      <Group orientation="vertical" style={{ flex: 1, minHeight: 0 }}>
        <Panel id="mermaid-source-pane" defaultSize="40%" minSize="56px">
          <Stack sx={{ height: '100%', minHeight: 0 }}>
            <Box
              component="textarea"
              ref={textarea}
              aria-label="Mermaid source"
              aria-invalid={error !== null}
              aria-describedby={error ? 'mermaid-error' : undefined}
              spellCheck={false}
              value={source}
              placeholder={'flowchart LR\n  Kafka --> Spark --> Delta'}
              onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => edit(event.target.value)}
              onBlur={() => void flush()}
              sx={{
                flex: 1,
                minHeight: 40,
                width: '100%',
                resize: 'none',
                fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace',
                fontSize: 13,
                p: 1,
                borderRadius: 1,
                border: 1,
                borderColor: error ? 'error.main' : 'divider',
                bgcolor: 'background.paper',
                color: 'text.primary'
              }}
            />
            {error && <MermaidErrorNote error={error} lineText={errorLineText} />}
          </Stack>
        </Panel>
        <PanelHandle orientation="vertical" label="Resize the Mermaid source and preview" />
        <Panel id="mermaid-preview-pane" minSize="64px">
          <PreviewPane source={source} render={render} rendering={rendering} lastGood={error ? lastGood : null} />
        </Panel>
      </Group>
    </Stack>
  )
}

/** The preview of the source, drawn a moment after typing stops; the last good drawing is kept. */
function useMermaidRender(source: string, mode: 'dark' | 'default') {
  const [render, setRender] = useState<MermaidRender | null>(null)
  // While the source has an error, the last diagram that drew stays in view, dimmed.
  const [lastGood, setLastGood] = useState<string | null>(null)
  const [rendering, setRendering] = useState(false)
  useEffect(() => {
    if (!source.trim()) {
      setRender(null)
      return
    }
    let active = true
    setRendering(true)
    const timer = setTimeout(() => {
      void renderMermaid(source, mode).then((result) => {
        if (!active) return
        setRender(result)
        if (result.ok) setLastGood(result.svg)
        setRendering(false)
      })
    }, PREVIEW_DELAY_MS)
    return () => {
      active = false
      clearTimeout(timer)
    }
  }, [source, mode])
  return { render, lastGood, rendering }
}

/** Putting the diagram on the whiteboard, and what came of it. */
function usePutOnWhiteboard(source: string, onPut: (source: string) => Promise<string | null>) {
  const [putting, setPutting] = useState(false)
  const [putMessage, setPutMessage] = useState<{ ok: boolean; text: string } | null>(null)
  // "Added to the whiteboard." speaks of the source as it was: gone once it changes, or soon.
  useEffect(() => {
    if (!putMessage?.ok) return
    const timer = setTimeout(() => setPutMessage(null), PUT_MESSAGE_MS)
    return () => clearTimeout(timer)
  }, [putMessage])

  const putOnWhiteboard = async () => {
    setPutting(true)
    setPutMessage(null)
    const failure = await onPut(source)
    setPutting(false)
    setPutMessage(failure ? { ok: false, text: failure } : { ok: true, text: 'Added to the whiteboard.' })
  }
  return { putting, putMessage, setPutMessage, putOnWhiteboard }
}

/** What came of putting the diagram on the whiteboard (announced). */
function PutMessage({ message, onClose }: { message: { ok: boolean; text: string } | null; onClose: () => void }) {
  return (
    <Box aria-live="polite">
      {message && (
        <Alert severity={message.ok ? 'success' : 'error'} onClose={onClose} sx={{ py: 0, mb: 0.5 }}>
          {message.text}
        </Alert>
      )}
    </Box>
  )
}

/** Pipeline templates to start from. */
function TemplatesMenu({ onPick }: { onPick: (source: string) => void }) {
  const [menuAnchor, setMenuAnchor] = useState<HTMLElement | null>(null)
  return (
    <>
      <Button size="small" startIcon={<DashboardCustomizeIcon />} onClick={(event) => setMenuAnchor(event.currentTarget)} aria-haspopup="menu">
        Templates
      </Button>
      <Menu anchorEl={menuAnchor} open={menuAnchor !== null} onClose={() => setMenuAnchor(null)}>
        {mermaidTemplates.map((template) => (
          <MenuItem
            key={template.id}
            onClick={() => {
              setMenuAnchor(null)
              onPick(template.source)
            }}
          >
            {template.label}
          </MenuItem>
        ))}
      </Menu>
    </>
  )
}

/** The syntax error in plain words, with its line. */
function MermaidErrorNote({ error, lineText }: { error: { line: number | null; text: string }; lineText: string | undefined }) {
  return (
    <Alert severity="error" id="mermaid-error" data-testid="mermaid-error" sx={{ mt: 0.5, py: 0, flexShrink: 0 }}>
      {error.line !== null && <strong>Line {error.line}: </strong>}
      {error.text}
      {lineText?.trim() && (
        <Box component="code" sx={{ display: 'block', mt: 0.5, whiteSpace: 'pre-wrap', fontSize: 12 }}>
          {lineText.trim()}
        </Box>
      )}
    </Alert>
  )
}

interface PreviewPaneProps {
  source: string
  render: MermaidRender | null
  rendering: boolean
  /** The last diagram that drew, shown dimmed while the source has an error; null otherwise. */
  lastGood: string | null
}

function PreviewPane({ source, render, rendering, lastGood }: PreviewPaneProps) {
  if (!source.trim()) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ p: 1 }}>
        Type a diagram or pick a template: the preview appears here.
      </Typography>
    )
  }
  if (render?.ok) return <MermaidPreview svg={render.svg} busy={rendering} enlargeable />
  if (lastGood) return <MermaidPreview svg={lastGood} busy={false} stale enlargeable />
  if (rendering && !render) return <Skeleton variant="rounded" height="100%" aria-label="Drawing the preview" />
  return null
}
