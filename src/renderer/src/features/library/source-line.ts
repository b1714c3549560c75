/**
 * Where a question comes from, in one line: its bank's title, then the section path without
 * the headings the title already says (a bank titled from its file's top heading would
 * otherwise name itself two or three times per row).
 */
export function sourceLine(bankTitle: string | undefined, sectionPath: readonly string[]): string {
  const title = bankTitle?.trim() ?? ''
  const said = title.toLowerCase()
  const rest = sectionPath.map((s) => s.trim()).filter((s) => s && !(said && said.includes(s.toLowerCase())))
  return [title, rest.join(' › ')].filter(Boolean).join(' · ')
}
