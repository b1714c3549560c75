import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { findAppRoot } from '../../backend/app-root'
import { resolveDataDir } from '../../backend/data-dir'
import { LibraryService } from '../../backend/library-service'
import { findQuestion } from '@shared/banks/find-question'
import { scoreAnswer, unscoredReasons } from '@shared/scoring/score-answer'

const USAGE =
  'usage: score --question <id|title words> --transcript <file.txt> [--duration <seconds>] [--time-box <seconds>] [--json]'

function seconds(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined
  const parsed = Number(value)
  if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`--${name} must be a positive number of seconds, got "${value}"`)
  return Math.round(parsed * 1000)
}

/**
 * `score --question … --transcript file.txt --json`: the scorer the review screen uses, on a
 * text file, against the same library the app shows (built-in banks and the ones imported into
 * the data folder). Without `--duration` the text has no timing, so delivery is "not measured".
 */
export async function run(argv: string[]): Promise<number> {
  let values
  try {
    values = parseArgs({
      args: argv,
      options: {
        question: { type: 'string', short: 'q' },
        transcript: { type: 'string', short: 't' },
        duration: { type: 'string' },
        'time-box': { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false }
      }
    }).values
  } catch (error) {
    console.error(`mockroom: ${(error as Error).message}\n${USAGE}`)
    return 2
  }
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  if (!values.question || !values.transcript) {
    console.error(`mockroom: ${values.question ? 'missing --transcript' : 'missing --question'}\n${USAGE}`)
    return 2
  }

  let durationMs: number | undefined
  let timeBoxMs: number | undefined
  let text: string
  try {
    durationMs = seconds(values.duration, 'duration')
    timeBoxMs = seconds(values['time-box'], 'time-box')
    text = await readFile(values.transcript, 'utf8')
  } catch (error) {
    console.error(`mockroom: ${(error as Error).message}`)
    return 2
  }

  const library = await new LibraryService({
    builtInDir: join(findAppRoot(import.meta.url), 'question-banks'),
    importedDir: join(resolveDataDir(), 'banks')
  }).full()
  const lookup = findQuestion(library.questions, values.question)
  if (lookup.kind !== 'found') {
    const candidates = lookup.kind === 'ambiguous' ? lookup.candidates : []
    console.error(
      lookup.kind === 'none'
        ? `mockroom: no question matches "${values.question}" (give an id or words of the title)`
        : `mockroom: "${values.question}" matches ${candidates.length} questions; give an id or more words:\n` +
            candidates.map((q) => `  ${q.id}  ${q.title}`).join('\n')
    )
    return 1
  }
  const { question } = lookup

  // A text with a duration is scored as if spoken for that long: one "recording" with no word times.
  const transcript =
    durationMs === undefined ? null : { text, segments: [], words: [], durationMs, model: 'cli --duration' }
  const scored = scoreAnswer({ questionId: question.id, text, transcript, durationMs: durationMs ?? null, timeBoxMs: timeBoxMs ?? null }, library)
  if (!scored.ok) {
    console.error(`mockroom: ${scored.reason === 'no-rubric' ? `question ${question.id} names rubric "${question.rubricId}", which the library does not have` : unscoredReasons[scored.reason]}`)
    return 1
  }
  const { report, rubric } = scored
  if (values.json) {
    console.log(JSON.stringify({ question: { id: question.id, title: question.title, kind: question.kind, rubricId: rubric.id }, ...report }))
  } else {
    const coaching = report.coaching.map((item, i) => `  ${i + 1}. ${item.change} (+${item.points}): “${item.say}”`)
    console.log(
      [
        `${question.title}  (${question.id})`,
        `Score: ${report.overall}/100 (${report.band}) · ${report.profile.label}`,
        ...report.explanation.map((line) => `  ${line}`),
        ...(coaching.length > 0 ? ['Next time:', ...coaching] : [])
      ].join('\n')
    )
  }
  return 0
}
