import { describe, expect, it } from 'vitest'
import { decodeBankBytes } from './decode-bank-bytes'
import { BankFileError } from './bank-file-error'
import { repairMojibake } from './repair-mojibake'
import fc from 'fast-check'
import iconv from 'iconv-lite'
import { parseBank } from '@shared/banks/parse-bank'

// The damage itself, to build test data: UTF-8 bytes read as Windows-1252 (or ISO-8859-1).
const mangle = (s: string, encoding: string): string => iconv.decode(Buffer.from(s, 'utf8'), encoding)

describe('repairMojibake', () => {
  it('repairs UTF-8 read as Windows-1252, including bytes the editor dropped', () => {
    expect(repairMojibake('[â†©ï¸](#index)').text).toBe('[↩️](#index)')
    expect(repairMojibake('a â€” b â€œqâ€ Itâ€™s').text).toBe('a — b “q” It’s')
    expect(repairMojibake('âŒ no, âœ… yes, 1ï¸âƒ£ one').text).toBe('❌ no, ✅ yes, 1️⃣ one')
    expect(repairMojibake('ğŸ“‘ ğŸ”Ÿ ðŸš€').text).toBe('📑 🔟 🚀')
    const original = 'Déjà vu → naïve café — “ok” 🚀 ✓'
    expect(repairMojibake(mangle(original, 'windows-1252')).text).toBe(original)
    expect(repairMojibake(mangle(original, 'latin1')).text).toBe(original)
  })

  it('never touches correct text', () => {
    for (const text of ['café', 'SÃO PAULO', 'Ã la carte', 'naïve', 'Ærøskøbing', '€5 and £3', 'Größe', '→ ✓ 🚀', 'ÂBC', 'Ça va', 'ağaç']) {
      expect(repairMojibake(text)).toEqual({ text, repairs: 0 })
    }
  })
})

describe('decodeBankBytes', () => {
  const bytes = (s: string) => new TextEncoder().encode(s)
  const code = (fn: () => unknown): string | undefined => {
    try {
      fn()
    } catch (error) {
      return error instanceof BankFileError ? error.code : 'other'
    }
    return undefined
  }

  it('strips a BOM, reads UTF-16 with BOM and repairs mojibake', () => {
    expect(decodeBankBytes('a.md', new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('# Hi')])).text).toBe('# Hi')
    expect(decodeBankBytes('a.md', new Uint8Array([0xff, 0xfe, 0x23, 0, 0x20, 0, 0x48, 0]))).toMatchObject({ text: '# H' })
    expect(decodeBankBytes('a.md', bytes('x â€” y'))).toEqual({ text: 'x — y', repairedMojibake: 1 })
  })

  it('refuses empty, binary and undecodable bytes with a coded error naming the file', () => {
    expect(code(() => decodeBankBytes('a.md', new Uint8Array()))).toBe('empty')
    expect(code(() => decodeBankBytes('a.md', bytes('  \n ')))).toBe('empty')
    expect(code(() => decodeBankBytes('a.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2])))).toBe('binary')
    expect(code(() => decodeBankBytes('a.md', new Uint8Array([0x23, 0x20, 0xe9, 0x74, 0xe9])))).toBe('not-decodable')
    expect(() => decodeBankBytes('notes.md', new Uint8Array())).toThrow(/^notes\.md: /)
  })

  it('either decodes random bytes or refuses them with a BankFileError; the parser never throws', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (random) => {
        let text: string | null = null
        try {
          text = decodeBankBytes('r.md', random).text
        } catch (error) {
          expect(error).toBeInstanceOf(BankFileError)
        }
        if (text !== null) parseBank(text, { bankId: 'r', file: 'r.md' })
      }),
      { numRuns: 300 }
    )
  })
})
