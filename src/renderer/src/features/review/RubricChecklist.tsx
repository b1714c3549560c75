import { Box, List, ListItem, ListItemIcon, ListItemText, Typography } from '@mui/material'
import CheckCircleIcon from '@mui/icons-material/CheckCircle'
import FlagIcon from '@mui/icons-material/Flag'
import RadioButtonUncheckedIcon from '@mui/icons-material/RadioButtonUnchecked'
import type { Evidence, ScoreReport } from '@shared/scoring'
import type { HighlightColor } from './criterion-colors'
import { checklistHighlightId } from './highlight-criteria'
import { ReviewSection } from './ReviewSection'

function Quotes({ evidence }: { evidence: readonly Evidence[] }) {
  if (evidence.length === 0) return null
  return (
    <Box component="span" sx={{ display: 'block', mt: 0.5 }}>
      {evidence.map((e) => (
        <Box component="q" key={`${e.startChar}-${e.endChar}`} sx={{ display: 'block', fontStyle: 'italic', fontSize: 13 }}>
          {e.quote}
        </Box>
      ))}
    </Box>
  )
}

const stateOf = (c: ScoreReport['criteria'][number]) =>
  c.kind === 'listen' ? (c.met ? 'met' : 'not heard') : c.flagged ? 'flagged' : 'avoided'

/** Each rubric criterion and checklist item: met or not heard, flagged or avoided, with the quotes that decided it. */
/** The dot in an item's highlight colour, tying it to its marks in the transcript. */
function ColorDot({ color }: { color: HighlightColor | undefined }) {
  if (!color) return null
  return <Box component="span" aria-hidden sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: color.line, flexShrink: 0 }} />
}

type Criterion = ScoreReport['criteria'][number]
type ChecklistItem = NonNullable<ScoreReport['checklist']>['items'][number]

/** A rubric criterion: met, missed, avoided or flagged, with the quotes that show it. */
function CriterionRow({ criterion: c, color }: { criterion: Criterion; color: HighlightColor | undefined }) {
  const state = stateOf(c)
  const icon =
    state === 'flagged' ? (
      <FlagIcon color="error" />
    ) : state === 'met' || state === 'avoided' ? (
      <CheckCircleIcon color="success" />
    ) : (
      <RadioButtonUncheckedIcon color="disabled" />
    )
  return (
    <ListItem disableGutters alignItems="flex-start" data-testid="rubric-criterion" data-state={state}>
      <ListItemIcon sx={{ minWidth: 36, mt: 0.25 }}>{icon}</ListItemIcon>
      <ListItemText
        primary={
          <Box component="span" sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
            {c.evidence.length > 0 && <ColorDot color={color} />}
            <span>{c.label}</span>
            <Typography component="span" variant="caption" color={state === 'flagged' ? 'error' : 'text.secondary'}>
              {state}
            </Typography>
          </Box>
        }
        secondary={<Quotes evidence={c.evidence} />}
        slotProps={{ secondary: { component: 'span' } }}
      />
    </ListItem>
  )
}

/** A checklist item: met, partly or not heard, with the quotes that show it. */
function ChecklistItemRow({ item, color }: { item: ChecklistItem; color: HighlightColor | undefined }) {
  return (
    <ListItem disableGutters alignItems="flex-start" data-testid="checklist-item" data-state={item.met ? 'met' : item.strength > 0 ? 'partly' : 'not heard'}>
      <ListItemIcon sx={{ minWidth: 36, mt: 0.25 }}>
        {item.met ? <CheckCircleIcon color="success" /> : <RadioButtonUncheckedIcon color="disabled" />}
      </ListItemIcon>
      <ListItemText
        primary={
          <Box component="span" sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
            {item.met && item.evidence.length > 0 && <ColorDot color={color} />}
            <span>{`${item.label} — ${item.met ? 'met' : item.strength > 0 ? 'partly' : 'not heard'}`}</span>
          </Box>
        }
        secondary={<Quotes evidence={item.evidence} />}
        slotProps={{ secondary: { component: 'span' } }}
      />
    </ListItem>
  )
}

export function RubricChecklist({ report, colors }: { report: ScoreReport; colors: Map<string, HighlightColor> }) {
  const listen = report.criteria.filter((c) => c.kind === 'listen')
  const reject = report.criteria.filter((c) => c.kind === 'reject')
  const row = (c: Criterion) => <CriterionRow key={c.id} criterion={c} color={colors.get(c.id)} />
  return (
    <ReviewSection title="Rubric" testId="rubric-checklist">
      {listen.length > 0 && (
        <>
          <Typography variant="subtitle2" component="h3">
            Listen for
          </Typography>
          <List dense disablePadding>
            {listen.map(row)}
          </List>
        </>
      )}
      {reject.length > 0 && (
        <>
          <Typography variant="subtitle2" component="h3" sx={{ mt: 1 }}>
            Patterns interviewers reject
          </Typography>
          <List dense disablePadding>
            {reject.map(row)}
          </List>
        </>
      )}
      {report.checklist && (
        <>
          <Typography variant="subtitle2" component="h3" sx={{ mt: 1 }}>
            {report.checklist.label}
          </Typography>
          <List dense disablePadding data-testid="checklist">
            {report.checklist.items.map((item) => (
              <ChecklistItemRow key={item.id} item={item} color={colors.get(checklistHighlightId(item.id))} />
            ))}
          </List>
        </>
      )}
      {report.criteria.length === 0 && !report.checklist && (
        <Typography color="text.secondary">This question's rubric lists no criteria for its kind.</Typography>
      )}
    </ReviewSection>
  )
}
