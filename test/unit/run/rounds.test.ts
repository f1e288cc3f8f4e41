import { describe, expect, test } from 'vitest'
import { combineRounds, roundSpeedSpread, UNSTEADY_ROUNDS_SPREAD } from '../../../src/run/rounds.js'
import type { Measurement } from '../../../src/types.js'
import { timeMeasurement as measurement } from './measurements.js'

describe('combineRounds', () => {
  test('pools samples and keeps each round statistic', () => {
    const rounds = [
      [measurement('a', 1)],
      [measurement('a', 1.2)],
      [measurement('a', 0.9), measurement('b', 3)],
    ]
    const [a, b] = combineRounds(rounds)
    expect(a?.rounds?.map((r) => Number(r.toFixed(3)))).toEqual([1, 1.2, 0.9])
    expect(a?.summary.n).toBe(180)
    expect(a?.samples.length).toBeLessThanOrEqual(200)
    expect(b?.rounds).toBeUndefined()
  })
})

describe('roundSpeedSpread', () => {
  // Four tests over four rounds; `speeds[j]` is round j's common factor, with a little of each
  // test's own noise on top.
  const recording = (speeds: number[]) =>
    speeds.map((speed, j) =>
      ['a', 'b', 'c', 'd'].map((name, i) =>
        measurement(name, (1 + i) * speed * (1 + 0.01 * Math.sin(i + 3 * j))),
      ),
    )
  const spreadOf = (rounds: readonly Measurement[][]) =>
    roundSpeedSpread(combineRounds(rounds), rounds.length)

  test('is near 1 for rounds recorded at one speed', () => {
    const spread = spreadOf(recording([1, 1, 1, 1]))!
    expect(spread).toBeGreaterThanOrEqual(1)
    expect(spread).toBeLessThan(1.05)
  })

  test('is the slowest round over the fastest when the machine changed speed', () => {
    const spread = spreadOf(recording([1, 1.5, 1.45, 1]))!
    expect(spread).toBeGreaterThan(UNSTEADY_ROUNDS_SPREAD)
    expect(spread).toBeCloseTo(1.5, 1)
  })

  test('needs three time measurements that every round produced', () => {
    expect(spreadOf(recording([1, 1.5]).map((round) => round.slice(0, 2)))).toBeUndefined()
    const memory = recording([1, 1.5, 1]).map((round) =>
      round.map((m) => ({ ...m, metric: 'memory' as const })),
    )
    expect(spreadOf(memory)).toBeUndefined()
  })
})
