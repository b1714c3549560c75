import { Alert, Box, Chip, Button, Grid, LinearProgress, Stack, Typography } from '@mui/material'
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline'
import DownloadIcon from '@mui/icons-material/Download'
import PrintIcon from '@mui/icons-material/Print'
import type { AnswerRecord } from '@shared/answers'
import type { SessionAnswer } from '@shared/session'
import { unscoredReasons, type ScoredAnswer, type ScoreReport } from '@shared/scoring'
import { MermaidView } from '../../components/MermaidView'
import type { HighlightColor } from './criterion-colors'
import { DeliveryPanel } from './DeliveryPanel'
import { formatWhen } from './format-when'
import { KeyTermsPanel } from './KeyTermsPanel'
import { ReviewSection } from './ReviewSection'
import { RubricChecklist } from './RubricChecklist'
import { StarBar } from './StarBar'

const svgDataUrl = (svg: string): string => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`

interface AnswerHeadingProps {
  answer: AnswerRecord
  title: string
  canExport: boolean
  onExport: () => void
  onDelete: () => void
}

/** The question answered, when and how, and what can be done with the review (export, print, delete). */
export function AnswerHeading({ answer, title, canExport, onExport, onDelete }: AnswerHeadingProps) {
  return (
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
        <Button startIcon={<DownloadIcon />} onClick={onExport} disabled={!canExport}>
          Export Markdown
        </Button>
        <Button startIcon={<PrintIcon />} onClick={() => window.print()} disabled={!canExport}>
          Print / PDF
        </Button>
        <Button color="error" startIcon={<DeleteOutlineIcon />} onClick={onDelete}>
          Delete
        </Button>
      </Stack>
    </Box>
  )
}

/** Why the review is not (yet) complete: still recording or transcribing, failed, or not scored. */
export function AnswerStatus({ answer, unscored }: { answer: AnswerRecord; unscored: Exclude<ScoredAnswer, { ok: true }>['reason'] | null }) {
  const busy = answer.status === 'recording' || answer.status === 'transcribing'
  return (
    <>
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
      {unscored && !busy && <Alert severity="info">{unscoredReasons[unscored]}</Alert>}
    </>
  )
}

/** The rubric checklist beside STAR, key terms and delivery. */
export function ReportDetails({ report, colors }: { report: ScoreReport; colors: Map<string, HighlightColor> }) {
  return (
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
  )
}

/** The whiteboard and the Mermaid diagram drawn for the answer, when there are any. */
export function AnswerDrawings({ item }: { item: SessionAnswer }) {
  if (!item.whiteboard?.svg && !item.mermaid?.source.trim()) return null
  return (
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
  )
}
