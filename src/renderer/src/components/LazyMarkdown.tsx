import { lazy, Suspense } from 'react'
import { Skeleton } from '@mui/material'

// The markdown renderer and its highlighter are loaded when an answer is first shown, not
// with the first screen.
const Markdown = lazy(() => import('./Markdown'))

export function LazyMarkdown({ children }: { children: string }) {
  return (
    <Suspense fallback={<Skeleton variant="rounded" height={80} />}>
      <Markdown>{children}</Markdown>
    </Suspense>
  )
}
