/** Where one whisper.cpp run spent its time, from the `whisper_print_timings` it prints on stderr. */
export interface WhisperTimings {
  loadMs: number
  melMs: number
  sampleMs: number
  encodeMs: number
  decodeMs: number
  totalMs: number
  encodeRuns: number
  decodeRuns: number
  /** Temperature fallbacks (p: failed log-probability, h: compression/entropy). */
  fallbacks: number
}

const timeOf = (text: string, name: string): number | null => {
  const match = new RegExp(`${name} time =\\s*([\\d.]+) ms`).exec(text)
  return match ? Number(match[1]) : null
}

const runsOf = (text: string, name: string): number => Number(new RegExp(`${name} time =\\s*[\\d.]+ ms /\\s*(\\d+) runs`).exec(text)?.[1] ?? 0)

/** The timings in whisper.cpp's stderr, or null when it printed none (another `main`, a crash). */
export function parseWhisperTimings(stderr: string): WhisperTimings | null {
  const encodeMs = timeOf(stderr, 'encode')
  const totalMs = timeOf(stderr, 'total')
  if (encodeMs === null || totalMs === null) return null
  const fallbacks = /fallbacks =\s*(\d+) p \/\s*(\d+) h/.exec(stderr)
  return {
    loadMs: timeOf(stderr, 'load') ?? 0,
    melMs: timeOf(stderr, 'mel') ?? 0,
    sampleMs: timeOf(stderr, 'sample') ?? 0,
    encodeMs,
    decodeMs: timeOf(stderr, 'decode') ?? 0,
    totalMs,
    encodeRuns: runsOf(stderr, 'encode'),
    decodeRuns: runsOf(stderr, 'decode'),
    fallbacks: fallbacks ? Number(fallbacks[1]) + Number(fallbacks[2]) : 0
  }
}
