import { readdir, readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { decodeBankBytes, isBankFileName } from '../src/backend/banks/index'
import { parseBank } from '../src/shared/banks/parse-bank'

const builtInDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'question-banks')

export interface BenchBanksOptions {
  /** Size of the generated bank; 10 MB by default. */
  bigBankBytes?: number
  rounds?: number
}

/**
 * Parsing the built-in banks (decode, mojibake repair, parse, analysis) against a bare
 * remark + GFM parse of the same text (target ≤ 1.5×), and the parse time of a generated
 * ~10 MB bank (target < 1 s). Each figure is the best of a few rounds after a warm-up.
 */
export async function benchBanks(options: BenchBanksOptions = {}): Promise<Record<string, number | string>> {
  const rounds = options.rounds ?? 3
  const names = (await readdir(builtInDir)).filter(isBankFileName).sort()
  const files = await Promise.all(names.map(async (name) => ({ name, bytes: await readFile(join(builtInDir, name)) })))
  const texts = files.map((f) => decodeBankBytes(f.name, f.bytes).text)
  const remark = unified().use(remarkParse).use(remarkGfm)

  const bareRemark = (): void => {
    for (const text of texts) remark.parse(text)
  }
  const fullParse = (): void => {
    for (const f of files) parseBank(decodeBankBytes(f.name, f.bytes).text, { bankId: f.name, file: f.name })
  }
  const remarkMs = best(bareRemark, rounds)
  const parseMs = best(fullParse, rounds)

  const big = generateBank(options.bigBankBytes ?? 10 * 1024 * 1024)
  const started = performance.now()
  const parsedBig = parseBank(big, { bankId: 'generated', file: 'generated.md' })
  const bigMs = performance.now() - started

  return {
    builtInBytes: files.reduce((n, f) => n + f.bytes.length, 0),
    builtInRemarkMs: round(remarkMs),
    builtInParseMs: round(parseMs),
    builtInRatio: round(parseMs / remarkMs),
    builtInRatioTarget: '≤ 1.5',
    bigBankBytes: big.length,
    bigBankQuestions: parsedBig.questions.length,
    bigBankParseMs: round(bigMs),
    bigBankMBPerSecond: round(big.length / 1048576 / (bigMs / 1000)),
    bigBankTarget: '< 1000 ms'
  }
}

function best(task: () => void, rounds: number): number {
  task()
  let min = Number.POSITIVE_INFINITY
  for (let i = 0; i < rounds; i++) {
    const t = performance.now()
    task()
    min = Math.min(min, performance.now() - t)
  }
  return min
}

function round(n: number): number {
  return Math.round(n * 100) / 100
}

/** A bank shaped like the built-in ones: parts, numbered questions, tables, code, diagrams. */
export function generateBank(targetBytes: number): string {
  const parts: string[] = ['# Generated Question Bank\n']
  let size = parts[0]!.length
  for (let n = 1; size < targetBytes; n++) {
    if (n % 25 === 1) parts.push(`\n## Part ${Math.ceil(n / 25)}: Topics (Q${n}-${n + 24})\n`)
    const block = `
### Q${n}: How would you design pipeline ${n} for late-arriving data?

**Approach:**
1. **Watermarks** - bound lateness per source ${n}
2. **Idempotent merge** - MERGE on business key
3. **Backfill** - reprocess the last 3 partitions

| Layer | Technology | Purpose |
|-------|------------|---------|
| **Ingestion** | Kafka | Events for run ${n} |
| **Processing** | Spark Streaming | Aggregations |

\`\`\`
Source ${n} → Kafka → Spark → Delta Lake
\`\`\`

\`\`\`python
# Not a heading: a comment in code
df = spark.read.table("events_${n}").where("late = true")
\`\`\`

Trade-off: Bronze → Silver → Gold keeps replays cheap; choose **exactly-once** only when needed.

---
`
    parts.push(block)
    size += block.length
  }
  return parts.join('')
}
