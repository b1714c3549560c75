import { Box, Chip, Stack, Typography } from '@mui/material'
import { DELIVERY_TARGETS, type DeliveryResult } from '@shared/scoring'
import { formatClock } from '@shared/session/timer-display'
import { ReviewSection } from './ReviewSection'

interface GaugeProps {
  label: string
  value: number | null
  unit: string
  /** The good band on the scale. */
  band: { min: number; max: number }
  scaleMax: number
  ok: boolean
  status: string
}

/** A value on a scale with its target band shaded, and the verdict in words. */
function Gauge({ label, value, unit, band, scaleMax, ok, status }: GaugeProps) {
  const at = (v: number) => `${Math.min(100, (v / scaleMax) * 100)}%`
  return (
    <Box data-testid={`delivery-${label.toLowerCase()}`}>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', mb: 0.5 }}>
        <Typography variant="body2">
          {label}: <strong>{value === null ? 'unknown' : `${value} ${unit}`}</strong>
        </Typography>
        <Chip size="small" label={status} color={value === null ? 'default' : ok ? 'success' : 'warning'} variant="outlined" />
      </Box>
      <Box
        role="img"
        aria-label={`${label} ${value === null ? 'unknown' : `${value} ${unit}`}; target ${band.min}–${band.max} ${unit}`}
        sx={{ position: 'relative', height: 10, borderRadius: 1, bgcolor: 'action.hover', border: 1, borderColor: 'divider' }}
      >
        <Box sx={{ position: 'absolute', top: 0, bottom: 0, left: at(band.min), width: `calc(${at(band.max)} - ${at(band.min)})`, bgcolor: 'success.main', opacity: 0.35 }} />
        {value !== null && (
          <Box sx={{ position: 'absolute', top: -3, bottom: -3, width: 3, left: at(value), bgcolor: 'text.primary', borderRadius: 1 }} />
        )}
      </Box>
      <Typography variant="caption" color="text.secondary">
        target {band.min === 0 ? `at most ${band.max}` : `${band.min}–${band.max}`} {unit}
      </Typography>
    </Box>
  )
}

/** Pace, fillers, hedges, pauses and length, each against its band; "not measured" without speech timing. */
export function DeliveryPanel({ delivery }: { delivery: DeliveryResult }) {
  const pace = DELIVERY_TARGETS.paceWpm
  if (!delivery.measured) {
    return (
      <ReviewSection title="Delivery" testId="delivery">
        <Stack spacing={1} data-testid="delivery-not-measured">
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
            <Typography variant="body1" sx={{ fontWeight: 600 }}>
              Not measured
            </Typography>
            <Chip size="small" variant="outlined" label="weight shared by the other parts" />
          </Box>
          <Typography variant="body2" color="text.secondary">
            {delivery.reason}
          </Typography>
          {(delivery.fillerCount > 0 || delivery.hedgeCount > 0) && (
            <Typography variant="body2" color="text.secondary">
              In the text: {delivery.fillerCount} filler{delivery.fillerCount === 1 ? '' : 's'}, {delivery.hedgeCount} hedge{delivery.hedgeCount === 1 ? '' : 's'} (not scored).
            </Typography>
          )}
        </Stack>
      </ReviewSection>
    )
  }
  return (
    <ReviewSection title="Delivery" testId="delivery">
      <Stack spacing={2}>
        <Gauge
          label="Pace"
          value={delivery.wpm}
          unit="WPM"
          band={pace}
          scaleMax={220}
          ok={delivery.bands.pace === 'ok'}
          status={delivery.bands.pace}
        />
        <Gauge
          label="Fillers"
          value={delivery.fillersPerMinute}
          unit="per minute"
          band={{ min: 0, max: DELIVERY_TARGETS.maxFillersPerMinute }}
          scaleMax={Math.max(10, delivery.fillersPerMinute ?? 0)}
          ok={delivery.bands.fillers === 'ok'}
          status={`${delivery.fillerCount} · ${delivery.bands.fillers}`}
        />
        <Gauge
          label="Hedges"
          value={delivery.hedgesPerMinute}
          unit="per minute"
          band={{ min: 0, max: DELIVERY_TARGETS.maxHedgesPerMinute }}
          scaleMax={Math.max(8, delivery.hedgesPerMinute ?? 0)}
          ok={delivery.bands.hedges === 'ok'}
          status={`${delivery.hedgeCount} · ${delivery.bands.hedges}`}
        />
        <Typography variant="body2">
          {delivery.wordCount} words spoken
          {delivery.durationMs !== null ? ` in ${formatClock(delivery.durationMs)}` : ''}
          {delivery.bands.length !== 'unknown' ? ` · length ${delivery.bands.length} for the time box` : ''}
          {delivery.pauses.length > 0 ? ` · ${delivery.pauses.length} pause${delivery.pauses.length === 1 ? '' : 's'} over ${DELIVERY_TARGETS.pauseMs / 1000} s` : ''}
        </Typography>
        {delivery.fillers.length > 0 && (
          <Typography variant="body2" color="text.secondary">
            Fillers heard: {[...new Set(delivery.fillers.map((f) => f.text.toLowerCase()))].join(', ')}
          </Typography>
        )}
        {delivery.durationSource === 'given' && (
          <Typography variant="caption" color="text.secondary">
            Timed by the recording's length (no word times), so pauses are not measured.
          </Typography>
        )}
      </Stack>
    </ReviewSection>
  )
}
