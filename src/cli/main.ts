import { createRequire } from 'node:module'
import { cac } from 'cac'
import { isPerfgateError } from '../errors.js'
import type { CliContext } from './context.js'

const { version } = createRequire(import.meta.url)('../package.json') as { version: string }

/** Subcommands that are not available yet say so instead of failing obscurely. */
const PLANNED = ['bench', 'update', 'compare', 'merge', 'comment', 'embed'] as const

/**
 * Runs the `perfgate` CLI against a process context and resolves to the exit code.
 * Known errors print as one line; anything else is a bug and prints its stack.
 */
export async function run(ctx: CliContext): Promise<number> {
  const cli = cac('perfgate')
  const print = (text: string) => ctx.stdout.write(text.endsWith('\n') ? text : `${text}\n`)
  let code = 0
  cli.help((sections) => sections)
  cli.version(version)
  for (const name of PLANNED) {
    cli
      .command(name, `(not yet available in ${version})`)
      .allowUnknownOptions()
      .action(() => {
        ctx.stderr.write(`perfgate ${name}: not yet available in perfgate ${version}\n`)
        code = 2
      })
  }
  cli.command('').action(() => {
    cli.outputHelp()
  })
  try {
    const originalLog = console.log
    // cac prints help and version with console.log; route it to the context's stdout.
    console.log = (...args: unknown[]) => print(args.join(' '))
    try {
      cli.parse(['node', 'perfgate', ...ctx.argv], { run: false })
      if (!cli.matchedCommand && cli.args.length > 0) {
        ctx.stderr.write(
          `perfgate: unknown command "${cli.args[0]}". Run \`perfgate --help\` for the commands.\n`,
        )
        return 2
      }
      await cli.runMatchedCommand()
    } finally {
      console.log = originalLog
    }
  } catch (error) {
    if (isPerfgateError(error) || (error instanceof Error && error.name === 'CACError')) {
      ctx.stderr.write(`perfgate: ${error.message}\n`)
      return 2
    }
    throw error
  }
  return code
}
