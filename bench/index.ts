import { existsSync } from 'node:fs'

/**
 * `npm run bench`: every benchmark, reported (not asserted). Needs a build (`npm run build`)
 * for the startup numbers. A benchmark that fails is reported and makes the exit code 1.
 */
type Bench = () => Promise<Record<string, number | string>>

const suites: Array<[string, () => Promise<Bench>]> = [
  ['startup', async () => (await import('./startup.bench')).benchStartup],
  ['mermaid', async () => (await import('./mermaid.bench')).benchMermaid],
  ['banks', async () => (await import('./banks.bench')).benchBanks],
  ['scoring', async () => (await import('./scoring.bench')).benchScoring],
  ['transcription', async () => (await import('./transcription.bench')).benchTranscription],
  ['sql', async () => (await import('./sql.bench')).benchSql],
  ['whisper-settings', async () => (await import('./whisper-settings.bench')).benchWhisperSettings],
  ['stop-latency', async () => (await import('./stop-latency.bench')).benchStopLatency]
]

const only = process.argv.slice(2)
let failed = false
for (const [name, load] of suites) {
  if (only.length > 0 && !only.includes(name)) continue
  if ((name === 'startup' || name === 'mermaid') && !existsSync(new URL('../out/main/web.js', import.meta.url))) {
    console.log(`\n## ${name}\n  skipped: run \`npm run build\` first`)
    continue
  }
  console.log(`\n## ${name}`)
  try {
    const results = await (await load())()
    for (const [label, value] of Object.entries(results)) console.log(`  ${label}: ${value}`)
  } catch (error) {
    failed = true
    console.log(`  failed: ${error instanceof Error ? error.message : String(error)}`)
  }
}
process.exitCode = failed ? 1 : 0
