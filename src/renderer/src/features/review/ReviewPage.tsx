import { Route, Routes } from 'react-router'
import { AttemptsCompare } from '../attempts'
import { AnswerReview } from './AnswerReview'
import { HistoryList } from './HistoryList'
import { PrintStyles } from './PrintStyles'

/** Mounted at /review/*: the history at the index, one answer's review at answer/:id. */
export function ReviewPage() {
  return (
    <>
      <PrintStyles />
      <Routes>
        <Route index element={<HistoryList />} />
        <Route path="answer/:id" element={<AnswerReview />} />
        <Route path="compare/:a/:b" element={<AttemptsCompare />} />
        <Route path="*" element={<HistoryList />} />
      </Routes>
    </>
  )
}
