import { parseArgs } from 'node:util'
import { isPerfgateError, PerfgateError } from '../../errors.js'
import { readRunReport } from '../../report/io.js'
import { mergeRunReports } from '../../report/merge.js'
import { finishRun } from '../../run/finish.js'
import type { Command } from '../context.js'
import { isUsageError } from './comment.js'
import { GATE_HELP, GATE_OPTIONS, gateOverrides } from './gate-options.js'

const HELP = `Usage: perfgate merge <report.json> <report.json>… [options]

Merges the run reports of sharded or matrix CI jobs into one report and judges it as one run:
every measurement against its baseline, one multiple-comparison correction, one gate decision.
Reports that carry no baseline are compared with the committed baselines.
Exit code: 0 no regression, 1 the gate failed, 2 bad input.

Options:
${GATE_HELP}
`

/** `perfgate merge a.json b.json …`: one run from many reports. */
export const merge: Command = async (ctx) => {
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
    if (positionals.length === 0) {
      throw new PerfgateError(
        'BAD_ARGUMENT',
        'merge needs at least one run report. See perfgate merge --help.',
      )
    }
    const reports = await Promise.all(
      positionals.map(async (path) => ({ path, report: await readRunReport(ctx.cwd, path) })),
    )
    const merged = mergeRunReports(reports)
    const baselineEnv = reports.find((r) => r.report.baselineEnv)?.report.baselineEnv
    const result = await finishRun({
      measurements: merged.measurements,
      ...(merged.baseline.length > 0 ? { baseline: merged.baseline } : {}),
      ...(baselineEnv ? { baselineEnv } : {}),
      headEnv: merged.env,
      problems: merged.problems,
      root: ctx.cwd,
      env: { ...ctx.env, PERFGATE_UPDATE: undefined, PERFGATE_ROUND_FILE: undefined },
      stdout: ctx.stdout,
      options: gateOverrides(values),
    })
    return result.failed ? 1 : 0
  } catch (error) {
    if (!isPerfgateError(error) && !isUsageError(error)) throw error
    ctx.stderr.write(`perfgate merge: ${error.message}\n`)
    return 2
  }
}
