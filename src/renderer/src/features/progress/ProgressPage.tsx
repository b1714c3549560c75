import InsightsIcon from '@mui/icons-material/Insights'
import { EmptyState } from '../../components/EmptyState'
import { PageHeader } from '../../components/PageHeader'

export function ProgressPage() {
  return (
    <>
      <PageHeader title="Progress" subtitle="How your answers improve over time." />
      <EmptyState icon={<InsightsIcon />} title="No progress to show yet">
        Finish a practice session and your scores, pace and filler words will be tracked here.
      </EmptyState>
    </>
  )
}
