/** Markdown emphasis and code marks, and runs of whitespace, do not change what a line says. */
function plain(text: string): string {
  return text.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim()
}

/**
 * Whether a diagram's text already appears in `text` (its question's answer, where the parser
 * found it), so a page that shows that text need not show the diagram's ASCII a second time.
 */
export function isDiagramInText(ascii: string, text: string | null | undefined): boolean {
  const diagram = plain(ascii)
  return diagram !== '' && plain(text ?? '').includes(diagram)
}
