import { useMemo, useState } from 'react'
import { Alert, Box, Breadcrumbs, Button, Chip, Grid, LinearProgress, Link, Stack, Typography, useTheme } from '@mui/material'
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline'
import DownloadIcon from '@mui/icons-material/Download'
import PrintIcon from '@mui/icons-material/Print'
import { Link as RouterLink, useNavigate, useParams } from 'react-router'
import { TakeList } from '../recording'
import { LazyMarkdown } from '../../components/LazyMarkdown'
import { MermaidView } from '../../components/MermaidView'
import { AttemptsList } from '../attempts'
import { SqlDrillReview } from '../sql-drill'
import { CoachingCard } from './CoachingCard'
import { ConfirmDeleteDialog } from './ConfirmDeleteDialog'
import { criterionColors } from './criterion-colors'
import { DeliveryPanel } from './DeliveryPanel'
import { formatWhen } from './format-when'
import { withChecklistHighlights } from './highlight-criteria'
import { describeAnswerDeletion } from './history'
import { KeyTermsPanel } from './KeyTermsPanel'
import { InterviewerThread } from './InterviewerThread'
import { ReviewSection } from './ReviewSection'
import { RubricChecklist } from './RubricChecklist'
import { ScoreSummary } from './ScoreSummary'
import { unscoredReasons } from '@shared/scoring'
import { StarBar } from './StarBar'
import { TranscriptPanel } from './TranscriptPanel'
import { useReview } from './use-review'

