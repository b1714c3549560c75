import { Box, Button, Chip, LinearProgress, Paper, Stack, Typography } from '@mui/material'
import PauseIcon from '@mui/icons-material/Pause'
import PlayArrowIcon from '@mui/icons-material/PlayArrow'
import SkipNextIcon from '@mui/icons-material/SkipNext'
import StopIcon from '@mui/icons-material/Stop'
import type { TimerDisplay, TimerTone } from '@shared/session/timer-display'

export const toneColor: Record<TimerTone, string> = {
  idle: 'text.secondary',
  calm: 'text.primary',
  warning: 'warning.main',
  urgent: 'error.main',
  overtime: 'error.main',
  paused: 'text.secondary',
  finished: 'text.secondary'
}

const progressColor: Record<TimerTone, 'primary' | 'warning' | 'error' | 'inherit'> = {
  idle: 'primary',
  calm: 'primary',
  warning: 'warning',
  urgent: 'error',
  overtime: 'error',
  paused: 'inherit',
  finished: 'inherit'
}

interface TimerBarProps {
  display: TimerDisplay
  onTogglePause: () => void
  onStartAnswering: () => void
  onFinishAnswer: () => void
}

/** The phase, the clock (red and counting up in overtime) and the timer's controls. */
export function TimerBar({ display, onTogglePause, onStartAnswering, onFinishAnswer }: TimerBarProps) {
  const { snapshot, clock, tone, alert } = display
  const inPrep = snapshot.phaseIndex < snapshot.phaseCount - 1
  const progress = snapshot.isOvertime ? 100 : Math.min(100, (snapshot.elapsedMs / snapshot.phaseDurationMs) * 100)
  return (
    <Paper variant="outlined" sx={{ p: 2, borderColor: tone === 'urgent' || tone === 'overtime' ? 'error.main' : undefined }}>
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Box data-testid="timer" data-tone={tone} sx={{ minWidth: 150 }}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Typography variant="overline" data-testid="timer-phase" sx={{ lineHeight: 1.5 }}>
              {snapshot.phaseLabel}
            </Typography>
            <Typography variant="caption" color="text.secondary">
              phase {snapshot.phaseIndex + 1} of {snapshot.phaseCount}
            </Typography>
          </Stack>
          <Typography
            data-testid="timer-clock"
            aria-label={snapshot.isOvertime ? `Over time ${clock}` : `${clock} left`}
            sx={{ fontSize: 40, fontWeight: 600, lineHeight: 1.1, fontVariantNumeric: 'tabular-nums', color: toneColor[tone], transition: 'color 300ms' }}
          >
            {clock}
          </Typography>
        </Box>
        <Box sx={{ flex: 1, minWidth: 160 }}>
          <Box aria-live="polite" sx={{ minHeight: 28, mb: 0.5 }}>
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
          <LinearProgress variant="determinate" value={progress} color={progressColor[tone]} aria-label="Phase progress" />
        </Box>
        <Stack direction="row" spacing={1}>
          {!snapshot.isFinished && (
            <Button variant="outlined" startIcon={snapshot.isPaused ? <PlayArrowIcon /> : <PauseIcon />} onClick={onTogglePause} title="P">
              {snapshot.isPaused ? 'Resume' : 'Pause'}
            </Button>
          )}
          {!snapshot.isFinished && inPrep && (
            <Button variant="outlined" startIcon={<SkipNextIcon />} onClick={onStartAnswering} title="A" data-focus-target="start-answering">
              Start answering now
            </Button>
          )}
          {!snapshot.isFinished && !inPrep && (
            <Button variant="outlined" color="success" startIcon={<StopIcon />} onClick={onFinishAnswer} title="F" data-focus-target="finish-answer">
              Finish answer
            </Button>
          )}
        </Stack>
      </Stack>
    </Paper>
  )
}
