import { useState } from 'react'
import { Box, Button, Chip, Collapse, LinearProgress, Stack, Typography } from '@mui/material'
import { describeProfiles, type ScoreReport } from '@shared/scoring'
import { defaultProfiles } from '@shared/scoring/default-profiles'
import { ReviewSection } from './ReviewSection'

const bandColors = { strong: 'success', fair: 'warning', weak: 'error' } as const

/** The overall score, the profile that produced it, how its parts add up, and the rules behind it. */
export function ScoreSummary({ report }: { report: ScoreReport }) {
  const [showRules, setShowRules] = useState(false)
  return (
    <ReviewSection title="Overall score" testId="score-summary">
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3} sx={{ alignItems: { sm: 'flex-start' } }}>
        <Box sx={{ textAlign: 'center', minWidth: 120 }}>
          <Typography variant="h2" component="p" data-testid="overall-score" aria-label={`Overall score ${report.overall} out of 100`}>
            {report.overall}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            out of 100
          </Typography>
          <Chip size="small" sx={{ mt: 1 }} color={bandColors[report.band]} label={report.band} data-testid="score-band" />
        </Box>
        <Stack spacing={1} sx={{ flex: 1 }}>
          <Typography variant="body2" data-testid="score-profile">
            Scored as <strong>{report.profile.label}</strong>
          </Typography>
          {report.components.map((component) => (
            <Box key={component.id} data-testid={`component-${component.id}`}>
              <Box sx={{ display: 'flex', justifyContent: 'space-between', fontSize: 14, gap: 1 }}>
                <span>{component.label}</span>
                <span>
                  {component.value === null
                    ? component.id === 'delivery'
                      ? 'not measured'
                      : 'nothing to judge'
                    : `${component.points.toFixed(1)} / ${component.effectiveWeight.toFixed(1)}`}
                </span>
              </Box>
              <LinearProgress
                variant="determinate"
                value={component.value === null ? 0 : component.value * 100}
                aria-label={`${component.label}: ${component.value === null ? (component.id === 'delivery' ? 'not measured' : 'nothing to judge') : `${Math.round(component.value * 100)}%`}`}
              />
            </Box>
          ))}
          {report.penalties.map((penalty) => (
            <Typography key={penalty.criterionId} variant="body2" color="error">
              −{penalty.points} {penalty.label}
            </Typography>
          ))}
        </Stack>
      </Stack>
      <Box component="ul" data-testid="score-explanation" sx={{ pl: 2.5, mb: 0, '& li': { fontSize: 14, mb: 0.5 } }}>
        {report.explanation.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </Box>
      <Button size="small" className="no-print" onClick={() => setShowRules((value) => !value)} aria-expanded={showRules}>
        {showRules ? 'Hide the scoring rules' : 'How is this scored?'}
      </Button>
      <Collapse in={showRules}>
        <Box component="ul" sx={{ pl: 2.5, m: 0, mt: 1, color: 'text.secondary', '& li': { fontSize: 14, mb: 0.5 } }}>
          {describeProfiles(defaultProfiles).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </Box>
      </Collapse>
    </ReviewSection>
  )
}
