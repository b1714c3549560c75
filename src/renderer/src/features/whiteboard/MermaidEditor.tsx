import { useEffect, useRef, useState } from 'react'
import { Alert, Box, Button, Menu, MenuItem, Skeleton, Stack, Typography, useTheme } from '@mui/material'
import AccountTreeIcon from '@mui/icons-material/AccountTree'
import DashboardCustomizeIcon from '@mui/icons-material/DashboardCustomize'
import type { MermaidDraft } from '../../../../shared/session'
import { renderMermaid, type MermaidRender } from '../../lib/mermaid'
import { useAutosave } from '../practice/use-autosave'
import { mermaidTemplates } from './mermaid-templates'

const PREVIEW_DELAY_MS = 300

interface MermaidEditorProps {
  initial: MermaidDraft | undefined
  onSave: (mermaid: MermaidDraft) => Promise<void>
  registerFlush: (flush: () => Promise<void>) => () => void
  /** Converts the source and adds it to the whiteboard; resolves to an error message or null. */
  onPutOnWhiteboard: (source: string) => Promise<string | null>
}

/** Mermaid source with a live preview, inline syntax errors and pipeline templates. */
export function MermaidEditor({ initial, onSave, registerFlush, onPutOnWhiteboard }: MermaidEditorProps) {
  const theme = useTheme()
  const [source, setSource] = useState(initial?.source ?? '')
  const [render, setRender] = useState<MermaidRender | null>(null)
  const [rendering, setRendering] = useState(false)
  const [menuAnchor, setMenuAnchor] = useState<HTMLElement | null>(null)
  const [putting, setPutting] = useState(false)
  const [putMessage, setPutMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const textarea = useRef<HTMLTextAreaElement>(null)
  const { flush } = useAutosave(source, source, (value) => onSave({ source: value, updatedAt: new Date().toISOString() }))
  useEffect(() => registerFlush(flush), [registerFlush, flush])

  useEffect(() => {
    if (!source.trim()) {
      setRender(null)
      return
    }
    let active = true
    setRendering(true)
    const timer = setTimeout(() => {
      void renderMermaid(source, theme.palette.mode === 'dark' ? 'dark' : 'default').then((result) => {
        if (!active) return
        setRender(result)
        setRendering(false)
      })
    }, PREVIEW_DELAY_MS)
    return () => {
      active = false
      clearTimeout(timer)
    }
  }, [source, theme.palette.mode])

  const errorLine = render && !render.ok ? render.error.line : null
  const lines = source.split('\n')

  const putOnWhiteboard = async () => {
    setPutting(true)
    setPutMessage(null)
    const error = await onPutOnWhiteboard(source)
    setPutting(false)
    setPutMessage(error ? { ok: false, text: error } : { ok: true, text: 'Added to the whiteboard.' })
  }

  return (
    <Stack spacing={1} sx={{ minWidth: 0 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="overline" component="h3" sx={{ flex: 1 }}>
          Mermaid
        </Typography>
        <Button size="small" startIcon={<DashboardCustomizeIcon />} onClick={(event) => setMenuAnchor(event.currentTarget)} aria-haspopup="menu">
          Templates
        </Button>
        <Menu anchorEl={menuAnchor} open={menuAnchor !== null} onClose={() => setMenuAnchor(null)}>
          {mermaidTemplates.map((template) => (
            <MenuItem
              key={template.id}
              onClick={() => {
                setSource(template.source)
                setMenuAnchor(null)
                textarea.current?.focus()
              }}
            >
              {template.label}
            </MenuItem>
          ))}
        </Menu>
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
      <Box
        component="textarea"
        ref={textarea}
        aria-label="Mermaid source"
        spellCheck={false}
        value={source}
        placeholder={'flowchart LR\n  Kafka --> Spark --> Delta'}
        onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setSource(event.target.value)}
        onBlur={() => void flush()}
        rows={8}
        sx={{
          width: '100%',
          resize: 'vertical',
          fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace',
          fontSize: 13,
          p: 1,
          borderRadius: 1,
          border: 1,
          borderColor: errorLine || (render && !render.ok) ? 'error.main' : 'divider',
          bgcolor: 'background.paper',
          color: 'text.primary'
        }}
      />
      {render && !render.ok && (
        <Alert severity="error" data-testid="mermaid-error" sx={{ '& pre': { m: 0, whiteSpace: 'pre-wrap', fontSize: 12 } }}>
          {errorLine !== null ? (
            <>
              <strong>Line {errorLine}</strong>
              {lines[errorLine - 1] !== undefined && (
                <Box component="code" sx={{ ml: 1 }}>
                  {lines[errorLine - 1]}
                </Box>
              )}
            </>
          ) : (
            <strong>Syntax error</strong>
          )}
          <pre>{render.error.message}</pre>
        </Alert>
      )}
      {putMessage && (
        <Alert severity={putMessage.ok ? 'success' : 'error'} onClose={() => setPutMessage(null)}>
          {putMessage.text}
        </Alert>
      )}
      <Box sx={{ minHeight: 80, p: 1, border: 1, borderColor: 'divider', borderRadius: 1, overflow: 'auto' }}>
        {!source.trim() ? (
          <Typography variant="body2" color="text.secondary">
            Type a diagram or pick a template: the preview appears here.
          </Typography>
        ) : render?.ok ? (
          // mermaid renders with securityLevel 'strict', which sanitizes its SVG.
          <Box
            data-testid="mermaid-preview"
            aria-busy={rendering}
            sx={{ '& svg': { maxWidth: '100%', height: 'auto' } }}
            dangerouslySetInnerHTML={{ __html: render.svg }}
          />
        ) : rendering && !render ? (
          <Skeleton variant="rounded" height={80} />
        ) : null}
      </Box>
    </Stack>
  )
}
