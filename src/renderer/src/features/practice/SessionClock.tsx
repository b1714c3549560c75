import { Box, Button, Chip, IconButton, Stack, Tooltip, Typography } from '@mui/material'
import PauseIcon from '@mui/icons-material/Pause'
import PlayArrowIcon from '@mui/icons-material/PlayArrow'
import SkipNextIcon from '@mui/icons-material/SkipNext'
import StopIcon from '@mui/icons-material/Stop'
import type { TimerDisplay } from '@shared/session/timer-display'
import { toneColor } from './TimerBar'

interface SessionClockProps {
  display: TimerDisplay
  onTogglePause: () => void
  onStartAnswering: () => void
  onFinishAnswer: () => void
}

/**
 * The timer in one line (phase, clock, alert, pause and the phase button): the design
 * workspace's header and the clock floating over the full-screen board.
 */
export function SessionClock({ display, onTogglePause, onStartAnswering, onFinishAnswer }: SessionClockProps) {
  const { snapshot, clock, tone, alert } = display
  const inPrep = snapshot.phaseIndex < snapshot.phaseCount - 1
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexShrink: 0 }}>
      <Box data-testid="timer" data-tone={tone} sx={{ textAlign: 'right' }}>
        <Typography variant="overline" data-testid="timer-phase" sx={{ display: 'block', lineHeight: 1.2 }}>
          {snapshot.phaseLabel}
        </Typography>
        <Typography
          data-testid="timer-clock"
          aria-label={snapshot.isOvertime ? `Over time ${clock}` : `${clock} left`}
          sx={{ fontSize: 24, fontWeight: 600, lineHeight: 1.1, fontVariantNumeric: 'tabular-nums', color: toneColor[tone] }}
        >
          {clock}
        </Typography>
      </Box>
      <Box aria-live="polite" sx={{ display: 'flex', alignItems: 'center' }}>
        {snapshot.isPaused && <Chip size="small" label="Paused" />}
        {snapshot.isFinished && <Chip size="small" color="success" label="Answer finished" />}
        {alert && (
          <Chip
            size="small"
            data-testid="timer-alert"
            color={tone === 'warning' ? 'warning' : 'error'}
            label={snapshot.isOvertime ? `Overtime · ${alert}` : alert}
          />
        )}
      </Box>
      {!snapshot.isFinished && (
        <Tooltip title={`${snapshot.isPaused ? 'Resume' : 'Pause'} the clock (P)`}>
          <IconButton size="small" onClick={onTogglePause} aria-label={snapshot.isPaused ? 'Resume' : 'Pause'}>
            {snapshot.isPaused ? <PlayArrowIcon /> : <PauseIcon />}
          </IconButton>
        </Tooltip>
      )}
      {!snapshot.isFinished && inPrep && (
        <Button size="small" variant="outlined" startIcon={<SkipNextIcon />} onClick={onStartAnswering} title="A" data-focus-target="start-answering" sx={{ whiteSpace: 'nowrap' }}>
          Start answering
        </Button>
      )}
      {!snapshot.isFinished && !inPrep && (
        <Button size="small" variant="outlined" color="success" startIcon={<StopIcon />} onClick={onFinishAnswer} title="F" data-focus-target="finish-answer" sx={{ whiteSpace: 'nowrap' }}>
          Finish answer
        </Button>
      )}
    </Stack>
  )
}
