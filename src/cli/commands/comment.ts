import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { isPerfgateError, PerfgateError } from '../../errors.js'
import { postReport } from '../../github/post.js'
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

/**
 * Checks that parsed JSON is a run report. Deliberately minimal: the one place to swap in the
 * full schema check (`parseRunReport` from src/report/schema.ts).
 */
export function parseReport(json: unknown, path: string): RunReport {
  const report = json as Partial<RunReport> | null
  const ok =
    typeof report === 'object' &&
    report !== null &&
    report.version === 1 &&
    report.tool === 'perfgate' &&
    Array.isArray(report.measurements) &&
    Array.isArray(report.comparisons)
  if (!ok) throw new PerfgateError('BAD_REPORT', `${path} is not a perfgate run report (version 1).`)
  return report as RunReport
}

/** Reads and checks a run report; errors name the path as given. */
export async function loadReport(cwd: string, path: string): Promise<RunReport> {
  let text: string
  try {
    text = await readFile(resolve(cwd, path), 'utf8')
  } catch (error) {
    const code = (error as { code?: unknown }).code
    if (code === 'ENOENT') {
      throw new PerfgateError(
        'NOT_FOUND',
        `no run report at ${path}: run the suite with perfgate first, or pass the report's path.`,
      )
    }
    throw new PerfgateError('BAD_REPORT', `cannot read the run report ${path} (${String(code ?? error)}).`)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new PerfgateError('BAD_REPORT', `${path} is not valid JSON (${(error as Error).message}).`)
  }
  return parseReport(json, path)
}

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
