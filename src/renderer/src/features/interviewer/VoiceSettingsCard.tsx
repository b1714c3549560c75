import { useEffect, useRef, useState } from 'react'
import {
  Alert,
  Button,
  Card,
  CardContent,
  FormControl,
  FormControlLabel,
  InputLabel,
  MenuItem,
  Select,
  Slider,
  Stack,
  Switch,
  Typography
} from '@mui/material'
import type { InterviewerVoiceSettings } from '@shared/settings'
import type { SpeechVoice } from '../../lib/speech'
import { Captions } from './Captions'
import { useInterviewerVoice } from './use-interviewer-voice'

const SAMPLE = 'Tell me about a time a pipeline you owned failed. What happened when the consumer fell behind, and what did you change afterwards?'
const DEFAULT_VOICE = '__default__'

interface VoiceSettingsCardProps {
  value: InterviewerVoiceSettings
  onChange: (value: InterviewerVoiceSettings) => void
}

/** The speaking-rate slider: moves as the key or pointer moves, saves when the change is committed. */
function SpeakingRateSlider({ value, onChange }: VoiceSettingsCardProps) {
  const [rate, setRate] = useState(value.rate)
  // The rate last sent: until the saved settings echo it, an older save's echo (arriving after
  // a newer key press) must not move the slider back.
  const pending = useRef<number | null>(null)
  useEffect(() => {
    if (pending.current === null) setRate(value.rate)
    else if (value.rate === pending.current) pending.current = null
  }, [value.rate])

  return (
    <Stack spacing={0.5} sx={{ maxWidth: 420, pb: 1 }}>
      <Typography id="interviewer-rate-label" variant="body2" color={value.enabled ? 'text.primary' : 'text.disabled'}>
        Speaking rate: {rate.toFixed(1)}×
      </Typography>
      <Slider
        aria-labelledby="interviewer-rate-label"
        min={0.5}
        max={2}
        step={0.1}
        marks={[{ value: 1, label: '1×' }]}
        value={rate}
        disabled={!value.enabled}
        onChange={(_e, v) => setRate(v as number)}
        onChangeCommitted={(_e, v) => {
          pending.current = v as number
          onChange({ ...value, rate: v as number })
        }}
        data-testid="voice-rate"
      />
    </Stack>
  )
}

interface VoiceSelectProps extends VoiceSettingsCardProps {
  voices: readonly SpeechVoice[]
}

/** Which offline voice reads aloud; a saved voice this system no longer has shows as the default. */
function VoiceSelect({ value, onChange, voices }: VoiceSelectProps) {
  const chosen = voices.find((v) => v.id === value.voiceURI)?.id ?? DEFAULT_VOICE
  return (
    <FormControl size="small" sx={{ maxWidth: 420 }} disabled={!value.enabled}>
      <InputLabel id="interviewer-voice-label">Voice</InputLabel>
      <Select
        labelId="interviewer-voice-label"
        label="Voice"
        value={chosen}
        onChange={(e) => onChange({ ...value, voiceURI: e.target.value === DEFAULT_VOICE ? null : e.target.value })}
        data-testid="voice-select"
      >
        <MenuItem value={DEFAULT_VOICE}>System default</MenuItem>
        {voices.map((v) => (
          <MenuItem key={v.id} value={v.id}>
            {v.name} ({v.lang})
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  )
}

/** Settings → Interviewer voice: on/off, which local voice, how fast, and a sample to hear it. */
export function VoiceSettingsCard({ value, onChange }: VoiceSettingsCardProps) {
  const voice = useInterviewerVoice(value)

  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="h6" gutterBottom>
          Interviewer voice
        </Typography>
        {/* useFlexGap: margins untouched, so the switch lines up with the other cards' switches. */}
        <Stack spacing={2} useFlexGap>
          <FormControlLabel
            control={<Switch checked={value.enabled} onChange={(e) => onChange({ ...value, enabled: e.target.checked })} />}
            label="Read questions and follow-ups aloud"
          />
          {voice.status === 'ready' && voice.voices.length === 0 && (
            <Alert severity="info" data-testid="voice-captions-only">
              This system has no offline voice, so the interviewer shows captions only. Voices that send text to a server are never used.
            </Alert>
          )}
          {voice.voices.length > 0 && <VoiceSelect value={value} onChange={onChange} voices={voice.voices} />}
          <SpeakingRateSlider value={value} onChange={onChange} />
          <Stack direction="row" spacing={1}>
            <Button variant="outlined" disabled={!value.enabled || voice.status !== 'ready'} onClick={() => void voice.speak(SAMPLE)} data-testid="voice-test">
              {voice.mode === 'captions-only' ? 'Test captions' : 'Test voice'}
            </Button>
            {voice.speaking && (
              <Button onClick={voice.cancel} data-testid="voice-stop">
                Stop
              </Button>
            )}
          </Stack>
          <Captions caption={voice.caption} speaking={voice.speaking} announce={voice.mode === 'captions-only'} />
        </Stack>
      </CardContent>
    </Card>
  )
}
