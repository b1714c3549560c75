import { useState } from 'react'
import { IconButton, Tooltip } from '@mui/material'
import StarIcon from '@mui/icons-material/Star'
import StarBorderIcon from '@mui/icons-material/StarBorder'
import { api } from '../../lib/api'
import { replacePractice, usePracticeOverview } from './practice-store'
import { messageOf } from '@shared/errors'

/** Star a question into Favorites (a session source), or take it out again. */
export function FavoriteButton({ questionId, title, size = 'medium' }: { questionId: string; title: string; size?: 'small' | 'medium' }) {
  const { overview } = usePracticeOverview()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const starred = overview?.favorites.includes(questionId) ?? false
  const toggle = async () => {
    setBusy(true)
    try {
      replacePractice(await api.setFavorite({ questionId, favorite: !starred }))
      setError(null)
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  const label = starred ? `Remove “${title}” from favorites` : `Add “${title}” to favorites`
  return (
    <Tooltip title={error ? `Could not save: ${error}` : starred ? 'In your favorites' : 'Add to favorites'}>
      <span>
        <IconButton size={size} aria-label={label} aria-pressed={starred} disabled={busy || !overview} onClick={() => void toggle()} color={starred ? 'warning' : 'default'}>
          {starred ? <StarIcon fontSize={size} /> : <StarBorderIcon fontSize={size} />}
        </IconButton>
      </span>
    </Tooltip>
  )
}
