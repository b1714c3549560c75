import { useMemo, useRef, useState } from 'react'
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

/** The transcript with evidence highlighted, click-to-seek words, and in-place correction. */
export function TranscriptPanel({ answer, text, report, colors, edited, saveState, saveError, onChange, onRestoreOriginal }: TranscriptPanelProps) {
  const audioRef = useRef<HTMLAudioElement>(null)
  const [editing, setEditing] = useState(false)
  const [showOriginal, setShowOriginal] = useState(false)
  const hasAudio = answer.audioFile !== null && answer.source !== 'typed' && answer.status !== 'recording'

  const legend = (report?.criteria ?? []).filter((c) => (c.kind === 'listen' ? c.met : c.flagged) && c.evidence.length > 0)
  const runs = useMemo(() => {
    const times = hasAudio && answer.transcript ? alignWordTimes(text, answer.transcript.words) : []
    return groupTokenRuns(buildTranscriptTokens(text, report ? highlightRangesOf(report) : [], times))
  }, [text, report, hasAudio, answer.transcript])
  const labelOf = (id: string) => report?.criteria.find((c) => c.id === id)?.label ?? id

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
      {hasAudio && (
        <Box className="no-print" sx={{ mb: 1.5 }}>
          <audio ref={audioRef} controls preload="metadata" src={audioUrlOf(answer.audioFile!)} data-testid="answer-audio" style={{ width: '100%' }}>
            Your browser cannot play this recording.
          </audio>
          <Typography variant="caption" color="text.secondary">
            Click a word (or focus it and press Enter) to play the recording from there.
          </Typography>
        </Box>
      )}
      {(edited || saveState !== 'idle') && (
        <Stack direction="row" spacing={1} sx={{ mb: 1.5, alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
          {edited && <Chip size="small" icon={<HistoryIcon />} label="edited — original kept" data-testid="edited-chip" />}
          {edited && (
            <Button size="small" className="no-print" onClick={() => setShowOriginal(true)}>
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
      )}
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
          {legend.length > 0 && (
            <Box component="ul" aria-label="Highlight legend" data-testid="highlight-legend" sx={{ listStyle: 'none', p: 0, m: 0, mb: 1.5, display: 'flex', flexWrap: 'wrap', gap: 1.5 }}>
              {legend.map((criterion) => {
                const color = colors.get(criterion.id)!
                return (
                  <Box component="li" key={criterion.id} sx={{ display: 'flex', alignItems: 'center', gap: 0.75, fontSize: 13 }}>
                    <Box aria-hidden sx={{ width: 14, height: 14, borderRadius: 0.5, bgcolor: color.fill, borderBottom: `3px solid ${color.line}` }} />
                    {criterion.kind === 'reject' ? `Flagged: ${criterion.label}` : criterion.label}
                  </Box>
                )
              })}
            </Box>
          )}
          {text.trim() ? (
            <Typography component="div" data-testid="transcript-text" sx={{ whiteSpace: 'pre-wrap', lineHeight: 1.9 }}>
              {runs.map((run) => {
                if (run.criteria.length === 0) return run.tokens.map(renderToken)
                const first = colors.get(run.criteria[0]!)
                const second = colors.get(run.criteria[1] ?? run.criteria[0]!)
                return (
                  <Box
                    component="mark"
                    key={`m${run.tokens[0]!.start}`}
                    data-criteria={run.criteria.join(' ')}
                    title={`Evidence: ${run.criteria.map(labelOf).join('; ')}`}
                    sx={{ bgcolor: first?.fill, color: 'inherit', borderBottom: `2px solid ${second?.line ?? 'currentColor'}`, px: 0.25, borderRadius: 0.5 }}
                  >
                    {run.tokens.map(renderToken)}
                  </Box>
                )
              })}
            </Typography>
          ) : (
            <Typography color="text.secondary">No text yet.</Typography>
          )}
        </>
      )}
      <Dialog open={showOriginal} onClose={() => setShowOriginal(false)} maxWidth="md" fullWidth aria-labelledby="original-title">
        <DialogTitle id="original-title">Original transcript</DialogTitle>
        <DialogContent>
          <Typography sx={{ whiteSpace: 'pre-wrap' }} data-testid="original-transcript">
            {answer.transcript?.text}
          </Typography>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setShowOriginal(false)}>Close</Button>
          <Button
            variant="contained"
            onClick={() => {
              onRestoreOriginal()
              setShowOriginal(false)
            }}
          >
            Restore original
          </Button>
        </DialogActions>
      </Dialog>
    </ReviewSection>
  )
}
