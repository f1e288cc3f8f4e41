import { Command, CommanderError } from 'commander'
import { isPerfgateError } from '../errors.js'
import type { CliContext } from './context.js'
import { packageVersion } from './version.js'

/** Subcommands that are not available yet say so instead of failing obscurely. */
const PLANNED: Record<string, string> = {
  bench: 'run *.perf.* benchmark files (optionally A/B against a git ref)',
  update: 'run the suite and rewrite the baselines',
  compare: 'compare two run reports with the statistical gate',
  merge: 'merge run reports from sharded or matrix CI jobs',
  comment: 'post the comparison as a sticky pull-request comment',
  embed: 'update perfgate tables between markers in markdown files',
}

function program(ctx: CliContext, setCode: (code: number) => void): Command {
  const version = packageVersion()
  const cli = new Command('perfgate')
    .description('Performance budgets, baselines and a statistical regression gate for Vitest and Jest.')
    .version(version, '-v, --version')
    .configureOutput({ writeOut: (s) => ctx.stdout.write(s), writeErr: (s) => ctx.stderr.write(s) })
    .exitOverride()
    .showHelpAfterError('(run `perfgate --help` for the commands)')
  for (const [name, summary] of Object.entries(PLANNED)) {
    cli
      .command(name)
      .description(`${summary} (not yet available)`)
      .allowUnknownOption()
      .allowExcessArguments()
      .action(() => {
        ctx.stderr.write(`perfgate ${name}: not yet available in perfgate ${version}\n`)
        setCode(2)
      })
  }
  return cli
}

/**
 * Runs the `perfgate` CLI against a process context and resolves to the exit code:
 * 0 success, 1 gate failure, 2 usage or input error. Known errors print as one line;
 * anything else is a bug and propagates with its stack.
 */
export async function run(ctx: CliContext): Promise<number> {
  let code = 0
  const cli = program(ctx, (c) => {
    code = c
  })
  if (ctx.argv.length === 0) {
    cli.outputHelp()
    return 0
  }
  try {
    await cli.parseAsync(ctx.argv, { from: 'user' })
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2
    if (isPerfgateError(error)) {
      ctx.stderr.write(`perfgate: ${error.message}\n`)
      return 2
    }
    throw error
  }
  return code
}
