import { useEffect, useMemo, useRef, useState } from 'react'
import {
  Alert,
  Box,
  Button,
  Chip,
  FormControl,
  InputAdornment,
  InputLabel,
  LinearProgress,
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
import LibraryBooksIcon from '@mui/icons-material/LibraryBooks'
import SearchIcon from '@mui/icons-material/Search'
import { Link as RouterLink, useSearchParams } from 'react-router'
import type { QuestionKind } from '@shared/banks/types'
import { questionKinds } from '@shared/banks/question-kinds'
import { EmptyState } from '../../components/EmptyState'
import { PageHeader } from '../../components/PageHeader'
import { isTypingTarget } from '../../lib/shortcuts'
import { FavoriteButton, PractiseButton } from '../repetition'
import { BankImport } from './BankImport'
import { BankToolbar } from './BankToolbar'
import { kindLabels } from './kind-labels'
import { useLibrary } from './library-context'
import { sourceLine } from './source-line'
import { useLibrarySearch } from './use-library-search'

const ALL_KINDS = '__all__'

const PAGE_SIZE = 100

export function LibraryPage() {
  const { library, error } = useLibrary()
  const [params, setParams] = useSearchParams()
  const [limit, setLimit] = useState(PAGE_SIZE)
  const searchRef = useRef<HTMLInputElement>(null)

  const query = params.get('q') ?? ''
  const kinds = (params.get('kind')?.split(',').filter(Boolean) ?? []) as QuestionKind[]
  const bankId = params.get('bank') ?? ''
  const section = params.get('section') ?? ''
  const answer = params.get('answer') ?? 'any'

  const update = (changes: Record<string, string | null>) => {
    setLimit(PAGE_SIZE)
    setParams(
      (current) => {
        const next = new URLSearchParams(current)
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value)
          else next.delete(key)
        }
        return next
      },
      { replace: true }
    )
  }

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === '/' && !isTypingTarget(event.target)) {
        event.preventDefault()
        searchRef.current?.focus()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  const { results, searching } = useLibrarySearch(library, query, {
    kinds,
    bankIds: bankId ? [bankId] : [],
    section: section || null,
    hasAnswer: answer === 'yes' ? true : answer === 'no' ? false : null
  })

  const sections = useMemo(() => {
    if (!library) return []
    const names = new Set<string>()
    for (const q of library.questions) if ((!bankId || q.bankId === bankId) && q.section) names.add(q.sectionPath[0] ?? q.section)
    return [...names]
  }, [library, bankId])

  const banksById = useMemo(() => new Map(library?.banks.map((b) => [b.id, b]) ?? []), [library])

  if (error) {
    return (
      <>
        <PageHeader title="Library" />
        <Alert severity="error">The question banks could not be loaded: {error}</Alert>
      </>
    )
  }
  if (!library) {
    return (
      <>
        <PageHeader title="Library" />
        <LinearProgress aria-label="Loading question banks" />
      </>
    )
  }

  return (
    <BankImport>
      <PageHeader
        title="Library"
        subtitle={`${library.questions.length} questions in ${library.banks.filter((b) => b.questionCount > 0).length} banks`}
        actions={<BankImport.Buttons />}
      />
      <BankImport.Report />
      {library.errors.map((e) => (
        <Alert key={e.file} severity="warning" sx={{ mb: 1 }}>
          Could not load {e.reason.startsWith(e.file) ? e.reason : `${e.file}: ${e.reason}`}
        </Alert>
      ))}
      {library.questions.length === 0 ? (
        <EmptyState icon={<LibraryBooksIcon />} title="No questions yet">
          Import markdown question banks with the buttons above, or drop files on this page.
        </EmptyState>
      ) : (
        <Box sx={{ display: 'grid', gridTemplateColumns: { md: '260px 1fr' }, gap: 2, alignItems: 'start' }}>
          <Paper variant="outlined" sx={{ p: 1 }}>
            <Typography variant="overline" sx={{ px: 1 }}>
              Banks
            </Typography>
            <List dense aria-label="Banks">
              <ListItem disablePadding>
                <ListItemButton selected={!bankId} onClick={() => update({ bank: null, section: null })}>
                  <ListItemText primary="All banks" secondary={`${library.questions.length} questions`} />
                </ListItemButton>
              </ListItem>
              {/* A rubric-only bank (e.g. the STAR rubric) has no questions to browse. */}
              {library.banks.filter((bank) => bank.questionCount > 0).map((bank) => (
                <ListItem key={bank.id} disablePadding>
                  <ListItemButton selected={bank.id === bankId} onClick={() => update({ bank: bank.id, section: null })}>
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
                      <ListItemButton selected={name === section} onClick={() => update({ section: name === section ? null : name })}>
                        <ListItemText primary={name} />
                      </ListItemButton>
                    </ListItem>
                  ))}
                </List>
              </>
            )}
          </Paper>
          <Box sx={{ minWidth: 0 }}>
            {banksById.get(bankId) && <BankToolbar bank={banksById.get(bankId)!} onRemoved={() => update({ bank: null, section: null })} />}
            <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 2, alignItems: 'center' }}>
              <TextField
                inputRef={searchRef}
                size="small"
                placeholder="Search questions, answers, key terms  ( / )"
                value={query}
                onChange={(event) => update({ q: event.target.value })}
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
                  value={kinds}
                  renderValue={(selected) => (selected.length === 0 ? 'All' : selected.map((k) => kindLabels[k]).join(', '))}
                  onChange={(event) => {
                    const value = event.target.value
                    const picked = typeof value === 'string' ? value.split(',') : value
                    // "All" clears the filter; picking a kind after it narrows again.
                    update({ kind: picked.at(-1) === ALL_KINDS ? null : picked.filter((k) => k !== ALL_KINDS).join(',') })
                  }}
                >
                  <MenuItem value={ALL_KINDS} selected={kinds.length === 0}>
                    All
                  </MenuItem>
                  {questionKinds.map((kind) => (
                    <MenuItem key={kind} value={kind}>
                      {kindLabels[kind]}
                    </MenuItem>
                  ))}
                </Select>
              </FormControl>
              <ToggleButtonGroup size="small" exclusive value={answer} aria-label="Has answer" onChange={(_e, v: string | null) => update({ answer: v && v !== 'any' ? v : null })}>
                <ToggleButton value="any">All</ToggleButton>
                <ToggleButton value="yes">With answer</ToggleButton>
                <ToggleButton value="no">Without</ToggleButton>
              </ToggleButtonGroup>
            </Stack>
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
                  {results.slice(0, limit).map((q) => (
                    <ListItem
                      key={q.id}
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
                        secondary={sourceLine(banksById.get(q.bankId)?.title, q.sectionPath)}
                        slotProps={{ primary: { sx: { fontWeight: 500 } } }}
                      />
                      <Stack direction="row" spacing={0.5} sx={{ ml: 1, flexShrink: 0 }}>
                        {q.workedExampleFor && <Chip size="small" color="info" variant="outlined" label="STAR worked example" title="A model story: read it or practise it on purpose; sessions never draw it" />}
                        {!q.hasAnswer && <Chip size="small" variant="outlined" label="no answer" />}
                        <Chip size="small" label={kindLabels[q.kind]} />
                      </Stack>
                    </ListItemButton>
                    </ListItem>
                  ))}
                </List>
                {results.length > limit && (
                  <Box sx={{ p: 1, textAlign: 'center' }}>
                    <Button onClick={() => setLimit((n) => n + PAGE_SIZE)}>Show {Math.min(PAGE_SIZE, results.length - limit)} more</Button>
                  </Box>
                )}
              </Paper>
            )}
          </Box>
        </Box>
      )}
    </BankImport>
  )
}
