import { parseInline } from './inline-text'
import { titleWords } from './inline-words'
import { isQuestionLike } from './question-draft'
import { listItemContent, type Block } from './scan-blocks'
import { collapseWhitespace } from './title-text'

const followUpLabelPattern = /^(?:possible |likely |common )?follow[- ]?ups?(?: questions?)?\s*[:.]?$|^(?:preguntas de seguimiento|questions de suivi|folgefragen)\s*:?$/i
const followUpPrefixPattern = /^\s*(?:\*\*|__)?follow[- ]?up(?: question)?\s*\d*\s*[:.)-]\s*(?:\*\*|__)?\s*/i
/** Cheap pre-check before a label is parsed: most bodies hold no follow-ups. */
const followUpWord = /follow[- ]?up|seguimiento|suivi|folgefrage/i

/**
 * Follow-up questions under a question: a nested list whose items ask, or items labelled
 * "Follow-up:", or a list after a "Follow-up questions" label. The rest is the answer.
 */
export function splitFollowUps(content: string, blocks: readonly Block[], unlabelled = true): { followUps: string[]; answerBlocks: Block[] } {
  const followUps: string[] = []
  const answerBlocks: Block[] = []
  let skipTo = -1
  for (const [i, b] of blocks.entries()) {
    if (i <= skipTo) continue
    const next = blocks[i + 1]
    // Cheap checks first: most bodies hold no follow-ups, and the scan must stay linear.
    if ((b.type === 'paragraph' || b.type === 'heading') && next?.type === 'list' && b.end - b.start < 120 && followUpWord.test(content.slice(b.start, b.end))) {
      const label = collapseWhitespace(titleWords(parseInline(headingless(content.slice(b.start, b.end)))))
      if (followUpLabelPattern.test(label)) {
        followUps.push(...listLeads(content, next).map((l) => l.text))
        skipTo = i + 1
        continue
      }
    }
    if (b.type === 'list' && (unlabelled || followUpWord.test(content.slice(b.start, b.end)))) {
      const leads = listLeads(content, b)
      const labelled = leads.filter((l) => followUpPrefixPattern.test(l.raw)).length
      const asking = leads.filter((l) => isQuestionLike(l.text)).length
      // Under a list item, a nested list of questions is its follow-ups; under a heading (where
      // an answer may well list questions) only a labelled one is.
      if (leads.length > 0 && (labelled === leads.length || (unlabelled && asking === leads.length))) {
        followUps.push(...leads.map((l) => l.text))
        continue
      }
    }
    answerBlocks.push(b)
  }
  return { followUps: followUps.map((f) => f.replace(followUpPrefixPattern, '').trim()).filter((f) => f !== ''), answerBlocks }
}

function headingless(line: string): string {
  return line.replace(/^#{1,6}\s+/, '')
}

function listLeads(content: string, list: Block): Array<{ text: string; raw: string }> {
  const leads: Array<{ text: string; raw: string }> = []
  for (const item of list.items ?? []) {
    const itemText = listItemContent(content, item)
    const firstParagraph = itemText.split(/\n\s*\n/)[0] ?? ''
    const raw = firstParagraph.replace(/\n/g, ' ').trim()
    const text = collapseWhitespace(titleWords(parseInline(raw.replace(followUpPrefixPattern, ''))))
    if (text) leads.push({ text, raw })
  }
  return leads
}
