import type { BodyAnalysis } from '@shared/banks/question-body'
import type { BankOperations } from './banks'

/** Question bodies analysed in the bank worker for LibraryService (library-service.ts). */

const analyzeChunkChars = 2_000_000

/** Bodies in chunks; a body the parser gives up on is shown as plain text instead. */
export async function analyzeBodies(operations: BankOperations, bodies: readonly string[]): Promise<BodyAnalysis[]> {
  const out: BodyAnalysis[] = []
  let chunk: string[] = []
  let size = 0
  const flush = async (): Promise<void> => {
    if (chunk.length === 0) return
    try {
      out.push(...(await operations.analyze(chunk)))
    } catch {
      // One slow body fails the chunk: retry one by one so only that body is read as text.
      for (const body of chunk) out.push(await operations.analyze([body]).then(([analysis]) => analysis ?? plainTextAnalysis(body), () => plainTextAnalysis(body)))
    }
    chunk = []
    size = 0
  }
  for (const body of bodies) {
    if (size + body.length > analyzeChunkChars) await flush()
    chunk.push(body)
    size += body.length
  }
  await flush()
  return out
}

/** A body the detailed parse could not read in time: its text, shown as is. */
function plainTextAnalysis(body: string): BodyAnalysis {
  const fence = '`'.repeat(Math.max(3, (body.match(/`+/g) ?? []).reduce((n, run) => Math.max(n, run.length + 1), 3)))
  return {
    answer: body.trim() ? `${fence}text\n${body}\n${fence}` : null,
    promptExtra: [],
    setupCode: [],
    tips: [],
    keyTerms: [],
    diagrams: [],
    signals: { codeChars: new Map(), proseChars: 0, starParts: 0, hasSqlSetup: false },
    warnings: ['this question could not be read in time; it is shown as plain text']
  }
}
