/** Where whisper.cpp's maintainers publish the official ggml models; `<base><file>` is one model. */
export const WHISPER_MODEL_BASE_URL = 'https://huggingface.co/ggerganov/whisper.cpp/resolve/main/'

export interface CatalogueModel {
  /** whisper.cpp's own name for the model, as in its download-ggml-model script. */
  id: string
  file: string
  /** Exact size, or null when we have no verified figure. */
  bytes: number | null
  /** Lower-case hex; null means the download cannot be verified and must be allowed explicitly. */
  sha256: string | null
  /** Rough size for the Settings screen when `bytes` is unknown. */
  approxMegabytes: number
  englishOnly: boolean
  description: string
}

/**
 * The models offered in Settings → Models. Sizes and hashes are those published with the
 * official files; a model is listed without a hash only when we could not check one.
 */
export const MODEL_CATALOGUE: readonly CatalogueModel[] = [
  {
    id: 'tiny.en',
    file: 'ggml-tiny.en.bin',
    bytes: 77_704_715,
    sha256: '921e4cf8686fdd993dcd081a5da5b6c365bfde1162e72b08d75ac75289920b1f',
    approxMegabytes: 75,
    englishOnly: true,
    description: 'Fastest; good enough for clear English speech.'
  },
  {
    id: 'tiny.en-q8_0',
    file: 'ggml-tiny.en-q8_0.bin',
    bytes: 43_550_795,
    sha256: '5bc2b3860aa151a4c6e7bb095e1fcce7cf12c7b020ca08dcec0c6d018bb7dd94',
    approxMegabytes: 42,
    englishOnly: true,
    description: 'tiny.en quantized to 8 bits: half the size, nearly the same accuracy.'
  },
  {
    id: 'tiny',
    file: 'ggml-tiny.bin',
    bytes: 77_691_713,
    sha256: 'be07e048e1e599ad46341c8d2a135645097a538221678b7acdd1b1919c6e1b21',
    approxMegabytes: 75,
    englishOnly: false,
    description: 'Fastest multilingual model.'
  },
  {
    id: 'base.en',
    file: 'ggml-base.en.bin',
    bytes: 147_964_211,
    sha256: 'a03779c86df3323075f5e796cb2ce5029f00ec8869eee3fdfb897afe36c6d002',
    approxMegabytes: 142,
    englishOnly: true,
    description: 'Recommended: noticeably better on technical terms, still faster than real time.'
  },
  {
    id: 'small.en',
    file: 'ggml-small.en.bin',
    bytes: null,
    sha256: null,
    approxMegabytes: 466,
    englishOnly: true,
    description: 'Most accurate here but slow on laptops. Unverified: no checksum is on record.'
  }
]

export function findCatalogueModel(idOrFile: string): CatalogueModel | undefined {
  return MODEL_CATALOGUE.find((model) => model.id === idOrFile || model.file === idOrFile)
}

export function modelDownloadUrl(file: string, baseUrl: string = WHISPER_MODEL_BASE_URL): string {
  return new URL(encodeURIComponent(file), baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).toString()
}
