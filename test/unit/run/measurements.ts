import { summarize } from '../../../src/stats/index.js'
import type { Environment, GatePolicy, Measurement } from '../../../src/types.js'

/** The environment and gate policy the run-level unit tests judge with. */
export const env: Environment = { node: '20.20.2', os: 'linux', arch: 'x64', cpu: 'cpu', cores: 2, ci: true }
export const policy: GatePolicy = {
  alpha: 0.01,
  threshold: 0.1,
  correction: 'holm',
  failOnRegression: true,
  environmentMismatch: 'advisory',
}

/**
 * A time measurement of test `name` in a.test.ts with 60 deterministic samples around `value`
 * (a 1% spread); `extra` overrides any field (file, rounds, threshold, source…).
 */
export function timeMeasurement(name: string, value: number, extra: Partial<Measurement> = {}): Measurement {
  const samples = Array.from({ length: 60 }, (_, i) => value * (1 + 0.01 * Math.sin(i * 1.7)))
  return {
    key: name,
    file: 'a.test.ts',
    name,
    metric: 'time',
    unit: 'ms',
    source: 'matcher',
    stat: 'median',
    summary: summarize(samples),
    samples: [...samples].sort((a, b) => a - b),
    batch: 1,
    ...extra,
  }
}
