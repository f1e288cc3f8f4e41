import { tUpperTail } from '../stats/index.js'
import type { RoundsEvidence } from './noise.js'
import { residualEvidence } from './run-shift.js'

/**
 * Setting a disturbed round aside. A slow period that hit only part of one pass of the suite (in
 * the baselines recorded here: the second half of one round 25–30% slow, the rest of it not)
 * makes one round of every measurement it touched an outlier that no factor per round removes —
 * a spread of 13% where the usual processes agree within 2%. Such a round is set aside, but
 * only where it stands apart in several measurements at once: a round far from the others in
 * one measurement alone is as likely chance, and setting it aside then would *select* the
 * measurements whose other rounds happen to lie close. For steady normal rounds, the kept
 * rounds' spread of the measurements so trimmed is on average 0.28 of the true variance
 * (median 0.21) after the consistency factor below — their noise underestimated about fourfold,
 * and a false `slower` waiting for them (docs/statistics.md, "Setting a disturbed round aside").
 */

/** Fewest rounds before a measurement's farthest round can be set aside. */
export const MIN_TRIM_ROUNDS = 5

/**
 * Share of the normal variance that the spread of k values keeps once the one farthest from their
 * mean is set aside (re-centred, divided by k − 2): 0.455 for 5, 0.660 for 10, 0.896 for 50.
 * Fitted to a simulation of 200,000 normal samples per k (scripts/experiments/trim-consistency.ts,
 * within 2% for 4 ≤ k ≤ 50), so the trimmed spread divided by it estimates the normal variance.
 */
export function trimConsistency(k: number): number {
  return 1 - 1.73 * k ** -0.719
}

/**
 * How far a round must stand from the others before it is set aside: its deleted residual,
 * (x − mean of the others) / (s_others · √(1 + 1/(k − 1))), which is Student t with k − 2 degrees
 * of freedom for normal rounds, beyond 4 — for 5 rounds a 2.8% chance per round.
 */
export const TRIM_DELETED_T = 4

/**
 * Chance level of the test that a round stands apart in more measurements than chance explains
 * (per round; {@link minSharedFarRounds}).
 */
export const SHARED_FAR_ALPHA = 0.025

/** A measurement's farthest round, once the rounds' factors are out, and what is left without it. */
interface FarRound {
  round: number
  /** Its deleted residual (see {@link TRIM_DELETED_T}). */
  deleted: number
  /** Mean of the kept rounds minus the mean of all (scale units). */
  pointShift: number
  /** Sum of squares of the kept rounds about their mean. */
  keptSs: number
}

function farRound(row: readonly number[], factors: readonly number[] | undefined): FarRound | undefined {
  const k = row.length
  if (!factors || factors.length !== k || k < MIN_TRIM_ROUNDS) return undefined
  const adjusted = row.map((x, j) => x - factors[j]!)
  const mean = adjusted.reduce((sum, x) => sum + x, 0) / k
  let far = 0
  for (let j = 1; j < k; j++) if (Math.abs(adjusted[j]! - mean) > Math.abs(adjusted[far]! - mean)) far = j
  const kept = adjusted.filter((_, j) => j !== far)
  const keptMean = kept.reduce((sum, x) => sum + x, 0) / kept.length
  const keptSs = kept.reduce((sum, x) => sum + (x - keptMean) ** 2, 0)
  const deleted = Math.abs(adjusted[far]! - keptMean) / Math.sqrt((keptSs / (k - 2)) * (1 + 1 / (k - 1)))
  return { round: far, deleted, pointShift: keptMean - mean, keptSs }
}

/**
 * Fewest of m measurements of k rounds in which the same round must stand apart before that round
 * counts as disturbed: the smallest c ≥ 2 with P(Binomial(m, p) ≥ c) ≤ {@link SHARED_FAR_ALPHA},
 * p = P(|t(k − 2)| > {@link TRIM_DELETED_T}) being the chance that a given round of a steady
 * measurement stands apart (2.8% for 5 rounds). 3 for the 20–22 measurements of our suite, 2 for
 * six, 7 for a hundred.
 */
export function minSharedFarRounds(m: number, k: number): number {
  const p = 2 * tUpperTail(TRIM_DELETED_T, k - 2)
  // P(X = 0), then P(X ≥ c) = 1 − P(X < c) step by step.
  let term = (1 - p) ** m
  let below = term
  for (let c = 1; c <= m; c++) {
    if (c >= 2 && 1 - below <= SHARED_FAR_ALPHA) return c
    term *= ((m - c + 1) / c) * (p / (1 - p))
    below += term
  }
  return m + 1
}

/**
 * The rounds that stood apart (beyond {@link TRIM_DELETED_T}) in at least
 * {@link minSharedFarRounds} measurements: a disturbance of the machine, not chance.
 */
export function disturbedRounds(
  rows: readonly (readonly number[])[],
  factors: readonly number[] | undefined,
): Set<number> {
  if (!factors) return new Set()
  const counts = new Array<number>(factors.length).fill(0)
  let eligible = 0
  for (const row of rows) {
    const far = farRound(row, factors)
    if (!far) continue
    eligible++
    if (far.deleted > TRIM_DELETED_T) counts[far.round]!++
  }
  const needed = minSharedFarRounds(eligible, factors.length)
  return new Set(counts.flatMap((count, round) => (count >= needed ? [round] : [])))
}

/** A measurement's residual rounds evidence, and where its point moves with a round set aside. */
export interface TrimmedResidual extends RoundsEvidence {
  /** Mean of the kept rounds minus the mean of all (scale units); 0 when none was set aside. */
  pointShift: number
}

/**
 * A measurement's residual spread once the rounds' common factors are out, without its farthest
 * round when that one stands apart and is one of the `disturbed` rounds: the point is the other
 * rounds' mean, and their spread, divided by {@link trimConsistency} as if the farthest of normal
 * rounds had been dropped, estimates the variance, with a degree of freedom fewer. The same kind
 * of jump in the current process is what confirmation in fresh processes answers. Otherwise (and
 * with fewer than {@link MIN_TRIM_ROUNDS} rounds or without factors) the plain residual evidence.
 */
export function trimmedResidual(
  row: readonly number[],
  factors: readonly number[] | undefined,
  rowsInFactors: number,
  disturbed: ReadonlySet<number>,
): TrimmedResidual {
  const far = farRound(row, factors)
  if (!far || !(far.deleted > TRIM_DELETED_T) || !disturbed.has(far.round)) {
    return { ...residualEvidence(row, factors, rowsInFactors), pointShift: 0 }
  }
  const k = row.length
  return {
    ss: far.keptSs / trimConsistency(k),
    df: (k - 2) * (1 - 1 / Math.max(rowsInFactors, 2)),
    pointShift: far.pointShift,
  }
}
