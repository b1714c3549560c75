import type { ReactNode } from 'react'
import { Box, Typography } from '@mui/material'

interface EmptyStateProps {
  icon?: ReactNode
  title: string
  children?: ReactNode
  action?: ReactNode
}

/** What a page shows when there is nothing yet: what this place is for and how to fill it. */
export function EmptyState({ icon, title, children, action }: EmptyStateProps) {
  return (
    <Box
      data-testid="empty-state"
      sx={{ textAlign: 'center', py: 8, px: 2, color: 'text.secondary', maxWidth: 560, mx: 'auto' }}
    >
      {icon && <Box sx={{ fontSize: 48, mb: 1, '& svg': { fontSize: 48 } }}>{icon}</Box>}
      <Typography variant="h6" component="h2" color="text.primary" gutterBottom>
        {title}
      </Typography>
      {children && <Typography variant="body2">{children}</Typography>}
      {action && <Box sx={{ mt: 3 }}>{action}</Box>}
    </Box>
  )
}
