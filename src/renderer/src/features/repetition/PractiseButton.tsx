import { useState } from 'react'
import { Button, IconButton, Tooltip } from '@mui/material'
import PlayArrowIcon from '@mui/icons-material/PlayArrow'
import { useNavigate } from 'react-router'
import { api } from '../../lib/api'
import { messageOf } from '@shared/errors'

/** Starts a one-question session on this question, timed like its kind. */
export function PractiseButton({ questionId, title, compact = false }: { questionId: string; title: string; compact?: boolean }) {
  const navigate = useNavigate()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const start = async () => {
    setBusy(true)
    try {
      const session = await api.createSession({ type: 'mixed', questionIds: [questionId], count: 1, order: 'as-listed' })
      void navigate(`/practice/session/${encodeURIComponent(session.id)}`)
    } catch (e) {
      setError(messageOf(e))
      setBusy(false)
    }
  }
  const tip = error ? `Could not start: ${error}` : 'Practise this question now'
  if (compact) {
    return (
      <Tooltip title={tip}>
        <span>
          <IconButton size="small" aria-label={`Practise “${title}”`} disabled={busy} onClick={() => void start()}>
            <PlayArrowIcon fontSize="small" />
          </IconButton>
        </span>
      </Tooltip>
    )
  }
  return (
    <Tooltip title={error ? tip : ''}>
      <span>
        <Button variant="contained" startIcon={<PlayArrowIcon />} disabled={busy} onClick={() => void start()}>
          Practise this question
        </Button>
      </span>
    </Tooltip>
  )
}
