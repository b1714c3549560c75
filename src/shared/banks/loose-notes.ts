import type { BankText } from './bank-text'
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
  region: number
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
      if (lines.length === 1 && /\bquestions?\b/i.test(lines[0]!) && sectionLabelPattern.test(lines[0]!)) {
        sectionLabel = collapseWhitespace(sectionLabelPattern.exec(lines[0]!)![1]!)
        return
      }
      for (let k = 0; k < lines.length; k++) {
        const line = lines[k]!
        const labelled = labelPattern.exec(line)
        const opening = k === 0 && wordCount(line) >= 5 && openingQuestionPattern.test(line)
        if (!labelled && !opening) continue
        const before = k > 0 ? sectionLabelPattern.exec(lines[k - 1]!) : null
        if (before) sectionLabel = collapseWhitespace(before[1]!)
        const first = labelled ? line.slice(labelled[0].length) : line
        const prompt = [first, ...lines.slice(k + 1)].map((l) => l.trim()).filter((l) => l !== '').join('\n')
        starts.push({ region: r, index, prompt, sectionPath: sectionLabel ? [...region.sectionPath, sectionLabel] : region.sectionPath })
        break
      }
    })
  })

  const drafts: QuestionDraft[] = []
  starts.forEach((start, s) => {
    const next = starts[s + 1]
    const region = regions[start.region]!
    const end = next && next.region === start.region ? next.index : region.blocks.length
    const body = region.blocks.slice(start.index + 1, end)
    const first = titleFromPrompt(start.prompt)
    const title = ctx.title(first.charAt(0).toUpperCase() + first.slice(1))
    if (!title) return
    drafts.push({
      title: title.title,
      difficulty: title.difficulty,
      prompt: start.prompt,
      sectionPath: start.sectionPath,
      body: body.length > 0 ? [{ start: body[0]!.start, end: body[body.length - 1]!.end, first: body[0]!.start, column: 0 }] : [],
      layout: 'loose-notes'
    })
  })
  return drafts
}

function wordCount(line: string): number {
  return line.trim().split(/\s+/).length
}
