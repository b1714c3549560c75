import type { RefObject } from 'react'
import {
  Box,
  Button,
  Chip,
  FormControl,
  InputAdornment,
  InputLabel,
  List,
  ListItem,
  ListItemButton,
  ListItemText,
  MenuItem,
  Paper,
  Select,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography
} from '@mui/material'
import SearchIcon from '@mui/icons-material/Search'
import { Link as RouterLink } from 'react-router'
import type { Bank, LibrarySummary, QuestionSummary } from '@shared/banks/types'
import { questionKinds } from '@shared/banks/question-kinds'
import { EmptyState } from '../../components/EmptyState'
import { FavoriteButton, PractiseButton } from '../repetition'
import { kindLabels } from './kind-labels'
import { sourceLine } from './source-line'
import { PAGE_SIZE, type LibraryParams } from './use-library-params'

const ALL_KINDS = '__all__'

/** The banks to browse (and the chosen bank's sections), beside the questions. */
export function BankNav({ library, sections, params }: { library: LibrarySummary; sections: string[]; params: LibraryParams }) {
  return (
    <Paper variant="outlined" sx={{ p: 1 }}>
      <Typography variant="overline" sx={{ px: 1 }}>
        Banks
      </Typography>
      <List dense aria-label="Banks">
        <ListItem disablePadding>
          <ListItemButton selected={!params.bankId} onClick={() => params.update({ bank: null, section: null })}>
            <ListItemText primary="All banks" secondary={`${library.questions.length} questions`} />
          </ListItemButton>
        </ListItem>
        {/* A rubric-only bank (e.g. the STAR rubric) has no questions to browse. */}
        {library.banks.filter((bank) => bank.questionCount > 0).map((bank) => (
          <ListItem key={bank.id} disablePadding>
            <ListItemButton selected={bank.id === params.bankId} onClick={() => params.update({ bank: bank.id, section: null })}>
              <ListItemText
                primary={bank.title}
                secondary={`${bank.questionCount} questions${bank.source === 'imported' ? ' · imported' : ''}`}
              />
            </ListItemButton>
          </ListItem>
        ))}
      </List>
      {sections.length > 1 && (
        <>
          <Typography variant="overline" sx={{ px: 1 }}>
            Sections
          </Typography>
          <List dense aria-label="Sections">
            {sections.map((name) => (
              <ListItem key={name} disablePadding>
                <ListItemButton selected={name === params.section} onClick={() => params.update({ section: name === params.section ? null : name })}>
                  <ListItemText primary={name} />
                </ListItemButton>
              </ListItem>
            ))}
          </List>
        </>
      )}
    </Paper>
  )
}

/** Search, kind and has-answer filters above the questions. */
export function LibraryFilters({ params, searchRef }: { params: LibraryParams; searchRef: RefObject<HTMLInputElement | null> }) {
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 2, alignItems: 'center' }}>
      <TextField
        inputRef={searchRef}
        size="small"
        placeholder="Search questions, answers, key terms  ( / )"
        value={params.query}
        onChange={(event) => params.update({ q: event.target.value })}
        sx={{ flex: 1, minWidth: 260 }}
        slotProps={{
          htmlInput: { 'aria-label': 'Search questions' },
          input: { startAdornment: <InputAdornment position="start"><SearchIcon /></InputAdornment> }
        }}
      />
      <FormControl size="small" sx={{ minWidth: 160 }}>
        <InputLabel id="kind-filter-label" shrink>
          Kind
        </InputLabel>
        <Select
          labelId="kind-filter-label"
          label="Kind"
          multiple
          displayEmpty
          notched
          value={params.kinds}
          renderValue={(selected) => (selected.length === 0 ? 'All' : selected.map((k) => kindLabels[k]).join(', '))}
          onChange={(event) => {
            const value = event.target.value
            const picked = typeof value === 'string' ? value.split(',') : value
            // "All" clears the filter; picking a kind after it narrows again.
            params.update({ kind: picked.at(-1) === ALL_KINDS ? null : picked.filter((k) => k !== ALL_KINDS).join(',') })
          }}
        >
          <MenuItem value={ALL_KINDS} selected={params.kinds.length === 0}>
            All
          </MenuItem>
          {questionKinds.map((kind) => (
            <MenuItem key={kind} value={kind}>
              {kindLabels[kind]}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      <ToggleButtonGroup size="small" exclusive value={params.answer} aria-label="Has answer" onChange={(_e, v: string | null) => params.update({ answer: v && v !== 'any' ? v : null })}>
        <ToggleButton value="any">All</ToggleButton>
        <ToggleButton value="yes">With answer</ToggleButton>
        <ToggleButton value="no">Without</ToggleButton>
      </ToggleButtonGroup>
    </Stack>
  )
}

interface QuestionResultsProps {
  library: LibrarySummary
  results: readonly QuestionSummary[]
  searching: boolean
  banksById: Map<string, Bank>
  params: LibraryParams
}

/** How many questions match, then a page of them (and a button for more). */
export function QuestionResults({ library, results, searching, banksById, params }: QuestionResultsProps) {
  return (
    <>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} aria-live="polite" aria-busy={searching}>
        {searching
          ? 'Searching…'
          : results.length === library.questions.length
            ? `${results.length} questions`
            : `${results.length} of ${library.questions.length} questions`}
      </Typography>
      {results.length === 0 && !searching ? (
        <EmptyState icon={<SearchIcon />} title="No question matches">
          Try fewer words, or clear the filters.
        </EmptyState>
      ) : (
        <Paper variant="outlined">
          <List aria-label="Questions" disablePadding>
            {results.slice(0, params.limit).map((q) => (
              <QuestionRow key={q.id} question={q} bankTitle={banksById.get(q.bankId)?.title} />
            ))}
          </List>
          {results.length > params.limit && (
            <Box sx={{ p: 1, textAlign: 'center' }}>
              <Button onClick={() => params.showMore()}>Show {Math.min(PAGE_SIZE, results.length - params.limit)} more</Button>
            </Box>
          )}
        </Paper>
      )}
    </>
  )
}

function QuestionRow({ question: q, bankTitle }: { question: QuestionSummary; bankTitle: string | undefined }) {
  return (
    <ListItem
      disablePadding
      divider
      secondaryAction={
        <Stack direction="row" spacing={0}>
          <PractiseButton questionId={q.id} title={q.title} compact />
          <FavoriteButton questionId={q.id} title={q.title} size="small" />
        </Stack>
      }
      sx={{ '& .MuiListItemButton-root': { pr: 11 } }}
    >
    <ListItemButton component={RouterLink} to={`/library/q/${encodeURIComponent(q.id)}`}>
      <ListItemText
        primary={q.title}
        secondary={sourceLine(bankTitle, q.sectionPath)}
        slotProps={{ primary: { sx: { fontWeight: 500 } } }}
      />
      <Stack direction="row" spacing={0.5} sx={{ ml: 1, flexShrink: 0 }}>
        {q.workedExampleFor && <Chip size="small" color="info" variant="outlined" label="STAR worked example" title="A model story: read it or practise it on purpose; sessions never draw it" />}
        {!q.hasAnswer && <Chip size="small" variant="outlined" label="no answer" />}
        <Chip size="small" label={kindLabels[q.kind]} />
      </Stack>
    </ListItemButton>
    </ListItem>
  )
}
