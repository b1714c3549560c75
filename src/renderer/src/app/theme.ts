import { createTheme, type Theme } from '@mui/material/styles'

export type ColorMode = 'light' | 'dark'

export function buildTheme(mode: ColorMode): Theme {
  return createTheme({
    palette: {
      mode,
      primary: { main: mode === 'dark' ? '#8ab4f8' : '#1a56db' },
      secondary: { main: mode === 'dark' ? '#f6ad55' : '#c05621' }
    },
    shape: { borderRadius: 8 },
    typography: {
      fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'
    },
    components: {
      MuiButton: { defaultProps: { disableElevation: true } }
    }
  })
}
