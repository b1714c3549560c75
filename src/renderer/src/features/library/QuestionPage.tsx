import { lazy, Suspense, useEffect, useState } from 'react'
import { Alert, Button, Chip, LinearProgress, Stack } from '@mui/material'
import { Link as RouterLink, useParams } from 'react-router'
import { LazyMarkdown } from '../../components/LazyMarkdown'
import { SqlDrillSection } from '../sql-drill'
import { QuestionHeading, QuestionSources, ReferenceExtras, RevealableAnswer, Section, useRevealKey } from './QuestionSections'

// Listing attempts scores them: the scorer loads with this section, not with the Library.
const AttemptsList = lazy(() => import('../attempts').then((m) => ({ default: m.AttemptsList })))
import { useLibrary } from './library-context'
import { useQuestion } from './use-question'

export function QuestionPage() {
  const { id = '' } = useParams()
  const { library } = useLibrary()
  const [revealed, setRevealed] = useState(false)
  const { question, loading, error } = useQuestion(id)
  const bank = library?.banks.find((b) => b.id === question?.bankId)

  useEffect(() => setRevealed(false), [id])
  useRevealKey(setRevealed)

  if (error) return <Alert severity="error">This question could not be loaded: {error}</Alert>
  if (!library || loading) return <LinearProgress aria-label="Loading question" />
  if (!question) {
    return (
      <Alert severity="warning" action={<Button component={RouterLink} to="/library">Back to the library</Button>}>
        This question is no longer in your banks (its bank may have been removed or edited).
      </Alert>
    )
  }

  const showPrompt = question.prompt.trim() && question.prompt.trim() !== question.title.trim()
  return (
    <Stack spacing={2} sx={{ maxWidth: 960 }}>
      <QuestionHeading question={question} bankTitle={bank?.title} />
      {showPrompt && (
        <Section title="Question">
          <LazyMarkdown>{question.prompt}</LazyMarkdown>
        </Section>
      )}
      {question.setupCode.length > 0 && (
        <Section title="Setup">
          {question.setupCode.map((block, i) => (
            <LazyMarkdown key={i}>{'```' + (block.lang || '') + '\n' + block.code + '\n```'}</LazyMarkdown>
          ))}
        </Section>
      )}
      <SqlDrillSection question={question} />
      {question.keyTerms.length > 0 && (
        <Section title="Key terms">
          <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid="key-terms">
            {question.keyTerms.map((term) => (
              <Chip key={term} label={term} size="small" variant="outlined" />
            ))}
          </Stack>
        </Section>
      )}
      <RevealableAnswer answer={question.answer} revealed={revealed} onToggle={() => setRevealed((value) => !value)} />
      <ReferenceExtras question={question} />
      <Section title="Your attempts">
        <Suspense fallback={<LinearProgress aria-label="Loading attempts" />}>
          <AttemptsList questionId={question.id} />
        </Suspense>
      </Section>
      <QuestionSources question={question} bankFile={bank?.file} />
    </Stack>
  )
}
