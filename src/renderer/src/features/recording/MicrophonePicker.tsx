import { useCallback, useEffect, useState } from 'react'
import { Button, FormControl, InputLabel, MenuItem, Select, Stack, Typography } from '@mui/material'
import { useSettings } from '../../lib/settings-context'
import { messageOf } from '@shared/errors'

const DEFAULT = '__default__'

/** Settings: which microphone to record from (the system default unless one is chosen). */
export function MicrophonePicker() {
  const { settings, updateSettings } = useSettings()
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([])
  const [error, setError] = useState<string | null>(null)

  const refresh = useCallback(async () => {
    if (!navigator.mediaDevices?.enumerateDevices) {
      setError('This browser does not list microphones.')
      return
    }
    const all = await navigator.mediaDevices.enumerateDevices()
    setDevices(all.filter((device) => device.kind === 'audioinput' && device.deviceId && device.deviceId !== 'default'))
  }, [])

  useEffect(() => {
    void refresh()
    navigator.mediaDevices?.addEventListener?.('devicechange', refresh)
    return () => navigator.mediaDevices?.removeEventListener?.('devicechange', refresh)
  }, [refresh])

  // Browsers hide device names until the page has been allowed to use a microphone once.
  const unnamed = devices.length > 0 && devices.every((device) => !device.label)
  const askPermission = async () => {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true })
      for (const track of stream.getTracks()) track.stop()
      setError(null)
      await refresh()
    } catch (e) {
      setError(messageOf(e))
    }
  }

  const chosen = settings.microphoneId
  const known = devices.some((device) => device.deviceId === chosen)
  return (
    <Stack spacing={1}>
      <FormControl size="small" sx={{ maxWidth: 420 }}>
        <InputLabel id="microphone-label">Microphone</InputLabel>
        <Select
          labelId="microphone-label"
          label="Microphone"
          value={chosen && known ? chosen : DEFAULT}
          onChange={(event) => void updateSettings({ microphoneId: event.target.value === DEFAULT ? null : event.target.value })}
          data-testid="microphone-select"
        >
          <MenuItem value={DEFAULT}>System default</MenuItem>
          {devices.map((device, index) => (
            <MenuItem key={device.deviceId} value={device.deviceId}>
              {device.label || `Microphone ${index + 1}`}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      {chosen && !known && devices.length > 0 && (
        <Typography variant="caption" color="warning.main">
          The microphone chosen earlier is not connected; recording uses the system default.
        </Typography>
      )}
      {unnamed && (
        <Button size="small" sx={{ alignSelf: 'flex-start' }} onClick={() => void askPermission()}>
          Show microphone names
        </Button>
      )}
      {error && (
        <Typography variant="caption" color="error">
          {error}
        </Typography>
      )}
    </Stack>
  )
}
