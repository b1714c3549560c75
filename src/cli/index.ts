import { isMethodName, methodNames } from '@shared/contract'
import { messageOf } from '@shared/errors'

/**
 * `npm run -s cli -- <command> …`. Each command lives in ./commands and is loaded only when
 * asked for, so `banks inspect` does not pay for Whisper's code and vice versa.
 */
const commands: Record<string, { summary: string; load: () => Promise<{ run: (argv: string[]) => Promise<number> }> }> = {
  banks: { summary: 'banks inspect [paths…] --json    parse question banks', load: () => import('./commands/banks') },
  score: {
    summary: 'score --question <id|title words> --transcript <file> [--duration <s>] --json',
    load: () => import('./commands/score')
  },
  transcribe: { summary: 'transcribe <wav> [--model <path>] --json', load: () => import('./commands/transcribe') },
  call: { summary: `call <method> [json]    call any API method (${methodNames.length} methods)`, load: () => import('./commands/call') }
}

function usage(): string {
  return ['usage: npm run -s cli -- <command> …', ...Object.values(commands).map((c) => `  ${c.summary}`)].join('\n')
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h') {
    console.log(usage())
    return name ? 0 : 2
  }
  const command = commands[name]
  if (!command) {
    console.error(`mockroom: unknown command "${name}"${isMethodName(name) ? ` (did you mean: call ${name}?)` : ''}\n${usage()}`)
    return 2
  }
  return (await command.load()).run(rest)
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error(`mockroom: ${messageOf(error)}`)
    process.exitCode = 1
  }
)
