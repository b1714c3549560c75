import { Component, type ErrorInfo, type ReactNode } from 'react'
import { Alert, AlertTitle, Box, Button } from '@mui/material'

interface Props {
  children: ReactNode
  /** Changing it (e.g. the route) clears a shown error. */
  resetKey?: string
}

interface State {
  error: Error | null
}

/** Keeps a crash in one page from blanking the whole app; says what happened and what to do. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: Error): State {
    return { error }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('mockroom page crashed', error, info.componentStack)
  }

  override componentDidUpdate(previous: Props): void {
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null })
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children
    return (
      <Box sx={{ p: 3 }} role="alert">
        <Alert severity="error">
          <AlertTitle>Something went wrong on this page</AlertTitle>
          {this.state.error.message}
          <Box sx={{ mt: 2, display: 'flex', gap: 1 }}>
            <Button variant="outlined" onClick={() => this.setState({ error: null })}>
              Try again
            </Button>
            <Button variant="text" onClick={() => window.location.reload()}>
              Reload the app
            </Button>
          </Box>
          <Box sx={{ mt: 1, fontSize: 13 }}>Your saved answers are not affected.</Box>
        </Alert>
      </Box>
    )
  }
}
