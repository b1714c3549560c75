import { useEffect, useRef, useState, type ReactNode } from 'react'
import { Button, Stack, TextField, Typography } from '@mui/material'
import EditIcon from '@mui/icons-material/Edit'
import { editorModeOf } from './editor-mode'
import type { RecordingActions } from './use-recording-actions'

export interface AnswerEditorProps {
  actions: RecordingActions
  /** The typed-answer box (saved as you type), given its label; without it, typing is not offered. */
  renderTypedEditor?: (label: string) => ReactNode
  /** Registers a save of the open correction, run before the page moves on (next question, finish). */
  registerFlush?: (flush: () => Promise<unknown>) => () => void
}

/**
 * Moving on (a registered flush) or reloading (pagehide) with a changed correction open saves it
 * to take `takeId`, as every other edit on the page is saved. `takeId` null: nothing to save.
 */
function useSaveOpenCorrection(
  takeId: string | null,
  draft: string,
  saveCorrection: RecordingActions['saveCorrection'],
  registerFlush: AnswerEditorProps['registerFlush']
): void {
  useEffect(() => {
    if (!takeId) return
    const save = () => saveCorrection(takeId, draft)
    const onPageHide = () => void save()
    window.addEventListener('pagehide', onPageHide)
    const unregister = registerFlush?.(save)
    return () => {
      window.removeEventListener('pagehide', onPageHide)
      unregister?.()
    }
  }, [takeId, draft, saveCorrection, registerFlush])
}

/**
 * The one place to type an answer or correct its transcript. Which it is, and its labels,
 * follow the answer's state (see `editorModeOf`); a correction keeps the original transcript.
 */
export function AnswerEditor({ actions, renderTypedEditor, registerFlush }: AnswerEditorProps) {
  const { answer, loaded, active, busy } = actions
  const mode = editorModeOf(answer, active)
  /** The take a correction was started on: it goes there even if another take becomes current. */
  const [correcting, setCorrecting] = useState<string | null>(null)
  const [draft, setDraft] = useState('')
  /** The text the correction started from: an open editor with it unchanged has nothing to save. */
  const [original, setOriginal] = useState('')
  useSaveOpenCorrection(draft === original ? null : correcting, draft, actions.saveCorrection, registerFlush)
  const openButton = useRef<HTMLButtonElement>(null)
  // After Save or Cancel the editor goes away: focus returns to the button that opened it.
  const [refocus, setRefocus] = useState(false)
  const focusOpener = (element: HTMLButtonElement | null) => {
    openButton.current = element
    if (element && refocus) {
      element.focus()
      setRefocus(false)
    }
  }

  if (!loaded) return null
  if (mode.kind === 'type') return <>{renderTypedEditor?.(mode.label)}</>

  const close = () => {
    setCorrecting(null)
    setRefocus(true)
  }
  const save = async () => {
    if (correcting && (await actions.saveCorrection(correcting, draft))) close()
  }

  // The words heard so far (live while recording and transcribing), unless they are being corrected.
  const showTranscript = Boolean(answer && answer.source !== 'typed' && answer.text.trim() && !correcting)
  return (
    <Stack spacing={1} sx={{ mt: 1 }} data-testid="answer-editor">
      {showTranscript && (
        <Typography variant="body1" sx={{ whiteSpace: 'pre-wrap' }} data-testid="live-transcript">
          {answer?.text}
        </Typography>
      )}
      {mode.kind === 'none' ? null : correcting ? (
        <>
          <TextField
            label={mode.label}
            multiline
            minRows={4}
            fullWidth
            autoFocus
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'answer-text-input' } }}
          />
          <Stack direction="row" spacing={1}>
            <Button variant="contained" onClick={() => void save()} disabled={busy} data-testid="save-answer-text">
              Save
            </Button>
            <Button onClick={close}>Cancel</Button>
          </Stack>
        </>
      ) : (
        <Stack direction="row">
          <Button
            ref={focusOpener}
            variant="text"
            startIcon={<EditIcon />}
            onClick={() => {
              setDraft(answer?.text ?? '')
              setOriginal(answer?.text ?? '')
              setCorrecting(answer?.currentTakeId ?? null)
            }}
            data-testid="correct-answer-button"
          >
            {mode.action}
          </Button>
        </Stack>
      )}
    </Stack>
  )
}
