import { PerfgateError } from '../errors.js'
import type { PerfgateUserOptions } from './types.js'

const YES = ['1', 'true', 'yes']
const NO = ['', '0', 'false', 'no']

function updateFlag(value: string | undefined): boolean {
  if (value === undefined) return false
  const normalized = value.trim().toLowerCase()
  if (YES.includes(normalized)) return true
  if (NO.includes(normalized)) return false
  // A typo here would silently compare instead of recording; better to stop and say so.
  throw new PerfgateError(
    'BAD_CONFIG',
    `PERFGATE_UPDATE must be 1, true or yes to update the baselines (0, false or empty not to), got ${JSON.stringify(value)}.`,
  )
}

/**
 * Options from environment variables, which override every other source (SPEC §6):
 * `PERFGATE_UPDATE` (record baselines), `PERFGATE_BASELINE_DIR`, and `PERFGATE_REPORT` (a path,
 * or `false`/`off` for no report). Empty variables count as unset.
 */
export function optionsFromEnv(env: Record<string, string | undefined>): {
  options: PerfgateUserOptions
  update: boolean
} {
  const options: PerfgateUserOptions = {}
  const baselineDir = env.PERFGATE_BASELINE_DIR?.trim()
  if (baselineDir) options.baselineDir = baselineDir
  const report = env.PERFGATE_REPORT?.trim()
  if (report) options.report = ['false', 'off'].includes(report.toLowerCase()) ? false : report
  return { options, update: updateFlag(env.PERFGATE_UPDATE) }
}
