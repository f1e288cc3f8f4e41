import { describe, expect, it } from 'vitest'
import { calibrationFactor } from '../../../src/compare/calibrate.js'
import {
  effectiveSpread,
  filesInOrder,
  nearerNeighbourLevels,
  speedChangedPartway,
} from '../../../src/compare/local-speed.js'
import { createRng } from '../../../src/stats/index.js'

describe('nearerNeighbourLevels', () => {
  // One file of ten measurements: the first four at the run's speed, the rest 0.4 slower (a slow
  // period began after the fourth), and the eighth 0.7 above its neighbours (a real change).
  const changes = [0, 0.01, -0.01, 0, 0.4, 0.41, 0.39, 1.1, 0.4, 0.41]
  const oneFile = [changes.map((_, i) => i)]

  it('reads each measurement against the median of its nearer side (up to three neighbours)', () => {
    const levels = nearerNeighbourLevels(changes, oneFile)
    // Inside the calm stretch and inside the slow one: their own stretch.
    expect(levels[1]).toEqual({ level: 0, count: 3 })
    expect(levels[5]!.level).toBeCloseTo(0.4, 12)
    // At the edges of the slow period each measurement takes the side it shared.
    expect(levels[3]).toEqual({ level: 0, count: 3 })
    expect(levels[4]!.level).toBeCloseTo(0.41, 12)
    // The changed measurement never enters its own reference: its sides sit at 0.40 and 0.405,
    // and the nearer one is taken.
    expect(levels[7]!.level).toBeCloseTo(0.405, 12)
  })

  it('takes one side at a file’s ends, and needs two neighbours on a side', () => {
    const levels = nearerNeighbourLevels(changes, oneFile)
    expect(levels[0]).toEqual({ level: 0, count: 3 })
    expect(levels[9]!.count).toBe(3)
    expect(levels[9]!.level).toBeCloseTo(0.4, 12)
    // Files are separate orders: a file of two measurements has no side of two.
    const split = nearerNeighbourLevels(
      [0, 0.1, 0.2, 0.3, 0.4],
      [
        [0, 1],
        [2, 3, 4],
      ],
    )
    expect(split[0]).toBeUndefined()
    expect(split[1]).toBeUndefined()
    expect(split[2]).toEqual({ level: 0.35, count: 2 })
  })
})

describe('filesInOrder', () => {
  it("lists each file's indices in the order the run reported them", () => {
    expect(filesInOrder(['a.ts', 'b.ts', 'a.ts', 'a.ts', 'b.ts'])).toEqual([
      [0, 2, 3],
      [1, 4],
    ])
  })
})

describe('speedChangedPartway', () => {
  // Twenty-two changes relative to the run's common shift, standard error 0.02 each, in one file.
  const rng = createRng(7)
  const run = (level: (i: number) => number) =>
    Array.from({ length: 22 }, (_, i) => ({ d: level(i) + 0.02 * rng.normal(), se: 0.02, df: 8 }))
  const oneFile = [Array.from({ length: 22 }, (_, i) => i)]
  const judge = (centred: ReturnType<typeof run>) =>
    speedChangedPartway(centred, calibrationFactor(centred), oneFile)

  it('is false for a run of one speed, with or without a few changed measurements', () => {
    expect(judge(run(() => 0))).toBe(false)
    expect(judge(run((i) => (i === 5 || i === 16 ? 0.7 : 0)))).toBe(false)
  })

  it('is true when a slow period covered part of the run', () => {
    // The first ten measurements ran 0.37 (1.45×) faster than the run's median: the common
    // reading's calibration is far wider than the neighbours'.
    const partway = run((i) => (i < 10 ? -0.37 : 0))
    expect(calibrationFactor(partway).inflation).toBeGreaterThan(2)
    expect(judge(partway)).toBe(true)
  })

  it('reads the spreads as calibration × median standard error', () => {
    const estimates = [0.01, 0.02, 0.04].map((se) => ({ d: 0, se, df: 5 }))
    expect(effectiveSpread({ inflation: 2, df: 10 }, estimates)).toBeCloseTo(0.04, 12)
  })

  it('needs ten measurements with neighbours, as calibration does', () => {
    // The common reading is as wide as in a partway run, but only three files have neighbours
    // (nine measurements); the other thirteen files hold one test each.
    const centred = run((i) => (i < 10 ? -0.37 : 0))
    const files = [[0, 1, 2], [3, 4, 5], [6, 7, 8], ...Array.from({ length: 13 }, (_, k) => [9 + k])]
    expect(calibrationFactor(centred).inflation).toBeGreaterThan(2)
    expect(speedChangedPartway(centred, calibrationFactor(centred), files)).toBe(false)
  })

  it('needs neighbours: files of two measurements never look unsteady', () => {
    const centred = run((i) => (i % 2 === 0 ? 0.4 : 0))
    const pairs = Array.from({ length: 11 }, (_, k) => [2 * k, 2 * k + 1])
    expect(speedChangedPartway(centred, calibrationFactor(centred), pairs)).toBe(false)
  })
})
