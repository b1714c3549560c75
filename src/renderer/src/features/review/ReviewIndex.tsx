import { useSearchParams } from 'react-router'
import { HistoryList } from './HistoryList'
import { SessionSummaryPage } from './SessionSummaryPage'

/** /review: the history, or a session's summary at /review?session=… (where a session ends). */
export function ReviewIndex() {
  const [params] = useSearchParams()
  const sessionId = params.get('session')
  return sessionId ? <SessionSummaryPage key={sessionId} sessionId={sessionId} /> : <HistoryList />
}
