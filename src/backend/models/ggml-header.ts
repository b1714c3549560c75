/**
 * The header of a whisper.cpp model (the legacy ggml format its `main` reads): the magic,
 * eleven int32 hyper-parameters, the mel filter bank and the vocabulary. Checking all of it,
 * not just the four magic bytes, tells a real model from a file that merely starts like one,
 * before anything is copied.
 */
export interface WhisperModelHeader {
  nVocab: number
  nAudioCtx: number
  nAudioState: number
  nAudioHead: number
  nAudioLayer: number
  nTextCtx: number
  nTextState: number
  nTextHead: number
  nTextLayer: number
  nMels: number
  ftype: number
  /** Tokens the file's vocabulary section holds. */
  vocabTokens: number
}

export type HeaderCheck = { ok: true; header: WhisperModelHeader } | { ok: false; reason: string }

/** Enough bytes for the hyper-parameters, a 128-band filter bank and the first tokens. */
export const MODEL_HEADER_PROBE_BYTES = 256 * 1024
const GGML_MAGIC = 0x67676d6c
/** Tokens whose lengths are checked (whisper's vocabulary has ~50,000; the first ones suffice). */
const TOKENS_CHECKED = 1000
const MAX_TOKEN_BYTES = 1024

function within(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max
}

/**
 * Checks `head` (the file's first MODEL_HEADER_PROBE_BYTES, or all of a smaller file) of a
 * file of `fileBytes`. Ranges are wide enough for every released whisper size, distilled and
 * fine-tuned variants and quantized files, and narrow enough that zeros or noise fail.
 */
export function checkWhisperModelHeader(head: Buffer, fileBytes: number): HeaderCheck {
  const fail = (reason: string): HeaderCheck => ({ ok: false, reason })
  if (head.length < 4 || head.readUInt32LE(0) !== GGML_MAGIC) return fail('it does not start with the ggml magic')
  if (head.length < 4 + 11 * 4 + 8) return fail('the file ends inside its header')
  const int = (index: number) => head.readInt32LE(4 + index * 4)
  const [nVocab, nAudioCtx, nAudioState, nAudioHead, nAudioLayer, nTextCtx, nTextState, nTextHead, nTextLayer, nMels, ftype] =
    Array.from({ length: 11 }, (_, i) => int(i)) as [number, number, number, number, number, number, number, number, number, number, number]
  const plausible =
    within(nVocab, 50_000, 60_000) &&
    within(nAudioCtx, 1, 10_000) &&
    within(nTextCtx, 1, 10_000) &&
    within(nAudioState, 64, 8192) &&
    within(nTextState, 64, 8192) &&
    within(nAudioHead, 1, 128) &&
    within(nTextHead, 1, 128) &&
    nAudioState % nAudioHead === 0 &&
    nTextState % nTextHead === 0 &&
    within(nAudioLayer, 1, 128) &&
    within(nTextLayer, 1, 128) &&
    (nMels === 80 || nMels === 128) &&
    // ftype: the ggml type, plus 1000 × the quantization version.
    within(ftype % 1000, 0, 40) &&
    within(Math.floor(ftype / 1000), 0, 10)
  if (!plausible) return fail('its hyper-parameters are not those of a Whisper model')

  let offset = 4 + 11 * 4
  const filterMels = head.readInt32LE(offset)
  const filterFft = head.readInt32LE(offset + 4)
  offset += 8
  if (filterMels !== nMels || !within(filterFft, 1, 1024)) return fail('its mel filter bank does not match its header')
  offset += filterMels * filterFft * 4
  if (offset + 4 > head.length) return fail('the file ends inside its mel filter bank')
  const vocabTokens = head.readInt32LE(offset)
  offset += 4
  if (!within(vocabTokens, 1, nVocab)) return fail('its vocabulary size is not plausible')
  const checked = Math.min(vocabTokens, TOKENS_CHECKED)
  for (let token = 0; token < checked; token++) {
    if (offset + 4 > head.length) return fail('the file ends inside its vocabulary')
    const length = head.readInt32LE(offset)
    if (!within(length, 0, MAX_TOKEN_BYTES)) return fail('its vocabulary is damaged')
    offset += 4 + length
  }
  if (offset > Math.min(head.length, fileBytes)) return fail('the file ends inside its vocabulary')
  return {
    ok: true,
    header: { nVocab, nAudioCtx, nAudioState, nAudioHead, nAudioLayer, nTextCtx, nTextState, nTextHead, nTextLayer, nMels, ftype, vocabTokens }
  }
}
