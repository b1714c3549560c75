import { useMemo, useRef, useState, type RefObject } from 'react'
import {
  Alert,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField,
  Typography
} from '@mui/material'
import CheckIcon from '@mui/icons-material/Check'
import EditIcon from '@mui/icons-material/Edit'
import HistoryIcon from '@mui/icons-material/History'
import type { AnswerRecord } from '@shared/answers'
import type { ScoreReport } from '@shared/scoring'
import { audioUrlOf } from '../../lib/media-url'
import type { HighlightColor } from './criterion-colors'
import { ReviewSection } from './ReviewSection'
import { alignWordTimes, buildTranscriptTokens, groupTokenRuns, highlightRangesOf, type TranscriptToken } from './transcript-tokens'
import { HighlightLegend, TranscriptText } from './TranscriptText'
import type { SaveState } from './use-review'

interface TranscriptPanelProps {
  answer: AnswerRecord
  text: string
  report: ScoreReport | null
  /** The highlight colour of each criterion, shared with the rubric checklist. */
  colors: Map<string, HighlightColor>
  edited: boolean
  saveState: SaveState
  saveError: string | null
  onChange: (text: string) => void
  onRestoreOriginal: () => void
}

const saveLabels: Record<SaveState, string> = { idle: '', saving: 'Saving…', saved: 'Saved', error: 'Not saved' }

function formatTime(ms: number): string {
  const seconds = Math.floor(ms / 1000)
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
}

const wordButtonSx = {
  font: 'inherit',
  color: 'inherit',
  background: 'none',
  border: 0,
  p: 0,
  m: 0,
  cursor: 'pointer',
  borderRadius: 0.5,
  '&:hover': { textDecoration: 'underline' },
  '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: 1 }
} as const

/** The recording's player, and the transcript's words as buttons that play it from there (when it has timed words). */
function useWordPlayer(hasAudio: boolean) {
  const audioRef = useRef<HTMLAudioElement>(null)
  const seek = (ms: number) => {
    const audio = audioRef.current
    if (!audio) return
    audio.currentTime = ms / 1000
    void audio.play().catch(() => undefined) // autoplay refused or no audio: the seek still moved the playhead
  }

  const renderToken = (token: TranscriptToken) => {
    if (token.isWord && hasAudio && token.startMs !== undefined) {
      const at = token.startMs
      return (
        <Box
          component="button"
          type="button"
          key={token.start}
          sx={wordButtonSx}
          data-start-ms={at}
          title={`Play from ${formatTime(at)}`}
          onClick={() => seek(at)}
        >
          {token.text}
        </Box>
      )
    }
    return <span key={token.start}>{token.text}</span>
  }
  return { audioRef, renderToken }
}