const svgDataUrl = (svg: string): string => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`

/** The review of one answer: transcript with evidence, the report, the model answer and drawings. */
export function AnswerReview() {
  const { id = '' } = useParams()
  const navigate = useNavigate()
  const theme = useTheme()
  const review = useReview(id)
  const [confirming, setConfirming] = useState(false)
  const { answer, scored, item } = review
  const report = scored?.ok ? scored.report : null
  // The transcript highlights the checklist's evidence too: for SQL and concept answers it is the only evidence.
  const highlighted = useMemo(() => (report ? withChecklistHighlights(report) : null), [report])
  const colors = useMemo(() => criterionColors(highlighted?.criteria ?? [], theme.palette.mode), [highlighted, theme.palette.mode])

  const back = (
    <Breadcrumbs className="no-print" sx={{ mb: 1 }}>
      <Link component={RouterLink} to="/review" underline="hover">
        Review
      </Link>
      <Typography color="text.secondary">Answer</Typography>
    </Breadcrumbs>
  )
  if (review.loading) return <LinearProgress aria-label="Loading review" />
  if (review.error || !answer) {
    return (
      <>
        {back}
        <Alert severity="warning" action={<Button component={RouterLink} to="/review">Back to history</Button>}>
          {review.error ?? 'This answer could not be found.'}
        </Alert>
      </>
    )
  }

  const question = scored?.question ?? null
  const title = question?.title ?? 'A question no longer in your banks'
  const busy = answer.status === 'recording' || answer.status === 'transcribing'
  return (
    <Stack spacing={2} data-testid="answer-review">
      {back}
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <Box sx={{ flex: 1, minWidth: 280 }}>
          <Typography variant="h4" component="h1" gutterBottom>
            {title}
          </Typography>
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
            <Chip size="small" label={formatWhen(answer.createdAt)} />
            {answer.source && <Chip size="small" variant="outlined" label={`${answer.source} answer`} />}
            {answer.takes.length > 1 && <Chip size="small" variant="outlined" label={`take ${answer.currentTakeId?.slice(1)} of ${answer.takes.length}`} />}
            {answer.sessionId && <Chip size="small" variant="outlined" label="in a session" />}
            {answer.recovered && <Chip size="small" color="warning" variant="outlined" label="recording recovered after a crash" />}
          </Stack>
        </Box>
        <Stack direction="row" spacing={1} className="no-print">
          <Button startIcon={<DownloadIcon />} onClick={review.exportMarkdown} disabled={!report}>
            Export Markdown
          </Button>
          <Button startIcon={<PrintIcon />} onClick={() => window.print()} disabled={!report}>
            Print / PDF
          </Button>
          <Button color="error" startIcon={<DeleteOutlineIcon />} onClick={() => setConfirming(true)}>
            Delete
          </Button>
        </Stack>
      </Box>

      {busy && (
        <Alert severity="info" icon={false}>
          {answer.status === 'recording'
            ? 'This answer is still being recorded. If the page that recorded it was closed, the recording is finished and kept within a few seconds.'
            : 'Transcribing… the review fills in when it is done.'}
          <LinearProgress sx={{ mt: 1 }} aria-label="Transcribing" />
        </Alert>
      )}
      {answer.status === 'failed' && (
        <Alert severity="error">Transcription failed: {answer.error?.message ?? 'unknown error'}. You can still type the answer below.</Alert>
      )}
      {scored && !scored.ok && !busy && <Alert severity="info">{unscoredReasons[scored.reason]}</Alert>}
      <Box className="no-print">
        <TakeList answer={answer} />
      </Box>

      {report && (
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, lg: 7 }}>
            <ScoreSummary report={report} />
          </Grid>
          <Grid size={{ xs: 12, lg: 5 }}>
            <CoachingCard coaching={report.coaching} />
          </Grid>
        </Grid>
      )}

      {answer.sqlDrill && <SqlDrillReview record={answer.sqlDrill} correctness={report?.correctness} />}

      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 7 }}>
          <TranscriptPanel
            answer={answer}
            text={review.text}
            report={highlighted}
            colors={colors}
            edited={review.edited}
            saveState={review.saveState}
            saveError={review.saveError}
            onChange={review.setText}
            onRestoreOriginal={review.restoreOriginal}
          />
        </Grid>
        <Grid size={{ xs: 12, lg: 5 }}>
          <ReviewSection title="Model answer" testId="model-answer">
            {question?.answer ? (
              <LazyMarkdown>{question.answer}</LazyMarkdown>
            ) : (
              <Typography color="text.secondary">The bank gives no reference answer for this question.</Typography>
            )}
          </ReviewSection>
        </Grid>
      </Grid>
      <InterviewerThread answer={answer} />

      {report && (
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 6 }}>
            <RubricChecklist report={report} colors={colors} />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <Stack spacing={2}>
              {report.star && <StarBar star={report.star} />}
              {/* Only where the profile scores them: a story is not judged on the model answer's tools. */}
              {report.components.some((c) => c.id === 'keyTerms') && <KeyTermsPanel keyTerms={report.keyTerms} />}
              <DeliveryPanel delivery={report.delivery} />
            </Stack>
          </Grid>
        </Grid>
      )}

      {(item?.whiteboard?.svg || item?.mermaid?.source.trim()) && (
        <Grid container spacing={2}>
          {item.whiteboard?.svg && (
            <Grid size={{ xs: 12, md: item.mermaid?.source.trim() ? 6 : 12 }}>
              <ReviewSection title="Whiteboard" testId="whiteboard">
                {/* An <img> never runs scripts an SVG might carry. */}
                <Box component="img" src={svgDataUrl(item.whiteboard.svg)} alt="Your whiteboard for this answer" sx={{ maxWidth: '100%', bgcolor: '#fff', borderRadius: 1 }} />
              </ReviewSection>
            </Grid>
          )}
          {item.mermaid?.source.trim() && (
            <Grid size={{ xs: 12, md: item.whiteboard?.svg ? 6 : 12 }}>
              <ReviewSection title="Diagram" testId="mermaid">
                <MermaidView source={item.mermaid.source} />
              </ReviewSection>
            </Grid>
          )}
        </Grid>
      )}

      <ReviewSection title="Your attempts at this question" testId="attempts">
        <AttemptsList questionId={answer.questionId} currentAnswerId={answer.id} />
      </ReviewSection>

      <ConfirmDeleteDialog
        target={confirming ? { title: 'Delete this answer?', description: describeAnswerDeletion(answer, title, formatWhen(answer.createdAt)) } : null}
        onCancel={() => setConfirming(false)}
        onConfirm={async () => {
          await review.remove()
          setConfirming(false)
          void navigate('/review')
        }}
      />
    </Stack>
  )
}
