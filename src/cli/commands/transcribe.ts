import { parseArgs } from 'node:util'
import { resolveDataDir } from '../../backend/data-dir'
import { listInstalledModels, modelsDirOf } from '../../backend/models/model-files'
import { Transcriber } from '../../backend/transcription/transcriber'
import { modelMissingError } from '../../backend/transcription/transcription-error'
import { messageOf } from '@shared/errors'

const USAGE = 'usage: transcribe <wav> [--model <path>] [--terms "a,b,c"] [--json]'

/**
 * `transcribe <wav> [--model <path>] [--terms "a,b"] --json`: one WAV through the same
 * Transcriber the app uses. The model is --model, else $WHISPER_MODEL, else the first model
 * installed in the data directory.
 */
export async function run(argv: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        model: { type: 'string' },
        terms: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false }
      }
    })
  } catch (error) {
    console.error(`mockroom: ${(error as Error).message}\n${USAGE}`)
    return 2
  }
  const { values, positionals } = parsed
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  const [wavPath, ...extra] = positionals
  if (!wavPath || extra.length > 0) {
    console.error(`mockroom: ${wavPath ? `unexpected argument "${extra[0]}"` : 'missing the WAV file to transcribe'}\n${USAGE}`)
    return 2
  }

  const transcriber = new Transcriber()
  try {
    const modelPath = values.model ?? process.env.WHISPER_MODEL ?? (await firstInstalledModel())
    if (!modelPath) throw modelMissingError(undefined)
    const keyTerms = values.terms?.split(',').map((term) => term.trim()).filter(Boolean)
    const transcript = await transcriber.transcribe({ wavPath, modelPath, keyTerms })
    console.log(values.json ? JSON.stringify(transcript) : transcript.text)
    return 0
  } catch (error) {
    const code = (error as { code?: unknown }).code
    const message = messageOf(error)
    console.error(`mockroom: ${typeof code === 'string' ? `${code}: ` : ''}${message.split('\n')[0]}`)
    return 1
  }
}

async function firstInstalledModel(): Promise<string | undefined> {
  const models = await listInstalledModels(modelsDirOf(resolveDataDir()))
  return models[0]?.path
}
