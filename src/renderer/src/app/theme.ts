import { createTheme, type Theme } from '@mui/material/styles'

export type ColorMode = 'light' | 'dark'

export function buildTheme(mode: ColorMode): Theme {
  return createTheme({
    palette: {
      mode,
      primary: { main: mode === 'dark' ? '#8ab4f8' : '#1a56db' },
      secondary: { main: mode === 'dark' ? '#f6ad55' : '#c05621' },
      // MUI's default warning orange and info blue (light) and error red (dark) miss WCAG AA
      // contrast: orange text on white is 3.1:1, info blue 3.9:1, white text on the dark theme's
      // red 3.7:1. These pass 4.5:1.
      ...(mode === 'dark'
        ? { error: { main: '#f28b82' } }
        : { warning: { main: '#b45309' }, info: { main: '#0369a1' } })
    },
    shape: { borderRadius: 8 },
    typography: {
      fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'
    },
    components: {
      MuiButton: { defaultProps: { disableElevation: true } },
      // MUI scrolls an alert's message when its box is short (a squeezed panel): a scroll area
      // a keyboard cannot reach. The text wraps instead, and the panel clips what does not fit.
      MuiAlert: { styleOverrides: { message: { overflow: 'visible', overflowWrap: 'anywhere' } } }
    }
  })
}
