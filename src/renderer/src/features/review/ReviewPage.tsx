import RateReviewIcon from '@mui/icons-material/RateReview'
import { EmptyState } from '../../components/EmptyState'
import { PageHeader } from '../../components/PageHeader'

export function ReviewPage() {
  return (
    <>
      <PageHeader title="Review" subtitle="Transcripts scored against the interviewers' rubric." />
      <EmptyState icon={<RateReviewIcon />} title="Nothing to review yet">
        Every answer you record or type appears here with its transcript, its score and the evidence behind it.
      </EmptyState>
    </>
  )
}