/** The transcript with evidence highlighted, click-to-seek words, and in-place correction. */
export function TranscriptPanel({ answer, text, report, colors, edited, saveState, saveError, onChange, onRestoreOriginal }: TranscriptPanelProps) {
  const [editing, setEditing] = useState(false)
  const [showOriginal, setShowOriginal] = useState(false)
  // A typed answer's audio (an earlier take's) and one still recording are not played here.
  const audioFile = answer.source !== 'typed' && answer.status !== 'recording' ? answer.audioFile : null
  const hasAudio = audioFile !== null
  const { audioRef, renderToken } = useWordPlayer(hasAudio)

  const legend = (report?.criteria ?? []).filter((c) => (c.kind === 'listen' ? c.met : c.flagged) && c.evidence.length > 0)
  const runs = useMemo(() => {
    const times = hasAudio && answer.transcript ? alignWordTimes(text, answer.transcript.words) : []
    return groupTokenRuns(buildTranscriptTokens(text, report ? highlightRangesOf(report) : [], times))
  }, [text, report, hasAudio, answer.transcript])
  const labelOf = (id: string) => report?.criteria.find((c) => c.id === id)?.label ?? id


  return (
    <ReviewSection
      title="Transcript"
      testId="transcript"
      action={
        <Button
          size="small"
          className="no-print"
          startIcon={editing ? <CheckIcon /> : <EditIcon />}
          onClick={() => setEditing((value) => !value)}
          disabled={answer.status === 'recording' || answer.status === 'transcribing'}
        >
          {editing ? 'Done' : 'Edit transcript'}
        </Button>
      }
    >
      {audioFile !== null && <TranscriptAudio src={audioUrlOf(audioFile)} audioRef={audioRef} />}
      <EditedBar edited={edited} saveState={saveState} onViewOriginal={() => setShowOriginal(true)} onRestoreOriginal={onRestoreOriginal} />
      {saveError && (
        <Alert severity="error" sx={{ mb: 1.5 }}>
          Your correction could not be saved: {saveError}
        </Alert>
      )}
      {editing ? (
        <TextField
          label="Transcript"
          multiline
          minRows={6}
          fullWidth
          autoFocus
          value={text}
          onChange={(event) => onChange(event.target.value)}
          helperText={
            answer.transcript
              ? 'The score follows your edits. The original transcript is kept and can be restored.'
              : 'The score follows your edits.'
          }
        />
      ) : (
        <>
          <HighlightLegend legend={legend} colors={colors} />
          {text.trim() ? (
            <TranscriptText runs={runs} colors={colors} labelOf={labelOf} renderToken={renderToken} />
          ) : (
            <Typography color="text.secondary">No text yet.</Typography>
          )}
        </>
      )}
      <OriginalTranscriptDialog open={showOriginal} text={answer.transcript?.text} onClose={() => setShowOriginal(false)} onRestore={onRestoreOriginal} />
    </ReviewSection>
  )
}

function TranscriptAudio({ src, audioRef }: { src: string; audioRef: RefObject<HTMLAudioElement | null> }) {
  return (
    <Box className="no-print" sx={{ mb: 1.5 }}>
      <audio ref={audioRef} controls preload="metadata" src={src} data-testid="answer-audio" style={{ width: '100%' }}>
        Your browser cannot play this recording.
      </audio>
      <Typography variant="caption" color="text.secondary">
        Click a word (or focus it and press Enter) to play the recording from there.
      </Typography>
    </Box>
  )
}

interface EditedBarProps {
  edited: boolean
  saveState: SaveState
  onViewOriginal: () => void
  onRestoreOriginal: () => void
}

/** Whether the transcript was corrected (the original is kept), and how saving the correction goes. */
function EditedBar({ edited, saveState, onViewOriginal, onRestoreOriginal }: EditedBarProps) {
  if (!edited && saveState === 'idle') return null
  return (
    <Stack direction="row" spacing={1} sx={{ mb: 1.5, alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
      {edited && <Chip size="small" icon={<HistoryIcon />} label="edited — original kept" data-testid="edited-chip" />}
      {edited && (
        <Button size="small" className="no-print" onClick={onViewOriginal}>
          View original
        </Button>
      )}
      {edited && (
        <Button size="small" className="no-print" onClick={onRestoreOriginal}>
          Restore original
        </Button>
      )}
      {saveState !== 'idle' && (
        <Typography variant="caption" color={saveState === 'error' ? 'error' : 'text.secondary'} role="status">
          {saveLabels[saveState]}
        </Typography>
      )}
    </Stack>
  )
}

interface OriginalDialogProps {
  open: boolean
  text: string | undefined
  onClose: () => void
  onRestore: () => void
}

/** The transcript as Whisper wrote it, with a way back to it. */
function OriginalTranscriptDialog({ open, text, onClose, onRestore }: OriginalDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} maxWidth="md" fullWidth aria-labelledby="original-title">
      <DialogTitle id="original-title">Original transcript</DialogTitle>
      <DialogContent>
        <Typography sx={{ whiteSpace: 'pre-wrap' }} data-testid="original-transcript">
          {text}
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
        <Button
          variant="contained"
          onClick={() => {
            onRestore()
            onClose()
          }}
        >
          Restore original
        </Button>
      </DialogActions>
    </Dialog>
  )
}
