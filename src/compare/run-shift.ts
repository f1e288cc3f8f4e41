import { median } from '../stats/index.js'
import type { RoundsEvidence } from './noise.js'

/**
 * The run's common shift. On a shared machine most of what moves a measurement from one process
 * to the next moves every measurement of that process alike: measured here, whole processes ran
 * 1.4–1.6× slower than the others during slow periods of the machine while the differences
 * between measurements stayed within a few percent (docs/statistics.md, "The run's common
 * shift"). Such a shift is one number for the whole run, visible in the run itself, so each
 * measurement is judged on how it moved relative to the run, and the shift is reported.
 */

/** Fewest valid time comparisons before a run's common shift is estimated and removed. */
export const MIN_SHIFT_COMPARISONS = 5

/**
 * Least standard deviation (log scale) assumed for the speed of a session of the machine: the
 * drift between the session that recorded the baseline and the one that measures now. Rounds
 * recorded back to back share their session and cannot show it; slow periods of the 2-core
 * machine we measured moved every process in them by 1.4–1.6× for minutes at a time. A shift
 * of the whole run is only called a change of code when it is beyond this drift.
 */
export const DRIFT_FLOOR_SD = 0.15

/** The row length most rows share (ties to the longer), and how many share it. */
function modalLength(rows: readonly (readonly number[])[]): { k: number; count: number } {
  const counts = new Map<number, number>()
  for (const row of rows) if (row.length >= 2) counts.set(row.length, (counts.get(row.length) ?? 0) + 1)
  let k = 0
  let count = 0
  for (const [length, n] of counts) if (n > count || (n === count && length > k)) [k, count] = [length, n]
  return { k, count }
}

/**
 * Each round's common factor, for rounds recorded together (`perfgate update --rounds k` runs
 * the whole suite k times, so round j of every measurement comes from the same pass). Only rows
 * with the most common round count take part; with fewer than three such rows there is nothing
 * to separate, and `undefined` is returned. A round's factor is the median, over measurements,
 * of its deviation from the measurement's mean: a few measurements with odd rounds do not move it.
 */
export function roundFactors(rows: readonly (readonly number[])[]): number[] | undefined {
  const { k, count } = modalLength(rows)
  if (count < 3) return undefined
  const centred = rows.filter((row) => row.length === k).map(centre)
  return Array.from({ length: k }, (_, j) => median(centred.map((row) => row[j]!)))
}

function centre(row: readonly number[]): number[] {
  const mean = row.reduce((sum, x) => sum + x, 0) / row.length
  return row.map((x) => x - mean)
}

/**
 * A measurement's rounds with the rounds' common factors taken out: the spread that is its own.
 * Rows that do not match the factors (another round count) keep their whole spread. Removing k
 * factors estimated from `rowsInFactors` rows costs each row about k/rows of its degrees of
 * freedom; they are charged so the residual spread is not taken for more evidence than it is.
 */
export function residualEvidence(
  row: readonly number[],
  factors: readonly number[] | undefined,
  rowsInFactors: number,
): RoundsEvidence {
  if (row.length < 2) return { ss: 0, df: 0 }
  const centred = centre(row)
  if (!factors || factors.length !== row.length) {
    return { ss: centred.reduce((sum, x) => sum + x * x, 0), df: row.length - 1 }
  }
  const ss = centred.reduce((sum, x, j) => sum + (x - factors[j]!) ** 2, 0)
  return { ss, df: (row.length - 1) * (1 - 1 / Math.max(rowsInFactors, 2)) }
}

/**
 * Where a side's typical round sits against the mean of its rounds (log scale): the median of the
 * rounds' common factors minus their mean, 0 without factors. A side's point is the mean of its
 * rounds, so a baseline with two of five rounds in a slow period of the machine sits 10–15%
 * above what the machine usually measures (recorded in docs/statistics.md); moved to its
 * typical round, the change against it reads as the change against the usual machine.
 */
export function typicalOffset(factors: readonly number[] | undefined): number {
  if (!factors || factors.length < 2) return 0
  return median(factors) - factors.reduce((sum, x) => sum + x, 0) / factors.length
}

/** Range of a side's round states about its typical round (log scale); [0, 0] without factors. */
function stateRange(factors: readonly number[] | undefined): { low: number; high: number } {
  if (!factors || factors.length < 2) return { low: 0, high: 0 }
  const typical = median(factors)
  return { low: Math.min(...factors) - typical, high: Math.max(...factors) - typical }
}

/**
 * The shifts of the whole run that the rounds themselves showed the machine making. The shift
 * is the current side's typical round against the baseline's; were the current side's typical
 * round in the state of baseline round r, the shift would be r's state about the baseline's
 * typical round, less the current round's own offset from its typical round where the current
 * side has rounds too. A baseline whose rounds ran at 0.65× and 1× of its typical speed has
 * seen the machine make a run 0.65× as long: a run at that shift is the machine in a state the
 * baseline was recorded in, not a change of the code around the measurement.
 */
export function seenShifts(
  baseFactors: readonly number[] | undefined,
  headFactors: readonly number[] | undefined,
): { low: number; high: number } {
  const base = stateRange(baseFactors)
  const head = stateRange(headFactors)
  return { low: base.low - head.high, high: base.high - head.low }
}

/** The run's common shift: the median change, which a minority of real changes does not move. */
export function commonShift(changes: readonly number[]): number {
  return median(changes)
}

/**
 * Variance of the median of m changes with typical variance v (the median of `variances`), added
 * to each relative change: π/2 · v/m (the median's asymptotic variance for normal data), so a
 * shift estimated from a few measurements widens their intervals. `m` is the number of variances
 * unless given (local-speed.ts takes m = 1 once and divides by each level's neighbour count).
 */
export function shiftVariance(variances: readonly number[], m: number = variances.length): number {
  if (m === 0 || variances.length === 0) return 0
  return ((Math.PI / 2) * median(variances)) / m
}

/** The common shift's own test: is the whole run beyond the drift of the machine? */
export interface ShiftTest {
  shift: number
  se: number
  df: number
}

// Spread of a side's round factors: its sum of squares about their mean and degrees of freedom.
function factorSpread(factors: readonly number[] | undefined): { ss: number; df: number } {
  if (!factors || factors.length < 2) return { ss: 0, df: 0 }
  const mean = factors.reduce((sum, x) => sum + x, 0) / factors.length
  return { ss: factors.reduce((sum, x) => sum + (x - mean) ** 2, 0), df: factors.length - 1 }
}

/**
 * The standard error of the common shift as a change of the whole run: one draw of the common
 * factor per single-process side, 1/k of it for a side of k rounds, with the factor's variance
 * taken from the rounds' factors — but never below the drift of two sessions,
 * 2·{@link DRIFT_FLOOR_SD}², which more rounds in the same session do not average away.
 */
export function shiftTest(
  shift: number,
  base: { factors: readonly number[] | undefined; processes: number },
  head: { factors: readonly number[] | undefined; processes: number },
): ShiftTest {
  const spreads = [factorSpread(base.factors), factorSpread(head.factors)]
  const ss = spreads[0]!.ss + spreads[1]!.ss
  const df = spreads[0]!.df + spreads[1]!.df
  const estimated = (df > 0 ? ss / df : 0) * (1 / base.processes + 1 / head.processes)
  const floor = 2 * DRIFT_FLOOR_SD * DRIFT_FLOOR_SD
  return {
    shift,
    se: Math.sqrt(Math.max(estimated, floor)),
    df: estimated > floor ? df : Number.POSITIVE_INFINITY,
  }
}
