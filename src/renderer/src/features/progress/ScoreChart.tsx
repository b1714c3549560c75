import { Box, useTheme } from '@mui/material'
import { useNavigate } from 'react-router'
import { chartCoordinates, type ScorePoint } from './progress-stats'

const box = { width: 720, height: 240, padLeft: 40, padRight: 16, padTop: 12, padBottom: 28 }
const dateOf = (iso: string) => new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short' })

/** Overall score per answer, oldest to newest, in plain SVG. Each point opens its review. */
export function ScoreChart({ points }: { points: readonly ScorePoint[] }) {
  const theme = useTheme()
  const navigate = useNavigate()
  const coords = chartCoordinates(points, box)
  const yOf = (v: number) => box.padTop + (box.height - box.padTop - box.padBottom) * (1 - v / 100)
  const first = points[0]
  const last = points.at(-1)
  const summary =
    first && last
      ? `Overall score of ${points.length} answer${points.length === 1 ? '' : 's'}: first ${first.overall}, latest ${last.overall}, best ${Math.max(...points.map((p) => p.overall))}.`
      : 'No scores yet.'
  return (
    <Box sx={{ width: '100%', overflowX: 'auto' }}>
      <svg viewBox={`0 0 ${box.width} ${box.height}`} width="100%" role="img" aria-label={summary} data-testid="score-chart" style={{ maxWidth: box.width, display: 'block' }}>
        {[0, 25, 50, 75, 100].map((v) => (
          <g key={v}>
            <line x1={box.padLeft} x2={box.width - box.padRight} y1={yOf(v)} y2={yOf(v)} stroke={theme.palette.divider} />
            <text x={box.padLeft - 8} y={yOf(v) + 4} textAnchor="end" fontSize={11} fill={theme.palette.text.secondary}>
              {v}
            </text>
          </g>
        ))}
        {coords.length > 1 && (
          <polyline
            points={coords.map((c) => `${c.x},${c.y}`).join(' ')}
            fill="none"
            stroke={theme.palette.primary.main}
            strokeWidth={2}
            strokeLinejoin="round"
          />
        )}
        {coords.map((c, i) => {
          const point = points[i]!
          return (
            <circle
              key={point.answerId}
              cx={c.x}
              cy={c.y}
              r={5}
              fill={theme.palette.primary.main}
              stroke={theme.palette.background.paper}
              strokeWidth={2}
              style={{ cursor: 'pointer' }}
              onClick={() => void navigate(`/review/answer/${encodeURIComponent(point.answerId)}`)}
            >
              <title>{`${point.overall}/100 · ${point.title} · ${dateOf(point.at)}`}</title>
            </circle>
          )
        })}
        {first && (
          <text x={coords[0]!.x} y={box.height - 8} fontSize={11} textAnchor={points.length === 1 ? 'middle' : 'start'} fill={theme.palette.text.secondary}>
            {dateOf(first.at)}
          </text>
        )}
        {last && points.length > 1 && (
          <text x={coords.at(-1)!.x} y={box.height - 8} fontSize={11} textAnchor="end" fill={theme.palette.text.secondary}>
            {dateOf(last.at)}
          </text>
        )}
      </svg>
    </Box>
  )
}
