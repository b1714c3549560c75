import { Alert, Box, FormHelperText, Stack, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material'
import { sessionTypes, type SessionOrder, type SessionType } from '@shared/session'
import { ClockField } from '../../components/ClockField'
import { kindLabels } from '../library'
import { MultiSelect } from './MultiSelect'
import { sessionTypeLabels } from './session-labels'
import { MIN_ANSWER_MS, type QuestionSource, type SessionSetupState } from './use-session-setup'

type SetupProps = { setup: SessionSetupState }

/** All matching, due, or starred questions. */
export function SourceChoice({ setup }: SetupProps) {
  const { source, overview } = setup
  return (
    <Box>
      <ToggleButtonGroup
        exclusive
        size="small"
        value={source}
        aria-label="Questions from"
        onChange={(_event, value: QuestionSource | null) => {
          if (!value) return
          setup.setSource(value)
          // Due and starred questions come in every kind: start from all of them.
          if (value !== 'all') setup.setType('mixed')
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
  )
}

/** The session type, then the banks, sections and kinds to draw from. */
export function QuestionFilters({ setup }: SetupProps) {
  const { typeKinds } = setup
  return (
    <>
      <ToggleButtonGroup
        exclusive
        size="small"
        value={setup.type}
        aria-label="Session type"
        onChange={(_event, value: SessionType | null) => value && setup.setType(value)}
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
          value={setup.bankIds}
          // A rubric-only bank (the STAR rubric) has no questions to draw.
          options={(setup.library?.banks ?? []).filter((b) => b.questionCount > 0).map((b) => ({ value: b.id, label: b.title }))}
          onChange={setup.setBankIds}
        />
        <MultiSelect label="Sections" allLabel="All sections" value={setup.validSections} options={setup.sectionOptions} onChange={setup.setSections} />
        {typeKinds.length > 1 && (
          <MultiSelect
            label="Kinds"
            allLabel="All kinds"
            value={setup.validKinds}
            options={typeKinds.map((k) => ({ value: k, label: kindLabels[k] }))}
            onChange={setup.setKinds}
          />
        )}
      </Stack>
    </>
  )
}

/** How many questions, and in which order. */
export function CountAndOrder({ setup }: SetupProps) {
  const { countValid } = setup
  return (
    <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
      <TextField
        size="small"
        type="number"
        label="Questions"
        value={setup.count}
        onChange={(event) => setup.setCount(event.target.value)}
        error={!countValid}
        helperText={countValid ? `${setup.matching} match` : '1 to 50'}
        slotProps={{ htmlInput: { min: 1, max: 50 } }}
        sx={{ width: 120 }}
      />
      <Box>
        <ToggleButtonGroup exclusive size="small" value={setup.order} aria-label="Order" onChange={(_event, value: SessionOrder | null) => value && setup.setOrder(value)}>
          <ToggleButton value="random">Random</ToggleButton>
          <ToggleButton value="as-listed">As listed</ToggleButton>
        </ToggleButtonGroup>
        <FormHelperText>Order</FormHelperText>
      </Box>
    </Stack>
  )
}

/** Prepare and answer times of each kind of question the session type asks. */
export function PhaseTimes({ setup }: SetupProps) {
  const { timeTexts, setTimeTexts } = setup
  return (
    <>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }} role="group" aria-label="Phase times">
        {setup.shownGroups.map((group) => (
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
    </>
  )
}

/** Why the session cannot start, or will be shorter than asked. */
export function SetupMessages({ setup }: SetupProps) {
  const { matching, source, error } = setup
  return (
    <>
      {setup.library && matching === 0 && (
        <Alert severity="info">
          {source === 'due'
            ? 'Nothing is due with these choices. Practise any question and its next review date appears here.'
            : source === 'favorites'
              ? 'No starred question matches these choices: star questions in the Library with ☆.'
              : 'No question matches these choices: pick other banks, sections or kinds, or import a bank in the Library.'}
        </Alert>
      )}
      {setup.countValid && matching > 0 && matching < setup.countNumber && (
        <Alert severity="info">
          Only {matching} {matching === 1 ? 'question matches' : 'questions match'}; the session will have {matching}.
        </Alert>
      )}
      {error && (
        <Alert severity="error" onClose={() => setup.setError(null)}>
          The session could not start: {error}
        </Alert>
      )}
    </>
  )
}
