/**
 * YAML (`---`) or TOML (`+++`) front matter at the very start of a file: metadata, never
 * questions (remark would read `---` … `---` as a setext heading). Its `title` names the bank.
 */

export interface FrontMatter {
  /** Offset just after the closing fence line. */
  end: number
  title: string | null
}

const maxFrontMatterLines = 200

export function readFrontMatter(text: string): FrontMatter | null {
  const fence = text.startsWith('---\n') ? '---' : text.startsWith('+++\n') ? '+++' : null
  if (!fence) return null
  let offset = fence.length + 1
  const lines: string[] = []
  for (let n = 0; n < maxFrontMatterLines && offset <= text.length; n++) {
    let end = text.indexOf('\n', offset)
    if (end === -1) end = text.length
    const line = text.slice(offset, end)
    if (line.trimEnd() === fence || (fence === '---' && line.trimEnd() === '...')) {
      if (!lines.some((l) => /^[\w-]+\s*[:=]/.test(l))) return null
      return { end: Math.min(text.length, end + 1), title: titleOf(lines) }
    }
    lines.push(line)
    offset = end + 1
  }
  return null
}

function titleOf(lines: readonly string[]): string | null {
  for (const line of lines) {
    const raw = /^(?:title|name)\s*[:=]\s*(.+?)\s*$/i.exec(line)?.[1]
    if (raw === undefined) continue
    const value = raw.replace(/^(["'])(.*)\1$/, '$2').trim()
    if (value && value !== '|' && value !== '>') return value
  }
  return null
}
