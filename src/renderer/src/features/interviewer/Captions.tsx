import { Box, Typography } from '@mui/material'
import type { Caption } from './voice-controller'

interface CaptionsProps {
  caption: Caption | null
  speaking: boolean
  /** Without a voice the captions are the only way the words arrive: announce them. */
  announce: boolean
}

/**
 * The words the interviewer is saying: the current sentence, with the word being spoken marked
 * where the voice reports word boundaries. Screen readers hear the voice itself, so the
 * captions are a live region only in captions-only mode (else every word would be said twice).
 */
export function Captions({ caption, speaking, announce }: CaptionsProps) {
  if (!caption) return null
  const { text, word } = caption
  return (
    <Box
      data-testid="interviewer-captions"
      data-speaking={speaking ? 'true' : 'false'}
      role="region"
      aria-label="Interviewer captions"
      aria-live={announce ? 'polite' : 'off'}
      sx={{
        px: 2,
        py: 1,
        borderRadius: 1,
        bgcolor: 'action.hover',
        borderLeft: 3,
        borderColor: speaking ? 'primary.main' : 'divider',
        transition: 'border-color 150ms'
      }}
    >
      <Typography variant="body1" component="p" sx={{ m: 0, color: speaking ? 'text.primary' : 'text.secondary' }}>
        {word ? (
          <>
            {text.slice(0, word.start)}
            <Box component="mark" data-testid="interviewer-caption-word" sx={{ bgcolor: 'primary.main', color: 'primary.contrastText', borderRadius: 0.5, px: 0.25 }}>
              {text.slice(word.start, word.end)}
            </Box>
            {text.slice(word.end)}
          </>
        ) : (
          text
        )}
      </Typography>
    </Box>
  )
}
