/** The top-level blocks the line scan finds in a markdown document (see scan-blocks.ts). */

export type BlockType = 'heading' | 'paragraph' | 'code' | 'html' | 'list' | 'table' | 'thematicBreak' | 'blockquote'

export interface ListItem {
  /** Offset of the marker's line start. */
  start: number
  /** End of the item's last non-blank line. */
  end: number
  /** Offset of the first content character after the marker (end of line for an empty item). */
  contentStart: number
  /** Column at which the item's content begins (its continuation lines are indented so). */
  contentColumn: number
  ordered: boolean
  /** The number of an ordered item, else null. */
  number: number | null
}

export interface Block {
  type: BlockType
  /** Offset of the block's first line start. */
  start: number
  /** Offset just after the block's last character (before its final newline). */
  end: number
  /** Heading depth (1–6); 0 for other blocks. */
  depth: number
  /** Heading: its inline text; fenced code: its content. Else equal to start/end. */
  innerStart: number
  innerEnd: number
  /** Fenced code: the info string's first word ('' when none). */
  lang: string
  fenced: boolean
  /** Lists only. */
  items: ListItem[] | null
}

export function block(type: BlockType, start: number, end: number): Block {
  return { type, start, end, depth: 0, innerStart: start, innerEnd: end, lang: '', fenced: false, items: null }
}
