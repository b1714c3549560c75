import { useEffect, useState } from 'react'
import {
  Box,
  Card,
  CardContent,
  FormControlLabel,
  Stack,
  Switch,
  ToggleButton,
  ToggleButtonGroup,
  Typography
} from '@mui/material'
import type { AppInfo } from '@shared/contract'
import { phaseTimeGroups } from '@shared/session/phase-time-groups'
import { formatClock, parseClock } from '@shared/session/timer-display'
import type { ThemePreference } from '@shared/settings'
import { ClockField } from '../../components/ClockField'
import { PageHeader } from '../../components/PageHeader'
import { useSettings } from '../../lib/settings-context'
import { api } from '../../lib/api'
import { VoiceSettingsCard } from '../interviewer'
import { MicrophonePicker } from '../recording'
import { ModelsCard } from './ModelsCard'
import { BackupCard } from '../backup'

/** A default phase length, stored in whole seconds and shown as m:ss; saved when the field is left. */
function DefaultTimeField({ label, seconds, minSec, onCommit }: { label: string; seconds: number; minSec: number; onCommit: (seconds: number) => void }) {
  const [text, setText] = useState(formatClock(seconds * 1000))
  useEffect(() => setText(formatClock(seconds * 1000)), [seconds])
  const commit = () => {
    const ms = parseClock(text)
    if (ms === null || ms < minSec * 1000) return
    const next = Math.round(ms / 1000)
    if (next !== seconds) onCommit(next)
    else setText(formatClock(seconds * 1000))
  }
  return <ClockField label={label} value={text} onChange={setText} minMs={minSec * 1000} onBlur={commit} />
}

export function SettingsPage() {
  const { settings, updateSettings } = useSettings()
  return (
    <>
      <PageHeader title="Settings" />
      <Stack spacing={2} sx={{ maxWidth: 720 }}>
        <AppearanceCard />
        <SessionsCard />
        <VoiceSettingsCard value={settings.interviewerVoice} onChange={(interviewerVoice) => void updateSettings({ interviewerVoice })} />
        <ModelsCard />
        <BackupCard />
        <DataCard />
      </Stack>
    </>
  )
}

function AppearanceCard() {
  const { settings, updateSettings } = useSettings()
  return (
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
  )
}

/** Default phase times, the microphone, and what happens by itself during a session. */
function SessionsCard() {
  const { settings, updateSettings } = useSettings()
  const times = settings.defaultTimes
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="h6" gutterBottom>
          Sessions
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          Default phase times for new sessions (m:ss); the Practice setup can change them for one session.
        </Typography>
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }} role="group" aria-label="Default phase times">
          {phaseTimeGroups.map((group) => {
            const [prepSec, answerSec] = group.read(times)
            return (
              <Stack key={group.id} direction="row" spacing={2}>
                <DefaultTimeField
                  label={group.prepLabel}
                  seconds={prepSec}
                  minSec={0}
                  onCommit={(v) => void updateSettings({ defaultTimes: group.write(times, v, answerSec) })}
                />
                <DefaultTimeField
                  label={group.answerLabel}
                  seconds={answerSec}
                  minSec={group.minAnswerSec}
                  onCommit={(v) => void updateSettings({ defaultTimes: group.write(times, prepSec, v) })}
                />
              </Stack>
            )
          })}
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
  )
}

/** Where the data lives, and which build this is. */
function DataCard() {
  const [info, setInfo] = useState<AppInfo | null>(null)
  useEffect(() => {
    api.getAppInfo().then(setInfo, () => undefined)
  }, [])
  return (
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
  )
}
