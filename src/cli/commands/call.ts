import { dispatch } from '@shared/api/dispatch'
import { findAppRoot } from '../../backend/app-root'
import { createBackend } from '../../backend/create-backend'
import { resolveDataDir } from '../../backend/data-dir'

/** `call <method> [json]`: any contract method from a terminal, through the same dispatch. */
export async function run(argv: string[]): Promise<number> {
  const [method, json] = argv
  if (!method) {
    console.error('mockroom: usage: call <method> [json input]')
    return 2
  }
  let input: unknown = {}
  if (json !== undefined) {
    try {
      input = JSON.parse(json)
    } catch {
      console.error(`mockroom: the input for ${method} is not valid JSON`)
      return 2
    }
  }
  const backend = await createBackend({ dataDir: resolveDataDir(), appRoot: findAppRoot(import.meta.url), host: 'cli' })
  try {
    const result = await dispatch(backend.api, method, input)
    if (!result.ok) {
      console.error(`mockroom: ${result.error.code}: ${result.error.message}`)
      return 1
    }
    console.log(JSON.stringify(result.value, null, 2))
    return 0
  } finally {
    await backend.close()
  }
}
