import { z } from 'zod'
import { NoticeSchema } from './notices'
import { SettingsPatchSchema, SettingsSchema } from './settings'

/**
 * The API contract: every method the renderer (or the CLI) can call on the backend, with the
 * schema of its input and of its output, and every event the backend pushes.
 *
 * This object is the only list of methods. Main's ipcMain table, the preload's `window.api`,
 * the HTTP routes of browser mode, the CLI's `call` command and the renderer's client are all
 * derived from it, so adding a method here (and implementing it in the backend, which the
 * compiler insists on) makes it work everywhere.
 */
const empty = z.object({}).strict()

export const AppInfoSchema = z.object({
  name: z.literal('mockroom'),
  version: z.string(),
  /** Which adapter is serving the backend. */
  host: z.enum(['electron', 'web', 'cli', 'test']),
  dataDir: z.string(),
  dataFile: z.string()
})
export type AppInfo = z.infer<typeof AppInfoSchema>

export const contract = {
  getAppInfo: { input: empty, output: AppInfoSchema },
  getSettings: { input: empty, output: SettingsSchema },
  updateSettings: { input: SettingsPatchSchema, output: SettingsSchema },
  listNotices: { input: empty, output: z.array(NoticeSchema) },
  dismissNotice: { input: z.object({ id: z.string().min(1) }).strict(), output: z.array(NoticeSchema) }
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>

/** Events the backend pushes to every connected renderer. */
export const contractEvents = {
  notice: NoticeSchema
} as const satisfies Record<string, z.ZodType>

export type Contract = typeof contract
export type MethodName = keyof Contract
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>

export type EventName = keyof typeof contractEvents
export type EventPayload<E extends EventName> = z.output<(typeof contractEvents)[E]>

export const methodNames = Object.keys(contract) as MethodName[]
export const eventNames = Object.keys(contractEvents) as EventName[]

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name)
}

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(contractEvents, name)
}

/** The IPC channel of a method: one channel per method, never a generic one. */
export function methodChannel(name: MethodName): string {
  return `mockroom:${name}`
}

export function eventChannel(name: EventName): string {
  return `mockroom:event:${name}`
}
