import { collectionTitlePattern, type HeadingInfo } from './bank-headings'
import type { BankText } from './bank-text'
import { regionQuestions, scanRegion } from './block-questions'
import { detectHeadingLayout, type HeadingLayout } from './detect-layout'
import type { RegionOptions } from './list-questions'
import type { LooseRegion } from './loose-notes'
import type { QuestionDraft } from './question-draft'
import { finishHeadingQuestion } from './question-parts'
import type { RubricSectionKind } from './rubric'
import type { Block } from './scan-blocks'
import { cleanQuestionTitle } from './title-text'

/** Blocks under a rubric or answer-template heading, read into rubrics later. */
export interface RubricBlocks {
  kind: RubricSectionKind
  heading: string
  blocks: Block[]
}

export interface HeadingQuestions {
  drafts: QuestionDraft[]
  /** Regions below headings that held no question: loose notes may still be found there. */
  regions: LooseRegion[]
  rubricSections: RubricBlocks[]
}

export interface HeadingScanInput {
  ctx: BankText
  blocks: readonly Block[]
  headings: ReadonlyMap<number, HeadingInfo>
  /** Block index of the heading that titles the bank, or -1. */
  titleIndex: number
  /** The bank's title or file name says it holds questions. */
  namesQuestions: boolean
}

/** What the blocks since the last heading belong to. */
type Mode =
  | { kind: 'question'; draft: QuestionDraft; numbered: boolean; heading: HeadingInfo; blocks: Block[] }
  | { kind: 'region'; blocks: Block[]; path: string[]; nav: boolean; asks: boolean }
  | { kind: 'rubric'; section: RubricBlocks; depth: number }

/**
 * Questions in headings, section by section: each heading opens a question, a section (that
 * may hold questions below headings), or a rubric, as the bank's heading layout says.
 */
export function scanHeadings(input: HeadingScanInput, warnings: string[]): HeadingQuestions {
  const scan = new HeadingScan(input, warnings)
  scan.run()
  return { drafts: scan.drafts, regions: scan.regions, rubricSections: scan.rubricSections }
}

class HeadingScan {
  readonly drafts: QuestionDraft[] = []
  readonly regions: LooseRegion[] = []
  readonly rubricSections: RubricBlocks[] = []
  private readonly stack: Array<{ depth: number; text: string; nav: boolean }> = []
  private mode: Mode | null = null
  private readonly layout: HeadingLayout

  constructor(
    private readonly input: HeadingScanInput,
    private readonly warnings: string[]
  ) {
    const { headings, titleIndex } = input
    this.layout = detectHeadingLayout([...headings.entries()].filter(([i]) => i !== titleIndex).map(([, h]) => h))
  }

  run(): void {
    for (const [i, block] of this.input.blocks.entries()) {
      const info = this.input.headings.get(i)
      if (info) this.heading(i, block, info)
      else this.addBlock(block)
    }
    this.flush()
  }

  private addBlock(block: Block): void {
    this.mode ??= { kind: 'region', blocks: [], path: this.path(), nav: this.inNav(), asks: false }
    const open = this.mode
    if (open.kind === 'rubric') open.section.blocks.push(block)
    else open.blocks.push(block)
  }

  private heading(i: number, block: Block, info: HeadingInfo): void {
    const current = this.mode
    const questionDepth = this.layout.questionDepth
    if (i === this.input.titleIndex) {
      this.flush()
      this.mode = { kind: 'region', blocks: [], path: [], nav: false, asks: false }
    } else if (current?.kind === 'rubric' && info.depth > current.depth) {
      current.section.blocks.push(block)
    } else if (info.rubric) {
      this.flush()
      this.popTo(info.depth)
      this.mode = { kind: 'rubric', section: { kind: info.rubric, heading: info.text, blocks: [] }, depth: info.depth }
    } else if (info.part && current?.kind === 'question' && (questionDepth === null || info.depth >= questionDepth)) {
      // "## Answer" or "#### Scenario" under a question: a part of it.
      current.blocks.push(block)
    } else if (questionDepth === null || info.depth < questionDepth) {
      this.openSection(info)
    } else if (info.depth > questionDepth) {
      if (current?.kind === 'question') current.blocks.push(block)
      else if (info.asks && !info.nav && !info.range) this.startQuestion(info, false)
      else this.openSection(info)
    } else {
      this.atQuestionDepth(i, block, info, current, questionDepth)
    }
  }

