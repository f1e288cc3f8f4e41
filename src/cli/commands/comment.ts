import { parseArgs } from 'node:util'
import { isPerfgateError, PerfgateError } from '../../errors.js'
import { postReport } from '../../github/post.js'
import { readRunReport } from '../../report/io.js'
import { renderMarkdown } from '../../report/markdown/index.js'
import type { RunReport } from '../../types.js'
import type { CliContext, Command } from '../context.js'
import { packageVersion } from '../version.js'

export const DEFAULT_REPORT = '.perfgate/report.json'

const HELP = `Usage: perfgate comment [report.json] [--dry-run]

Posts the comparison of a run report (default: $PERFGATE_REPORT or ${DEFAULT_REPORT}) as one
sticky comment on the pull request, updated on re-runs, and appends it to the job summary.
Reads GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_EVENT_PATH, GITHUB_API_URL and
GITHUB_STEP_SUMMARY; PERFGATE_PR names the pull request when the event does not
(workflow_run, see examples/github). GitHub problems are warnings: the exit code is 0 unless
the report cannot be read.

Options:
  --dry-run   print the comment's markdown instead of posting it
  -h, --help  show this help
`

/** Reads and validates a run report; errors name the path as given. */
export const loadReport = readRunReport

/** node:util `parseArgs` errors (unknown option, missing value) have clear messages of their own. */
export function isUsageError(error: unknown): error is Error {
  const code = (error as { code?: unknown } | null)?.code
  return error instanceof Error && typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')
}

type Options = { help: boolean; dryRun: boolean; report: string }

function options(ctx: CliContext): Options {
  const { values, positionals } = parseArgs({
    args: ctx.argv,
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  })
  if (positionals.length > 1) {
    throw new PerfgateError('BAD_ARGUMENT', `comment takes one report; got ${positionals.length}.`)
  }
  const report = positionals[0] ?? (ctx.env.PERFGATE_REPORT?.trim() || DEFAULT_REPORT)
  return { help: values.help === true, dryRun: values['dry-run'] === true, report }
}

/** `perfgate comment [report.json] [--dry-run]`: posts (or prints) the pull-request comment. */
export const comment: Command = async (ctx) => {
  let parsed: Options
  let report: RunReport
  try {
    parsed = options(ctx)
    if (parsed.help) {
      ctx.stdout.write(HELP)
      return 0
    }
    report = await loadReport(ctx.cwd, parsed.report)
  } catch (error) {
    if (!isPerfgateError(error) && !isUsageError(error)) throw error
    ctx.stderr.write(`perfgate comment: ${error.message}\n`)
    return 2
  }
  if (parsed.dryRun) {
    ctx.stdout.write(renderMarkdown(report))
    return 0
  }
  await postReport({
    report,
    env: ctx.env,
    stdout: ctx.stdout,
    stderr: ctx.stderr,
    userAgent: `perfgate/${packageVersion()}`,
  })
  return 0
}
