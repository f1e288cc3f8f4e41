import { PerfgateError } from '../errors.js'
import type { ComparePolicy } from './types.js'
import { CALIBRATION_RULES } from './types.js'

/** Rejects a policy no comparison can be judged with; shared by baseline and A/B comparisons. */
export function checkPolicy(policy: ComparePolicy): void {
  const bad = (option: string, value: unknown, expected: string) =>
    new PerfgateError('BAD_OPTION', `perfgate: option "${option}" must be ${expected}; got ${String(value)}.`)
  if (!(policy.alpha > 0 && policy.alpha < 1)) throw bad('alpha', policy.alpha, 'a number between 0 and 1')
  if (!(policy.threshold >= 0 && Number.isFinite(policy.threshold))) {
    throw bad('threshold', policy.threshold, 'a number ≥ 0')
  }
  if (!(policy.noiseFloor >= 0 && Number.isFinite(policy.noiseFloor))) {
    throw bad('noiseFloor', policy.noiseFloor, 'a number ≥ 0')
  }
  if (policy.calibration !== undefined && !CALIBRATION_RULES.includes(policy.calibration)) {
    throw bad('calibration', policy.calibration, CALIBRATION_RULES.join(', '))
  }
}
