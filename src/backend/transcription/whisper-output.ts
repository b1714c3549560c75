import type { TimedText, Transcript } from '@shared/transcript'
import { TranscriptionError } from './transcription-error'

interface RawOffsets {
  from?: unknown
  to?: unknown
}

interface RawToken {
  text?: unknown
  offsets?: RawOffsets
}

interface RawSegment {
  text?: unknown
  offsets?: RawOffsets
  tokens?: unknown
}

/**
 * Turns the file written by `main -oj -ojf` into a Transcript.
 *
 * Two quirks of this whisper.cpp version shape the parsing. Its JSON writer escapes only quotes
 * and backslashes, so a control character in the text makes invalid JSON: those are escaped
 * before parsing. And it writes each token's raw bytes, so a character split across two tokens
 * (é, ü, emoji) is invalid UTF-8 token by token: the file is parsed as Latin-1 (one char per
 * byte) and each word is decoded as UTF-8 only once its tokens are joined.
 */
export function parseWhisperJson(raw: Buffer, meta: { durationMs: number; model: string }): Transcript {
  let parsed: unknown
  try {
    parsed = JSON.parse(escapeControlCharsInStrings(raw.toString('latin1')))
  } catch (error) {
    throw new TranscriptionError('WHISPER_FAILED', `whisper.cpp wrote unreadable JSON (${(error as Error).message}).`)
  }
  const list = (parsed as { transcription?: unknown }).transcription
  if (!Array.isArray(list)) throw new TranscriptionError('WHISPER_FAILED', 'whisper.cpp wrote JSON without a transcription list.')

  const clamp = (ms: number): number => Math.max(0, Math.min(meta.durationMs, Math.round(ms)))
  const segments: TimedText[] = []
  const words: TimedText[] = []
  for (const entry of list as RawSegment[]) {
    const text = decodeUtf8(typeof entry.text === 'string' ? entry.text : '').trim()
    const startMs = clamp(numberOr(entry.offsets?.from, 0))
    const endMs = Math.max(startMs, clamp(numberOr(entry.offsets?.to, startMs)))
    if (text) segments.push({ startMs, endMs, text })
    words.push(...wordsOf(Array.isArray(entry.tokens) ? (entry.tokens as RawToken[]) : [], { startMs, endMs }, clamp))
  }
  return {
    text: segments.map((segment) => segment.text).join(' '),
    segments,
    words,
    durationMs: meta.durationMs,
    model: meta.model
  }
}

/**
 * Joins sub-word tokens into words: a token starting with a space starts a word, anything else
 * continues the previous one, and punctuation-only tokens stay glued to the word before them.
 */
function wordsOf(tokens: RawToken[], segment: { startMs: number; endMs: number }, clamp: (ms: number) => number): TimedText[] {
  const words: Array<{ bytes: string; startMs: number; endMs: number }> = []
  for (const token of tokens) {
    const text = typeof token.text === 'string' ? token.text : ''
    if (!text || isSpecialToken(text)) continue
    const startMs = clamp(numberOr(token.offsets?.from, segment.startMs))
    const endMs = Math.max(startMs, clamp(numberOr(token.offsets?.to, startMs)))
    const current = words.at(-1)
    const startsWord = /^\s/.test(text) && /[\p{L}\p{N}\x80-\xff]/u.test(text)
    if (current && !startsWord) {
      current.bytes += text
      current.endMs = Math.max(current.endMs, endMs)
    } else {
      words.push({ bytes: text, startMs, endMs })
    }
  }
  return words
    .map((word) => ({ startMs: word.startMs, endMs: word.endMs, text: decodeUtf8(word.bytes).trim() }))
    .filter((word) => word.text.length > 0)
}

/** Timestamps and control tokens print as `[_BEG_]`, `[_TT_150]`, `[_LANG_en]`…; never words. */
function isSpecialToken(text: string): boolean {
  return /^\[_[^\]]*\]$/.test(text) || /^<\|.*\|>$/.test(text)
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback
}

function decodeUtf8(latin1: string): string {
  return Buffer.from(latin1, 'latin1').toString('utf8')
}

function escapeControlCharsInStrings(json: string): string {
  let out = ''
  let inString = false
  let escaped = false
  for (let i = 0; i < json.length; i++) {
    const char = json[i] as string
    const code = json.charCodeAt(i)
    if (inString) {
      if (escaped) escaped = false
      else if (char === '\\') escaped = true
      else if (char === '"') inString = false
      else if (code < 0x20) {
        out += `\\u${code.toString(16).padStart(4, '0')}`
        continue
      }
    } else if (char === '"') {
      inString = true
    }
    out += char
  }
  return out
}
