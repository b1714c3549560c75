import type { ReactNode } from 'react'
import { Card, CardContent, Typography } from '@mui/material'

/** One card of the review, with a heading screen readers can jump to. */
export function ReviewSection({ title, children, testId, action }: { title: string; children: ReactNode; testId?: string; action?: ReactNode }) {
  return (
    <Card variant="outlined" data-testid={testId} sx={{ breakInside: 'avoid' }}>
      <CardContent>
        <Typography variant="overline" component="h2" sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <span style={{ flex: 1 }}>{title}</span>
          {action}
        </Typography>
        {children}
      </CardContent>
    </Card>
  )
}
