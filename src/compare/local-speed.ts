import { median } from '../stats/index.js'
import type { Calibration } from './calibrate.js'
import { calibrationFactor, MIN_CALIBRATION_COMPARISONS } from './calibrate.js'
import type { ChangeEstimate } from './estimate.js'
import { shiftVariance } from './run-shift.js'

/**
 * The speed of a process can change partway through a run. On the 2-core machine we measured,
 * slow periods of a few seconds moved the measurements they covered by 1.4–1.6× and spared the
 * others: in one process the first six measurements ran at the baseline's speed and the next
 * sixteen 1.45× slower (docs/statistics.md, "A run whose speed changed partway"). One common
 * shift for such a run leaves a large minority of measurements 30% off, the run-wide calibration
 * widens every interval three- or fourfold, and even a 2× slowdown of one measurement goes
 * undecided. Such a run is recognised here — each measurement read against its neighbours in
 * execution order (tests of a file run one after another) is then far tighter than the common
 * reading — so that the reporters can measure it again in a fresh process.
 */

/** Neighbours taken on each side of a measurement, within its file, in execution order. */
export const NEIGHBOURS_PER_SIDE = 3

/** Fewest neighbours a side needs before its median is a reference. */
export const MIN_SIDE_NEIGHBOURS = 2

/**
 * A run's speed changed partway when the common reading's effective spread (calibration × median
 * standard error) is at least this many times the local reading's. In a run of one speed the
 * local reading is the wider — its reference is a median of two or three neighbours, not of the
 * whole run — and the ratio sits near 0.8; the processes of the recorded sessions in which a
 * slow period covered part of the run gave 1.7–3.9.
 */
export const UNSTEADY_SPREAD_RATIO = 1.5

/** A measurement's reference among its neighbours: their level and how many values it rests on. */
export interface NeighbourLevel {
  level: number
  count: number
}

/** The indices of each file's measurements, in the order the run reported them (execution order). */
export function filesInOrder(files: readonly string[]): number[][] {
  const byFile = new Map<string, number[]>()
  files.forEach((file, i) => {
    const order = byFile.get(file) ?? []
    order.push(i)
    byFile.set(file, order)
  })
  return [...byFile.values()]
}

// Up to `NEIGHBOURS_PER_SIDE` positions before (or after) `at` in a file's execution order.
function side(order: readonly number[], at: number, step: -1 | 1): number[] {
  const taken: number[] = []
  for (let p = at + step; p >= 0 && p < order.length && taken.length < NEIGHBOURS_PER_SIDE; p += step) {
    taken.push(order[p]!)
  }
  return taken
}

/**
 * For each measurement, the level of its nearer side: the median of the changes of up to three
 * neighbours before it and three after it in its file's execution order, whichever median is
 * closer to its own change. At the edge of a slow period a measurement is thus read against the
 * side whose speed it shared. A measurement never enters its own reference, so a single slowed
 * test does not pull its level up. `files` lists the indices of each file's measurements in
 * execution order; a measurement with no side of {@link MIN_SIDE_NEIGHBOURS} gets `undefined`.
 */
export function nearerNeighbourLevels(
  changes: readonly number[],
  files: readonly (readonly number[])[],
): (NeighbourLevel | undefined)[] {
  const levels = new Array<NeighbourLevel | undefined>(changes.length)
  for (const order of files) {
    order.forEach((index, at) => {
      const candidates = [side(order, at, -1), side(order, at, 1)]
        .filter((s) => s.length >= MIN_SIDE_NEIGHBOURS)
        .map((s) => ({ level: median(s.map((i) => changes[i]!)), count: s.length }))
      if (candidates.length === 0) return
      const own = changes[index]!
      levels[index] = candidates.reduce((best, c) =>
        Math.abs(own - c.level) < Math.abs(own - best.level) ? c : best,
      )
    })
  }
  return levels
}

/** How wide a reading of the run is: its calibration times the median standard error. */
export function effectiveSpread(calibration: Calibration, estimates: readonly ChangeEstimate[]): number {
  return calibration.inflation * median(estimates.map((e) => e.se))
}

/**
 * Whether the run's speed changed partway through. `centred` are the changes relative to the
 * run's common shift with their standard errors, `common` their calibration. Each is read again
 * against its nearer neighbours (the level's own uncertainty, a median of two or three changes,
 * added to its variance) and calibrated; the run is unsteady when the common reading is
 * {@link UNSTEADY_SPREAD_RATIO} times as wide as that local one; it needs ten measurements with
 * neighbours, as calibration does. Both spreads come from every measurement, robustly, so the
 * answer does not depend on how any one measurement changed.
 */
export function speedChangedPartway(
  centred: readonly ChangeEstimate[],
  common: Calibration,
  files: readonly (readonly number[])[],
): boolean {
  const levels = nearerNeighbourLevels(
    centred.map((e) => e.d),
    files,
  )
  // The variance of a median of one typical change; a level of n neighbours has 1/n of it.
  const medianOfOne = shiftVariance(
    centred.map((e) => e.se * e.se),
    1,
  )
  const local = centred.flatMap((e, i) => {
    const near = levels[i]
    if (!near) return []
    return [{ d: e.d - near.level, se: Math.sqrt(e.se * e.se + medianOfOne / near.count), df: e.df }]
  })
  // Without enough neighbour readings to calibrate, a calibrated common spread would be compared
  // with an uncalibrated local one: a run that is merely noisy would look unsteady.
  if (local.length < MIN_CALIBRATION_COMPARISONS) return false
  const localSpread = effectiveSpread(calibrationFactor(local), local)
  return localSpread > 0 && effectiveSpread(common, centred) >= UNSTEADY_SPREAD_RATIO * localSpread
}
