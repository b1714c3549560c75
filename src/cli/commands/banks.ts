import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { maxBankBytes, scanBankFiles } from '../../backend/banks/index'
import { assembleLibrary, fullLibrary } from '@shared/banks/assemble-library'

const usage = `usage: banks inspect [paths…] [--json]   (files up to ${maxBankBytes / 1048576} MB, as for imports)`

/**
 * `banks inspect [paths…] --json`: parse bank files (default: the built-in question-banks/)
 * and print banks (with the layouts found), merged questions and rubrics. Any file that cannot
 * be loaded (including one over the import limit) fails the command with one line on stderr.
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
  const scanned = await scanBankFiles(paths.length > 0 ? paths : [builtIn], { rubricSources: [builtIn] })
  const library = fullLibrary(assembleLibrary(scanned.banks, { extraRubrics: scanned.extraRubrics, errors: scanned.errors }))
  const layouts = new Map(scanned.banks.map((b) => [b.bank.id, b.layouts]))
  const [first] = library.errors
  if (first) {
    const more = library.errors.length > 1 ? ` (and ${library.errors.length - 1} more)` : ''
    console.error(`banks inspect: ${first.reason}${more}`)
    return 1
  }
  const output = {
    banks: library.banks.map((b) => ({ id: b.id, title: b.title, file: b.file, questionCount: b.questionCount, layouts: layouts.get(b.id) ?? [], warnings: b.warnings })),
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
      diagrams: q.diagrams,
      difficulty: q.difficulty ?? null,
      followUps: q.followUps ?? []
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
