import { lazy, Suspense, useEffect, useState } from 'react'
import { Alert, Box, Breadcrumbs, Button, Card, CardContent, Chip, LinearProgress, Link, Stack, Typography } from '@mui/material'
import VisibilityIcon from '@mui/icons-material/Visibility'
import VisibilityOffIcon from '@mui/icons-material/VisibilityOff'
import { Link as RouterLink, useParams } from 'react-router'
import { isDiagramInText } from '@shared/banks/diagram-in-text'
import { LazyMarkdown } from '../../components/LazyMarkdown'
import { MermaidView } from '../../components/MermaidView'
import { isTypingTarget } from '../../lib/shortcuts'
import { FavoriteButton, NextDue, PractiseButton } from '../repetition'
import { SqlDrillSection } from '../sql-drill'
import { difficultyLabels, kindLabels } from './kind-labels'

// Listing attempts scores them: the scorer loads with this section, not with the Library.
const AttemptsList = lazy(() => import('../attempts').then((m) => ({ default: m.AttemptsList })))
import { useLibrary } from './library-context'
import { useQuestion } from './use-question'

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="overline" component="h2">
          {title}
        </Typography>
        {children}
      </CardContent>
    </Card>
  )
}

export function QuestionPage() {
  const { id = '' } = useParams()
  const { library } = useLibrary()
  const [revealed, setRevealed] = useState(false)
  const { question, loading, error } = useQuestion(id)
  const bank = library?.banks.find((b) => b.id === question?.bankId)

  useEffect(() => setRevealed(false), [id])
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() === 'r' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTypingTarget(event.target)) {
        setRevealed((value) => !value)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

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
  // A diagram drawn in the answer shows there, with it; here only its Mermaid rendering.
  const diagrams = question.diagrams
    .map((diagram) => ({ mermaid: diagram.mermaid, ascii: isDiagramInText(diagram.ascii, question.answer) ? null : diagram.ascii }))
    .filter((diagram) => diagram.mermaid || diagram.ascii)
  return (
    <Stack spacing={2} sx={{ maxWidth: 960 }}>
      <Breadcrumbs>
        <Link component={RouterLink} to="/library" underline="hover">
          Library
        </Link>
        <Link component={RouterLink} to={`/library?bank=${encodeURIComponent(question.bankId)}`} underline="hover">
          {bank?.title ?? question.bankId}
        </Link>
        {question.section && <Typography color="text.secondary">{question.section}</Typography>}
      </Breadcrumbs>
      <Box>
        <Typography variant="h4" component="h1" gutterBottom>
          {question.title}
        </Typography>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
          <Chip label={kindLabels[question.kind]} color="primary" size="small" />
          {question.difficulty && <Chip size="small" variant="outlined" label={difficultyLabels[question.difficulty]} />}
          {question.workedExampleFor && (
            <Chip size="small" color="info" variant="outlined" label="STAR worked example: sessions never draw it" />
          )}
          {question.alsoIn.length > 0 && <Chip size="small" variant="outlined" label={`also in ${question.alsoIn.length} other bank${question.alsoIn.length > 1 ? 's' : ''}`} />}
          <NextDue questionId={question.id} />
        </Stack>
        <Stack direction="row" spacing={1} sx={{ mt: 2, alignItems: 'center' }}>
          <PractiseButton questionId={question.id} title={question.title} />
          <FavoriteButton questionId={question.id} title={question.title} />
        </Stack>
      </Box>
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
      <Section title="Reference answer">
        {question.answer ? (
          <>
            <Button
              variant={revealed ? 'outlined' : 'contained'}
              startIcon={revealed ? <VisibilityOffIcon /> : <VisibilityIcon />}
              onClick={() => setRevealed((value) => !value)}
              sx={{ mb: revealed ? 2 : 0 }}
              title="R"
            >
              {revealed ? 'Hide answer' : 'Reveal answer'}
            </Button>
            {revealed && (
              <Box data-testid="reference-answer">
                <LazyMarkdown>{question.answer}</LazyMarkdown>
              </Box>
            )}
          </>
        ) : (
          <Typography color="text.secondary">This bank gives no reference answer for this question.</Typography>
        )}
      </Section>
      {diagrams.length > 0 && (
        <Section title="Reference diagrams">
          <Stack spacing={2}>
            {diagrams.map((diagram, i) => (
              <Box key={i}>
                {diagram.mermaid && <MermaidView source={diagram.mermaid} />}
                {diagram.ascii && (
                  <Box component="pre" sx={{ fontFamily: 'ui-monospace, Menlo, monospace', fontSize: 12, overflowX: 'auto', m: 0, p: 1, bgcolor: 'action.hover', borderRadius: 1 }}>
                    {diagram.ascii}
                  </Box>
                )}
              </Box>
            ))}
          </Stack>
        </Section>
      )}
      {question.followUps && question.followUps.length > 0 && (
        <Section title="Follow-up questions">
          <Box component="ul" sx={{ m: 0, pl: 3 }} data-testid="follow-ups">
            {question.followUps.map((followUp, i) => (
              <Typography component="li" key={i} variant="body2">
                {followUp}
              </Typography>
            ))}
          </Box>
        </Section>
      )}
      {question.tips.length > 0 && (
        <Section title="Interview tips">
          {question.tips.map((tip, i) => (
            <LazyMarkdown key={i}>{tip}</LazyMarkdown>
          ))}
        </Section>
      )}
      <Section title="Your attempts">
        <Suspense fallback={<LinearProgress aria-label="Loading attempts" />}>
          <AttemptsList questionId={question.id} />
        </Suspense>
      </Section>
      <Section title="Sources">
        <Typography variant="body2">
          {bank?.file ?? question.bankId}
          {question.section ? ` › ${question.section}` : ''}
        </Typography>
        {question.alsoIn.map((source) => (
          <Typography variant="body2" key={`${source.bankId}:${source.title}`}>
            {source.file}
            {source.section ? ` › ${source.section}` : ''} — “{source.title}”
          </Typography>
        ))}
      </Section>
    </Stack>
  )
}
