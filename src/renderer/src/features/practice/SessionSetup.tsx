import { useMemo, useState } from 'react'
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  FormControl,
  FormHelperText,
  InputLabel,
  ListItemText,
  MenuItem,
  Select,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography
} from '@mui/material'
import KeyboardIcon from '@mui/icons-material/Keyboard'
import PlayArrowIcon from '@mui/icons-material/PlayArrow'
import { useNavigate, useSearchParams } from 'react-router'
import type { QuestionKind } from '@shared/banks/types'
import { sessionTypeKinds, sessionTypes, type SessionOrder, type SessionType } from '@shared/session'
import { phaseTimeGroups, type PhaseTimeGroup } from '@shared/session/phase-time-groups'
import { filterSessionPool, phaseOverridesFor, type SetupTimes } from '@shared/session/session-pool'
import { formatClock, parseClock } from '@shared/session/timer-display'
import type { Settings } from '@shared/settings'
import { ClockField } from '../../components/ClockField'
import { useSettings } from '../../lib/settings-context'
import { api } from '../../lib/api'
import { kindLabels, useLibrary } from '../library'
import { usePracticeOverview } from '../repetition'
import { ReadinessPanel } from './ReadinessPanel'
import { sessionTypeLabels } from './session-labels'
import { useReadiness } from './use-readiness'
import { messageOf } from '@shared/errors'

/** Where a session's questions come from: the filters alone, or the due or starred ones among them. */
type QuestionSource = 'all' | 'due' | 'favorites'

type TimeTexts = Record<PhaseTimeGroup['id'], { prep: string; answer: string }>

function timeTextsFrom(defaults: Settings['defaultTimes']): TimeTexts {
  const texts = {} as TimeTexts
  for (const group of phaseTimeGroups) {
    const [prep, answer] = group.read(defaults)
    texts[group.id] = { prep: formatClock(prep * 1000), answer: formatClock(answer * 1000) }
  }
  return texts
}