  /** A heading at the depth where headings are questions. */
  private atQuestionDepth(i: number, block: Block, info: HeadingInfo, current: Mode | null, questionDepth: number): void {
    if (info.range || info.part) return this.openSection(info)
    if (info.nav) {
      this.warnings.push(`heading "${info.clean}" is navigation, not a question; skipped`)
      return this.openSection(info)
    }
    const numbered = this.layout.style !== 'any' && info.marker === this.layout.style
    if (!numbered && this.layout.style !== 'any' && current?.kind === 'question' && current.numbered) {
      // "## Explanation:" after "##Q11. …": the numbered question continues.
      current.blocks.push(block)
      return
    }
    if (!numbered && this.groupsQuestions(i, info, questionDepth)) return this.openSection(info)
    this.startQuestion(info, numbered)
  }

  /**
   * A heading at the question depth that only groups questions is a section: several
   * questions below it, or one in an unmistakable layout (a table, a Q:/A: pair, <details>),
   * or, right under it, a deeper heading that asks.
   */
  private groupsQuestions(i: number, info: HeadingInfo, questionDepth: number): boolean {
    const next = this.input.headings.get(i + 1)
    if (!info.asks && next && next.depth > info.depth && next.asks && !next.part) return true
    const found = regionQuestions(this.input.ctx, this.input.blocks.slice(i + 1, this.nextBoundary(i, questionDepth)), this.regionOptions(info.asks))
    if (found.length >= 2) return true
    return !info.asks && found.some((d) => d.layout === 'question-table' || d.layout === 'question-answer-pairs' || d.layout === 'details')
  }

  private nextBoundary(from: number, depth: number): number {
    const { blocks, headings } = this.input
    for (let j = from + 1; j < blocks.length; j++) {
      const h = headings.get(j)
      if (h && (h.depth <= depth || h.rubric)) return j
    }
    return blocks.length
  }

  private path(): string[] {
    return this.stack.map((s) => s.text)
  }

  private inNav(): boolean {
    return this.stack.some((s) => s.nav)
  }

  private popTo(depth: number): void {
    for (let top = this.stack[this.stack.length - 1]; top && top.depth >= depth; top = this.stack[this.stack.length - 1]) this.stack.pop()
  }

  private regionOptions(asks: boolean): RegionOptions {
    return { plainLists: !asks, namesQuestions: this.input.namesQuestions || this.stack.some((s) => collectionTitlePattern.test(s.text)) }
  }

  private flush(): void {
    const current = this.mode
    const { ctx } = this.input
    this.mode = null
    if (current?.kind === 'question') this.drafts.push(finishHeadingQuestion(ctx, current.draft, current.heading, current.blocks))
    else if (current?.kind === 'region' && current.blocks.length > 0 && !current.nav) {
      this.regions.push({ blocks: current.blocks, sectionPath: current.path })
      this.drafts.push(...scanRegion(ctx, current.blocks, current.path, this.regionOptions(current.asks)))
    } else if (current?.kind === 'rubric') this.rubricSections.push(current.section)
  }

  private openSection(info: HeadingInfo): void {
    this.flush()
    this.popTo(info.depth)
    this.stack.push({ depth: info.depth, text: info.clean, nav: info.nav })
    this.mode = { kind: 'region', blocks: [], path: this.path(), nav: this.inNav(), asks: info.asks }
  }

  private startQuestion(info: HeadingInfo, numbered: boolean): void {
    this.flush()
    this.popTo(info.depth)
    const title = cleanQuestionTitle(info.text)
    this.mode = {
      kind: 'question',
      draft: { title, sectionPath: this.path(), body: [], layout: numbered ? 'numbered-headings' : 'headings' },
      numbered,
      heading: info,
      blocks: []
    }
  }
}
