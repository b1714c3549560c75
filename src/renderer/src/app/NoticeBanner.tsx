import { useEffect, useState } from 'react'
import { Alert, Box, Button } from '@mui/material'
import type { Notice } from '@shared/notices'
import { api, onEvent } from '../lib/api'

/** Shows what the backend needs the user to know (a data file moved aside, recovered audio). */
export function NoticeBanner() {
  const [notices, setNotices] = useState<Notice[]>([])

  useEffect(() => {
    let active = true
    api.listNotices().then((list) => active && setNotices(list), () => undefined)
    const off = onEvent('notice', (notice) => setNotices((list) => [...list.filter((n) => n.id !== notice.id), notice]))
    return () => {
      active = false
      off()
    }
  }, [])

  if (notices.length === 0) return null
  return (
    <Box sx={{ display: 'grid', gap: 1, mb: 2 }}>
      {notices.map((notice) => (
        <Alert
          key={notice.id}
          severity={notice.severity}
          data-testid={`notice-${notice.kind}`}
          action={
            <Button color="inherit" size="small" onClick={() => void api.dismissNotice({ id: notice.id }).then(setNotices)}>
              Dismiss
            </Button>
          }
        >
          {notice.message}
        </Alert>
      ))}
    </Box>
  )
}
