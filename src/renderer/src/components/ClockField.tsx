import { TextField } from '@mui/material'
import { formatDurationLabel, parseClock } from '@shared/session/timer-display'

export interface ClockFieldProps {
  label: string
  /** What the person typed: `3:00`, `90`, `2m`… */
  value: string
  onChange: (value: string) => void
  /** The shortest valid duration; 0 means the phase may be skipped. */
  minMs: number
  onBlur?: () => void
}

/** A phase length typed as m:ss (or 90, 2m, 1m30s), with what it means underneath. */
export function ClockField({ label, value, onChange, minMs, onBlur }: ClockFieldProps) {
  const ms = parseClock(value)
  const invalid = ms === null || ms < minMs
  const hint = minMs === 0 ? 'm:ss, or 0 to skip' : `m:ss, at least ${formatDurationLabel(minMs)}`
  return (
    <TextField
      size="small"
      label={label}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      onBlur={onBlur}
      error={invalid}
      helperText={invalid ? hint : ms === 0 ? 'skipped' : formatDurationLabel(ms)}
      slotProps={{ htmlInput: { inputMode: 'numeric', spellCheck: false } }}
      sx={{ width: 150 }}
    />
  )
}
