import type { BankText } from './bank-text'
import { segmentOf } from './draft-body'
import type { QuestionDraft } from './question-draft'
import type { Block } from './scan-blocks'
import { collapseWhitespace, titleFromPrompt } from './title-text'

/**
 * Notes without structure (the layout of last resort, used only when headings and inline
 * layouts found nothing): a question starts at a labelled line ("Case Study : …",
 * "Question: …") or at a paragraph that opens with an interrogative sentence ending in "?";
 * everything up to the next start is its answer.
 */

const labelPattern = /^\s*(?:case study|interview question|question|scenario|exercise|prompt|q)\s*\d*\s*[:.\-–]\s*(?=\S)/i
const openingQuestionPattern =
  /^\s*(?:tell|describe|how|what|why|when|which|who|where|can|could|would|should|explain|design|walk|give|have|did|do|does|is|are)\b[^\n]*\?\s*$/i
const sectionLabelPattern = /^\s*([^:\n]{3,80}?)\s*:\s*$/

export interface LooseRegion {
  blocks: readonly Block[]
  sectionPath: string[]
}

interface Start {
  region: LooseRegion
  regionIndex: number
  index: number
  prompt: string
  sectionPath: string[]
}

export function scanLooseNotes(ctx: BankText, regions: readonly LooseRegion[]): QuestionDraft[] {
  const starts: Start[] = []
  regions.forEach((region, r) => {
    let sectionLabel: string | null = null
    region.blocks.forEach((block, index) => {
      if (block.type !== 'paragraph') return
      const lines = ctx.slice(block).split('\n')
      const [only] = lines
      const label = lines.length === 1 && only !== undefined && /\bquestions?\b/i.test(only) ? sectionLabelPattern.exec(only)?.[1] : undefined
      if (label !== undefined) {
        sectionLabel = collapseWhitespace(label)
        return
      }
      for (const [k, line] of lines.entries()) {
        const labelled = labelPattern.exec(line)
        const opening = k === 0 && wordCount(line) >= 5 && openingQuestionPattern.test(line)
        if (!labelled && !opening) continue
        const previous = k > 0 ? lines[k - 1] : undefined
        const before = previous === undefined ? undefined : sectionLabelPattern.exec(previous)?.[1]
        if (before !== undefined) sectionLabel = collapseWhitespace(before)
        const first = labelled ? line.slice(labelled[0].length) : line
        const prompt = [first, ...lines.slice(k + 1)].map((l) => l.trim()).filter((l) => l !== '').join('\n')
        starts.push({ region, regionIndex: r, index, prompt, sectionPath: sectionLabel ? [...region.sectionPath, sectionLabel] : region.sectionPath })
        break
      }
    })
  })

  const drafts: QuestionDraft[] = []
  starts.forEach((start, s) => {
    const next = starts[s + 1]
    const region = start.region
    const end = next && next.regionIndex === start.regionIndex ? next.index : region.blocks.length
    const body = region.blocks.slice(start.index + 1, end)
    const first = titleFromPrompt(start.prompt)
    const title = ctx.title(first.charAt(0).toUpperCase() + first.slice(1))
    if (!title) return
    drafts.push({
      title: title.title,
      difficulty: title.difficulty,
      prompt: start.prompt,
      sectionPath: start.sectionPath,
      body: segmentOf(body),
      layout: 'loose-notes'
    })
  })
  return drafts
}

function wordCount(line: string): number {
  return line.trim().split(/\s+/).length
}
