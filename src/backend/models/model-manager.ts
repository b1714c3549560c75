import { rm } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { MODEL_CATALOGUE, WHISPER_MODEL_BASE_URL, findCatalogueModel } from './catalogue'
import type { CatalogueModel } from './catalogue'
import { downloadModel, partPathOf } from './downloader'
import type { DownloadProgress } from './downloader'
import { ModelError } from './model-error'
import { importLocalModel, listInstalledModels, modelsDirOf } from './model-files'
import type { InstalledModel } from './model-files'

export interface ModelManagerOptions {
  dataDir: string
  baseUrl?: string
  fetch?: typeof globalThis.fetch
}

export interface StartDownloadOptions {
  signal?: AbortSignal
  onProgress?: (progress: DownloadProgress) => void
  allowUnverified?: boolean
}

/**
 * The models folder of one data directory: what is installed, what can be downloaded, and the
 * downloads in flight (one per file: two writers on one .part would corrupt it).
 */
export class ModelManager {
  readonly modelsDir: string
  private readonly baseUrl: string
  private readonly fetchImpl: typeof globalThis.fetch | undefined
  private readonly inFlight = new Map<string, { promise: Promise<InstalledModel>; controller: AbortController }>()

  constructor(options: ModelManagerOptions) {
    this.modelsDir = modelsDirOf(options.dataDir)
    this.baseUrl = options.baseUrl ?? WHISPER_MODEL_BASE_URL
    this.fetchImpl = options.fetch
  }

  catalogue(): readonly CatalogueModel[] {
    return MODEL_CATALOGUE
  }

  listInstalled(): Promise<InstalledModel[]> {
    return listInstalledModels(this.modelsDir)
  }

  /** The model transcription uses when the user has not chosen one. */
  async defaultModel(): Promise<InstalledModel | undefined> {
    return (await this.listInstalled())[0]
  }

  /** Starts (or joins) the download of a catalogue model by id or file name. */
  download(idOrFile: string, options: StartDownloadOptions = {}): Promise<InstalledModel> {
    const model = findCatalogueModel(idOrFile)
    if (!model) {
      return Promise.reject(new ModelError('MODEL_MISSING', `No model called "${idOrFile}" in the catalogue.`))
    }
    const running = this.inFlight.get(model.file)
    if (running) return running.promise
    const controller = new AbortController()
    const onAbort = (): void => controller.abort()
    options.signal?.addEventListener('abort', onAbort, { once: true })
    if (options.signal?.aborted) controller.abort()
    const promise = downloadModel({
      model,
      modelsDir: this.modelsDir,
      baseUrl: this.baseUrl,
      signal: controller.signal,
      onProgress: options.onProgress,
      allowUnverified: options.allowUnverified,
      fetch: this.fetchImpl
    }).finally(() => {
      options.signal?.removeEventListener('abort', onAbort)
      this.inFlight.delete(model.file)
    })
    this.inFlight.set(model.file, { promise, controller })
    return promise
  }

  /** Stops a download; its .part stays so the next download resumes. */
  cancelDownload(idOrFile: string): boolean {
    const model = findCatalogueModel(idOrFile)
    const running = model && this.inFlight.get(model.file)
    running?.controller.abort()
    return Boolean(running)
  }

  importLocal(srcPath: string): Promise<InstalledModel> {
    return importLocalModel(this.modelsDir, srcPath)
  }

  /** Deletes an installed model and any unfinished download of it. */
  async remove(file: string): Promise<void> {
    const name = basename(file)
    this.cancelDownload(name)
    await rm(join(this.modelsDir, name), { force: true })
    await rm(partPathOf(this.modelsDir, name), { force: true })
  }
}
