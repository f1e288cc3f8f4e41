/**
 * `perfgate`: the core API. Measure functions directly, and the types of everything perfgate
 * records. Test-framework integrations live in `perfgate/vitest`, `perfgate/jest` and the reporters.
 */

export { afterAll, beforeAll, bench, benchConfig, describe } from './bench/api.js'
export type { AbMode, BenchFileOptions, BenchFn, BenchOptions, Hook } from './bench/registry.js'
export type { PerfgateErrorCode } from './errors.js'
export { PerfgateError } from './errors.js'
export type { MeasuredResult } from './measure/measure.js'
export { measureMemoryOf, measureTimeOf } from './measure/measure.js'
export type { MemoryOptions, TimeOptions } from './measure/options.js'
export type {
  Comparison,
  Environment,
  Lean,
  Measurement,
  Metric,
  RatioEstimate,
  RunReport,
  StatName,
  Summary,
  Unit,
  VerdictKind,
} from './types.js'
