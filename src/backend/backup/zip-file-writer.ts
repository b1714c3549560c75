import { createWriteStream, type WriteStream } from 'node:fs'
import { Zip } from 'fflate'

/** Writes a stream of zip chunks to a file, waiting when the disk falls behind. */
export class ZipFileWriter {
  private readonly out: WriteStream
  private error: Error | null = null
  readonly zip: Zip
  private finished: Promise<void>

  constructor(path: string) {
    this.out = createWriteStream(path)
    this.out.on('error', (error) => (this.error = error))
    let resolveEnd!: () => void
    let rejectEnd!: (error: unknown) => void
    this.finished = new Promise((resolve, reject) => {
      resolveEnd = resolve
      rejectEnd = reject
    })
    this.zip = new Zip((error, chunk, final) => {
      if (error) return rejectEnd(error)
      this.out.write(chunk)
      if (final) this.out.end(() => (this.error ? rejectEnd(this.error) : resolveEnd()))
    })
  }

  async drain(): Promise<void> {
    if (this.error) throw this.error
    if (this.out.writableNeedDrain) await new Promise<void>((resolve) => this.out.once('drain', () => resolve()))
  }

  end(): Promise<void> {
    this.zip.end()
    return this.finished
  }

  abort(): void {
    this.zip.terminate()
    this.out.destroy()
  }
}
