import { Button, Chip, List, ListItem, ListItemText, Paper, Stack, Typography } from '@mui/material'
import PlayArrowIcon from '@mui/icons-material/PlayArrow'
import { Link as RouterLink } from 'react-router'
import type { Session } from '../../../../shared/session'
import { sessionTypeLabels } from './session-labels'

function summary(session: Session): string {
  const answered = session.answers.filter((a) => !a.skipped).length
  const skipped = session.answers.filter((a) => a.skipped).length
  const when = new Date(session.createdAt).toLocaleString()
  const parts = [`${session.items.length} questions`, when]
  if (session.status === 'in-progress') parts.unshift(`at question ${Math.min(session.currentIndex + 1, session.items.length)} of ${session.items.length}`)
  else parts.unshift(`${answered} answered${skipped ? `, ${skipped} skipped` : ''}`)
  return parts.join(' · ')
}

/** Sessions in progress (to resume) or past (to review), newest first. */
export function SessionList({ title, sessions, label }: { title: string; sessions: Session[]; label: string }) {
  return (
    <Paper variant="outlined" component="section" aria-label={label}>
      <Typography variant="overline" component="h2" sx={{ px: 2, pt: 1, display: 'block' }}>
        {title}
      </Typography>
      <List disablePadding aria-label={label}>
        {sessions.map((session) => (
          <ListItem
            key={session.id}
            divider
            data-testid="session-row"
            secondaryAction={
              session.status === 'in-progress' ? (
                <Button variant="contained" size="small" startIcon={<PlayArrowIcon />} component={RouterLink} to={`/practice/session/${encodeURIComponent(session.id)}`}>
                  Resume
                </Button>
              ) : (
                <Button size="small" component={RouterLink} to={`/review?session=${encodeURIComponent(session.id)}`}>
                  Review
                </Button>
              )
            }
          >
            <ListItemText
              primary={
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <span>{sessionTypeLabels[session.type]}</span>
                  <Chip size="small" variant="outlined" label={session.status === 'in-progress' ? 'in progress' : session.status} />
                </Stack>
              }
              secondary={summary(session)}
              sx={{ pr: 12 }}
            />
          </ListItem>
        ))}
      </List>
    </Paper>
  )
}
