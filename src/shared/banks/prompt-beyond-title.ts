function plain(text: string): string {
  return text.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim().toLowerCase()
}

/**
 * The part of a question's prompt that its title does not already say: nothing when the prompt
 * is the title, the rest when the prompt opens with the title (the parser titles a question
 * from its first line), else the whole prompt.
 */
export function promptBeyondTitle(title: string, prompt: string): string {
  const body = prompt.trim()
  const heading = plain(title).replace(/[.?!:…]+$/, '')
  if (!body || !heading) return body
  if (plain(body).replace(/[.?!:…]+$/, '') === heading) return ''
  const lines = body.split('\n')
  const first = plain(lines[0] ?? '').replace(/[.?!:…]+$/, '')
  if (first === heading) return lines.slice(1).join('\n').trim()
  return body
}
