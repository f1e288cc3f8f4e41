import { Command, CommanderError } from 'commander'
import { isPerfgateError } from '../errors.js'
import type { CliContext, Command as PerfgateCommand } from './context.js'
import { packageVersion } from './version.js'

interface CommandEntry {
  summary: string
  /** Loaded on use, so `perfgate --help` does not pay for Octokit or the comparator. */
  load?: () => Promise<PerfgateCommand>
}

/** Every subcommand. Each parses its own arguments and prints its own `--help`. */
const COMMANDS: Record<string, CommandEntry> = {
  bench: {
    summary: 'run *.perf.* benchmark files (optionally A/B against a git ref)',
    load: async () => (await import('./commands/bench.js')).bench,
  },
  update: {
    summary: 'run the test suite and rewrite the baselines',
    load: async () => (await import('./commands/update.js')).update,
  },
  compare: {
    summary: 'compare two run reports with the statistical gate',
    load: async () => (await import('./commands/compare.js')).compare,
  },
  merge: {
    summary: 'merge run reports from sharded or matrix CI jobs',
    load: async () => (await import('./commands/merge.js')).merge,
  },
  comment: {
    summary: 'post the comparison as a sticky pull-request comment',
    load: async () => (await import('./commands/comment.js')).comment,
  },
  embed: {
    summary: 'update perfgate tables between markers in markdown files',
    load: async () => (await import('./commands/embed.js')).embed,
  },
}

/** Adds a command whose arguments (including `--help`) pass through untouched to its module. */
function addCommand(
  cli: Command,
  name: string,
  entry: CommandEntry,
  ctx: CliContext,
  setCode: (c: number) => void,
) {
  const version = packageVersion()
  cli
    .command(name)
    .description(entry.load ? entry.summary : `${entry.summary} (not yet available)`)
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .argument('[args...]')
    .action(async (_args: unknown, _options: unknown, command: Command) => {
      if (!entry.load) {
        ctx.stderr.write(`perfgate ${name}: not yet available in perfgate ${version}\n`)
        setCode(2)
        return
      }
      const runCommand = await entry.load()
      // The arguments as typed: Commander drops a `--` that directly follows the command name,
      // and `perfgate update -- -c vitest.perf.config.ts` then read `-c` as its own option.
      const at = ctx.argv.indexOf(name)
      setCode(await runCommand({ ...ctx, argv: at >= 0 ? ctx.argv.slice(at + 1) : command.args }))
    })
}

function program(ctx: CliContext, setCode: (code: number) => void): Command {
  const cli = new Command('perfgate')
    .description('Performance budgets, baselines and a statistical regression gate for Vitest and Jest.')
    .version(packageVersion(), '-v, --version')
    .configureOutput({ writeOut: (s) => ctx.stdout.write(s), writeErr: (s) => ctx.stderr.write(s) })
    .exitOverride()
    .showHelpAfterError('(run `perfgate --help` for the commands)')
  for (const [name, entry] of Object.entries(COMMANDS)) addCommand(cli, name, entry, ctx, setCode)
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
