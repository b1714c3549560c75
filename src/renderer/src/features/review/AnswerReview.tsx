import { useMemo, useState } from 'react'
import { Alert, Box, Breadcrumbs, Button, Grid, LinearProgress, Link, Stack, Typography, useTheme } from '@mui/material'
import { Link as RouterLink, useNavigate, useParams } from 'react-router'
import { TakeList } from '../recording'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { LazyMarkdown } from '../../components/LazyMarkdown'
import { AttemptsList } from '../attempts'
import { SqlDrillReview } from '../sql-drill'
import { AnswerDrawings, AnswerHeading, AnswerStatus, ReportDetails } from './AnswerReviewParts'
import { CoachingCard } from './CoachingCard'
import { criterionColors } from './criterion-colors'
import { formatWhen } from './format-when'
import { withChecklistHighlights } from './highlight-criteria'
import { describeAnswerDeletion } from './history'
import { InterviewerThread } from './InterviewerThread'
import { ReviewSection } from './ReviewSection'
import { ScoreSummary } from './ScoreSummary'
import { TranscriptPanel } from './TranscriptPanel'
import { useReview } from './use-review'
import type { ScoreReport } from '@shared/scoring'

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

  if (review.loading) return <LinearProgress aria-label="Loading review" />
  if (review.error || !answer) {
    return (
      <>
        <ReviewBreadcrumbs />
        <Alert severity="warning" action={<Button component={RouterLink} to="/review">Back to history</Button>}>
          {review.error ?? 'This answer could not be found.'}
        </Alert>
      </>
    )
  }

  const question = scored?.question ?? null
  const title = question?.title ?? 'A question no longer in your banks'
  return (
    <Stack spacing={2} data-testid="answer-review">
      <ReviewBreadcrumbs />
      <AnswerHeading answer={answer} title={title} canExport={report !== null} onExport={review.exportMarkdown} onDelete={() => setConfirming(true)} />

      <AnswerStatus answer={answer} unscored={scored && !scored.ok ? scored.reason : null} />
      <Box className="no-print">
        <TakeList answer={answer} />
      </Box>

      {report && <ScoreAndCoaching report={report} />}

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
          <ModelAnswer answer={question?.answer ?? null} />
        </Grid>
      </Grid>
      <InterviewerThread answer={answer} />

      {report && <ReportDetails report={report} colors={colors} />}

      {item && <AnswerDrawings item={item} />}

      <ReviewSection title="Your attempts at this question" testId="attempts">
        <AttemptsList questionId={answer.questionId} currentAnswerId={answer.id} />
      </ReviewSection>

      <ConfirmDialog
        open={confirming}
        title="Delete this answer?"
        description={describeAnswerDeletion(answer, title, formatWhen(answer.createdAt))}
        confirmLabel="Delete"
        idPrefix="confirm-delete"
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

function ReviewBreadcrumbs() {
  return (
    <Breadcrumbs className="no-print" sx={{ mb: 1 }}>
      <Link component={RouterLink} to="/review" underline="hover">
        Review
      </Link>
      <Typography color="text.secondary">Answer</Typography>
    </Breadcrumbs>
  )
}

function ScoreAndCoaching({ report }: { report: ScoreReport }) {
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, lg: 7 }}>
        <ScoreSummary report={report} />
      </Grid>
      <Grid size={{ xs: 12, lg: 5 }}>
        <CoachingCard coaching={report.coaching} />
      </Grid>
    </Grid>
  )
}

function ModelAnswer({ answer }: { answer: string | null }) {
  return (
    <ReviewSection title="Model answer" testId="model-answer">
      {answer ? (
        <LazyMarkdown>{answer}</LazyMarkdown>
      ) : (
        <Typography color="text.secondary">The bank gives no reference answer for this question.</Typography>
      )}
    </ReviewSection>
  )
}
