import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

/** Proves the layer rules of eslint.config.js fire, so a wrong import fails `npm run lint`. */
const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname })

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

describe('layer import rules', () => {
  it.each([
    ['src/shared/fixture.ts', "import { app } from 'electron'\nexport const a = app"],
    ['src/shared/fixture.ts', "import { readFile } from 'node:fs/promises'\nexport const a = readFile"],
    ['src/shared/banks/fixture.ts', "import { join } from 'path'\nexport const a = join"],
    ['src/shared/fixture.ts', "import { createBackend } from '../backend/create-backend'\nexport const a = createBackend"],
    ['src/renderer/src/fixture.ts', "import { ipcRenderer } from 'electron'\nexport const a = ipcRenderer"],
    ['src/renderer/src/features/fixture.tsx', "import { readFileSync } from 'node:fs'\nexport const a = readFileSync"],
    ['src/renderer/src/fixture.ts', "import { openStore } from '../../backend/storage/store'\nexport const a = openStore"],
    ['src/backend/fixture.ts', "import { BrowserWindow } from 'electron'\nexport const a = BrowserWindow"],
    ['src/preload/fixture.ts', "import { readFileSync } from 'node:fs'\nexport const a = readFileSync"],
    ['src/web/fixture.ts', "import { app } from 'electron'\nexport const a = app"],
    ['src/renderer/src/features/practice/fixture.ts', "import { useSettings } from '../../app/settings-context'\nexport const a = useSettings"],
    ['src/renderer/src/features/whiteboard/fixture.tsx', "import { useAutosave } from '../practice/use-autosave'\nexport const a = useAutosave"],
    ['src/renderer/src/app/fixture.tsx', "import { SessionSetup } from '../features/practice/SessionSetup'\nexport const a = SessionSetup"],
    ['src/renderer/src/features/practice/fixture.ts', "import { readFile } from 'node:fs/promises'\nexport const a = readFile"]
  ])('rejects a wrong-layer import in %s', async (filePath, code) => {
    expect(await restrictedImports(filePath, code)).toHaveLength(1)
  })

  it.each([
    ['src/shared/fixture.ts', "import { z } from 'zod'\nexport const a = z"],
    ['src/backend/fixture.ts', "import { readFile } from 'node:fs/promises'\nimport { contract } from '../shared/contract'\nexport const a = [readFile, contract]"],
    ['src/renderer/src/fixture.ts', "import { contract } from '../../shared/contract'\nexport const a = contract"],
    ['src/main/fixture.ts', "import { app } from 'electron'\nimport { createBackend } from '../backend/create-backend'\nexport const a = [app, createBackend]"],
    ['src/renderer/src/features/whiteboard/fixture.tsx', "import { PracticePage } from '../practice'\nimport { api } from '../../lib/api'\nimport { contract } from '@shared/contract'\nexport const a = [PracticePage, api, contract]"],
    ['src/renderer/src/features/practice/fixture.ts', "import { NotesField } from './NotesField'\nimport { x } from '../../../../shared/session/timer'\nexport const a = [NotesField, x]"],
    ['src/renderer/src/app/fixture.tsx', "import { LibraryPage } from '../features/library'\nimport { useSettings } from '../lib/settings-context'\nexport const a = [LibraryPage, useSettings]"]
  ])('allows a right-layer import in %s', async (filePath, code) => {
    expect(await restrictedImports(filePath, code)).toEqual([])
  })
})

describe('house rules for production code', () => {
  const errorsOf = async (filePath: string, code: string): Promise<string[]> => {
    const [result] = await eslint.lintText(code, { filePath })
    return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? '')
  }
  const longFunction = `export function long(): number {\n  let n = 0\n${'  n += 1\n'.repeat(85)}  return n\n}\n`
  const longFile = Array.from({ length: 310 }, (_, i) => `export const v${i} = ${i}`).join('\n') + '\n'
  const asserted = 'export function first(xs: number[]): number {\n  return xs[0]!\n}\n'

  it('rejects a non-null assertion, a function over 80 lines and a file over 300', async () => {
    expect(await errorsOf('src/shared/fixture.ts', asserted)).toContain('@typescript-eslint/no-non-null-assertion')
    expect(await errorsOf('src/backend/fixture.ts', longFunction)).toContain('max-lines-per-function')
    expect(await errorsOf('src/renderer/src/features/fixture.ts', longFile)).toContain('max-lines')
  })

  it('leaves tests alone', async () => {
    expect(await errorsOf('src/shared/fixture.test.ts', asserted + longFunction)).toEqual([])
  })
})
