import { Chip, Stack, Typography } from '@mui/material'
import type { KeyTermCoverage, KeyTermHit, MissingKeyTerm } from '@shared/scoring'
import { ReviewSection } from './ReviewSection'

const sourceLabels: Record<KeyTermHit['source'], string> = {
  technology: 'a technology in the model answer',
  concept: 'a concept in the model answer',
  sql: 'SQL the model answer uses',
  defined: 'a term the model answer defines',
  emphasis: 'emphasised in the model answer',
  question: 'named in the question',
  listed: 'listed by the bank'
}

const shortSources: Record<KeyTermHit['source'], string> = {
  technology: 'tech',
  concept: 'concept',
  sql: 'SQL',
  defined: 'defined',
  emphasis: 'bold',
  question: 'question',
  listed: 'listed'
}

const describe = (term: KeyTermHit | MissingKeyTerm): string => `From ${sourceLabels[term.source]} · weight ${term.weight}`

/** The term with where it came from and its weight, visible (not only on hover). */
function TermLabel({ text, term }: { text: string; term: KeyTermHit | MissingKeyTerm }) {
  return (
    <span>
      {text}
      <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 0.75 }}>
        {shortSources[term.source]} · {term.weight}
      </Typography>
    </span>
  )
}

/** Which of the question's key terms were said (and how they were recognised), which were not, and where each came from. */
export function KeyTermsPanel({ keyTerms }: { keyTerms: KeyTermCoverage }) {
  const total = keyTerms.covered.length + keyTerms.missing.length
  return (
    <ReviewSection title="Key terms" testId="key-terms">
      {total === 0 ? (
        <Typography color="text.secondary">This question has no key terms.</Typography>
      ) : (
        <>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {keyTerms.covered.length} of {total} said · {Math.round(keyTerms.ratio * 100)}% of their weight
          </Typography>
          {keyTerms.weightShare < 1 && (
            <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
              Only {total} good term{total === 1 ? '' : 's'} for this question, so this part counts {Math.round(keyTerms.weightShare * 100)}% of its usual weight.
            </Typography>
          )}
          <Stack direction="row" spacing={0.75} useFlexGap sx={{ flexWrap: 'wrap', mb: 1 }} role="group" aria-label="Covered key terms">
            {keyTerms.covered.map((hit) => {
              const same = hit.heard.toLowerCase() === hit.term.toLowerCase()
              return (
                <Chip
                  key={hit.term}
                  size="small"
                  color="success"
                  variant="outlined"
                  label={<TermLabel text={same ? hit.term : `heard “${hit.heard}” → counted as ${hit.term}`} term={hit} />}
                  title={`${describe(hit)} · matched by ${hit.how}`}
                  aria-label={`${hit.term}, said${same ? '' : ` as “${hit.heard}”`}. ${describe(hit)}`}
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
                  <Chip
                    key={term.term}
                    size="small"
                    variant="outlined"
                    label={<TermLabel text={term.term} term={term} />}
                    title={describe(term)}
                    aria-label={`${term.term}, missing. ${describe(term)}`}
                    sx={{ borderStyle: 'dashed' }}
                  />
                ))}
              </Stack>
            </>
          )}
          <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
            Each term shows where the model answer has it (tech, concept, SQL, defined, bold, or the question) and what it weighs.
          </Typography>
        </>
      )}
    </ReviewSection>
  )
}
