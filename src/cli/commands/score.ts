import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { findAppRoot } from '../../backend/app-root'
import type { Rubric } from '../../shared/banks/types'
import { loadBankLibrary } from '../../backend/banks/index'
import { defaultLexicon } from '../../shared/scoring/default-lexicon'
import { findQuestion } from '../../shared/scoring/find-question'
import { scoreTranscript } from '../../shared/scoring/score-transcript'

const USAGE =
  'usage: score --question <id|title words> --transcript <file.txt> [--duration <seconds>] [--time-box <seconds>] [--json]'

function seconds(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined
  const parsed = Number(value)
  if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`--${name} must be a positive number of seconds, got "${value}"`)
  return Math.round(parsed * 1000)
}

/** `score --question … --transcript file.txt --json`: the scorer the review screen uses, on a text file. */
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
  let transcript: string
  try {
    durationMs = seconds(values.duration, 'duration')
    timeBoxMs = seconds(values['time-box'], 'time-box')
    transcript = await readFile(values.transcript, 'utf8')
  } catch (error) {
    console.error(`mockroom: ${(error as Error).message}`)
    return 2
  }

  const library = await loadBankLibrary({ builtInDir: join(findAppRoot(import.meta.url), 'question-banks') })
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
  const rubric = library.rubrics.find((r: Rubric) => r.id === question.rubricId)
  if (!rubric) {
    console.error(`mockroom: question ${question.id} names rubric "${question.rubricId}", which the library does not have`)
    return 1
  }

  const report = scoreTranscript({ transcript, durationMs, timeBoxMs, question, rubric, lexicon: defaultLexicon })
  if (values.json) {
    console.log(JSON.stringify({ question: { id: question.id, title: question.title, rubricId: rubric.id }, ...report }))
  } else {
    console.log(`${question.title}  (${question.id})\nScore: ${report.overall}/100\n${report.explanation.map((line) => `  ${line}`).join('\n')}`)
  }
  return 0
}
