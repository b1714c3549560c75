import { GlobalStyles } from '@mui/material'

/**
 * What "Print / PDF" leaves on paper: the review only. The app bar and navigation drawer belong
 * to the shell, so they are hidden by their MUI class names rather than by editing the shell.
 */
export function PrintStyles() {
  return (
    <GlobalStyles
      styles={{
        '@media print': {
          '.MuiAppBar-root, .MuiDrawer-root, nav, .no-print, .MuiToolbar-root:empty': { display: 'none !important' },
          main: { padding: '0 !important' },
          // Paper is white whatever the theme: dark-theme text would vanish on it.
          'html, body, .MuiPaper-root': { background: '#fff !important' },
          // Diagrams keep their own colours: their labels sit on their own fills.
          '*:not(svg):not(svg *)': { color: '#000 !important', boxShadow: 'none !important' },
          'pre, pre *': { background: '#f6f8fa !important' },
          // Browsers drop backgrounds when printing; the highlights are the point of the page.
          mark: { printColorAdjust: 'exact', WebkitPrintColorAdjust: 'exact' }
        }
      }}
    />
  )
}
