import LibraryBooksIcon from '@mui/icons-material/LibraryBooks'
import { EmptyState } from '../../components/EmptyState'
import { PageHeader } from '../../components/PageHeader'

export function LibraryPage() {
  return (
    <>
      <PageHeader title="Library" subtitle="Question banks, their questions and reference answers." />
      <EmptyState icon={<LibraryBooksIcon />} title="No question banks loaded">
        Question banks are markdown files. The built-in banks and any you import will be listed here.
      </EmptyState>
    </>
  )
}
