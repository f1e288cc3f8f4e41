import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { isPerfgateError, PerfgateError } from '../../errors.js'
import { readRunReport } from '../../report/io.js'
import { finishRun } from '../../run/finish.js'
import type { CliContext, Command } from '../context.js'
import { isUsageError } from './comment.js'
import { GATE_HELP, GATE_OPTIONS, gateOverrides } from './gate-options.js'

const HELP = `Usage: perfgate compare <base-report.json> <head-report.json> [options]

Judges one run report against another with the same comparator and gate as a run against
committed baselines: measurements of <head> are compared with those of <base>. Run the base
commit and the pull request's head on the same CI runner, one after the other, and compare
their reports: the verdict then does not depend on baselines recorded on another machine.
Exit code: 0 no regression, 1 the gate failed (a measurement is slower), 2 bad input.

Options:
${GATE_HELP}
`

/** Where the judged report goes: never over one of the inputs, which the user still needs. */
function outputPath(ctx: CliContext, requested: string | undefined, inputs: string[]): string | undefined {
  if (requested === undefined) return undefined
  const target = resolve(ctx.cwd, requested)
  if (inputs.some((input) => resolve(ctx.cwd, input) === target)) {
    throw new PerfgateError(
      'BAD_OPTION',
      `--report ${requested} is one of the reports being compared; choose another path.`,
    )
  }
  return requested
}

/** `perfgate compare <base> <head>`: the gate applied to two run reports. */
export const compare: Command = async (ctx) => {
  try {
    const { values, positionals } = parseArgs({
      args: ctx.argv,
      allowPositionals: true,
      options: GATE_OPTIONS,
    })
    if (values.help) {
      ctx.stdout.write(HELP)
      return 0
    }
    if (positionals.length !== 2) {
      throw new PerfgateError(
        'BAD_ARGUMENT',
        `compare takes two run reports, the base and the head; got ${positionals.length}. See perfgate compare --help.`,
      )
    }
    const [basePath, headPath] = positionals as [string, string]
    const [base, head] = await Promise.all([
      readRunReport(ctx.cwd, basePath),
      readRunReport(ctx.cwd, headPath),
    ])
    const report = outputPath(ctx, values.report ?? ctx.env.PERFGATE_REPORT, positionals)
    const result = await finishRun({
      measurements: head.measurements,
      baseline: base.measurements,
      baselineEnv: base.env,
      headEnv: head.env,
      root: ctx.cwd,
      env: { ...ctx.env, PERFGATE_UPDATE: undefined, PERFGATE_ROUND_FILE: undefined },
      stdout: ctx.stdout,
      options: { ...gateOverrides(values), report: report ?? false },
    })
    return result.failed ? 1 : 0
  } catch (error) {
    if (!isPerfgateError(error) && !isUsageError(error)) throw error
    ctx.stderr.write(`perfgate compare: ${error.message}\n`)
    return 2
  }
}
