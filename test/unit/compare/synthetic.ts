/**
 * Synthetic measurements with two levels of noise, for tests and the experiment in
 * scripts/experiments: each process (round) draws its own speed factor (between-process noise),
 * then its samples scatter around it with a chosen shape (within-process noise).
 */
import type { CompareItem, Side } from '../../../src/compare/index.js'
import { planFreshProcesses, plannedVerdicts } from '../../../src/compare/index.js'
import type { Rng } from '../../../src/stats/index.js'
import { statistic, summarize, thin } from '../../../src/stats/index.js'
import type { Comparison, StatName } from '../../../src/types.js'
import { MAX_STORED_SAMPLES } from '../../../src/types.js'

/** Shapes of the within-process distribution. */
export type Shape = 'normal' | 'lognormal' | 'bimodal' | 'outliers'

export const SHAPES: readonly Shape[] = ['normal', 'lognormal', 'bimodal', 'outliers']

/** How one side of a measurement is simulated. */
export interface SideSpec {
  shape: Shape
  /** True value of the timed operation (ms) before noise. */
  value: number
  /** Coefficient of variation of the per-process speed factor. */
  processCv: number
  rounds: number
  samplesPerRound: number
  stat?: StatName
  /**
   * A factor per round that every measurement of that process shares (the machine's speed at
   * the time): round r is multiplied by `sharedFactors[r]`. Default none.
   */
  sharedFactors?: readonly number[]
}

// One within-process draw, relative to the process's typical time.
function withinFactor(rng: Rng, shape: Shape): number {
  switch (shape) {
    case 'normal':
      return Math.max(0.05, 1 + 0.05 * rng.normal())
    case 'lognormal':
      return Math.exp(0.25 * rng.normal())
    case 'bimodal':
      // A second mode 60% slower in 30% of the calls, e.g. a GC pause or a cache miss.
      return (rng.next() < 0.3 ? 1.6 : 1) * Math.max(0.05, 1 + 0.03 * rng.normal())
    case 'outliers':
      // 3% of samples 5–20× slower: interrupts, page faults, a preempted thread.
      return Math.max(0.05, 1 + 0.03 * rng.normal()) * (rng.next() < 0.03 ? 5 + 15 * rng.next() : 1)
  }
}

/** Simulates one side: `rounds` processes of `samplesPerRound` samples each. */
export function simulateSide(rng: Rng, spec: SideSpec): Side {
  const stat = spec.stat ?? 'median'
  const logSd = Math.sqrt(Math.log1p(spec.processCv * spec.processCv))
  const all: number[] = []
  const rounds: number[] = []
  for (let r = 0; r < spec.rounds; r++) {
    const processValue = spec.value * Math.exp(logSd * rng.normal()) * (spec.sharedFactors?.[r] ?? 1)
    const samples = Array.from(
      { length: spec.samplesPerRound },
      () => processValue * withinFactor(rng, spec.shape),
    )
    rounds.push(statistic(samples, stat))
    all.push(...samples)
  }
  const side: Side = { samples: thin(all, MAX_STORED_SAMPLES), summary: summarize(all) }
  return spec.rounds >= 2 ? { ...side, rounds } : side
}

// A measurement's true value (ms), spread over an order of magnitude.
const drawValue = (rng: Rng) => 0.5 + 4.5 * rng.next()

/** A time measurement named `m<i>` with the two given sides. */
export function timeItem(
  i: number,
  base: Side | undefined,
  head: Side | undefined,
  stat: StatName = 'median',
): CompareItem {
  const item: CompareItem = {
    key: `m${i}`,
    file: 'bench.perf.ts',
    name: `m${i}`,
    metric: 'time',
    unit: 'ms',
    stat,
  }
  if (base) item.base = base
  if (head) item.head = head
  return item
}

