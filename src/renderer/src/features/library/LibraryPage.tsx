import { useMemo, useRef } from 'react'
import { Alert, Box, LinearProgress } from '@mui/material'
import LibraryBooksIcon from '@mui/icons-material/LibraryBooks'
import { EmptyState } from '../../components/EmptyState'
import { PageHeader } from '../../components/PageHeader'
import { BankImport } from './BankImport'
import { BankToolbar } from './BankToolbar'
import { BankNav, LibraryFilters, QuestionResults } from './LibraryParts'
import { useLibrary } from './library-context'
import { useLibraryParams, useSlashToSearch } from './use-library-params'
import { useLibrarySearch } from './use-library-search'

/** The question banks: browse by bank and section, search, and import or manage banks. */
export function LibraryPage() {
  const { library, error } = useLibrary()
  const params = useLibraryParams()
  const { bankId, section, answer, update } = params
  const searchRef = useRef<HTMLInputElement>(null)
  useSlashToSearch(searchRef)

  const { results, searching } = useLibrarySearch(library, params.query, {
    kinds: params.kinds,
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
  const selectedBank = banksById.get(bankId)

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
          <BankNav library={library} sections={sections} params={params} />
          <Box sx={{ minWidth: 0 }}>
            {selectedBank && <BankToolbar bank={selectedBank} onRemoved={() => update({ bank: null, section: null })} />}
            <LibraryFilters params={params} searchRef={searchRef} />
            <QuestionResults library={library} results={results} searching={searching} banksById={banksById} params={params} />
          </Box>
        </Box>
      )}
    </BankImport>
  )
}
