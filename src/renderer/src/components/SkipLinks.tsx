import { Box } from '@mui/material'
import { useLocation } from 'react-router'

/** Where each page's "skip to" link goes: its most used control (by id). */
const pageTargets: Record<string, { id: string; label: string }> = {
  '/practice': { id: 'start-session', label: 'Skip to Start session' }
}

export const MAIN_CONTENT_ID = 'main-content'

/**
 * The first stops of the Tab order: "Skip to main content" and, on some pages, a link straight
 * to the page's main action. Hidden until focused. They move focus by id instead of using the
 * URL fragment, which the hash router owns.
 */
export function SkipLinks() {
  const { pathname } = useLocation()
  const page = pageTargets[pathname]
  const links = [{ id: MAIN_CONTENT_ID, label: 'Skip to main content' }, ...(page ? [page] : [])]
  return (
    <Box component="nav" aria-label="Skip links">
      {links.map((link) => (
        <Box
          key={link.id}
          component="a"
          href={`#${link.id}`}
          onClick={(event) => {
            event.preventDefault()
            // A disabled target (nothing to start yet) cannot take focus: the page's content can.
            const target = document.getElementById(link.id)
            const usable = target && !target.matches(':disabled') ? target : document.getElementById(MAIN_CONTENT_ID)
            usable?.focus()
          }}
          sx={{
            position: 'fixed',
            top: 8,
            left: 8,
            zIndex: (theme) => theme.zIndex.tooltip + 1,
            px: 2,
            py: 1,
            borderRadius: 1,
            bgcolor: 'background.paper',
            color: 'primary.main',
            boxShadow: 3,
            fontWeight: 600,
            transform: 'translateY(-200%)',
            '&:focus': { transform: 'none' }
          }}
        >
          {link.label}
        </Box>
      ))}
    </Box>
  )
}
