import { Chip, Stack, Typography } from '@mui/material'
import type { KeyTermCoverage } from '../../../../shared/scoring'
import { ReviewSection } from './ReviewSection'

/** Which of the question's key terms were said (and how they were recognised), which were not. */
export function KeyTermsPanel({ keyTerms }: { keyTerms: KeyTermCoverage }) {
  const total = keyTerms.covered.length + keyTerms.missing.length
  return (
    <ReviewSection title="Key terms" testId="key-terms">
      {total === 0 ? (
        <Typography color="text.secondary">This question lists no key terms.</Typography>
      ) : (
        <>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {keyTerms.covered.length} of {total} covered
          </Typography>
          <Stack direction="row" spacing={0.75} useFlexGap sx={{ flexWrap: 'wrap', mb: 1 }} role="group" aria-label="Covered key terms">
            {keyTerms.covered.map((hit) => {
              const same = hit.heard.toLowerCase() === hit.term.toLowerCase()
              return (
                <Chip
                  key={hit.term}
                  size="small"
                  color="success"
                  variant="outlined"
                  label={same ? hit.term : `heard “${hit.heard}” → counted as ${hit.term}`}
                  title={`Matched by ${hit.how}`}
                />
              )
            })}
          </Stack>
          {keyTerms.missing.length > 0 && (
            <>
              <Typography variant="subtitle2" component="h3">
                Missing
              </Typography>
              <Stack direction="row" spacing={0.75} useFlexGap sx={{ flexWrap: 'wrap' }} aria-label="Missing key terms" data-testid="missing-terms">
                {keyTerms.missing.map((term) => (
                  <Chip key={term} size="small" variant="outlined" label={term} sx={{ borderStyle: 'dashed' }} />
                ))}
              </Stack>
            </>
          )}
        </>
      )}
    </ReviewSection>
  )
}
