import { useEffect, type Dispatch, type ReactNode, type SetStateAction } from 'react'
import { Box, Breadcrumbs, Button, Card, CardContent, Chip, Link, Stack, Typography } from '@mui/material'
import VisibilityIcon from '@mui/icons-material/Visibility'
import VisibilityOffIcon from '@mui/icons-material/VisibilityOff'
import { Link as RouterLink } from 'react-router'
import { isDiagramInText } from '@shared/banks/diagram-in-text'
import type { Question } from '@shared/banks/types'
import { LazyMarkdown } from '../../components/LazyMarkdown'
import { AsciiDiagram } from '../../components/AsciiDiagram'
import { MermaidView } from '../../components/MermaidView'
import { isTypingTarget } from '../../lib/shortcuts'
import { FavoriteButton, NextDue, PractiseButton } from '../repetition'
import { difficultyLabels, kindLabels } from './kind-labels'

export function Section({ title, children }: { title: string; children: ReactNode }) {
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

/** R (outside text fields) shows or hides the reference answer. */
export function useRevealKey(setRevealed: Dispatch<SetStateAction<boolean>>): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() === 'r' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTypingTarget(event.target)) {
        setRevealed((value) => !value)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [setRevealed])
}

/** Where the question comes from, its title and labels, and practising or starring it. */
export function QuestionHeading({ question, bankTitle }: { question: Question; bankTitle: string | undefined }) {
  return (
    <>
      <Breadcrumbs>
        <Link component={RouterLink} to="/library" underline="hover">
          Library
        </Link>
        <Link component={RouterLink} to={`/library?bank=${encodeURIComponent(question.bankId)}`} underline="hover">
          {bankTitle ?? question.bankId}
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
    </>
  )
}

/** The reference answer, hidden until asked for. */
export function RevealableAnswer({ answer, revealed, onToggle }: { answer: string | null; revealed: boolean; onToggle: () => void }) {
  return (
    <Section title="Reference answer">
      {answer ? (
        <>
          <Button
            variant={revealed ? 'outlined' : 'contained'}
            startIcon={revealed ? <VisibilityOffIcon /> : <VisibilityIcon />}
            onClick={onToggle}
            sx={{ mb: revealed ? 2 : 0 }}
            title="R"
          >
            {revealed ? 'Hide answer' : 'Reveal answer'}
          </Button>
          {revealed && (
            <Box data-testid="reference-answer">
              <LazyMarkdown>{answer}</LazyMarkdown>
            </Box>
          )}
        </>
      ) : (
        <Typography color="text.secondary">This bank gives no reference answer for this question.</Typography>
      )}
    </Section>
  )
}

/** What the bank gives beyond the answer: diagrams, follow-up questions and tips. */
export function ReferenceExtras({ question }: { question: Question }) {
  // A diagram drawn in the answer shows there, with it; here only its Mermaid rendering.
  const diagrams = question.diagrams
    .map((diagram) => ({ mermaid: diagram.mermaid, ascii: isDiagramInText(diagram.ascii, question.answer) ? null : diagram.ascii }))
    .filter((diagram) => diagram.mermaid || diagram.ascii)
  return (
    <>
      {diagrams.length > 0 && (
        <Section title="Reference diagrams">
          <Stack spacing={2}>
            {diagrams.map((diagram, i) => (
              <Box key={i}>
                {diagram.mermaid && <MermaidView source={diagram.mermaid} />}
                {diagram.ascii && <AsciiDiagram text={diagram.ascii} />}
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
    </>
  )
}

/** The bank file (and section) the question is from, and the other banks that ask it too. */
export function QuestionSources({ question, bankFile }: { question: Question; bankFile: string | undefined }) {
  return (
    <Section title="Sources">
      <Typography variant="body2">
        {bankFile ?? question.bankId}
        {question.section ? ` › ${question.section}` : ''}
      </Typography>
      {question.alsoIn.map((source) => (
        <Typography variant="body2" key={`${source.bankId}:${source.title}`}>
          {source.file}
          {source.section ? ` › ${source.section}` : ''} — “{source.title}”
        </Typography>
      ))}
    </Section>
  )
}
