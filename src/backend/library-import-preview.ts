import type { ImportPreview } from '@shared/contract'
import { layoutName } from '@shared/banks/bank-layouts'
import type { ScannedBank } from '@shared/banks/scan-bank'
import { messageOf } from '@shared/errors'
import { BankFileError } from './banks'

/** What importing a bank file would do, and why it failed, as LibraryService (library-service.ts) reports it. */

export function previewOf(file: string, scanned: ScannedBank, replaced: ScannedBank | null): ImportPreview {
  let replaces: ImportPreview['replaces'] = null
  if (replaced) {
    const before = new Set(replaced.questions.map((q) => q.id))
    const after = new Set(scanned.questions.map((q) => q.id))
    const unchanged = [...after].filter((id) => before.has(id)).length
    replaces = { bankId: replaced.bank.id, title: replaced.bank.title, unchanged, added: after.size - unchanged, removed: before.size - unchanged }
  }
  return {
    file,
    error: null,
    bankId: scanned.bank.id,
    title: scanned.bank.title,
    layouts: scanned.layouts.map((l) => ({ id: l.layout, name: layoutName(l.layout), count: l.count })),
    questionCount: scanned.questions.length,
    questions: scanned.questions.slice(0, 10).map((q) => ({ title: q.title, kind: q.kind, hasAnswer: q.hasAnswer, difficulty: q.difficulty })),
    warnings: scanned.bank.warnings,
    replaces
  }
}

export function reasonOf(error: unknown): string {
  return error instanceof BankFileError ? error.reason : messageOf(error)
}
