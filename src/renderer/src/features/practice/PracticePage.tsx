import MicIcon from '@mui/icons-material/Mic'
import { EmptyState } from '../../components/EmptyState'
import { PageHeader } from '../../components/PageHeader'

export function PracticePage() {
  return (
    <>
      <PageHeader title="Practice" subtitle="Timed mock interviews: behavioral (STAR) and system design." />
      <EmptyState icon={<MicIcon />} title="No practice session yet">
        A session picks questions from your banks, runs the clock and records your spoken answers on this machine.
      </EmptyState>
    </>
  )
}
