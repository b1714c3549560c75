import { stat } from 'node:fs/promises'
import { basename, isAbsolute } from 'node:path'
import { AppError } from '@shared/api/result'
import type { ModelDownloadState, ModelList } from '@shared/contract'
import type { EventHub } from './events'
import { type ModelManager, findCatalogueModel, partPathOf } from './models'
import type { Store } from './storage/store'
import { codeOf, messageOf } from '@shared/errors'

/**
 * Settings → Models over the API: downloads run in the background (the call returns at once)
 * and report through `modelDownload` events; the last state of each stays in the list so a
 * renderer that reconnects sees where things are.
 */
export class ModelsService {
  private readonly downloads = new Map<string, ModelDownloadState>()

  constructor(
    readonly manager: ModelManager,
    private readonly store: Store,
    private readonly events: EventHub
  ) {}

  async list(): Promise<ModelList> {
    const installed = await this.manager.listInstalled()
    const catalogue = await Promise.all(
      this.manager.catalogue().map(async (model) => {
        const part = await stat(partPathOf(this.manager.modelsDir, model.file)).catch(() => undefined) // no partial download
        return {
          ...model,
          installed: installed.some((entry) => entry.file === model.file),
          partialBytes: part?.isFile() ? part.size : null,
          download: this.downloads.get(model.id) ?? null
        }
      })
    )
    const chosen = this.store.read().settings.modelPath
    const activePath = installed.find((model) => model.path === chosen)?.path ?? (chosen && (await isFile(chosen)) ? chosen : installed[0]?.path ?? null)
    return { installed, catalogue, activePath }
  }

  async startDownload(id: string, allowUnverified = false): Promise<ModelList> {
    const model = findCatalogueModel(id)
    if (!model) throw new AppError('NOT_FOUND', `No model called "${id}" in the catalogue.`)
    if (!model.sha256 && !allowUnverified) {
      throw new AppError('MODEL_UNVERIFIED', `${model.file} has no checksum on record, so its download cannot be verified; confirm to download it anyway.`)
    }
    if (this.downloads.get(model.id)?.state !== 'downloading') {
      const update = (patch: Partial<ModelDownloadState>): void => {
        const previous = this.downloads.get(model.id)
        const next: ModelDownloadState = {
          id: model.id,
          file: model.file,
          state: 'downloading',
          receivedBytes: 0,
          totalBytes: model.bytes,
          percent: null,
          resumedFromBytes: 0,
          error: null,
          ...previous,
          ...patch
        }
        this.downloads.set(model.id, next)
        this.events.emit('modelDownload', next)
      }
      update({ state: 'downloading', error: null, percent: null })
      this.manager
        .download(model.id, {
          allowUnverified,
          onProgress: (progress) =>
            update({
              receivedBytes: progress.receivedBytes,
              totalBytes: progress.totalBytes,
              percent: progress.percent === null ? null : Math.max(0, Math.min(100, progress.percent)),
              resumedFromBytes: progress.resumedFromBytes
            })
        })
        .then(
          (installed) => update({ state: 'done', percent: 100, receivedBytes: installed.bytes, totalBytes: installed.bytes }),
          (error: unknown) => {
            const code = codeOf(error) ?? 'DOWNLOAD_FAILED'
            update(
              code === 'CANCELLED'
                ? { state: 'cancelled', error: null }
                : { state: 'failed', error: { code, message: messageOf(error) } }
            )
          }
        )
    }
    return this.list()
  }

  async cancelDownload(id: string): Promise<ModelList> {
    const model = findCatalogueModel(id)
    if (!model) throw new AppError('NOT_FOUND', `No model called "${id}" in the catalogue.`)
    this.manager.cancelDownload(model.id)
    return this.list()
  }

  async importModel(path: string): Promise<ModelList> {
    if (!isAbsolute(path)) throw new AppError('VALIDATION', `Give the model's full path (starting with / or a drive letter), not "${path}".`)
    await this.manager.importLocal(path)
    return this.list()
  }

  async removeModel(file: string): Promise<ModelList> {
    const name = basename(file)
    const installed = await this.manager.listInstalled()
    const model = installed.find((entry) => entry.file === name)
    if (!model && !findCatalogueModel(name)) throw new AppError('NOT_FOUND', `No installed model called ${name}.`)
    await this.manager.remove(name)
    const catalogueId = findCatalogueModel(name)?.id
    if (catalogueId) this.downloads.delete(catalogueId)
    if (model && this.store.read().settings.modelPath === model.path) {
      await this.store.update((db) => {
        db.settings.modelPath = null
      })
    }
    return this.list()
  }

  close(): void {
    for (const state of this.downloads.values()) if (state.state === 'downloading') this.manager.cancelDownload(state.id)
  }
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false // missing reads as absent
}
