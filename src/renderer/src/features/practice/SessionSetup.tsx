import { Button, Card, CardContent, Stack, Typography } from '@mui/material'
import KeyboardIcon from '@mui/icons-material/Keyboard'
import PlayArrowIcon from '@mui/icons-material/PlayArrow'
import { ReadinessPanel } from './ReadinessPanel'
import { CountAndOrder, PhaseTimes, QuestionFilters, SetupMessages, SourceChoice } from './SessionSetupFields'
import { useReadiness } from './use-readiness'
import { useSessionSetup } from './use-session-setup'

/** Choose what to practise and for how long, then start. */
export function SessionSetup() {
  const setup = useSessionSetup()
  const readiness = useReadiness()
  const { canStart, start } = setup

  return (
    <Card variant="outlined" component="section" aria-labelledby="setup-title">
      <CardContent>
        <Typography variant="h6" component="h2" id="setup-title" gutterBottom>
          New session
        </Typography>
        <Stack spacing={2.5}>
          <SourceChoice setup={setup} />
          <QuestionFilters setup={setup} />
          <CountAndOrder setup={setup} />
          <PhaseTimes setup={setup} />
          <SetupMessages setup={setup} />
          <ReadinessPanel
            microphone={readiness.microphone}
            model={readiness.model}
            onTestMicrophone={() => void readiness.testMicrophone()}
            onCheckModel={() => readiness.checkModel(true)}
          />
          {readiness.hasProblem && (
            <Typography variant="body2" color="text.secondary">
              Spoken answers need both. Fix what is marked above, or practise now with typed answers (recording stays off unless you press
              Record).
            </Typography>
          )}
          <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
            <Button id="start-session" variant="contained" size="large" startIcon={<PlayArrowIcon />} disabled={!canStart} onClick={() => void start()}>
              Start session
            </Button>
            {readiness.hasProblem && (
              <Button variant="outlined" size="large" startIcon={<KeyboardIcon />} disabled={!canStart} onClick={() => void start(true)}>
                Continue with typed answers
              </Button>
            )}
          </Stack>
        </Stack>
      </CardContent>
    </Card>
  )
}
