import { useEffect, useState } from 'react'
import {
  Box,
  Card,
  CardContent,
  FormControlLabel,
  Stack,
  Switch,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography
} from '@mui/material'
import type { AppInfo } from '../../../../shared/contract'
import type { ThemePreference } from '../../../../shared/settings'
import { PageHeader } from '../../components/PageHeader'
import { useSettings } from '../../app/settings-context'
import { api } from '../../lib/api'
import { VoiceSettingsCard } from '../interviewer'
import { MicrophonePicker } from '../recording'
import { ModelsCard } from './ModelsCard'
import { BackupCard } from '../backup'

function SecondsField({ label, value, min, onCommit }: { label: string; value: number; min: number; onCommit: (v: number) => void }) {
  const [text, setText] = useState(String(value))
  useEffect(() => setText(String(value)), [value])
  const parsed = Number(text)
  const invalid = !Number.isInteger(parsed) || parsed < min
  return (
    <TextField
      label={label}
      size="small"
      type="number"
      value={text}
      error={invalid}
      helperText={invalid ? `A whole number of seconds, at least ${min}` : ' '}
      onChange={(event) => setText(event.target.value)}
      onBlur={() => !invalid && parsed !== value && onCommit(parsed)}
      slotProps={{ htmlInput: { min, step: 10 } }}
    />
  )
}

export function SettingsPage() {
  const { settings, updateSettings } = useSettings()
  const [info, setInfo] = useState<AppInfo | null>(null)
  useEffect(() => {
    api.getAppInfo().then(setInfo, () => undefined)
  }, [])
  const times = settings.defaultTimes

  return (
    <>
      <PageHeader title="Settings" />
      <Stack spacing={2} sx={{ maxWidth: 720 }}>
        <Card variant="outlined">
          <CardContent>
            <Typography variant="h6" gutterBottom>
              Appearance
            </Typography>
            <ToggleButtonGroup
              exclusive
              size="small"
              value={settings.theme}
              aria-label="Theme"
              onChange={(_event, value: ThemePreference | null) => value && void updateSettings({ theme: value })}
            >
              <ToggleButton value="system">Follow system</ToggleButton>
              <ToggleButton value="light">Light</ToggleButton>
              <ToggleButton value="dark">Dark</ToggleButton>
            </ToggleButtonGroup>
          </CardContent>
        </Card>
        <Card variant="outlined">
          <CardContent>
            <Typography variant="h6" gutterBottom>
              Sessions
            </Typography>
            <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: "wrap" }}>
              <SecondsField label="STAR: think (s)" value={times.behavioral.thinkSec} min={0}
                onCommit={(v) => void updateSettings({ defaultTimes: { ...times, behavioral: { ...times.behavioral, thinkSec: v } } })} />
              <SecondsField label="STAR: answer (s)" value={times.behavioral.answerSec} min={10}
                onCommit={(v) => void updateSettings({ defaultTimes: { ...times, behavioral: { ...times.behavioral, answerSec: v } } })} />
              <SecondsField label="Design: clarify (s)" value={times.systemDesign.clarifySec} min={0}
                onCommit={(v) => void updateSettings({ defaultTimes: { ...times, systemDesign: { ...times.systemDesign, clarifySec: v } } })} />
              <SecondsField label="Design: design (s)" value={times.systemDesign.designSec} min={10}
                onCommit={(v) => void updateSettings({ defaultTimes: { ...times, systemDesign: { ...times.systemDesign, designSec: v } } })} />
            </Stack>
            <Box sx={{ mt: 1 }}><MicrophonePicker /></Box>
            <FormControlLabel
              control={<Switch checked={settings.autoRecord} onChange={(e) => void updateSettings({ autoRecord: e.target.checked })} />}
              label="Start recording when the answer phase begins"
            />
            <FormControlLabel
              control={<Switch checked={settings.warningSound} onChange={(e) => void updateSettings({ warningSound: e.target.checked })} />}
              label="Play a sound at timer warnings"
            />
          </CardContent>
        </Card>
        <VoiceSettingsCard value={settings.interviewerVoice} onChange={(interviewerVoice) => void updateSettings({ interviewerVoice })} />
        <ModelsCard />
        <BackupCard />
        <Card variant="outlined">
          <CardContent>
            <Typography variant="h6" gutterBottom>
              Data
            </Typography>
            <Typography variant="body2" color="text.secondary">
              Everything stays on this machine. Data folder:
            </Typography>
            <Typography variant="body2" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }} data-testid="data-dir">
              {info?.dataDir ?? '…'}
            </Typography>
            {info && (
              <Typography variant="caption" color="text.secondary">
                mockroom {info.version} · {info.host === 'web' ? 'browser mode' : info.host}
              </Typography>
            )}
          </CardContent>
        </Card>
      </Stack>
    </>
  )
}
