import { useState, type ReactNode } from 'react'
import { Box, Button, Chip, IconButton, Paper, Popover, Stack, Tooltip, Typography } from '@mui/material'
import CheckIcon from '@mui/icons-material/Check'
import InfoOutlinedIcon from '@mui/icons-material/InfoOutlined'
import NavigateNextIcon from '@mui/icons-material/NavigateNext'
import RedoIcon from '@mui/icons-material/Redo'
import type { Question } from '@shared/banks/types'
import { promptBeyondTitle } from '@shared/banks/prompt-beyond-title'
import { LazyMarkdown } from '../../components/LazyMarkdown'
import { kindLabels, sourceLine } from '../library'

/** Read by screen readers, not shown: the page keeps one main heading. */
const visuallyHidden = { position: 'absolute', width: 1, height: 1, m: '-1px', p: 0, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0 } as const

interface DesignHeaderProps {
  /** "System design · question 1 of 3", for the page's (hidden) main heading. */
  context: string
  position: { index: number; total: number }
  question: Question
  bankTitle: string | undefined
  /** The clock and its controls. */
  clock: ReactNode
  busy: boolean
  onSkip: () => void
  onNext: () => void
}

/**
 * The design workspace's one-line header: the question's title (the rest of its prompt, its
 * setup and its source one click away), the clock, and the session's buttons.
 */
export function DesignHeader({ context, position, question, bankTitle, clock, busy, onSkip, onNext }: DesignHeaderProps) {
  const [detailsAnchor, setDetailsAnchor] = useState<HTMLElement | null>(null)
  const more = promptBeyondTitle(question.title, question.prompt)
  const isLast = position.index === position.total - 1
  return (
    <Paper variant="outlined" component="header" data-testid="question-card" sx={{ px: 1.5, py: 0.75, flexShrink: 0 }}>
      <Typography variant="h4" component="h1" sx={visuallyHidden}>
        Practice: {context}
      </Typography>
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Chip size="small" label={`${position.index + 1}/${position.total}`} aria-label={`Question ${position.index + 1} of ${position.total}`} />
        <Typography variant="subtitle1" component="h2" data-testid="question-title" title={question.title} noWrap sx={{ flex: '1 1 160px', minWidth: 120, fontWeight: 600 }}>
          {question.title}
        </Typography>
        <Tooltip title={more || question.setupCode.length > 0 ? 'The full question' : 'Where this question comes from'}>
          <IconButton
            size="small"
            onClick={(event) => setDetailsAnchor(event.currentTarget)}
            aria-label="Full question"
            aria-haspopup="dialog"
            aria-expanded={detailsAnchor !== null}
            color="primary"
          >
            <InfoOutlinedIcon />
          </IconButton>
        </Tooltip>
        {clock}
        <Stack direction="row" spacing={0.5} sx={{ flexShrink: 0 }}>
          <Tooltip title="Skip this question (S)">
            <span>
              <IconButton size="small" onClick={onSkip} disabled={busy} aria-label="Skip">
                <RedoIcon />
              </IconButton>
            </span>
          </Tooltip>
          {isLast ? (
            <Button size="small" variant="contained" startIcon={<CheckIcon />} onClick={onNext} disabled={busy} title="N" data-focus-target="next" sx={{ whiteSpace: 'nowrap' }}>
              Finish session
            </Button>
          ) : (
            <Button size="small" variant="contained" endIcon={<NavigateNextIcon />} onClick={onNext} disabled={busy} title="N" data-focus-target="next" sx={{ whiteSpace: 'nowrap' }}>
              Next question
            </Button>
          )}
        </Stack>
      </Stack>
      <Popover
        open={detailsAnchor !== null}
        anchorEl={detailsAnchor}
        onClose={() => setDetailsAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
        slotProps={{ paper: { sx: { p: 2, maxWidth: 640, maxHeight: '70vh' }, role: 'dialog', 'aria-label': 'The full question' } }}
      >
        <Stack spacing={1}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Chip size="small" color="primary" label={kindLabels[question.kind]} />
            <Typography variant="caption" color="text.secondary">
              {sourceLine(bankTitle, question.sectionPath)}
            </Typography>
          </Stack>
          <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
            {question.title}
          </Typography>
          {more && (
            <Box data-testid="question-prompt">
              <LazyMarkdown>{more}</LazyMarkdown>
            </Box>
          )}
          {question.setupCode.map((block, i) => (
            <LazyMarkdown key={i}>{'```' + (block.lang || '') + '\n' + block.code + '\n```'}</LazyMarkdown>
          ))}
        </Stack>
      </Popover>
    </Paper>
  )
}
