import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { QuestionSchema, type Question } from '@shared/banks/types'

/** Bank titles the user chose and questions of removed banks that history still shows. */
export interface LibraryMeta {
  titles: Record<string, string>
  retired: Record<string, Question>
}

/** Sidecar of the imported banks folder (a dot file, so never read as a bank). */
export const libraryMetaFile = '.library.json'

/** The sidecar as saved; an unreadable one is kept aside (never deleted) and the library starts afresh. */
export function readLibraryMeta(importedDir: string): LibraryMeta {
  const path = join(importedDir, libraryMetaFile)
  let raw: string
  try {
    raw = readFileSync(path, 'utf8')
  } catch {
    return { titles: {}, retired: {} }
  }
  try {
    const data = JSON.parse(raw) as Partial<LibraryMeta>
    const titles: Record<string, string> = {}
    for (const [id, title] of Object.entries(data.titles ?? {})) if (typeof title === 'string' && title.trim()) titles[id] = title
    const retired: Record<string, Question> = {}
    for (const [id, question] of Object.entries(data.retired ?? {})) {
      const parsed = QuestionSchema.safeParse(question)
      if (parsed.success) retired[id] = parsed.data
    }
    return { titles, retired }
  } catch {
    // Unreadable: kept aside (never deleted) and started afresh; bank names fall back to the files'.
    renameSync(path, join(importedDir, `.library.corrupt-${Date.now()}.json`))
    return { titles: {}, retired: {} }
  }
}

export function writeLibraryMeta(importedDir: string, meta: LibraryMeta): void {
  const path = join(importedDir, libraryMetaFile)
  const temporary = `${path}.${process.pid}.tmp`
  writeFileSync(temporary, JSON.stringify(meta))
  renameSync(temporary, path)
}
