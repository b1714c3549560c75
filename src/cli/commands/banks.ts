import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadBankFiles } from '../../backend/banks/index'

const usage = 'usage: banks inspect [paths…] [--json]'

/**
 * `banks inspect [paths…] --json`: parse bank files (default: the built-in question-banks/)
 * and print banks, merged questions and rubrics. Any file that cannot be loaded fails the
 * command with one line on stderr.
 */
export async function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv
  if (sub !== 'inspect') {
    console.error(sub ? `banks: unknown subcommand "${sub}"; ${usage}` : usage)
    return 2
  }
  const json = rest.includes('--json')
  const unknown = rest.find((a) => a.startsWith('-') && a !== '--json')
  if (unknown) {
    console.error(`banks inspect: unknown option "${unknown}"; ${usage}`)
    return 2
  }
  const builtIn = builtInBanksDir()
  const paths = rest.filter((a) => !a.startsWith('-'))
  // A bank given alone is still scored: the built-in rubrics stand in for ones it lacks.
  const library = await loadBankFiles(paths.length > 0 ? paths : [builtIn], { rubricSources: [builtIn] })
  if (library.errors.length > 0) {
    const [first] = library.errors
    const more = library.errors.length > 1 ? ` (and ${library.errors.length - 1} more)` : ''
    console.error(`banks inspect: ${first!.reason}${more}`)
    return 1
  }
  const output = {
    banks: library.banks.map((b) => ({ id: b.id, title: b.title, file: b.file, questionCount: b.questionCount, warnings: b.warnings })),
    questions: library.questions.map((q) => ({
      id: q.id,
      bankId: q.bankId,
      section: q.section,
      title: q.title,
      kind: q.kind,
      prompt: q.prompt,
      answer: q.answer,
      keyTerms: q.keyTerms,
      alsoIn: q.alsoIn,
      rubricId: q.rubricId,
      setupCode: q.setupCode,
      tips: q.tips,
      diagrams: q.diagrams
    })),
    rubrics: library.rubrics.map((r) => ({
      id: r.id,
      bankId: r.bankId,
      title: r.title,
      appliesTo: r.appliesTo,
      listenFor: r.listenFor.map((c) => ({ label: c.label, examples: c.examples })),
      reject: r.reject.map((c) => ({ label: c.label, examples: c.examples })),
      template: r.template
    }))
  }
  if (json) {
    console.log(JSON.stringify(output, null, 2))
  } else {
    for (const b of output.banks) console.log(`${b.id}\t${b.questionCount} questions\t${b.file}${b.warnings.length ? `\t(${b.warnings.length} warnings)` : ''}`)
    console.log(`${output.questions.length} questions after merging duplicates; ${output.rubrics.length} rubrics`)
  }
  return 0
}

/** question-banks/ of the app: from the working directory when run there, else beside the source. */
function builtInBanksDir(): string {
  const fromCwd = resolve('question-banks')
  if (existsSync(fromCwd)) return fromCwd
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'question-banks')
}
