export { MIN_CALIBRATION_COMPARISONS } from './calibrate.js'
export { compareRun } from './compare-run.js'
export type { ConfirmationStep, FreshProcessPlan } from './confirm.js'
export {
  awaitingConfirmation,
  confirmationNote,
  confirmVerdicts,
  isUnsteady,
  MAX_CONFIRMATIONS,
  MAX_SET_ASIDE,
  planFreshProcesses,
  plannedVerdicts,
} from './confirm.js'
export { FALLBACK_PRIOR_DF, fitNoisePrior, MIN_PRIOR_FIT } from './noise.js'
export { MEMORY_MIN_CHANGE_MB, MEMORY_NOISE_FLOOR_MB } from './scale.js'
export { countVerdicts, geometricMeanRatio, notableRunShift, runShiftNote } from './summary-line.js'
export type {
  CompareItem,
  ComparePolicy,
  DetailedComparison,
  DifferenceEstimate,
  NoiseEstimate,
  Side,
} from './types.js'
export { DEFAULT_COMPARE_POLICY } from './types.js'
export { DETECTION_POWER } from './verdict.js'