function MultiSelect<T extends string>({
  label,
  value,
  options,
  onChange,
  allLabel
}: {
  label: string
  value: T[]
  options: { value: T; label: string }[]
  onChange: (value: T[]) => void
  allLabel: string
}) {
  const id = `setup-${label.toLowerCase()}`
  return (
    <FormControl size="small" sx={{ minWidth: 200, maxWidth: 360 }}>
      <InputLabel id={id} shrink>
        {label}
      </InputLabel>
      <Select
        labelId={id}
        label={label}
        multiple
        displayEmpty
        notched
        value={value}
        renderValue={(selected) => (selected.length === 0 ? allLabel : options.filter((o) => selected.includes(o.value)).map((o) => o.label).join(', '))}
        onChange={(event) => {
          const next = event.target.value
          onChange((typeof next === 'string' ? next.split(',') : next) as T[])
        }}
      >
        {options.map((option) => (
          <MenuItem key={option.value} value={option.value} dense>
            <Checkbox size="small" checked={value.includes(option.value)} />
            <ListItemText primary={option.label} />
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  )
}

/** The timer needs an answer phase of at least a second. */
const MIN_ANSWER_MS = 1000

/** Choose what to practise and for how long, then start. */
export function SessionSetup() {
  const { library } = useLibrary()
  const { settings } = useSettings()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const { overview } = usePracticeOverview()
  const [source, setSource] = useState<QuestionSource>(() => (params.get('source') === 'due' ? 'due' : params.get('source') === 'favorites' ? 'favorites' : 'all'))
  const [type, setType] = useState<SessionType>(() => (params.get('source') ? 'mixed' : 'behavioral'))
  const [bankIds, setBankIds] = useState<string[]>([])
  const [sections, setSections] = useState<string[]>([])
  const [kinds, setKinds] = useState<QuestionKind[]>([])
  const [count, setCount] = useState('3')
  const [order, setOrder] = useState<SessionOrder>('random')
  const [timeTexts, setTimeTexts] = useState(() => timeTextsFrom(settings.defaultTimes))
  const [error, setError] = useState<string | null>(null)
  const [starting, setStarting] = useState(false)
  const readiness = useReadiness()

  const typeKinds = sessionTypeKinds[type]
  const questions = useMemo(() => library?.questions ?? [], [library])
  const sectionOptions = useMemo(() => {
    const names = new Set<string>()
    for (const q of filterSessionPool(questions, { type, bankIds, kinds: [], sections: [] })) {
      const top = q.sectionPath[0] ?? q.section
      if (top) names.add(top)
    }
    return [...names].map((name) => ({ value: name, label: name }))
  }, [questions, type, bankIds])
  const validSections = sections.filter((s) => sectionOptions.some((o) => o.value === s))
  const validKinds = kinds.filter((k) => typeKinds.includes(k))
  const sourceIds = useMemo(
    () => (source === 'due' ? (overview?.dueToday ?? []) : source === 'favorites' ? (overview?.favorites ?? []) : null),
    [source, overview]
  )
  const pool = useMemo(() => {
    const filtered = filterSessionPool(questions, { type, bankIds, kinds: validKinds, sections: validSections })
    if (!sourceIds) return filtered
    // Due questions keep their order (most overdue first), so "as listed" asks those first.
    const byId = new Map(filtered.map((q) => [q.id, q]))
    return sourceIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []))
  }, [questions, type, bankIds, validKinds, validSections, sourceIds])
  const matching = pool.length

  const countNumber = Number(count)
  const countValid = Number.isInteger(countNumber) && countNumber >= 1 && countNumber <= 50
  const shownGroups = phaseTimeGroups.filter((group) => group.kinds.some((kind) => typeKinds.includes(kind)))
  const times = {} as SetupTimes
  for (const group of phaseTimeGroups) {
    times[group.id] = { prepMs: parseClock(timeTexts[group.id].prep) ?? 0, answerMs: parseClock(timeTexts[group.id].answer) ?? 0 }
  }
  const timesValid = shownGroups.every(
    (group) => parseClock(timeTexts[group.id].prep) !== null && times[group.id].answerMs >= MIN_ANSWER_MS
  )
  const canStart = countValid && timesValid && matching > 0 && !starting

  /** Typed answers: the session opens with recording off, for when the microphone or the model is not ready. */
  const start = async (typed = false) => {
    setStarting(true)
    setError(null)
    try {
      const session = await api.createSession({
        type,
        ...(sourceIds ? { questionIds: pool.map((q) => q.id) } : {}),
        bankIds,
        kinds: validKinds,
        sections: validSections,
        count: countNumber,
        order,
        times: phaseOverridesFor(type, times)
      })
      void navigate(`/practice/session/${encodeURIComponent(session.id)}${typed ? '?answers=typed' : ''}`)
    } catch (e) {
      setError(messageOf(e))
      setStarting(false)
    }
  }

  return (
    <Card variant="outlined" component="section" aria-labelledby="setup-title">
      <CardContent>
        <Typography variant="h6" component="h2" id="setup-title" gutterBottom>
          New session
        </Typography>
        <Stack spacing={2.5}>
          <Box>
            <ToggleButtonGroup
              exclusive
              size="small"
              value={source}
              aria-label="Questions from"
              onChange={(_event, value: QuestionSource | null) => {
                if (!value) return
                setSource(value)
                // Due and starred questions come in every kind: start from all of them.
                if (value !== 'all') setType('mixed')
              }}
              sx={{ flexWrap: 'wrap' }}
            >
              <ToggleButton value="all">All matching</ToggleButton>
              <ToggleButton value="due">Due questions ({overview?.dueToday.length ?? 0})</ToggleButton>
              <ToggleButton value="favorites">Favorites ({overview?.favorites.length ?? 0})</ToggleButton>
            </ToggleButtonGroup>
            <FormHelperText>
              {source === 'due'
                ? 'Questions your spaced-repetition schedule brings back today, most overdue first.'
                : source === 'favorites'
                  ? 'Questions you starred in the Library.'
                  : 'Questions from your banks, narrowed by the choices below.'}
            </FormHelperText>
          </Box>
          <ToggleButtonGroup
            exclusive
            size="small"
            value={type}
            aria-label="Session type"
            onChange={(_event, value: SessionType | null) => value && setType(value)}
            sx={{ flexWrap: 'wrap' }}
          >
            {sessionTypes.map((t) => (
              <ToggleButton key={t} value={t}>
                {sessionTypeLabels[t]}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
          <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
            <MultiSelect
              label="Banks"
              allLabel="All banks"
              value={bankIds}
              // A rubric-only bank (the STAR rubric) has no questions to draw.
              options={(library?.banks ?? []).filter((b) => b.questionCount > 0).map((b) => ({ value: b.id, label: b.title }))}
              onChange={setBankIds}
            />
            <MultiSelect label="Sections" allLabel="All sections" value={validSections} options={sectionOptions} onChange={setSections} />
            {typeKinds.length > 1 && (
              <MultiSelect
                label="Kinds"
                allLabel="All kinds"
                value={validKinds}
                options={typeKinds.map((k) => ({ value: k, label: kindLabels[k] }))}
                onChange={setKinds}
              />
            )}
          </Stack>
          <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
            <TextField
              size="small"
              type="number"
              label="Questions"
              value={count}
              onChange={(event) => setCount(event.target.value)}
              error={!countValid}
              helperText={countValid ? `${matching} match` : '1 to 50'}
              slotProps={{ htmlInput: { min: 1, max: 50 } }}
              sx={{ width: 120 }}
            />
            <Box>
              <ToggleButtonGroup exclusive size="small" value={order} aria-label="Order" onChange={(_event, value: SessionOrder | null) => value && setOrder(value)}>
                <ToggleButton value="random">Random</ToggleButton>
                <ToggleButton value="as-listed">As listed</ToggleButton>
              </ToggleButtonGroup>
              <FormHelperText>Order</FormHelperText>
            </Box>
          </Stack>
          <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }} role="group" aria-label="Phase times">
            {shownGroups.map((group) => (
              <Stack key={group.id} direction="row" spacing={2}>
                <ClockField
                  label={group.prepLabel}
                  value={timeTexts[group.id].prep}
                  minMs={0}
                  onChange={(prep) => setTimeTexts((texts) => ({ ...texts, [group.id]: { ...texts[group.id], prep } }))}
                />
                <ClockField
                  label={group.answerLabel}
                  value={timeTexts[group.id].answer}
                  minMs={MIN_ANSWER_MS}
                  onChange={(answer) => setTimeTexts((texts) => ({ ...texts, [group.id]: { ...texts[group.id], answer } }))}
                />
              </Stack>
            ))}
          </Stack>
          <Typography variant="caption" color="text.secondary">
            Defaults come from Settings; changes here apply to this session only. Warnings sound at 1 min and 15 s left.
          </Typography>
          {library && matching === 0 && (
            <Alert severity="info">
              {source === 'due'
                ? 'Nothing is due with these choices. Practise any question and its next review date appears here.'
                : source === 'favorites'
                  ? 'No starred question matches these choices: star questions in the Library with ☆.'
                  : 'No question matches these choices: pick other banks, sections or kinds, or import a bank in the Library.'}
            </Alert>
          )}
          {countValid && matching > 0 && matching < countNumber && (
            <Alert severity="info">
              Only {matching} {matching === 1 ? 'question matches' : 'questions match'}; the session will have {matching}.
            </Alert>
          )}
          {error && (
            <Alert severity="error" onClose={() => setError(null)}>
              The session could not start: {error}
            </Alert>
          )}
          <ReadinessPanel
            microphone={readiness.microphone}
            model={readiness.model}
            onTestMicrophone={() => void readiness.testMicrophone()}
            onCheckModel={() => readiness.checkModel(true)}
          />
          {readiness.hasProblem && (
            <Typography variant="body2" color="text.secondary">
              Spoken answers need both. Fix what is marked above, or practise now with typed answers (recording stays off unless you press
              Record).
            </Typography>
          )}
          <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
            <Button id="start-session" variant="contained" size="large" startIcon={<PlayArrowIcon />} disabled={!canStart} onClick={() => void start()}>
              Start session
            </Button>
            {readiness.hasProblem && (
              <Button variant="outlined" size="large" startIcon={<KeyboardIcon />} disabled={!canStart} onClick={() => void start(true)}>
                Continue with typed answers
              </Button>
            )}
          </Stack>
        </Stack>
      </CardContent>
    </Card>
  )
}