/** A family of `size` measurements whose current run is `ratio` × the baseline's true value. */
export function simulateFamily(
  rng: Rng,
  options: {
    size: number
    ratio: number
    shape: Shape
    processCv: number
    baseRounds: number
    headRounds: number
    samplesPerRound: number
    /** How many measurements (the first ones) get `ratio`; default all. */
    changed?: number
    /** A factor on every head value: the machine running faster or slower as a whole. */
    headDrift?: number
    /** CV of a speed factor per process that all measurements of the process share; default 0. */
    sharedCv?: number
    /** The last `count` measurements vary between processes with this CV instead (default none). */
    noisy?: { count: number; processCv: number }
  },
): CompareItem[] {
  const changed = options.changed ?? options.size
  const drift = options.headDrift ?? 1
  const sharedSd = Math.sqrt(Math.log1p((options.sharedCv ?? 0) ** 2))
  const factors = (rounds: number) => Array.from({ length: rounds }, () => Math.exp(sharedSd * rng.normal()))
  const baseFactors = factors(options.baseRounds)
  const headFactors = factors(options.headRounds)
  return Array.from({ length: options.size }, (_, i) => {
    const value = drawValue(rng)
    const noisy = options.noisy !== undefined && i >= options.size - options.noisy.count
    const common = {
      shape: options.shape,
      processCv: noisy ? options.noisy!.processCv : options.processCv,
      samplesPerRound: options.samplesPerRound,
    }
    const base = simulateSide(rng, {
      ...common,
      value,
      rounds: options.baseRounds,
      sharedFactors: baseFactors,
    })
    const ratio = i < changed ? options.ratio : 1
    const head = simulateSide(rng, {
      ...common,
      value: value * ratio * drift,
      rounds: options.headRounds,
      sharedFactors: headFactors,
    })
    return timeItem(i, base, head)
  })
}

// The steady design: 20 measurements at a 3% process CV, normal samples, 40 per process, the
// first two changed.
const STEADY = { size: 20, shape: 'normal', processCv: 0.03, samplesPerRound: 40, changed: 2 } as const

/**
 * `count` families of 20 time measurements at a 3% process CV (the `noisy` last ones at theirs),
 * normal samples (40 per process), one CI process, the first two `ratio`× slower (none when
 * `ratio` is 1); `rngOf(f)` draws family f. The steady design of the calibration experiment and
 * of the comparator's tests.
 */
export function steadyFamilies(
  count: number,
  options: {
    baseRounds: number
    ratio: number
    rngOf: (f: number) => Rng
    noisy?: { count: number; processCv: number }
  },
): CompareItem[][] {
  const { baseRounds, ratio, rngOf, noisy } = options
  return Array.from({ length: count }, (_, f) =>
    simulateFamily(rngOf(f), {
      size: STEADY.size,
      ratio,
      shape: STEADY.shape,
      processCv: STEADY.processCv,
      baseRounds,
      headRounds: 1,
      samplesPerRound: STEADY.samplesPerRound,
      changed: ratio === 1 ? 0 : STEADY.changed,
      ...(noisy ? { noisy } : {}),
    }),
  )
}

/**
 * Families of the steady design of {@link steadyFamilies} (20 measurements at a 3% process CV,
 * normal samples, 40 per process, the first two `ratio`× slower), each measured in `processes`
 * CI processes against one baseline: `[f][k]` is family f as process k measured it. The
 * processes are independent given the baseline, as fresh processes are under the model; what the
 * fresh-process plan (`planFreshProcesses`) is judged on.
 */
export function steadyProcesses(
  count: number,
  options: { baseRounds: number; ratio: number; processes: number; rngOf: (f: number) => Rng },
): CompareItem[][][] {
  const { baseRounds, ratio, processes, rngOf } = options
  const common = { shape: STEADY.shape, processCv: STEADY.processCv, samplesPerRound: STEADY.samplesPerRound }
  return Array.from({ length: count }, (_, f) => {
    const rng = rngOf(f)
    const values = Array.from({ length: STEADY.size }, () => drawValue(rng))
    const bases = values.map((value) => simulateSide(rng, { ...common, value, rounds: baseRounds }))
    return Array.from({ length: processes }, () =>
      values.map((value, i) =>
        timeItem(
          i,
          bases[i],
          simulateSide(rng, { ...common, value: value * (i < STEADY.changed ? ratio : 1), rounds: 1 }),
        ),
      ),
    )
  })
}

/**
 * A family's processes (judged, in order) taken as the reporters' plan asks for them: the run's
 * verdicts, and how many processes it took (the plan counts none beyond where the run settled).
 */
export function plannedOver(processes: readonly (readonly Comparison[])[]) {
  const plan = planFreshProcesses(processes)
  return {
    verdicts: plannedVerdicts(processes, plan),
    taken: 1 + plan.setAside.length + plan.confirmations.length,
  }
}
