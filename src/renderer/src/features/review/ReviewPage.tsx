import { Route, Routes } from 'react-router'
import { AttemptsCompare } from '../attempts'
import { AnswerReview } from './AnswerReview'
import { HistoryList } from './HistoryList'
import { PrintStyles } from './PrintStyles'
import { ReviewIndex } from './ReviewIndex'

/** Mounted at /review/*: the history at the index, one answer's review at answer/:id. */
export function ReviewPage() {
  return (
    <>
      <PrintStyles />
      <Routes>
        <Route index element={<ReviewIndex />} />
        <Route path="answer/:id" element={<AnswerReview />} />
        <Route path="compare/:a/:b" element={<AttemptsCompare />} />
        <Route path="*" element={<HistoryList />} />
      </Routes>
    </>
  )
}
