import iconv from 'iconv-lite'

/**
 * Repairs text that was UTF-8, read as Windows-1252 and saved again ("â†©ï¸" for "↩️").
 * Each run of characters is mapped back to the Windows-1252 bytes they came from; a run is
 * replaced only where those bytes form a valid UTF-8 sequence, so correct text ("café",
 * "SÃO", "naïve") is never touched. Lives in backend because iconv-lite needs Node's Buffer.
 */

// Windows-1254 (Turkish) differs from 1252 in six letters only (ğ for 0xF0, so "ğŸ“‘" for
// "📑"); mapping both back lets the same scan undo either, and none of the six is 1252 text.
const byteOf = new Map<number, number>()
for (const encoding of ['windows-1252', 'windows-1254']) {
  for (let b = 0x80; b <= 0xff; b++) {
    const ch = iconv.decode(Buffer.from([b]), encoding)
    if (ch.length === 1 && ch !== '\uFFFD' && !byteOf.has(ch.charCodeAt(0))) byteOf.set(ch.charCodeAt(0), b)
  }
}
// C1 control characters are bytes 0x80–0x9F read as ISO-8859-1 (or the five bytes 1252 leaves
// undefined); no correct text contains them, so they map back to themselves.
for (let b = 0x80; b <= 0x9f; b++) byteOf.set(b, b)

/**
 * Bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D have no Windows-1252 character, so editors drop them:
 * "ï¸" is EF B8 with its 8F lost (U+FE0F). One missing byte is put back when exactly that
 * yields an emoji, a variation selector or punctuation, the characters that most often carry
 * such a byte first: ” (E2 80 9D), U+FE0F (EF B8 8F), ❌ (E2 9D 8C) …
 */
const commonWithDroppableByte = new Set(['\u201D', '\uFE0F', '❌', '❓', '❗', '❤', '⏰', '⏱', '⏳', '⏩', '⏸', '⁄'])
const droppableBytes = [0x9d, 0x8f, 0x81, 0x8d, 0x90]

const candidatePattern = /[\u00c2-\u00f4\u011f][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/
const decoder = new TextDecoder('utf-8', { fatal: true })

export interface MojibakeRepair {
  text: string
  /** Sequences replaced. */
  repairs: number
}

export function repairMojibake(text: string): MojibakeRepair {
  if (!candidatePattern.test(text)) return { text, repairs: 0 }
  const out: string[] = []
  let last = 0
  let repairs = 0
  let i = 0
  while (i < text.length) {
    const lead = byteOf.get(text.charCodeAt(i))
    if (lead === undefined || lead < 0xc2 || lead > 0xf4) {
      i++
      continue
    }
    const need = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : 1
    const bytes = [lead]
    // Decoders that keep the undefined bytes write U+FFFD in their place: a known gap.
    let gapAt = -1
    let j = i + 1
    while (bytes.length <= need && j < text.length) {
      const code = text.charCodeAt(j)
      if (code === 0xfffd && gapAt === -1 && need >= 2) {
        gapAt = bytes.length
        bytes.push(-1)
        j++
        continue
      }
      const b = byteOf.get(code)
      if (b === undefined || b < 0x80 || b > 0xbf) break
      bytes.push(b)
      j++
    }
    let decoded: string | null = null
    if (gapAt !== -1) decoded = bytes.length === need + 1 ? restoreDroppedByte(bytes.filter((b) => b !== -1), gapAt) : null
    else if (bytes.length === need + 1) decoded = decodeSequence(bytes)
    else if (need >= 2 && bytes.length === need) decoded = restoreDroppedByte(bytes)
    if (decoded === null) {
      i++
      continue
    }
    out.push(text.slice(last, i), decoded)
    repairs++
    i = j
    last = j
  }
  if (repairs === 0) return { text, repairs: 0 }
  out.push(text.slice(last))
  return { text: out.join(''), repairs }
}

function decodeSequence(bytes: readonly number[]): string | null {
  try {
    const s = decoder.decode(new Uint8Array(bytes))
    // A control character or a replacement character is not what anyone wrote.
    return isControlOrReplacement(s) ? null : s
  } catch {
    return null
  }
}

function restoreDroppedByte(bytes: readonly number[], knownAt?: number): string | null {
  let best: { text: string; rank: number } | null = null
  for (const dropped of droppableBytes) {
    for (let at = knownAt ?? 1; at <= (knownAt ?? bytes.length); at++) {
      const s = decodeSequence([...bytes.slice(0, at), dropped, ...bytes.slice(at)])
      if (s === null) continue
      const rank = commonWithDroppableByte.has(s) ? 3 : /\p{Extended_Pictographic}/u.test(s) ? 2 : /^[\p{P}\p{S}]$/u.test(s) ? 1 : 0
      if (rank > 0 && (best === null || rank > best.rank)) best = { text: s, rank }
    }
  }
  return best?.text ?? null
}

function isControlOrReplacement(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0xfffd) return true
  }
  return false
}
